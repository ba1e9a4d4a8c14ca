//! `value_text`: the text of the `value` shortcode, from a dataset.

use super::dataset::{Dataset, Day, Score, YearResult};
use crate::diag::Msg;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::util::numfmt;

/// The text of the shortcode `value(data=…, unit=…, year=…, what=…, from=…)`.
///
/// `what`: `total` (default, also `""`) → `72,10`; `total_unit` →
/// `72,10 điểm`; `rank` → `2/8`; `rank_change` (needs `from`) →
/// `tăng 6 bậc`, `giảm 3 bậc`, `giữ nguyên`; `band` → the band's name;
/// `field:<key>` → that field's value. A missing value is
/// [`numfmt::NO_DATA`]. `Err` carries a message with the valid choices; the
/// caller reports it at the shortcode's line.
pub fn value_text(
    ds: &Dataset,
    unit: &str,
    year: i32,
    what: &str,
    from: Option<i32>,
) -> Result<String, Msg> {
    let Some(u) = ds.unit_by_ref(unit) else {
        let choices: Vec<&str> = ds.units.iter().map(|u| u.slug.as_str()).collect();
        return Err(msg!(
            m::VALUE_NO_UNIT,
            dataset = &ds.slug,
            unit = unit,
            units = choices.join(", ")
        ));
    };
    let unit_name = &ds.units[u].short;
    let Some(y) = ds.year(year) else {
        return Err(msg!(
            m::SC_NO_YEAR,
            dataset = &ds.slug,
            year = year.to_string(),
            years = years_list(ds)
        ));
    };
    let what = what.trim();
    if from.is_some() && what != "rank_change" {
        return Err(msg!(m::VALUE_FROM_ONLY, what = what));
    }
    let score = ds.score(u, year);
    let total = score.and_then(|s| s.total);
    let d = ds.scale.decimals;
    match what {
        "" | "total" => {
            Ok(total.map_or(numfmt::NO_DATA.to_string(), |t| numfmt::format_number(t, d)))
        }
        "total_unit" => Ok(total.map_or(numfmt::NO_DATA.to_string(), |t| {
            numfmt::format_with_unit(t, d, &ds.scale.unit)
        })),
        "rank" => {
            let r = rank_in(ds, score, unit_name, year)?;
            Ok(numfmt::format_rank(r, ds.rank_of(year)))
        }
        "rank_change" => {
            let Some(f) = from else {
                return Err(msg!(m::VALUE_NEEDS_FROM));
            };
            rank_change_text(ds, u, f, year)
        }
        "band" => band_text(ds, total, unit_name, year),
        w => match w.strip_prefix("field:") {
            Some(key) => field_text(ds, y, score, key),
            None => Err(msg!(m::VALUE_UNKNOWN_WHAT, what = w)),
        },
    }
}

/// `rank_change`: from the rank of unit `u` in `from` to that in `year`.
fn rank_change_text(ds: &Dataset, u: usize, from: i32, year: i32) -> Result<String, Msg> {
    if ds.year(from).is_none() {
        return Err(msg!(
            m::VALUE_NO_FROM_YEAR,
            dataset = &ds.slug,
            year = from.to_string(),
            years = years_list(ds)
        ));
    }
    if let Some(c) = no_counterpart(ds, u, from, year) {
        return Ok(c.long());
    }
    let unit_name = &ds.units[u].short;
    let r_from = rank_in(ds, ds.score(u, from), unit_name, from)?;
    let r_to = rank_in(ds, ds.score(u, year), unit_name, year)?;
    Ok(numfmt::format_rank_change(r_from, r_to))
}

/// Why a unit has no rank change between two years: it began or ended
/// between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counterpart {
    /// Formed on this day.
    New(Day),
    /// Ended: its successors began on this day.
    Ended(Day),
}

impl Counterpart {
    /// For a sentence: `đơn vị mới thành lập từ 1/7/2025`, `đơn vị đã kết
    /// thúc hoạt động từ 1/7/2025`.
    pub fn long(&self) -> String {
        match self {
            Counterpart::New(d) => format!("đơn vị mới thành lập từ {}", d.vi()),
            Counterpart::Ended(d) => format!("đơn vị đã kết thúc hoạt động từ {}", d.vi()),
        }
    }

    /// For a chart row: `mới, từ 1/7/2025`, `kết thúc từ 1/7/2025`.
    pub fn short(&self) -> String {
        match self {
            Counterpart::New(d) => format!("mới, từ {}", d.vi()),
            Counterpart::Ended(d) => format!("kết thúc từ {}", d.vi()),
        }
    }
}

/// Why unit `u` has no rank change from `from` to `to`, when it did not
/// exist (or was not yet or no longer scored) at one end because it began
/// or ended between them. `None` for a unit that existed at both.
pub fn no_counterpart(ds: &Dataset, u: usize, from: i32, to: i32) -> Option<Counterpart> {
    let unit = &ds.units[u];
    let (lo, hi) = (from.min(to), from.max(to));
    let unscored = |y: i32| ds.score(u, y).is_none();
    if let Some(s) = unit
        .since
        .filter(|s| s.year > lo || (s.year == lo && unscored(lo)))
    {
        return Some(Counterpart::New(s));
    }
    if let Some(e) = unit
        .until
        .filter(|e| e.year < hi || (e.year == hi && unscored(hi)))
    {
        return Some(Counterpart::Ended(e.next()));
    }
    None
}

/// `band`: the name of the band `total` falls in.
fn band_text(ds: &Dataset, total: Option<f64>, unit_name: &str, year: i32) -> Result<String, Msg> {
    if ds.bands.is_empty() {
        return Err(msg!(m::VALUE_NO_BANDS, dataset = &ds.slug));
    }
    let Some(t) = total else {
        return Ok(numfmt::NO_DATA.to_string());
    };
    match ds.band_of(t) {
        Some(b) => Ok(b.name.clone()),
        None => Err(msg!(
            m::VALUE_BELOW_BANDS,
            unit = unit_name,
            year = year.to_string(),
            total = numfmt::format_number(t, ds.scale.decimals),
            dataset = &ds.slug,
            min = m::text(ds.scale.min)
        )),
    }
}

/// `field:<key>`: the value of that field of year `y` in `score`.
fn field_text(
    ds: &Dataset,
    y: &YearResult,
    score: Option<&Score>,
    key: &str,
) -> Result<String, Msg> {
    let key = crate::util::text::nfc(key.trim());
    let Some(i) = y.fields.iter().position(|f| f.key == key) else {
        let keys: Vec<&str> = y.fields.iter().map(|f| f.key.as_str()).collect();
        return Err(msg!(
            m::VALUE_NO_FIELD,
            year = y.year.to_string(),
            dataset = &ds.slug,
            key = &*key,
            keys = if keys.is_empty() {
                m::Arg::Msg(msg!(m::NONE))
            } else {
                m::text(keys.join(", "))
            }
        ));
    };
    Ok(score
        .and_then(|s| s.fields.get(i).copied().flatten())
        .map_or(numfmt::NO_DATA.to_string(), |v| {
            numfmt::format_number(v, ds.scale.decimals)
        }))
}

fn years_list(ds: &Dataset) -> m::Arg {
    let v: Vec<String> = ds.years.iter().map(|y| y.year.to_string()).collect();
    if v.is_empty() {
        m::Arg::Msg(msg!(m::NONE))
    } else {
        m::text(v.join(", "))
    }
}

fn rank_in(ds: &Dataset, score: Option<&Score>, unit: &str, year: i32) -> Result<u32, Msg> {
    match score {
        None => Err(msg!(
            m::VALUE_NOT_LISTED,
            unit = unit,
            year = year.to_string(),
            dataset = &ds.slug
        )),
        Some(s) => s.rank.ok_or_else(|| {
            msg!(
                m::VALUE_UNRANKED,
                unit = unit,
                year = year.to_string(),
                dataset = &ds.slug
            )
        }),
    }
}
