//! Units over time: `since`, `until`, `formed_from`, `succeeded_by`, and
//! the built-in table named by `lineage:`. Either side of a link may be
//! written and the other is derived; when both are written they agree; a
//! successor begins after its predecessor ends.

use super::common::{Ctx, Pos, key_text, list_keys, pos, pos_or};
use super::units::Units;
use crate::data::dataset::{Day, Unit};
use crate::data::lineage::{self, Role};
use crate::data::raw::Key;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::load::yaml::Spanned;

/// The links as written: (predecessor, successor, where, written on the
/// predecessor's side).
struct Written {
    pred: usize,
    succ: usize,
    at: Pos,
    on_pred: bool,
}

/// Fill every unit's life and links; `lineage` is the dataset's `lineage:`.
/// Returns the table's name when it is known.
pub(super) fn lives(
    cx: &mut Ctx,
    t: &mut Units,
    lineage: Option<Spanned<String>>,
) -> Option<String> {
    let table = lineage.and_then(|l| {
        let name = l.value.trim().to_string();
        if lineage::NAMES.contains(&name.as_str()) {
            Some(name)
        } else {
            cx.err(
                pos(&l),
                msg!(m::DV_UNKNOWN_LINEAGE, name = &name),
                msg!(
                    m::DV_UNKNOWN_LINEAGE_HINT,
                    names = lineage::NAMES.join(", ")
                ),
            );
            None
        }
    });
    let mut written: Vec<Written> = Vec::new();
    for i in 0..t.units.len() {
        dates(cx, t, i);
        links(cx, t, i, &mut written);
    }
    if let Some(name) = &table {
        from_table(t, name, &mut written);
    }
    check_agreement(cx, t, &written);
    for w in &written {
        let (p, s) = (w.pred, w.succ);
        if !t.units[p].succeeded_by.contains(&s) {
            t.units[p].succeeded_by.push(s);
        }
        if !t.units[s].formed_from.contains(&p) {
            t.units[s].formed_from.push(p);
        }
    }
    for u in &mut t.units {
        u.succeeded_by.sort_unstable();
        u.formed_from.sort_unstable();
    }
    check_order(cx, t, &written);
    table
}

/// `since` and `until` of unit `i`, each a valid day, in order.
fn dates(cx: &mut Ctx, t: &mut Units, i: usize) {
    let key = t.units[i].key.clone();
    let since = t.raw_life[i]
        .since
        .take()
        .and_then(|s| day(cx, &s, "since", &key));
    let until = t.raw_life[i]
        .until
        .take()
        .and_then(|s| day(cx, &s, "until", &key));
    if let (Some((s, _)), Some((u, at))) = (since, until) {
        if s > u {
            cx.err(
                at,
                msg!(
                    m::DV_SINCE_AFTER_UNTIL,
                    unit = &key,
                    since = s.iso(),
                    until = u.iso()
                ),
                msg!(m::DV_SINCE_AFTER_UNTIL_HINT),
            );
        }
    }
    t.units[i].since = since.map(|d| d.0);
    t.units[i].until = until.map(|d| d.0);
}

/// A `YYYY-MM-DD` day.
fn day(cx: &mut Ctx, s: &Spanned<String>, what: &str, unit: &str) -> Option<(Day, Pos)> {
    let text = s.value.trim();
    let parsed = (text.len() == 10)
        .then(|| text.parse::<jiff::civil::Date>().ok())
        .flatten();
    match parsed {
        Some(d) => Some((
            Day {
                year: d.year() as i32,
                month: d.month() as u8,
                day: d.day() as u8,
            },
            pos(s),
        )),
        None => {
            cx.err(
                pos(s),
                msg!(m::DV_BAD_DATE, key = what, unit = unit, text = text),
                msg!(m::DV_BAD_DATE_HINT),
            );
            None
        }
    }
}

/// The written `formed_from` and `succeeded_by` of unit `i`.
fn links(cx: &mut Ctx, t: &mut Units, i: usize, out: &mut Vec<Written>) {
    let raw = &mut t.raw_life[i];
    let at = raw.at;
    let sides = [
        ("formed_from", raw.formed_from.take(), false),
        ("succeeded_by", raw.succeeded_by.take(), true),
    ];
    for (what, list, on_pred) in sides {
        let Some(list) = list else { continue };
        let list_pos = pos_or(&list, at);
        for k in list.value {
            let Some(j) = link_target(cx, t, i, &k, what, pos_or(&k, list_pos)) else {
                continue;
            };
            let (pred, succ) = if on_pred { (i, j) } else { (j, i) };
            out.push(Written {
                pred,
                succ,
                at: pos_or(&k, list_pos),
                on_pred,
            });
        }
    }
}

/// The unit a link names, if declared and not the unit itself.
fn link_target(
    cx: &mut Ctx,
    t: &Units,
    i: usize,
    k: &Spanned<Key>,
    what: &str,
    at: Pos,
) -> Option<usize> {
    let key = key_text(k);
    let unit = &t.units[i].key;
    match t.by_key.get(&key) {
        None => {
            cx.err(
                at,
                msg!(m::DV_LINK_UNKNOWN, key = &key, what = what, unit = unit),
                msg!(
                    m::DV_LINK_UNKNOWN_HINT,
                    keys = list_keys(t.units.iter().map(|u| u.key.as_str()))
                ),
            );
            None
        }
        Some(&j) if j == i => {
            cx.err(
                at,
                msg!(m::DV_LINK_SELF, unit = unit, what = what),
                msg!(m::DV_LINK_SELF_HINT),
            );
            None
        }
        Some(&j) => Some(j),
    }
}

/// `lineage:`: dates and links for units the table knows, where the
/// dataset wrote none.
fn from_table(t: &mut Units, name: &str, out: &mut Vec<Written>) {
    for i in 0..t.units.len() {
        let key = t.units[i].key.clone();
        match lineage::role(name, &key) {
            Some(Role::Ended { successor }) => {
                let u = &mut t.units[i];
                u.until.get_or_insert(lineage::REFORM_UNTIL);
                for s in successor {
                    if let Some(&j) = t.by_key.get(&s) {
                        if !wrote(out, i, true) && !wrote(out, j, false) {
                            push_new(out, i, j, t.raw_life[i].at);
                        }
                    }
                }
            }
            Some(Role::Formed { from }) => {
                t.units[i].since.get_or_insert(lineage::REFORM_SINCE);
                for p in from.iter().flatten() {
                    if let Some(&j) = t.by_key.get(p) {
                        if !wrote(out, i, false) && !wrote(out, j, true) {
                            push_new(out, j, i, t.raw_life[i].at);
                        }
                    }
                }
            }
            None => {}
        }
    }
}

/// Whether the dataset wrote unit `u`'s `succeeded_by` (`on_pred`) or its
/// `formed_from`: what is written wins over the table.
fn wrote(out: &[Written], u: usize, on_pred: bool) -> bool {
    out.iter()
        .any(|w| w.on_pred == on_pred && u == if on_pred { w.pred } else { w.succ })
}

/// A link from the table, unless already written.
fn push_new(out: &mut Vec<Written>, pred: usize, succ: usize, at: Pos) {
    if !out.iter().any(|w| w.pred == pred && w.succ == succ) {
        out.push(Written {
            pred,
            succ,
            at,
            on_pred: true,
        });
    }
}

/// When a unit writes a side of its links, every link on that side written
/// by the other unit must be there too.
fn check_agreement(cx: &mut Ctx, t: &Units, written: &[Written]) {
    let has = |unit: usize, on_pred: bool| {
        written
            .iter()
            .any(|w| w.on_pred == on_pred && unit == if on_pred { w.pred } else { w.succ })
    };
    let listed = |w: &Written, on_pred: bool| {
        written
            .iter()
            .any(|o| o.on_pred == on_pred && o.pred == w.pred && o.succ == w.succ)
    };
    for w in written {
        // The other side of this link: is it written at all, and does it list it?
        let (other, other_side) = if w.on_pred {
            (w.succ, false)
        } else {
            (w.pred, true)
        };
        if !has(other, other_side) || listed(w, other_side) {
            continue;
        }
        let (unit, what, other_what) = if w.on_pred {
            (w.pred, "succeeded_by", "formed_from")
        } else {
            (w.succ, "formed_from", "succeeded_by")
        };
        cx.err(
            w.at,
            msg!(
                m::DV_LINK_DISAGREE,
                unit = &t.units[unit].key,
                other = &t.units[other].key,
                what = what,
                other_what = other_what
            ),
            msg!(m::DV_LINK_DISAGREE_HINT),
        );
    }
}

/// A successor begins after its predecessor ends.
fn check_order(cx: &mut Ctx, t: &Units, written: &[Written]) {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for w in written {
        if seen.contains(&(w.pred, w.succ)) {
            continue;
        }
        seen.push((w.pred, w.succ));
        let (p, s): (&Unit, &Unit) = (&t.units[w.pred], &t.units[w.succ]);
        let Some(until) = p.until else { continue };
        match s.since {
            Some(since) if since <= until => cx.err(
                w.at,
                msg!(
                    m::DV_LINK_ORDER,
                    unit = &s.key,
                    since = since.iso(),
                    other = &p.key,
                    until = until.iso()
                ),
                msg!(m::DV_LINK_ORDER_HINT),
            ),
            Some(_) => {}
            None => cx.err(
                w.at,
                msg!(
                    m::DV_LINK_NO_SINCE,
                    unit = &s.key,
                    other = &p.key,
                    until = until.iso()
                ),
                msg!(
                    m::DV_LINK_NO_SINCE_HINT,
                    day = until.next().iso(),
                    unit = &s.key
                ),
            ),
        }
    }
}

/// The life of a unit in words: `from 2025-07-01`, `until 2025-06-30`.
pub(super) fn life_text(u: &Unit) -> m::Arg {
    m::Arg::Msg(match (u.since, u.until) {
        (Some(s), Some(e)) => msg!(m::LIFE_BOTH, since = s.iso(), until = e.iso()),
        (Some(s), None) => msg!(m::LIFE_FROM, since = s.iso()),
        (None, Some(e)) => msg!(m::LIFE_UNTIL, until = e.iso()),
        (None, None) => return m::text(""),
    })
}
