//! Field sets (the default `fields` and a year's own): keys unique, names
//! given, `max` a positive number.

use super::common::{Ctx, Pos, key_text, pos, pos_or};
use crate::data::dataset::{Field, TotalMode, YearResult};
use crate::data::raw::{Key, RawField, RawNum};
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::load::yaml::{Spanned, line_of};
use std::collections::HashMap;

/// A list of fields; `fallback` locates items the parser did not.
pub(super) fn field_set(cx: &mut Ctx, list: Vec<Spanned<RawField>>, fallback: Pos) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for f in list {
        let at = pos_or(&f, fallback);
        let r = f.value;
        let key = field_key(cx, r.key.as_ref(), at, &mut seen);
        let name = cx.text(r.name, at, "name", msg!(m::DV_FIELD_NAME_HINT));
        let max = field_max(cx, r.max.as_ref(), at);
        if let (Some(key), Some(name), Some(max)) = (key, name, max) {
            out.push(Field { key, name, max });
        }
    }
    out
}

/// A field's key: given, not empty, not seen before in this list.
fn field_key(
    cx: &mut Ctx,
    k: Option<&Spanned<Key>>,
    at: Pos,
    seen: &mut HashMap<String, usize>,
) -> Option<String> {
    let Some(k) = k else {
        cx.err(at, msg!(m::DV_FIELD_NO_KEY), msg!(m::DV_FIELD_NO_KEY_HINT));
        return None;
    };
    let t = key_text(k);
    if t.trim().is_empty() {
        cx.err(
            pos(k),
            msg!(m::DV_FIELD_EMPTY_KEY),
            msg!(m::DV_FIELD_EMPTY_KEY_HINT),
        );
        None
    } else if let Some(first) = seen.get(&t) {
        cx.err(
            pos(k),
            msg!(m::DV_FIELD_TWICE, key = &t, first = m::text(first)),
            msg!(m::DV_FIELD_TWICE_HINT),
        );
        None
    } else {
        seen.insert(t.clone(), line_of(k));
        Some(t)
    }
}

/// A field's `max`: given and above 0.
fn field_max(cx: &mut Ctx, m: Option<&Spanned<RawNum>>, at: Pos) -> Option<f64> {
    let Some(m) = m else {
        cx.err(at, msg!(m::DV_FIELD_NO_MAX), msg!(m::DV_FIELD_NO_MAX_HINT));
        return None;
    };
    let v = cx.req_num(m, "`max`")?;
    if v > 0.0 {
        Some(v)
    } else {
        cx.err(
            pos(m),
            msg!(m::DV_FIELD_MAX, value = m::text(v)),
            msg!(m::DV_FIELD_MAX_HINT),
        );
        None
    }
}

/// `total: sum_of_fields` needs fields, for the dataset or some year.
pub(super) fn check_sum_has_fields(
    cx: &mut Ctx,
    total: Option<&Spanned<String>>,
    mode: TotalMode,
    fields: &[Field],
    years: &[YearResult],
) {
    if mode != TotalMode::SumOfFields
        || !fields.is_empty()
        || !years.iter().all(|y| y.fields.is_empty())
    {
        return;
    }
    if let Some(t) = total {
        cx.err(
            pos(t),
            msg!(m::DV_SUM_NO_FIELDS),
            msg!(m::DV_SUM_NO_FIELDS_HINT),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::TOP;
    use super::super::common::tests::{lines, messages, yaml};
    use super::*;
    use std::path::Path;

    #[test]
    fn fields_need_unique_keys_names_and_a_positive_max() {
        let list = yaml(
            "- { key: a, name: A, max: 10 }\n- { key: a, name: B, max: 5 }\n- { key: \"\", name: C, max: 5 }\n- { key: d, max: 0 }\n- { name: E }\n- { key: 7, name: F, max: 2.5 }\n",
        );
        let mut cx = Ctx::new(Path::new("t.yaml"));
        let got = field_set(&mut cx, list, TOP);
        let keys: Vec<&str> = got.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["a", "7"]);
        assert_eq!(got[1].max, 2.5);
        assert_eq!(
            messages(&cx),
            [
                "field key `a` is declared twice (first at line 1)",
                "field `key` is empty",
                "missing required key `name`",
                "field max is 0; it must be above 0",
                "missing required key `key` in field",
                "missing required key `max` in field",
            ]
        );
        assert_eq!(lines(&cx), [2, 3, 4, 4, 5, 5]);
    }

    #[test]
    fn sum_of_fields_without_any_field_is_reported_at_total() {
        let total: Spanned<String> = yaml("sum_of_fields");
        let field = Field {
            key: "a".into(),
            name: "A".into(),
            max: 1.0,
        };
        let mut cx = Ctx::new(Path::new("t.yaml"));
        check_sum_has_fields(&mut cx, Some(&total), TotalMode::Independent, &[], &[]);
        check_sum_has_fields(&mut cx, Some(&total), TotalMode::SumOfFields, &[field], &[]);
        assert!(cx.diags.is_empty());
        check_sum_has_fields(&mut cx, Some(&total), TotalMode::SumOfFields, &[], &[]);
        assert_eq!(
            messages(&cx),
            ["`total: sum_of_fields` but no fields are declared"]
        );
    }
}
