//! The table's data rows: one per unit, with its total, rank and fields,
//! read through the [`Layout`]. Footnotes ("Ghi chú: …"), blank rows,
//! column-numbering rows and rows with no number (a group heading) are
//! skipped and listed; every bad cell is an error at its address.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::import::columns::{Layout, Role, is_max_row, is_numbering};
use crate::import::sheet::{Grid, decimals_of, is_blank_marker, parse_number};
use crate::import::words::{NOTE_WORDS, SUMMARY_WORDS};
use crate::util::text::slugify;

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The unit's name as written (NFC, spaces collapsed).
    pub name: String,
    /// `bang.xlsx:Sheet1!B5`.
    pub addr: String,
    /// The relative row in the grid (for the address of its other cells).
    pub r: usize,
    pub total: Option<f64>,
    pub rank: Option<u32>,
    /// From a year column, when the table has one.
    pub year: Option<i32>,
    /// From a code column ("Mã đơn vị"), when the table has one.
    pub key: Option<String>,
    /// Aligned with [`Layout::fields`].
    pub fields: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    /// What was left out, for the report: `row 14: "Ghi chú: …" (a note)`.
    pub skipped: Vec<String>,
    /// Most digits after the decimal mark among the totals.
    pub decimals: usize,
}

/// The columns rows are read through.
struct Cols {
    unit: usize,
    total: Option<usize>,
    rank: Option<usize>,
    year: Option<usize>,
    key: Option<usize>,
    fields: Vec<usize>,
}

impl Cols {
    fn values(&self) -> impl Iterator<Item = usize> + '_ {
        self.total
            .iter()
            .chain(self.rank.iter())
            .chain(self.fields.iter())
            .copied()
    }
}

/// What one row below the header is.
enum Kind {
    /// Nothing in it.
    Blank,
    /// Left out, with why (for the report).
    Skip(String),
    /// A unit's row, with its year when the table has a year column.
    Unit(Option<i32>),
}

/// Read every data row below the header.
pub fn read(grid: &Grid, layout: &Layout) -> Result<Table, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut table = Table::default();
    let Some(unit) = layout.of(&Role::Unit) else {
        return Ok(table);
    };
    let cols = Cols {
        unit,
        total: layout.of(&Role::Total),
        rank: layout.of(&Role::Rank),
        year: layout.of(&Role::Year),
        key: layout.of(&Role::Key),
        fields: layout.fields().map(|(c, ..)| c.col).collect(),
    };
    for r in layout.data_start..grid.height() {
        match classify(grid, &cols, r, &mut diags) {
            Kind::Blank => {}
            Kind::Skip(why) => table.skipped.push(why),
            Kind::Unit(year) => {
                let row = values(grid, &cols, r, year, &mut diags);
                if let Some(c) = cols.total {
                    table.decimals = table.decimals.max(decimals_of(grid.get(r, c)));
                }
                table.rows.push(row);
            }
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(table)
}

/// A note, column numbers, a heading, a summary row, or a unit's row.
fn classify(grid: &Grid, cols: &Cols, r: usize, diags: &mut Diagnostics) -> Kind {
    let name = grid.get(r, cols.unit).text();
    let texts: Vec<String> = (0..grid.width())
        .map(|c| grid.get(r, c).text())
        .filter(|t| !t.is_empty())
        .collect();
    let Some(first) = texts.first() else {
        return Kind::Blank;
    };
    let row_no = grid
        .cell_name(r, 0)
        .trim_start_matches(char::is_alphabetic)
        .to_string();
    let first_slug = slugify(first);
    if first.starts_with('*')
        || first.starts_with("(*")
        || NOTE_WORDS.iter().any(|w| first_slug.starts_with(w))
    {
        return skip(msg!(
            m::SKIP_NOTE,
            row = m::text(row_no),
            text = short(first)
        ));
    }
    if is_max_row(grid, r) {
        return skip(msg!(m::SKIP_MAX, row = m::text(row_no)));
    }
    if texts.iter().all(|t| is_numbering(t)) {
        return skip(msg!(m::SKIP_NUMBERS, row = m::text(row_no)));
    }
    let year = match cols.year.map(|c| (c, parse_number(grid.get(r, c)))) {
        Some((_, Ok(Some(v)))) if v.fract() == 0.0 && (1900.0..=2200.0).contains(&v) => {
            Some(v as i32)
        }
        Some((c, Ok(Some(_)) | Err(_))) => {
            diags.push(
                grid.error(r, c, msg!(m::IMP_NOT_YEAR))
                    .hint(msg!(m::IMP_NOT_YEAR_HINT)),
            );
            return Kind::Blank;
        }
        _ => None,
    };
    let has_value = year.is_some()
        || cols.values().any(|c| {
            let cell = grid.get(r, c);
            is_blank_marker(cell) || matches!(parse_number(cell), Ok(Some(_)))
        });
    if name.is_empty() || !name.chars().any(char::is_alphabetic) {
        if has_value {
            diags.push(
                grid.error(r, cols.unit, msg!(m::IMP_NO_NAME))
                    .hint(msg!(m::IMP_NO_NAME_HINT)),
            );
            return Kind::Blank;
        }
        return skip(msg!(
            m::SKIP_NO_NAME,
            row = m::text(row_no),
            text = short(first)
        ));
    }
    if SUMMARY_WORDS.iter().any(|w| slugify(&name).starts_with(w)) {
        return skip(msg!(
            m::SKIP_SUMMARY,
            row = m::text(row_no),
            text = short(&name)
        ));
    }
    if !has_value {
        return skip(msg!(
            m::SKIP_HEADING,
            row = m::text(row_no),
            text = short(&name)
        ));
    }
    Kind::Unit(year)
}

/// The numbers of a unit's row; each bad cell is an error at its address.
fn values(grid: &Grid, cols: &Cols, r: usize, year: Option<i32>, diags: &mut Diagnostics) -> Row {
    let num = |c: usize, diags: &mut Diagnostics| match parse_number(grid.get(r, c)) {
        Ok(v) => v,
        Err(why) => {
            let hint = if matches!(grid.get(r, c), crate::import::sheet::Cell::Uncomputed) {
                msg!(m::IMP_FORMULA_NO_VALUE_HINT)
            } else {
                msg!(m::IMP_NUMBER_HINT)
            };
            diags.push(grid.error(r, c, why).hint(hint));
            None
        }
    };
    let total = cols.total.and_then(|c| num(c, diags));
    let rank = cols.rank.and_then(|c| match num(c, diags) {
        None => None,
        Some(v) if v >= 1.0 && v.fract() == 0.0 && v <= u32::MAX as f64 => Some(v as u32),
        Some(v) => {
            diags.push(
                grid.error(r, c, msg!(m::IMP_BAD_RANK, value = m::text(v)))
                    .hint(msg!(m::IMP_BAD_RANK_HINT)),
            );
            None
        }
    });
    let fields = cols.fields.iter().map(|&c| num(c, diags)).collect();
    Row {
        name: grid.get(r, cols.unit).text(),
        addr: grid.addr(r, cols.unit),
        r,
        total,
        rank,
        year,
        key: cols
            .key
            .map(|c| grid.get(r, c).text())
            .filter(|k| !k.is_empty()),
        fields,
    }
}

/// Keep the rows of `year` when the table has a year column: `year`, or
/// the only year the column holds. `Ok(None)`: no year column.
pub fn pick_year(
    grid: &Grid,
    table: &mut Table,
    year: Option<i32>,
) -> Result<Option<i32>, Diagnostic> {
    let mut years: Vec<i32> = table.rows.iter().filter_map(|r| r.year).collect();
    if years.is_empty() {
        return Ok(None);
    }
    years.sort_unstable();
    years.dedup();
    let list = years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let fail = |message: crate::diag::Msg, hint: crate::diag::Msg| {
        Diagnostic::error(codes::IMPORT, grid.place(), message).hint(hint)
    };
    let y = match (year, years.as_slice()) {
        (Some(y), _) if years.contains(&y) => y,
        (None, [y]) => *y,
        (Some(y), _) => {
            return Err(fail(
                msg!(m::IMP_NO_SUCH_YEAR, year = y.to_string(), years = &list),
                msg!(m::IMP_NO_SUCH_YEAR_HINT),
            ));
        }
        (None, _) => {
            return Err(fail(
                msg!(m::IMP_MANY_YEARS, years = &list),
                msg!(m::IMP_MANY_YEARS_HINT),
            ));
        }
    };
    let before = table.rows.len();
    table.rows.retain(|r| r.year == Some(y));
    if table.rows.len() < before {
        table.skipped.push(
            msg!(m::SKIP_OTHER_YEARS, n = before - table.rows.len())
                .render(crate::diag::lang::current()),
        );
    }
    Ok(Some(y))
}

/// A unit listed twice is an error at the second.
pub fn check_names(table: &Table, diags: &mut Diagnostics) {
    for (i, row) in table.rows.iter().enumerate() {
        let key = fold(&row.name);
        if let Some(prev) = table.rows[..i].iter().find(|p| fold(&p.name) == key) {
            diags.push(
                Diagnostic::error(
                    codes::IMPORT,
                    row.addr.clone(),
                    msg!(m::IMP_UNIT_TWICE, name = &row.name, other = &prev.addr),
                )
                .hint(msg!(m::IMP_UNIT_TWICE_HINT)),
            );
        }
    }
}

/// A skipped row, in the language of this run (printed under the import).
fn skip(m: crate::diag::Msg) -> Kind {
    Kind::Skip(m.render(crate::diag::lang::current()))
}

/// NFC and case folding: how unit names are matched.
pub fn fold(s: &str) -> String {
    crate::import::sheet::collapse(s).to_lowercase()
}

fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        s.chars().take(60).collect::<String>() + "…"
    } else {
        s.to_string()
    }
}
