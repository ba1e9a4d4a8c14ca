//! `units`: keys unique, names given, slugs (given or derived from `short`,
//! else `name`) valid and unique, and no key that is another unit's slug.

use super::common::{Ctx, Pos, TOP, key_text, pos, pos_or};
use crate::data::dataset::Unit;
use crate::data::raw::{Key, RawUnit};
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::load::yaml::Spanned;
use crate::util::text::{is_valid_slug, slugify};
use std::collections::HashMap;

/// The declared units and how to find them.
#[derive(Default)]
pub(super) struct Units {
    /// In declared order.
    pub(super) units: Vec<Unit>,
    /// Key → index into `units`.
    pub(super) by_key: HashMap<String, usize>,
    /// Where each unit's key is written.
    key_pos: Vec<Pos>,
    /// Slug → index of the first unit with that slug.
    by_slug: HashMap<String, usize>,
    /// Each unit's `since`, `until`, `formed_from`, `succeeded_by` as
    /// written, for `life` (aligned with `units`).
    pub(super) raw_life: Vec<RawLife>,
}

/// A unit's life and links as written, with the unit's position.
pub(super) struct RawLife {
    pub(super) at: Pos,
    pub(super) since: Option<Spanned<String>>,
    pub(super) until: Option<Spanned<String>>,
    pub(super) formed_from: Option<Spanned<Vec<Spanned<Key>>>>,
    pub(super) succeeded_by: Option<Spanned<Vec<Spanned<Key>>>>,
}

/// The required `units` list.
pub(super) fn units(cx: &mut Ctx, list: Option<Spanned<Vec<Spanned<RawUnit>>>>) -> Units {
    let mut t = Units::default();
    let Some(list) = list else {
        cx.err(TOP, msg!(m::DV_NO_UNITS), msg!(m::DV_NO_UNITS_HINT));
        return t;
    };
    if list.value.is_empty() {
        cx.err(
            pos(&list),
            msg!(m::DV_UNITS_EMPTY),
            msg!(m::DV_UNITS_EMPTY_HINT),
        );
    }
    let list_pos = pos(&list);
    for u in list.value {
        let at = pos_or(&u, list_pos);
        unit(cx, u.value, at, &mut t);
    }
    check_ambiguous_keys(cx, &t);
    t
}

/// One unit, added to `t` unless its key is missing or repeated.
fn unit(cx: &mut Ctx, r: RawUnit, at: Pos, t: &mut Units) {
    let key = unit_key(cx, r.key.as_ref(), at);
    let name = cx.text(r.name, at, "name", msg!(m::DV_UNIT_NAME_HINT));
    let short = r.short.and_then(|s| {
        let p = pos(&s);
        cx.nonempty(s, "short", msg!(m::DV_UNIT_SHORT_HINT))
            .map(|t| (t, p))
    });
    let slug = match r.slug {
        Some(s) => given_slug(cx, &s),
        None => derived_slug(cx, short.as_ref(), name.as_deref(), at),
    };
    if let Some((s, p)) = &slug {
        if let Some(&j) = t.by_slug.get(s) {
            cx.err(
                *p,
                msg!(
                    m::DV_SLUG_USED,
                    slug = s,
                    other = &t.units[j].name,
                    line = m::text(t.key_pos[j].0)
                ),
                msg!(m::DV_SLUG_USED_HINT),
            );
        }
    }
    let Some((key, kpos)) = key else { return };
    if let Some(&j) = t.by_key.get(&key) {
        cx.err(
            kpos,
            msg!(
                m::DV_UNIT_KEY_TWICE,
                key = key,
                first = m::text(t.key_pos[j].0)
            ),
            msg!(m::DV_UNIT_KEY_TWICE_HINT),
        );
        return;
    }
    let name = name.unwrap_or_default();
    let idx = t.units.len();
    t.by_key.insert(key.clone(), idx);
    if let Some((s, _)) = &slug {
        t.by_slug.entry(s.clone()).or_insert(idx);
    }
    t.units.push(Unit {
        key,
        short: short.map(|(s, _)| s).unwrap_or_else(|| name.clone()),
        name,
        slug: slug.map(|(s, _)| s).unwrap_or_default(),
        since: None,
        until: None,
        formed_from: Vec::new(),
        succeeded_by: Vec::new(),
    });
    t.key_pos.push(kpos);
    t.raw_life.push(RawLife {
        at,
        since: r.since,
        until: r.until,
        formed_from: r.formed_from,
        succeeded_by: r.succeeded_by,
    });
}

/// The unit's key and where it is written.
fn unit_key(cx: &mut Ctx, k: Option<&Spanned<Key>>, at: Pos) -> Option<(String, Pos)> {
    let Some(k) = k else {
        cx.err(at, msg!(m::DV_UNIT_NO_KEY), msg!(m::DV_UNIT_NO_KEY_HINT));
        return None;
    };
    let t = key_text(k);
    if t.trim().is_empty() {
        cx.err(
            pos(k),
            msg!(m::DV_UNIT_EMPTY_KEY),
            msg!(m::DV_UNIT_EMPTY_KEY_HINT),
        );
        None
    } else {
        Some((t, pos(k)))
    }
}

/// A `slug:` as written, if it is a valid slug.
fn given_slug(cx: &mut Ctx, s: &Spanned<String>) -> Option<(String, Pos)> {
    let t = s.value.trim().to_string();
    if is_valid_slug(&t) {
        return Some((t, pos(s)));
    }
    cx.err(
        pos(s),
        msg!(m::DV_BAD_SLUG, slug = &t),
        msg!(m::DV_BAD_SLUG_HINT, example = slugify(&t)),
    );
    None
}

/// The slug of `short`, else of `name`, located where that text is.
fn derived_slug(
    cx: &mut Ctx,
    short: Option<&(String, Pos)>,
    name: Option<&str>,
    at: Pos,
) -> Option<(String, Pos)> {
    let (src, p) = match (short, name) {
        (Some((s, p)), _) => (s.as_str(), *p),
        (None, Some(n)) => (n, at),
        (None, None) => ("", at),
    };
    let s = slugify(src);
    if !s.is_empty() {
        return Some((s, p));
    }
    if !src.is_empty() {
        cx.err(p, msg!(m::DV_NO_SLUG, name = src), msg!(m::DV_NO_SLUG_HINT));
    }
    None
}

/// `unit=` takes a slug or a key: a key that is another unit's slug is
/// ambiguous.
fn check_ambiguous_keys(cx: &mut Ctx, t: &Units) {
    for (i, u) in t.units.iter().enumerate() {
        if let Some(&j) = t.by_slug.get(&u.key) {
            if j != i {
                cx.err(
                    t.key_pos[i],
                    msg!(m::DV_KEY_IS_SLUG, key = &u.key, other = &t.units[j].name),
                    msg!(m::DV_KEY_IS_SLUG_HINT),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::tests::{lines, messages, yaml};
    use super::*;
    use std::path::Path;

    fn check(src: &str) -> (Vec<Unit>, Vec<String>, Vec<usize>) {
        let mut cx = Ctx::new(Path::new("t.yaml"));
        let t = units(&mut cx, Some(yaml(src)));
        (t.units, messages(&cx), lines(&cx))
    }

    #[test]
    fn slugs_are_given_or_derived_from_short_else_name() {
        let (u, errs, _) = check(
            "- { key: \"1\", name: Huyện Mường Tè, short: Mường Tè }\n- { key: \"2\", name: Thành phố Lai Châu }\n- { key: \"3\", name: X, slug: tp-x }\n",
        );
        assert!(errs.is_empty(), "{errs:?}");
        let slugs: Vec<&str> = u.iter().map(|u| u.slug.as_str()).collect();
        assert_eq!(slugs, ["muong-te", "thanh-pho-lai-chau", "tp-x"]);
        assert_eq!(u[1].short, "Thành phố Lai Châu");
    }

    #[test]
    fn a_key_that_is_another_units_slug_is_ambiguous() {
        let (u, errs, at) = check("- { key: b, name: A }\n- { key: \"2\", name: B }\n");
        assert_eq!(u.len(), 2);
        assert_eq!(
            errs,
            ["unit key `b` is the slug of another unit (`B`), so `unit=\"b\"` would be ambiguous"]
        );
        assert_eq!(at, [1]);
    }

    #[test]
    fn repeated_keys_and_slugs_and_underivable_slugs_are_reported() {
        let (u, errs, at) = check(
            "- { key: \"1\", name: A }\n- { key: \"1\", name: B }\n- { key: \"3\", name: a }\n- { key: \"4\", name: \"…\" }\n- { key: \"5\", name: E, slug: E_1 }\n",
        );
        let keys: Vec<&str> = u.iter().map(|u| u.key.as_str()).collect();
        assert_eq!(keys, ["1", "3", "4", "5"]);
        assert_eq!(
            errs,
            [
                "unit key `1` is declared twice (first at line 1)",
                "unit slug `a` is already used by `A` (line 1)",
                "no slug can be derived from `…`",
                "unit slug `E_1` is not a valid slug",
            ]
        );
        assert_eq!(at, [2, 3, 4, 5]);
    }
}
