//! `scale` (min, max, unit, decimals, direction) and the `bands` that
//! classify totals on it.

use super::common::{Ctx, Pos, TOP, pos};
use crate::data::dataset::{Band, Scale};
use crate::data::raw::{RawBand, RawScale, SpannedNum};
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::load::yaml::Spanned;
use crate::util::text::nfc_string;
use std::collections::HashMap;

/// Largest `decimals` accepted.
const MAX_DECIMALS: i64 = 6;

/// The required `scale`: `None` when unusable, so that range checks do not
/// cascade.
pub(super) fn scale(cx: &mut Ctx, s: Option<Spanned<RawScale>>) -> Option<Scale> {
    let Some(s) = s else {
        cx.err(TOP, msg!(m::DV_NO_SCALE), msg!(m::DV_NO_SCALE_HINT));
        return None;
    };
    let at = pos(&s);
    let r = s.value;
    let bounds = bounds(cx, &r.min, &r.max, at);
    let decimals = match &r.decimals {
        None => 2,
        Some(d) => cx.int(d, "scale.decimals", 0, MAX_DECIMALS).unwrap_or(2) as u8,
    };
    let (min, max) = bounds?;
    Some(Scale {
        min,
        max,
        unit: nfc_string(r.unit.unwrap_or_default().trim().to_string()),
        decimals,
        higher_is_better: r.higher_is_better.unwrap_or(true),
    })
}

/// `min` (default 0) and the required `max`, with `max > min`.
fn bounds(cx: &mut Ctx, min: &SpannedNum, max: &SpannedNum, at: Pos) -> Option<(f64, f64)> {
    let min = match min {
        None => Some(0.0),
        Some(m) => cx.req_num(m, "scale.min"),
    };
    let Some(m) = max else {
        cx.err(at, msg!(m::DV_NO_SCALE_MAX), msg!(m::DV_NO_SCALE_MAX_HINT));
        return None;
    };
    let max = cx.req_num(m, "scale.max")?;
    let min = min?;
    if max <= min {
        cx.err(
            pos(m),
            msg!(m::DV_SCALE_ORDER, max = m::text(max), min = m::text(min)),
            msg!(m::DV_SCALE_ORDER_HINT),
        );
        return None;
    }
    Some((min, max))
}

/// The optional `bands`, highest first: names unique, each `min` on the
/// scale and lower than the one before.
pub(super) fn bands(cx: &mut Ctx, list: Vec<Spanned<RawBand>>, scale: Option<&Scale>) -> Vec<Band> {
    let mut bands: Vec<Band> = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut prev: Option<(f64, String)> = None;
    for b in list {
        let at = pos(&b);
        let name = cx.text(b.value.name, at, "name", msg!(m::DV_BAND_NAME_HINT));
        let min = match &b.value.min {
            None => {
                cx.err(at, msg!(m::DV_BAND_NO_MIN), msg!(m::DV_BAND_NO_MIN_HINT));
                None
            }
            Some(m) => cx.req_num(m, "`min`").map(|v| (v, pos(m))),
        };
        if let Some(name) = &name {
            if let Some(first) = names.get(name) {
                cx.err(
                    at,
                    msg!(
                        m::DV_BAND_TWICE,
                        name = name.as_str(),
                        first = m::text(first)
                    ),
                    msg!(m::DV_BAND_TWICE_HINT),
                );
            } else {
                names.insert(name.clone(), at.0);
            }
        }
        let Some((v, mpos)) = min else { continue };
        band_min(cx, v, mpos, scale, prev.as_ref());
        prev = Some((v, name.clone().unwrap_or_default()));
        if let Some(name) = name {
            bands.push(Band { name, min: v });
        }
    }
    bands
}

/// A band's `min` lies on the scale and below the band before it.
fn band_min(cx: &mut Ctx, v: f64, at: Pos, scale: Option<&Scale>, prev: Option<&(f64, String)>) {
    if let Some(sc) = scale {
        if v < sc.min || v > sc.max {
            cx.err(
                at,
                msg!(
                    m::DV_BAND_OUTSIDE,
                    value = m::text(v),
                    min = m::text(sc.min),
                    max = m::text(sc.max)
                ),
                msg!(m::DV_BAND_OUTSIDE_HINT),
            );
        }
    }
    if let Some((pv, pname)) = prev {
        if v >= *pv {
            cx.err(
                at,
                msg!(
                    m::DV_BAND_ORDER,
                    value = m::text(v),
                    prev = pname,
                    prev_min = m::text(pv)
                ),
                msg!(m::DV_BAND_ORDER_HINT),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::tests::{lines, messages, yaml};
    use super::*;
    use std::path::Path;

    fn check(src: &str) -> (Option<Scale>, Vec<String>) {
        let mut cx = Ctx::new(Path::new("t.yaml"));
        let s = scale(&mut cx, Some(yaml(src)));
        (s, messages(&cx))
    }

    #[test]
    fn scale_defaults() {
        let (s, errs) = check("max: 100\n");
        assert!(errs.is_empty(), "{errs:?}");
        let s = s.unwrap();
        assert_eq!((s.min, s.max, s.decimals), (0.0, 100.0, 2));
        assert_eq!(s.unit, "");
        assert!(s.higher_is_better);
    }

    #[test]
    fn scale_needs_max_above_min() {
        assert_eq!(
            check("min: 5\nmax: 5\n"),
            (
                None,
                vec!["scale.max (5) must be larger than scale.min (5)".to_string()]
            )
        );
        assert_eq!(
            check("min: 5\n"),
            (None, vec!["missing required key `scale.max`".to_string()])
        );
        // An unusable min is reported once, not again as a bad range.
        assert_eq!(
            check("min: x\nmax: 1\n"),
            (
                None,
                vec!["scale.min is text (\"x\"), not a number".to_string()]
            )
        );
    }

    #[test]
    fn bad_decimals_are_reported_but_keep_the_scale() {
        let (s, errs) = check("max: 10\ndecimals: 7\n");
        assert_eq!(s.unwrap().decimals, 2);
        assert_eq!(
            errs,
            ["scale.decimals is 7; it must be a whole number from 0 to 6"]
        );
    }

    #[test]
    fn bands_go_down_on_the_scale_with_unique_names() {
        let sc = Scale {
            min: 0.0,
            max: 100.0,
            unit: String::new(),
            decimals: 2,
            higher_is_better: true,
        };
        let list = yaml(
            "- { name: Tốt, min: 80 }\n- { name: Khá, min: 85 }\n- { name: Tốt, min: 50 }\n- { name: Kém, min: -1 }\n",
        );
        let mut cx = Ctx::new(Path::new("t.yaml"));
        let got = bands(&mut cx, list, Some(&sc));
        let mins: Vec<f64> = got.iter().map(|b| b.min).collect();
        assert_eq!(mins, [80.0, 85.0, 50.0, -1.0]);
        assert_eq!(
            messages(&cx),
            [
                "band min 85 is not lower than the band before it (`Tốt`, min 80)",
                "band `Tốt` is declared twice (first at line 1)",
                "band min -1 is outside the scale 0–100",
            ]
        );
        assert_eq!(lines(&cx), [2, 3, 4]);
    }
}
