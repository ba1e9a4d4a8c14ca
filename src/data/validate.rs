//! From the raw serde structs to the checked model, collecting every
//! violation of DATA-SCHEMA.md in the file.

use super::raw::{Key, RawDataset, RawField, RawNum};
use super::years::{YearCtx, check_year};
use super::{Band, Dataset, Field, Scale, Source, Status, TotalMode, Unit, YearResult};
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{Spanned, col_of, line_of};
use crate::util::text::{is_valid_slug, nfc_string, slugify};
use std::collections::HashMap;
use std::path::Path;

/// Largest `decimals` accepted.
const MAX_DECIMALS: i64 = 6;

pub(super) struct Ctx<'a> {
    pub(super) file: &'a Path,
    pub(super) diags: Diagnostics,
}

pub(super) fn pos<T>(s: &Spanned<T>) -> (usize, usize) {
    (line_of(s), col_of(s))
}

impl Ctx<'_> {
    pub(super) fn err(
        &mut self,
        (line, col): (usize, usize),
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags.push(
            Diagnostic::error(codes::DATA, self.file, msg)
                .at(line, col)
                .hint(hint),
        );
    }

    /// A number or null; `None` when the value is not a number (reported).
    pub(super) fn num(&mut self, s: &Spanned<RawNum>, what: &str) -> Option<Option<f64>> {
        match &s.value {
            RawNum::Num(v) if v.is_finite() => Some(Some(*v)),
            RawNum::Num(_) => {
                self.err(
                    pos(s),
                    format!("{what} is not a finite number"),
                    "write an ordinary number such as 72.10",
                );
                None
            }
            RawNum::Null => Some(None),
            RawNum::Text(t) => {
                self.err(
                    pos(s),
                    format!("{what} is text (\"{t}\"), not a number"),
                    number_hint(t),
                );
                None
            }
            RawNum::Bool(b) => {
                self.err(
                    pos(s),
                    format!("{what} is `{b}`, not a number"),
                    "write a number such as 72.10, or null if the value is not available",
                );
                None
            }
        }
    }

    /// A number that may not be null.
    fn req_num(&mut self, s: &Spanned<RawNum>, what: &str) -> Option<f64> {
        match self.num(s, what)? {
            Some(v) => Some(v),
            None => {
                self.err(pos(s), format!("{what} cannot be null"), "write a number");
                None
            }
        }
    }

    /// A whole number in `lo..=hi` (not null).
    pub(super) fn int(&mut self, s: &Spanned<RawNum>, what: &str, lo: i64, hi: i64) -> Option<i64> {
        let v = self.req_num(s, what)?;
        if v.fract() != 0.0 || v < lo as f64 || v > hi as f64 {
            self.err(
                pos(s),
                format!("{what} is {v}; it must be a whole number from {lo} to {hi}"),
                format!("write a whole number between {lo} and {hi}"),
            );
            return None;
        }
        Some(v as i64)
    }

    /// A required, non-empty text value, trimmed and NFC-normalised.
    fn text(
        &mut self,
        s: Option<Spanned<String>>,
        at: (usize, usize),
        what: &str,
        hint: &str,
    ) -> Option<String> {
        match s {
            None => {
                self.err(at, format!("missing required key `{what}`"), hint);
                None
            }
            Some(s) => self.nonempty(s, what, hint),
        }
    }

    fn nonempty(&mut self, s: Spanned<String>, what: &str, hint: &str) -> Option<String> {
        let t = s.value.trim();
        if t.is_empty() {
            self.err(pos(&s), format!("`{what}` is empty"), hint);
            None
        } else {
            Some(nfc_string(t.to_string()))
        }
    }
}

/// What to write instead of a number given as text: `"72,10"` → `72.10`.
pub(super) fn number_hint(t: &str) -> String {
    let t: String = t
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let candidate = if t.contains(',') {
        // Vietnamese style: dot groups thousands, comma marks decimals.
        t.replace('.', "").replace(',', ".")
    } else {
        t.clone()
    };
    let plain = !candidate.is_empty()
        && candidate
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && candidate.parse::<f64>().is_ok_and(f64::is_finite);
    if plain {
        format!("write {candidate} without quotes: numbers use a decimal point, e.g. 72.10")
    } else {
        "write a number without quotes and with a decimal point, e.g. 72.10, or null if the value is not available".to_string()
    }
}

pub(super) fn list_keys<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<&str> = keys.collect();
    if v.is_empty() {
        return "(none)".to_string();
    }
    let mut s = v.iter().take(20).copied().collect::<Vec<_>>().join(", ");
    if v.len() > 20 {
        s.push_str(", …");
    }
    s
}

pub(super) fn key_text(k: &Spanned<Key>) -> String {
    nfc_string(k.value.0.clone())
}

pub(super) fn validate(raw: RawDataset, slug: &str, file: &Path) -> Result<Dataset, Diagnostics> {
    let mut cx = Ctx {
        file,
        diags: Diagnostics::new(),
    };
    let top = (1, 0);

    let title = cx.text(
        raw.title,
        top,
        "title",
        "add `title: \"…\"`, the full title of the index table",
    );
    let short_title = raw
        .short_title
        .and_then(|s| cx.nonempty(s, "short_title", "write a short title or remove the key"));
    let description = raw
        .description
        .map(|d| nfc_string(d.trim().to_string()))
        .filter(|d| !d.is_empty());

    // source
    let mut sources = Vec::new();
    match raw.source {
        None => cx.err(
            top,
            "missing required key `source`",
            "add `source:` with at least one entry, e.g. `- { name: \"UBND tỉnh …\", url: \"https://…\" }`",
        ),
        Some(list) => {
            if list.value.is_empty() {
                cx.err(
                    pos(&list),
                    "`source` is empty",
                    "name at least one source: `- { name: \"…\" }`",
                );
            }
            let list_pos = pos(&list);
            for s in list.value {
                let at = if line_of(&s) > 0 { pos(&s) } else { list_pos };
                let name = cx.text(s.value.name, at, "name", "name the publisher of the figures: `name: \"…\"`");
                let url = s.value.url.and_then(|u| {
                    let t = u.value.trim();
                    if t.starts_with("https://") || t.starts_with("http://") {
                        Some(t.to_string())
                    } else {
                        cx.err(
                            pos(&u),
                            format!("source url `{t}` is not an http(s) address"),
                            "write a full address starting with https:// or remove `url`",
                        );
                        None
                    }
                });
                let note = s
                    .value
                    .note
                    .map(|n| nfc_string(n.trim().to_string()))
                    .filter(|n| !n.is_empty());
                if let Some(name) = name {
                    sources.push(Source { name, url, note });
                }
            }
        }
    }

    let status = match raw.status {
        None => Status::Published,
        Some(s) => match s.value.trim() {
            "published" => Status::Published,
            "illustrative" => Status::Illustrative,
            other => {
                cx.err(
                    pos(&s),
                    format!("unknown status `{other}`"),
                    "write `status: published` or `status: illustrative`",
                );
                Status::Published
            }
        },
    };

    // scale: `None` when unusable, so that range checks do not cascade.
    let scale = match raw.scale {
        None => {
            cx.err(
                top,
                "missing required key `scale`",
                "add `scale:` with at least `max:` (e.g. `max: 100`)",
            );
            None
        }
        Some(s) => {
            let at = pos(&s);
            let r = s.value;
            let mut ok = true;
            let min = match &r.min {
                None => 0.0,
                Some(m) => cx.req_num(m, "scale.min").unwrap_or_else(|| {
                    ok = false;
                    0.0
                }),
            };
            let max = match &r.max {
                None => {
                    cx.err(
                        at,
                        "missing required key `scale.max`",
                        "add `max:`, the largest possible total (e.g. `max: 100`)",
                    );
                    ok = false;
                    0.0
                }
                Some(m) => match cx.req_num(m, "scale.max") {
                    Some(v) => {
                        if ok && v <= min {
                            cx.err(
                                pos(m),
                                format!("scale.max ({v}) must be larger than scale.min ({min})"),
                                "check scale.min and scale.max",
                            );
                            ok = false;
                        }
                        v
                    }
                    None => {
                        ok = false;
                        0.0
                    }
                },
            };
            let decimals = match &r.decimals {
                None => 2,
                Some(d) => cx.int(d, "scale.decimals", 0, MAX_DECIMALS).unwrap_or(2) as u8,
            };
            ok.then(|| Scale {
                min,
                max,
                unit: nfc_string(r.unit.unwrap_or_default().trim().to_string()),
                decimals,
                higher_is_better: r.higher_is_better.unwrap_or(true),
            })
        }
    };

    let total_mode = match &raw.total {
        None => TotalMode::Independent,
        Some(t) => match t.value.trim() {
            "independent" => TotalMode::Independent,
            "sum_of_fields" => TotalMode::SumOfFields,
            other => {
                cx.err(
                    pos(t),
                    format!("unknown total mode `{other}`"),
                    "write `total: independent` or `total: sum_of_fields`",
                );
                TotalMode::Independent
            }
        },
    };

    // bands, highest first
    let mut bands: Vec<Band> = Vec::new();
    let mut band_names: HashMap<String, usize> = HashMap::new();
    let mut prev: Option<(f64, String)> = None;
    for b in raw.bands.unwrap_or_default() {
        let at = pos(&b);
        let name = cx.text(
            b.value.name,
            at,
            "name",
            "name the band, e.g. `name: \"Tốt\"`",
        );
        let min = match &b.value.min {
            None => {
                cx.err(
                    at,
                    "missing required key `min` in band",
                    "add `min:`, the lowest total in this band",
                );
                None
            }
            Some(m) => cx.req_num(m, "band min").map(|v| (v, pos(m))),
        };
        if let Some(name) = &name {
            if let Some(first) = band_names.get(name) {
                cx.err(
                    at,
                    format!("band `{name}` is declared twice (first at line {first})"),
                    "give each band a different name",
                );
            } else {
                band_names.insert(name.clone(), at.0);
            }
        }
        if let Some((v, mpos)) = min {
            if let Some(sc) = &scale {
                if v < sc.min || v > sc.max {
                    cx.err(
                        mpos,
                        format!("band min {v} is outside the scale {}–{}", sc.min, sc.max),
                        "a band's min must lie between scale.min and scale.max",
                    );
                }
            }
            if let Some((pv, pname)) = &prev {
                if v >= *pv {
                    cx.err(
                        mpos,
                        format!("band min {v} is not lower than the band before it (`{pname}`, min {pv})"),
                        "list bands highest first, each with a lower `min` than the one above",
                    );
                }
            }
            prev = Some((v, name.clone().unwrap_or_default()));
            if let Some(name) = name {
                bands.push(Band { name, min: v });
            }
        }
    }

    let fields = check_fields(&mut cx, raw.fields.unwrap_or_default(), (1, 0));
    let any_fields_declared = !fields.is_empty();

    // units
    let mut units: Vec<Unit> = Vec::new();
    let mut unit_lines: Vec<(usize, usize)> = Vec::new(); // key position
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_slug: HashMap<String, usize> = HashMap::new();
    match raw.units {
        None => cx.err(
            top,
            "missing required key `units`",
            "add `units:`, one entry per district: `- { key: \"109\", name: \"Huyện Phong Thổ\", short: \"Phong Thổ\" }`",
        ),
        Some(list) => {
            if list.value.is_empty() {
                cx.err(pos(&list), "`units` is empty", "declare at least one unit");
            }
            let list_pos = pos(&list);
            for u in list.value {
                let at = if line_of(&u) > 0 { pos(&u) } else { list_pos };
                let r = u.value;
                let key = match &r.key {
                    None => {
                        cx.err(at, "missing required key `key` in unit", "add `key:`, the code used in `scores` (e.g. \"109\")");
                        None
                    }
                    Some(k) => {
                        let t = key_text(k);
                        if t.trim().is_empty() {
                            cx.err(pos(k), "unit `key` is empty", "write the unit's code, e.g. \"109\"");
                            None
                        } else {
                            Some((t, pos(k)))
                        }
                    }
                };
                let name = cx.text(r.name, at, "name", "write the unit's full name, e.g. `name: \"Huyện Phong Thổ\"`");
                let short = r
                    .short
                    .and_then(|s| {
                        let p = pos(&s);
                        cx.nonempty(s, "short", "write a short name or remove the key")
                            .map(|t| (t, p))
                    });
                let slug = match r.slug {
                    Some(s) => {
                        let t = s.value.trim().to_string();
                        if is_valid_slug(&t) {
                            Some((t, pos(&s)))
                        } else {
                            cx.err(
                                pos(&s),
                                format!("unit slug `{t}` is not a valid slug"),
                                format!(
                                    "use lowercase ASCII letters, digits and hyphens, e.g. `{}`",
                                    slugify(&t)
                                ),
                            );
                            None
                        }
                    }
                    None => {
                        let (src, p) = match (&short, &name) {
                            (Some((s, p)), _) => (s.as_str(), *p),
                            (None, Some(n)) => (n.as_str(), at),
                            (None, None) => ("", at),
                        };
                        let s = slugify(src);
                        if s.is_empty() {
                            if !src.is_empty() {
                                cx.err(
                                    p,
                                    format!("no slug can be derived from `{src}`"),
                                    "add `slug:` with lowercase ASCII letters, digits and hyphens",
                                );
                            }
                            None
                        } else {
                            Some((s, p))
                        }
                    }
                };
                if let Some((s, p)) = &slug {
                    if let Some(&j) = by_slug.get(s) {
                        cx.err(
                            *p,
                            format!(
                                "unit slug `{s}` is already used by `{}` (line {})",
                                units[j].name, unit_lines[j].0
                            ),
                            "give one of the units a different `slug:`",
                        );
                    }
                }
                let Some((key, kpos)) = key else { continue };
                if let Some(&j) = by_key.get(&key) {
                    cx.err(
                        kpos,
                        format!("unit key `{key}` is declared twice (first at line {})", unit_lines[j].0),
                        "each unit needs its own key: remove the repeated unit or fix its key",
                    );
                    continue;
                }
                let name = name.unwrap_or_default();
                let idx = units.len();
                by_key.insert(key.clone(), idx);
                if let Some((s, _)) = &slug {
                    by_slug.entry(s.clone()).or_insert(idx);
                }
                units.push(Unit {
                    key,
                    short: short.map(|(s, _)| s).unwrap_or_else(|| name.clone()),
                    name,
                    slug: slug.map(|(s, _)| s).unwrap_or_default(),
                });
                unit_lines.push(kpos);
            }
        }
    }
    // `unit=` takes a slug or a key: a key that is another unit's slug is ambiguous.
    for (i, u) in units.iter().enumerate() {
        if let Some(&j) = by_slug.get(&u.key) {
            if j != i {
                cx.err(
                    unit_lines[i],
                    format!(
                        "unit key `{}` is the slug of another unit (`{}`), so `unit=\"{}\"` would be ambiguous",
                        u.key, units[j].name, u.key
                    ),
                    "change this key or give the other unit a different `slug:`",
                );
            }
        }
    }

    // results
    let decimals = scale.as_ref().map_or(2, |s| s.decimals);
    let mut years: Vec<YearResult> = Vec::new();
    let mut year_lines: HashMap<i32, usize> = HashMap::new();
    match raw.results {
        None => cx.err(
            top,
            "missing required key `results`",
            "add `results:`, one entry per year with `year:` and `scores:`",
        ),
        Some(list) => {
            if list.value.is_empty() {
                cx.err(
                    pos(&list),
                    "`results` is empty",
                    "add at least one year: `- year: 2022` with `scores:`",
                );
            }
            let list_pos = pos(&list);
            for y in list.value {
                let at = if line_of(&y) > 0 { pos(&y) } else { list_pos };
                let ctx = YearCtx {
                    units: &units,
                    by_key: &by_key,
                    default_fields: &fields,
                    scale: scale.as_ref(),
                    total_mode,
                    decimals,
                };
                if let Some(yr) = check_year(&mut cx, y.value, at, &ctx) {
                    if let Some(first) = year_lines.get(&yr.year) {
                        cx.err(
                            (yr.line, 0),
                            format!("year {} is listed twice (first at line {first})", yr.year),
                            "merge the two entries into one, or fix the year",
                        );
                        continue;
                    }
                    year_lines.insert(yr.year, yr.line);
                    years.push(yr);
                }
            }
        }
    }
    years.sort_by_key(|y| y.year);

    if total_mode == TotalMode::SumOfFields
        && !any_fields_declared
        && years.iter().all(|y| y.fields.is_empty())
    {
        if let Some(t) = &raw.total {
            cx.err(
                pos(t),
                "`total: sum_of_fields` but no fields are declared",
                "declare `fields:` (for the dataset or per year) or write `total: independent`",
            );
        }
    }

    if cx.diags.has_errors() {
        return Err(cx.diags);
    }
    let Some(scale) = scale else {
        return Err(cx.diags);
    };
    Ok(Dataset {
        slug: slug.to_string(),
        file: file.to_path_buf(),
        title: title.unwrap_or_default(),
        short_title,
        description,
        sources,
        status,
        scale,
        total_mode,
        bands,
        fields,
        units,
        years,
    })
}

/// A list of fields (the default set or a year's): keys unique, names
/// given, max a positive number.
pub(super) fn check_fields(
    cx: &mut Ctx,
    list: Vec<Spanned<RawField>>,
    fallback: (usize, usize),
) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for f in list {
        let at = if line_of(&f) > 0 { pos(&f) } else { fallback };
        let r = f.value;
        let key = match &r.key {
            None => {
                cx.err(
                    at,
                    "missing required key `key` in field",
                    "add `key:`, the short code used in scores, e.g. `chi-dao`",
                );
                None
            }
            Some(k) => {
                let t = key_text(k);
                if t.trim().is_empty() {
                    cx.err(
                        pos(k),
                        "field `key` is empty",
                        "write a short code, e.g. `chi-dao`",
                    );
                    None
                } else if let Some(first) = seen.get(&t) {
                    cx.err(
                        pos(k),
                        format!("field key `{t}` is declared twice (first at line {first})"),
                        "each field needs its own key",
                    );
                    None
                } else {
                    seen.insert(t.clone(), line_of(k));
                    Some(t)
                }
            }
        };
        let name = cx.text(
            r.name,
            at,
            "name",
            "write the field's name, e.g. `name: \"Cải cách thể chế\"`",
        );
        let max = match &r.max {
            None => {
                cx.err(
                    at,
                    "missing required key `max` in field",
                    "add `max:`, the largest possible value of this field",
                );
                None
            }
            Some(m) => cx.req_num(m, "field max").and_then(|v| {
                if v > 0.0 {
                    Some(v)
                } else {
                    cx.err(
                        pos(m),
                        format!("field max is {v}; it must be above 0"),
                        "write the field's largest possible value",
                    );
                    None
                }
            }),
        };
        if let (Some(key), Some(name), Some(max)) = (key, name, max) {
            out.push(Field { key, name, max });
        }
    }
    out
}
