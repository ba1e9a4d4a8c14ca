//! Index datasets: loading and validation (DATA-SCHEMA.md).
//!
//! One dataset per `content/data/<slug>.yaml`. [`load_dir`] reads them all;
//! [`load_str`] validates one text. Every rule of the schema is checked and
//! every violation in a file is reported (file, line, column, what to do);
//! a file with any error yields no [`Dataset`]. The resulting model is
//! immutable, NFC-normalised and deterministically ordered: units in
//! declared order, years ascending, scores in the units' order.

mod raw;
mod validate;
mod years;

#[cfg(test)]
mod tests;

use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::fs::{FileKind, read_text_as, walk_files};
use crate::util::collate;
use crate::util::numfmt;
use serde::Serialize;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    /// File stem: `par-index` for `content/data/par-index.yaml`.
    pub slug: String,
    /// Path as shown in diagnostics (relative to the site root).
    pub file: PathBuf,
    pub title: String,
    pub short_title: Option<String>,
    /// Markdown.
    pub description: Option<String>,
    pub sources: Vec<Source>,
    pub status: Status,
    pub scale: Scale,
    pub total_mode: TotalMode,
    /// Highest first (strictly decreasing `min`).
    pub bands: Vec<Band>,
    /// The default field set (a year may replace it).
    pub fields: Vec<Field>,
    /// In declared order.
    pub units: Vec<Unit>,
    /// Ascending by year.
    pub years: Vec<YearResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub name: String,
    pub url: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Published,
    /// Made-up or sample figures: pages must say so.
    Illustrative,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    /// Display unit: `điểm`, `%`, or empty.
    pub unit: String,
    /// Digits shown after the decimal comma (0..=6).
    pub decimals: u8,
    pub higher_is_better: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TotalMode {
    Independent,
    SumOfFields,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    pub name: String,
    pub min: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    pub key: String,
    pub name: String,
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub key: String,
    pub name: String,
    /// Defaults to `name`.
    pub short: String,
    /// Given, or derived from `short` (else `name`).
    pub slug: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearResult {
    pub year: i32,
    /// Line of the `year:` value in the dataset file.
    pub line: usize,
    pub methodology: Option<String>,
    /// The effective field set of this year.
    pub fields: Vec<Field>,
    pub out_of: Option<u32>,
    /// One per unit listed this year, in the units' declared order.
    pub scores: Vec<Score>,
    /// True when no rank was published and ranks were computed from totals.
    pub ranks_derived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Index into [`Dataset::units`].
    pub unit: usize,
    /// `None`: not available (a gap, never 0).
    pub total: Option<f64>,
    /// `None`: unranked.
    pub rank: Option<u32>,
    /// Aligned with [`YearResult::fields`]; `None` = not published.
    pub fields: Vec<Option<f64>>,
}

impl Dataset {
    /// `short_title`, else `title`.
    pub fn display_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }

    /// A unit by slug, else by key.
    pub fn unit_by_ref(&self, r: &str) -> Option<usize> {
        let r = crate::util::text::nfc(r.trim());
        self.units
            .iter()
            .position(|u| u.slug == r)
            .or_else(|| self.units.iter().position(|u| u.key == r))
    }

    pub fn year(&self, year: i32) -> Option<&YearResult> {
        self.years
            .binary_search_by_key(&year, |y| y.year)
            .ok()
            .map(|i| &self.years[i])
    }

    pub fn latest_year(&self) -> Option<i32> {
        self.years.last().map(|y| y.year)
    }

    /// The score of unit `unit` (an index into `units`) in `year`, if the
    /// unit is listed that year.
    pub fn score(&self, unit: usize, year: i32) -> Option<&Score> {
        let scores = &self.year(year)?.scores;
        // Scores are sorted by unit index.
        scores
            .binary_search_by_key(&unit, |s| s.unit)
            .ok()
            .map(|i| &scores[i])
    }

    /// The N in "x/N": `out_of`, else the number of ranked units that year
    /// (never less than the largest rank). 0 for an unknown year.
    pub fn rank_of(&self, year: i32) -> u32 {
        let Some(y) = self.year(year) else { return 0 };
        if let Some(n) = y.out_of {
            return n;
        }
        let ranked = y.scores.iter().filter(|s| s.rank.is_some()).count() as u32;
        let max = y.scores.iter().filter_map(|s| s.rank).max().unwrap_or(0);
        ranked.max(max)
    }

    /// The first band (highest first) whose `min` the total reaches.
    pub fn band_of(&self, total: f64) -> Option<&Band> {
        self.bands.iter().find(|b| total >= b.min)
    }

    /// Whether total `a` is strictly better than `b` on this scale.
    pub fn is_better(&self, a: f64, b: f64) -> bool {
        if self.scale.higher_is_better {
            a > b
        } else {
            a < b
        }
    }

    /// Scores of `year`, best first: ranked units by rank, then by total;
    /// then unranked units (and null totals) in Vietnamese name order.
    /// Empty for an unknown year.
    pub fn ranking(&self, year: i32) -> Vec<&Score> {
        let Some(y) = self.year(year) else {
            return Vec::new();
        };
        let mut v: Vec<&Score> = y.scores.iter().collect();
        let by_name = |a: &Score, b: &Score| {
            let (ua, ub) = (&self.units[a.unit], &self.units[b.unit]);
            collate::compare(&ua.short, &ub.short)
                .then_with(|| collate::compare(&ua.name, &ub.name))
                .then_with(|| a.unit.cmp(&b.unit))
        };
        v.sort_by(|a, b| match (a.rank, b.rank) {
            (Some(ra), Some(rb)) => ra
                .cmp(&rb)
                .then_with(|| self.cmp_totals(a.total, b.total))
                .then_with(|| by_name(a, b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => by_name(a, b),
        });
        v
    }

    /// Better total first; null last.
    fn cmp_totals(&self, a: Option<f64>, b: Option<f64>) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => {
                let o = x.total_cmp(&y);
                if self.scale.higher_is_better {
                    o.reverse()
                } else {
                    o
                }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
}

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
) -> Result<String, String> {
    let Some(u) = ds.unit_by_ref(unit) else {
        let choices: Vec<&str> = ds.units.iter().map(|u| u.slug.as_str()).collect();
        return Err(format!(
            "dataset `{}` has no unit `{unit}`; use a unit's slug or key: {}",
            ds.slug,
            choices.join(", ")
        ));
    };
    let unit_name = &ds.units[u].short;
    let Some(y) = ds.year(year) else {
        return Err(format!(
            "dataset `{}` has no year {year}; years: {}",
            ds.slug,
            years_list(ds)
        ));
    };
    let what = what.trim();
    if from.is_some() && what != "rank_change" {
        return Err(format!(
            "`from` is only used with what=\"rank_change\" (got what=\"{what}\")"
        ));
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
                return Err("what=\"rank_change\" needs from=<year>, e.g. from=2018".to_string());
            };
            if ds.year(f).is_none() {
                return Err(format!(
                    "dataset `{}` has no year {f} (from); years: {}",
                    ds.slug,
                    years_list(ds)
                ));
            }
            let r_from = rank_in(ds, ds.score(u, f), unit_name, f)?;
            let r_to = rank_in(ds, score, unit_name, year)?;
            Ok(numfmt::format_rank_change(r_from, r_to))
        }
        "band" => {
            if ds.bands.is_empty() {
                return Err(format!(
                    "dataset `{}` declares no bands; use what=\"total\" or add `bands:` to the dataset",
                    ds.slug
                ));
            }
            let Some(t) = total else {
                return Ok(numfmt::NO_DATA.to_string());
            };
            match ds.band_of(t) {
                Some(b) => Ok(b.name.clone()),
                None => Err(format!(
                    "the total of `{unit_name}` in {year} ({}) is below every band of dataset `{}`; \
                     add a lowest band with min {} or use what=\"total\"",
                    numfmt::format_number(t, d),
                    ds.slug,
                    ds.scale.min
                )),
            }
        }
        w => {
            if let Some(key) = w.strip_prefix("field:") {
                let key = crate::util::text::nfc(key.trim());
                let Some(i) = y.fields.iter().position(|f| f.key == key) else {
                    let keys: Vec<&str> = y.fields.iter().map(|f| f.key.as_str()).collect();
                    return Err(format!(
                        "year {year} of dataset `{}` has no field `{key}`; fields: {}",
                        ds.slug,
                        if keys.is_empty() {
                            "(none)".to_string()
                        } else {
                            keys.join(", ")
                        }
                    ));
                };
                Ok(score
                    .and_then(|s| s.fields.get(i).copied().flatten())
                    .map_or(numfmt::NO_DATA.to_string(), |v| numfmt::format_number(v, d)))
            } else {
                Err(format!(
                    "unknown what=\"{w}\"; use one of: total, total_unit, rank, rank_change, band, field:<key>"
                ))
            }
        }
    }
}

fn years_list(ds: &Dataset) -> String {
    let v: Vec<String> = ds.years.iter().map(|y| y.year.to_string()).collect();
    if v.is_empty() {
        "(none)".to_string()
    } else {
        v.join(", ")
    }
}

fn rank_in(ds: &Dataset, score: Option<&Score>, unit: &str, year: i32) -> Result<u32, String> {
    match score {
        None => Err(format!(
            "`{unit}` is not listed in {year} of dataset `{}`, so it has no rank that year",
            ds.slug
        )),
        Some(s) => s.rank.ok_or_else(|| {
            format!(
                "`{unit}` is unranked in {year} of dataset `{}` (no rank published or no total); \
                 use what=\"total\" instead",
                ds.slug
            )
        }),
    }
}

/// Validate one dataset text. `slug` is the file stem, `file` the path shown
/// in diagnostics. Strips a UTF-8 BOM; CRLF line ends are fine.
pub fn load_str(src: &str, slug: &str, file: &Path) -> Result<Dataset, Diagnostics> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let raw: raw::RawDataset = crate::load::yaml::parse(src, file, 0).map_err(Diagnostics::from)?;
    validate::validate(raw, slug, file)
}

/// Load every `*.yaml` directly in `data_dir`, sorted by file name. A
/// missing folder is no error. Diagnostics name files relative to
/// `display_base`, which is also the root that symbolic links may not
/// leave ([`walk_files`]). Datasets with errors are left out.
pub fn load_dir(data_dir: &Path, display_base: &Path) -> (Vec<Dataset>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut out = Vec::new();
    for (path, file) in walk_files(display_base, data_dir, &mut diags) {
        if path.parent() != Some(data_dir) {
            continue; // only files directly in the folder
        }
        if let Some(r) = load_file(&path, file) {
            match r {
                Ok(ds) => out.push(ds),
                Err(d) => diags.extend(d),
            }
        }
    }
    (out, diags)
}

/// One file of the data folder: `None` when it is not a dataset file.
fn load_file(path: &Path, file: PathBuf) -> Option<Result<Dataset, Diagnostics>> {
    let ext = path.extension().and_then(|e| e.to_str())?;
    if ext == "yml" {
        return Some(Err(Diagnostic::error(
            codes::DATA,
            file,
            "dataset files must end in `.yaml`",
        )
        .hint("rename the file to end in .yaml (it is not read otherwise)")
        .into()));
    }
    if ext != "yaml" {
        return None;
    }
    let slug = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    if !crate::util::text::is_valid_slug(&slug) {
        return Some(Err(Diagnostic::error(
            codes::DATA,
            file,
            format!("dataset file name `{slug}` is not a valid slug"),
        )
        .hint("rename the file using lowercase ASCII letters, digits and hyphens, e.g. par-index.yaml")
        .into()));
    }
    Some(match read_text_as(path, &file, FileKind::Data) {
        Ok(src) => load_str(&src, &slug, &file),
        Err(d) => Err(d.into()),
    })
}
