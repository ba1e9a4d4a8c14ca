//! From the table's rows to the dataset's text: a new file, or one year
//! added to (or replaced in) an existing one, whose units are matched by
//! name after NFC and case folding. A unit the dataset does not know is an
//! error unless `--add-units` is given; it is never added silently.

use crate::data::Dataset;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::import::columns::{KnownField, Layout, Role, split_max};
use crate::import::lineage;
use crate::import::rows::{Table, fold};
use crate::import::sheet::Grid;
use crate::import::splice;
use crate::import::yamlout::{self, FieldOut, NewDataset, ScoreOut, YearOut};
use crate::util::text::slugify;
use std::path::PathBuf;

/// What an import did, for the command's closing lines.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub into: PathBuf,
    pub year: i32,
    pub units: usize,
    /// A new dataset file was written.
    pub created: bool,
    /// The year existed and was replaced.
    pub replaced: bool,
    /// Things the officer should know: skipped rows, units added, the
    /// sheet and year used, what to fill in.
    pub notes: Vec<String>,
}

pub struct Input<'a> {
    pub grid: &'a Grid,
    pub layout: &'a Layout,
    pub table: &'a Table,
    pub year: i32,
    pub add_units: bool,
    /// `--lineage FILE`: old key, new key, first day.
    pub lineage: &'a [super::lineage::Link],
}

/// The fields columns are matched against: that year's set when it exists,
/// else the dataset's default set.
pub fn known_fields(ds: &Dataset, year: Option<i32>) -> Vec<KnownField> {
    let fields = year
        .and_then(|y| ds.year(y))
        .map_or(&ds.fields, |y| &y.fields);
    fields
        .iter()
        .map(|f| KnownField {
            key: f.key.clone(),
            name: f.name.clone(),
            max: f.max,
        })
        .collect()
}

/// Scores in the sheet's order, for `keys` aligned with the rows.
fn scores(input: &Input, keys: &[String], ds: Option<&Dataset>) -> Vec<ScoreOut> {
    let field_keys: Vec<&str> = input.layout.fields().map(|(_, k, ..)| k).collect();
    input
        .table
        .rows
        .iter()
        .zip(keys)
        .map(|(row, key)| ScoreOut {
            unit_key: key.clone(),
            total: row.total,
            rank: row.rank,
            fields: field_keys
                .iter()
                .zip(&row.fields)
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
            // A unit known by a code (`"109"`) gets its name beside it.
            comment: ds
                .and_then(|ds| ds.units.iter().find(|u| &u.key == key))
                .filter(|u| u.key != u.slug)
                .map(|u| u.short.clone()),
        })
        .collect()
}

/// Keys for the units of a new dataset: their names as slugs.
fn new_keys(input: &Input) -> Result<Vec<String>, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut keys: Vec<String> = Vec::new();
    for (i, row) in input.table.rows.iter().enumerate() {
        let k = row.key.clone().unwrap_or_else(|| slugify(&row.name));
        if let Some(j) = keys.iter().position(|o| *o == k) {
            diags.push(
                Diagnostic::error(
                    codes::IMPORT,
                    row.addr.clone(),
                    msg!(
                        m::IMP_SAME_KEY,
                        a = &input.table.rows[j].name,
                        b = &row.name,
                        key = &k
                    ),
                )
                .hint(msg!(m::IMP_SAME_KEY_HINT)),
            );
        }
        keys.push(if k.is_empty() {
            format!("unit-{}", i + 1)
        } else {
            k
        });
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(keys)
}

/// The scale's max and why, and the display unit, for a new dataset.
fn scale_of(input: &Input, fields: &[FieldOut]) -> (f64, crate::diag::Msg, &'static str) {
    let total_from_row = input
        .layout
        .columns
        .iter()
        .any(|c| c.role == Role::Total && c.max_from_row);
    let total_header = input
        .layout
        .columns
        .iter()
        .find(|c| c.role == Role::Total)
        .map(|c| c.header.clone())
        .unwrap_or_default();
    let field_sum: f64 = fields.iter().map(|f| f.max).sum();
    let top = input
        .table
        .rows
        .iter()
        .filter_map(|r| r.total)
        .fold(0.0_f64, f64::max);
    let (scale_max, why) = match split_max(&total_header).1 {
        Some(given) if total_from_row => (given, msg!(m::WHY_MAX_ROW)),
        Some(given) => (given, msg!(m::WHY_HEADER)),
        None if field_sum > 0.0 && field_sum >= top => (field_sum, msg!(m::WHY_FIELD_SUM)),
        None if top <= 100.0 => (100.0, msg!(m::WHY_DEFAULT)),
        None => (top.ceil(), msg!(m::WHY_LARGEST)),
    };
    let unit = if total_header.contains('%') {
        "%"
    } else {
        "điểm"
    };
    (scale_max, why, unit)
}

/// The dataset's text, the report, and the dataset's key for every row.
pub type Made = (String, ImportReport, Vec<String>);

/// A new dataset file.
pub fn create(input: &Input) -> Result<Made, Diagnostics> {
    let keys = new_keys(input)?;
    let fields: Vec<FieldOut> = input
        .layout
        .fields()
        .map(|(_, key, name, max)| FieldOut {
            key: key.to_string(),
            name: name.to_string(),
            max: max.unwrap_or(0.0),
        })
        .collect();
    let (scale_max, why, unit) = scale_of(input, &fields);
    let title = input
        .layout
        .above
        .iter()
        .filter(|t| !t.starts_with('(') && t.chars().any(char::is_alphabetic))
        .max_by_key(|t| t.chars().count())
        .cloned()
        .unwrap_or_else(|| format!("Chỉ số nhập từ {}", from_name(input.grid)));
    let d = NewDataset {
        from: from_name(input.grid),
        title,
        scale_max,
        unit: unit.to_string(),
        decimals: input.table.decimals,
        fields,
        units: with_shorts(input, &keys),
        year: YearOut {
            year: input.year,
            methodology: None,
            out_of: None,
            fields: None,
            scores: scores(input, &keys, None),
            decimals: input.table.decimals,
        },
    };
    let lang = crate::diag::lang::current();
    let shortened = d.units.iter().filter(|u| u.2.is_some()).count();
    let mut notes = vec![
        msg!(
            m::NOTE_SCALE,
            max = yamlout::num(scale_max),
            why = why,
            unit = unit,
            decimals = input.table.decimals.min(6)
        )
        .render(lang),
        msg!(
            m::NOTE_SOURCE,
            placeholder = crate::util::text::SOURCE_PLACEHOLDER
        )
        .render(lang),
    ];
    if let Some((_, name, Some(short))) = d.units.iter().find(|u| u.2.is_some()) {
        let note = msg!(
            m::NOTE_SHORT,
            count = shortened,
            name = name.as_str(),
            short = short.as_str()
        );
        notes.push(note.render(lang));
    }
    let report = ImportReport {
        into: Default::default(),
        year: input.year,
        units: keys.len(),
        created: true,
        replaced: false,
        notes,
    };
    Ok((yamlout::new_dataset(&d), report, keys))
}

/// Each unit's key, name and `short` (its name without "Huyện", "Thành
/// phố"…), the short left out where two units would share it.
fn with_shorts(input: &Input, keys: &[String]) -> Vec<(String, String, Option<String>)> {
    let shorts: Vec<Option<String>> = input
        .table
        .rows
        .iter()
        .map(|r| crate::import::words::short_of(&r.name))
        .collect();
    let folded = |s: &str| fold(s);
    let taken = |i: usize, s: &str| {
        input.table.rows.iter().enumerate().any(|(j, r)| {
            j != i
                && (folded(&r.name) == folded(s)
                    || shorts[j].as_deref().is_some_and(|o| folded(o) == folded(s)))
        })
    };
    input
        .table
        .rows
        .iter()
        .zip(keys)
        .enumerate()
        .map(|(i, (r, k))| {
            let short = shorts[i].clone().filter(|s| !taken(i, s));
            (k.clone(), r.name.clone(), short)
        })
        .collect()
}

/// The `short:` of each unit `--add-units` adds, as a new dataset's units
/// get theirs: the name without "Huyện", "Thành phố"…, left out where
/// another unit (of the dataset or added) has it as its name, short name,
/// slug or key.
fn added_shorts(ds: &Dataset, added: &Added) -> Vec<Option<String>> {
    let short_of = crate::import::words::short_of;
    added
        .iter()
        .enumerate()
        .map(|(i, (_, name, _))| {
            let s = short_of(name)?;
            let (f, slug) = (fold(&s), slugify(&s));
            let in_dataset = ds.units.iter().any(|u| {
                fold(&u.name) == f || fold(&u.short) == f || u.slug == slug || u.key == slug
            });
            let in_added = added.iter().enumerate().any(|(j, (k, n, _))| {
                j != i && (fold(n) == f || *k == slug || short_of(n).is_some_and(|o| fold(&o) == f))
            });
            (!in_dataset && !in_added).then_some(s)
        })
        .collect()
}

/// The unit a row of `year` names: by name or short name, after NFC and
/// case folding, among the units that began by then and had not ended
/// during or before it (a 2025 table's "Tuyên Quang" is never the old one).
/// `folded`: each unit's folded name and short name, made once per import
/// (folding them again for every row made a large sheet quadratic).
fn match_unit(
    ds: &Dataset,
    folded: &[(String, String)],
    name: &str,
    year: i32,
) -> Result<Option<usize>, Vec<usize>> {
    let n = fold(name);
    let alive = |u: &crate::data::Unit| {
        u.since.is_none_or(|s| s.year <= year) && u.until.is_none_or(|e| e.year > year)
    };
    let hits: Vec<usize> = (0..folded.len())
        .filter(|&i| alive(&ds.units[i]))
        .filter(|&i| folded[i].0 == n || folded[i].1 == n)
        .collect();
    match hits.as_slice() {
        [] => Ok(None),
        [i] => Ok(Some(*i)),
        _ => Err(hits),
    }
}

/// Units added with `--add-units`: (key, name as written, the first day and
/// predecessors from `--lineage`).
type Added = Vec<(String, String, Option<(String, Vec<String>)>)>;

/// The dataset's key for every row, and the units to add (`--add-units`).
fn match_units(input: &Input, ds: &Dataset) -> Result<(Vec<String>, Added), Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut keys = Vec::new();
    let mut added: Added = Vec::new();
    let mut no_lineage: Vec<String> = Vec::new();
    let mut unknown = 0usize;
    let folded: Vec<(String, String)> = ds
        .units
        .iter()
        .map(|u| (fold(&u.name), fold(&u.short)))
        .collect();
    for row in &input.table.rows {
        match match_unit(ds, &folded, &row.name, input.year) {
            Ok(Some(i)) => keys.push(ds.units[i].key.clone()),
            Ok(None) if input.add_units => {
                let base = row.key.clone().unwrap_or_else(|| slugify(&row.name));
                let taken = |k: &str| {
                    ds.units.iter().any(|u| u.key == k || u.slug == k)
                        || added.iter().any(|(a, _, _)| a == k)
                };
                let mut k = lineage::table_key(ds, &base).unwrap_or_else(|| base.clone());
                let mut n = 2;
                while k.is_empty() || taken(&k) {
                    k = format!("{base}-{n}");
                    n += 1;
                }
                let life = match lineage::given(ds, input.lineage, &k, input.year) {
                    lineage::Given::File { since, from } => Some((since, from)),
                    lineage::Given::Missing => {
                        no_lineage.push(format!("{} ({k})", row.name));
                        None
                    }
                    lineage::Given::Table | lineage::Given::NotNeeded => None,
                };
                added.push((k.clone(), row.name.clone(), life));
                keys.push(k);
            }
            Ok(None) => {
                unknown += 1;
                let names = unit_names(ds, &row.name, unknown <= NEAREST_SEARCHES);
                diags.push(
                    Diagnostic::error(
                        codes::IMPORT,
                        row.addr.clone(),
                        msg!(m::IMP_UNKNOWN_UNIT, name = &row.name, dataset = &ds.slug),
                    )
                    .hint(msg!(m::IMP_UNKNOWN_UNIT_HINT, names = names)),
                )
            }
            Err(hits) => diags.push(
                Diagnostic::error(
                    codes::IMPORT,
                    row.addr.clone(),
                    msg!(
                        m::IMP_AMBIGUOUS_UNIT,
                        name = &row.name,
                        keys = hits
                            .iter()
                            .map(|&i| ds.units[i].key.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .hint(msg!(m::IMP_AMBIGUOUS_UNIT_HINT)),
            ),
        }
    }
    if !no_lineage.is_empty() {
        diags.push(lineage::missing(ds, &no_lineage));
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok((keys, added))
}

/// Add or replace one year of an existing dataset; every other byte of the
/// file stays as it was.
pub fn update(input: &Input, text: &str, ds: &Dataset) -> Result<Made, Diagnostics> {
    let (keys, added) = match_units(input, ds)?;
    let old = ds.year(input.year);
    let year_fields = old.filter(|y| y.fields != ds.fields).map(|y| {
        y.fields
            .iter()
            .map(|f| FieldOut {
                key: f.key.clone(),
                name: f.name.clone(),
                max: f.max,
            })
            .collect()
    });
    let y = YearOut {
        year: input.year,
        methodology: old.and_then(|y| y.methodology.clone()),
        out_of: old.and_then(|y| y.out_of),
        fields: year_fields,
        scores: scores(input, &keys, Some(ds)),
        decimals: usize::from(ds.scale.decimals),
    };
    let (indent, eol) = splice::results_style(text);
    let item = yamlout::year_item(&y, indent, eol);
    let existing: Vec<(i32, usize)> = ds.years.iter().map(|y| (y.year, y.line)).collect();
    let fail = |why: String| -> Diagnostics {
        Diagnostic::error(
            codes::IMPORT,
            ds.file.clone(),
            msg!(m::IMP_CANNOT_EDIT, why = m::en_only(why)),
        )
        .hint(msg!(m::IMP_CANNOT_EDIT_HINT))
        .into()
    };
    let mut out = splice::put_year(text, input.year, &existing, &item).map_err(fail)?;
    let shorts = added_shorts(ds, &added);
    if !added.is_empty() {
        out = splice::append_units(&out, |ind, eol| {
            added
                .iter()
                .zip(&shorts)
                .map(|((k, n, life), short)| {
                    let short = short.as_deref();
                    match (life, lineage::slug_for(ds, k, short.unwrap_or(n))) {
                        (None, None) => yamlout::unit_item(k, n, short, ind, eol),
                        (life, slug) => lineage::unit_item(
                            k,
                            n,
                            short,
                            slug.as_deref(),
                            life.as_ref(),
                            ind,
                            eol,
                        ),
                    }
                })
                .collect()
        })
        .map_err(fail)?;
    }
    let lang = crate::diag::lang::current();
    let year = input.year.to_string();
    let mut notes = vec![if old.is_some() {
        msg!(m::NOTE_REPLACED, year = &year).render(lang)
    } else {
        msg!(m::NOTE_ADDED, year = &year).render(lang)
    }];
    if !added.is_empty() {
        notes.push(
            msg!(
                m::NOTE_UNITS,
                names = added
                    .iter()
                    .map(|(_, n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
            .render(lang),
        );
    }
    if let Some(((_, name, _), Some(short))) = added.iter().zip(&shorts).find(|(_, s)| s.is_some())
    {
        let note = msg!(
            m::NOTE_SHORT,
            count = shorts.iter().flatten().count(),
            name = name.as_str(),
            short = short.as_str()
        );
        notes.push(note.render(lang));
    }
    let report = ImportReport {
        into: Default::default(),
        year: input.year,
        units: keys.len(),
        created: false,
        replaced: old.is_some(),
        notes,
    };
    Ok((out, report, keys))
}

/// How many of the dataset's names a hint suggests.
const NEAREST: usize = 3;
/// Unknown units whose hint searches for the nearest names; later ones get
/// the first few names only, so that a sheet of 10,000 unknown units costs
/// no more than one of 100 (the search is over every unit of the dataset).
const NEAREST_SEARCHES: usize = 100;

/// The dataset's names closest to `name` (by edit distance of their folded
/// forms), at most [`NEAREST`], then "and N more"; the first few names
/// when `search` is false. Never every name: a hint stays one line.
fn unit_names(ds: &Dataset, name: &str, search: bool) -> crate::diag::catalog::Arg {
    use crate::diag::catalog::IntoArg;
    let mut picked: Vec<usize> = (0..ds.units.len()).collect();
    if search {
        let want: Vec<char> = fold(name).chars().take(64).collect();
        let mut scored: Vec<(usize, usize)> = picked
            .iter()
            .map(|&i| {
                let u = &ds.units[i];
                let d =
                    edit_distance(&want, &fold(&u.name)).min(edit_distance(&want, &fold(&u.short)));
                (d, i)
            })
            .collect();
        scored.sort_unstable();
        picked = scored.into_iter().map(|(_, i)| i).collect();
    }
    let shown: Vec<&str> = picked
        .iter()
        .take(NEAREST)
        .map(|&i| ds.units[i].name.as_str())
        .collect();
    let names = shown.join(", ");
    let more = ds.units.len() - shown.len();
    if more == 0 {
        names.into_arg()
    } else {
        msg!(m::IMP_UNITS_AND_MORE, names = names, n = more).into_arg()
    }
}

/// Levenshtein distance over characters (`b` cut at 64 characters).
fn edit_distance(a: &[char], b: &str) -> usize {
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// `bang-2023.xlsx:Sheet1`, without the folders the file was read from.
fn from_name(grid: &Grid) -> String {
    let file = std::path::Path::new(&grid.file)
        .file_name()
        .map_or(grid.file.clone(), |f| f.to_string_lossy().into_owned());
    match &grid.sheet {
        Some(s) => format!("{file}:{s}"),
        None => file,
    }
}
