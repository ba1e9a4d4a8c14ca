//! The checked model of one dataset and the questions pages ask of it.
//! Immutable, NFC-normalised and deterministically ordered: units in
//! declared order, years ascending, scores in the units' order.

use crate::util::collate;
use serde::Serialize;
use std::cmp::Ordering;
use std::path::PathBuf;

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
    /// The built-in lineage table named by `lineage:` (`vn-2025-provinces`).
    pub lineage: Option<String>,
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
    /// First day of the unit's life (`since:`); `None`: always existed.
    pub since: Option<Day>,
    /// Last day of the unit's life (`until:`); `None`: still exists.
    pub until: Option<Day>,
    /// Indices into [`Dataset::units`] of the units it was formed from
    /// (written, derived from their `succeeded_by`, or from `lineage:`).
    pub formed_from: Vec<usize>,
    /// Indices of the units that took over its area.
    pub succeeded_by: Vec<usize>,
}

/// A calendar day (`since`, `until`), checked when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// `2025-07-01`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The newsroom's way: `1/7/2025`.
    pub fn vi(&self) -> String {
        format!("{}/{}/{}", self.day, self.month, self.year)
    }

    /// The day after (`until` + 1 is when the successors begin).
    pub fn next(&self) -> Day {
        let d = jiff::civil::Date::new(self.year as i16, self.month as i8, self.day as i8);
        match d.and_then(|d| d.tomorrow()) {
            Ok(t) => Day {
                year: t.year() as i32,
                month: t.month() as u8,
                day: t.day() as u8,
            },
            Err(_) => *self,
        }
    }
}

impl Unit {
    /// Whether the unit existed for at least part of calendar year `year`.
    pub fn existed_in(&self, year: i32) -> bool {
        self.since.is_none_or(|s| s.year <= year) && self.until.is_none_or(|u| u.year >= year)
    }

    /// Whether the unit began or ended at some time (a unit of the reform).
    pub fn has_lineage(&self) -> bool {
        !self.formed_from.is_empty() || !self.succeeded_by.is_empty()
    }
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
