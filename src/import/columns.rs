//! Which column is which: the header rows are found, each column's header
//! is compared after NFC, case folding and without diacritics (as a slug),
//! and `--map "Cột 5=the-che"` decides the rest. A column that cannot be
//! placed stops the import with its cell and the `--map` line to write.

use crate::diag::Diagnostic;
use crate::diag::Diagnostics;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::import::roles;
pub use crate::import::roles::{KnownField, Role, split_max};
use crate::import::sheet::{Grid, col_letters, parse_letters, parse_number};
use crate::import::words::{MAX_ROW_WORDS, UNIT_WORDS};
use crate::util::text::{is_valid_slug, slugify};

/// How far down the header row is looked for.
const HEADER_SEARCH_ROWS: usize = 40;

#[derive(Debug, Clone)]
pub struct Column {
    /// Relative column in the grid.
    pub col: usize,
    pub header: String,
    pub role: Role,
    /// The maximum in `header` came from a "Điểm tối đa" row, not the header.
    pub max_from_row: bool,
}

/// The layout of the table.
#[derive(Debug, Clone)]
pub struct Layout {
    /// First relative row after the header rows.
    pub data_start: usize,
    pub columns: Vec<Column>,
    /// Text rows above the header (a title, "Năm 2022"), for the title and year.
    pub above: Vec<String>,
}

impl Layout {
    pub fn of(&self, role: &Role) -> Option<usize> {
        self.columns.iter().find(|c| &c.role == role).map(|c| c.col)
    }
    pub fn fields(&self) -> impl Iterator<Item = (&Column, &str, &str, Option<f64>)> {
        self.columns.iter().filter_map(|c| match &c.role {
            Role::Field { key, name, max } => Some((c, key.as_str(), name.as_str(), *max)),
            _ => None,
        })
    }
}

/// `--map` parsed: absolute 0-based column → target.
#[derive(Debug, Clone)]
pub struct MapEntry {
    pub abs_col: usize,
    pub target: String,
}

/// Parse `Cột 5=the-che`, `E=skip`, `5=total`.
pub fn parse_map(s: &str) -> Result<MapEntry, Diagnostic> {
    let bad = |why: crate::diag::Msg| {
        Diagnostic::error(codes::IMPORT, "--map", msg!(m::IMP_MAP, map = s, why = why))
            .hint(msg!(m::IMP_MAP_HINT))
    };
    let Some((left, right)) = s.split_once('=') else {
        return Err(bad(msg!(m::IMP_MAP_NO_EQ)));
    };
    let l = slugify(left);
    let l = l
        .strip_prefix("cot-")
        .or_else(|| l.strip_prefix("column-"))
        .unwrap_or(&l);
    let abs_col = match l.parse::<usize>() {
        Ok(n) if n >= 1 => n - 1,
        Ok(_) => return Err(bad(msg!(m::IMP_MAP_FROM_1))),
        Err(_) => parse_letters(l).ok_or_else(|| bad(msg!(m::IMP_MAP_COLUMN)))?,
    };
    let target = crate::util::text::nfc(right.trim()).to_string();
    if !is_valid_slug(&target) {
        return Err(bad(msg!(m::IMP_MAP_TARGET)));
    }
    Ok(MapEntry { abs_col, target })
}

/// Find the header rows and place every column.
pub fn layout(
    grid: &Grid,
    known: Option<&[KnownField]>,
    maps: &[MapEntry],
) -> Result<Layout, Diagnostics> {
    let header_row = find_header_row(grid, maps)?;
    let mut data_start = header_row + 1;
    // A second header row: the unit cell is merged down (empty) and the row
    // holds text but no number.
    while data_start < grid.height() && data_start < header_row + 3 {
        if is_sub_header(grid, header_row, data_start) {
            data_start += 1;
        } else {
            break;
        }
    }
    let above = (0..header_row)
        .flat_map(|r| (0..grid.width()).map(move |c| (r, c)))
        .map(|(r, c)| grid.get(r, c).text())
        .filter(|t| !t.is_empty())
        .collect();
    let max_row = (data_start..grid.height().min(data_start + 3)).find(|&r| is_max_row(grid, r));
    let mut diags = Diagnostics::new();
    let mut columns = Vec::new();
    let mut unplaced_cols = Vec::new();
    for c in 0..grid.width() {
        let mut header = (header_row..data_start)
            .rev()
            .map(|r| grid.get(r, c).text())
            .find(|t| !t.is_empty() && !is_numbering(t))
            .unwrap_or_default();
        // "Điểm tối đa" under the header: the column's maximum, as if in brackets.
        let mut max_from_row = false;
        if let Some(r) = max_row {
            if let (Ok(Some(m)), None) = (parse_number(grid.get(r, c)), split_max(&header).1) {
                if !header.is_empty() {
                    max_from_row = true;
                    header = format!("{header} ({m})");
                }
            }
        }
        let has_data = (data_start..grid.height()).any(|r| !grid.get(r, c).is_empty());
        let map = maps.iter().find(|m| grid.rel_col(m.abs_col) == Some(c));
        let placed = match map {
            Some(m) => roles::mapped_role(grid, header_row, c, &header, &m.target, known).map(Some),
            None => roles::header_role(grid, header_row, c, &header, has_data, known),
        };
        match placed {
            Ok(Some(role)) => columns.push(Column {
                col: c,
                header,
                role,
                max_from_row,
            }),
            Ok(None) => {}
            Err(d) => {
                unplaced_cols.push((c, header));
                diags.push(d)
            }
        }
    }
    for mapped in maps {
        if grid
            .rel_col(mapped.abs_col)
            .is_none_or(|c| c >= grid.width())
        {
            diags.push(
                Diagnostic::error(
                    codes::IMPORT,
                    grid.place(),
                    msg!(
                        m::IMP_MAP_NO_COLUMN,
                        letters = col_letters(mapped.abs_col),
                        n = mapped.abs_col + 1
                    ),
                )
                .hint(msg!(m::IMP_MAP_NO_COLUMN_HINT)),
            );
        }
    }
    if known.is_none() {
        let mapped = |c: usize| maps.iter().any(|m| grid.rel_col(m.abs_col) == Some(c));
        shorten_keys(&mut columns, mapped);
    }
    check_unique(grid, header_row, &columns, &unplaced_cols, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Layout {
        data_start,
        columns,
        above,
    })
}

/// Give the fields a new dataset takes from its headers short keys; keys
/// written with `--map` (columns for which `mapped` is true) stay as given.
fn shorten_keys(columns: &mut [Column], mapped: impl Fn(usize) -> bool) {
    let mut taken: Vec<String> = vec!["unit".into(), "total".into(), "rank".into(), "skip".into()];
    let mut which = Vec::new();
    let mut names = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        if let Role::Field { key, name, .. } = &c.role {
            if mapped(c.col) {
                taken.push(key.clone());
            } else {
                which.push(i);
                names.push(name.clone());
            }
        }
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
    for (i, k) in which
        .into_iter()
        .zip(crate::import::keys::short_keys(&names, &taken))
    {
        if let Role::Field { key, .. } = &mut columns[i].role {
            *key = k;
        }
    }
}

fn find_header_row(grid: &Grid, maps: &[MapEntry]) -> Result<usize, Diagnostics> {
    let unit_mapped = maps.iter().find(|m| m.target == "unit");
    for r in 0..grid.height().min(HEADER_SEARCH_ROWS) {
        for c in 0..grid.width() {
            let is_unit_header = match unit_mapped {
                Some(m) => grid.rel_col(m.abs_col) == Some(c) && !grid.get(r, c).is_empty(),
                None => UNIT_WORDS.contains(&slugify(&grid.get(r, c).text()).as_str()),
            };
            if is_unit_header {
                return Ok(r);
            }
        }
    }
    Err(
        Diagnostic::error(codes::IMPORT, grid.place(), msg!(m::IMP_NO_HEADER))
            .hint(msg!(
                m::IMP_NO_HEADER_HINT,
                sheets = if grid.sheets.len() > 1 {
                    m::Arg::Msg(msg!(
                        m::IMP_OTHER_SHEET,
                        sheet = &grid.sheets[1],
                        sheets = grid.sheets.join(", ")
                    ))
                } else {
                    m::text("")
                }
            ))
            .into(),
    )
}

/// Whether row `r` continues the header that starts at `header_row`.
fn is_sub_header(grid: &Grid, header_row: usize, r: usize) -> bool {
    let unit_col = (0..grid.width())
        .find(|&c| UNIT_WORDS.contains(&slugify(&grid.get(header_row, c).text()).as_str()));
    if let Some(c) = unit_col {
        if !grid.get(r, c).is_empty() && !is_numbering(&grid.get(r, c).text()) {
            return false;
        }
    }
    let mut any_text = false;
    for c in 0..grid.width() {
        let cell = grid.get(r, c);
        if cell.is_empty() {
            continue;
        }
        let t = cell.text();
        if is_numbering(&t) {
            continue;
        }
        if matches!(parse_number(cell), Ok(Some(_))) {
            return false;
        }
        any_text = true;
    }
    any_text
}

/// A row labelled "Điểm tối đa": each column's maximum.
pub fn is_max_row(grid: &Grid, r: usize) -> bool {
    (0..grid.width()).any(|c| MAX_ROW_WORDS.contains(&slugify(&grid.get(r, c).text()).as_str()))
}

/// `(1)`, `2`, `A`, `B`: a column-numbering cell under a header.
pub fn is_numbering(t: &str) -> bool {
    let t = t.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t);
    !inner.is_empty()
        && inner.len() <= 3
        && (inner.chars().all(|c| c.is_ascii_digit())
            || (t.len() == 1 && t.chars().all(|c| c.is_ascii_uppercase())))
}

/// One unit, total and rank column each, and each field once.
fn check_unique(
    grid: &Grid,
    header_row: usize,
    columns: &[Column],
    unplaced: &[(usize, String)],
    diags: &mut Diagnostics,
) {
    for (i, a) in columns.iter().enumerate() {
        if a.role == Role::Skip {
            continue;
        }
        let same = |b: &Column| match (&a.role, &b.role) {
            (Role::Field { key: x, .. }, Role::Field { key: y, .. }) => x == y,
            (x, y) => x == y,
        };
        if let Some(b) = columns[..i].iter().find(|b| same(b)) {
            let what = match &a.role {
                Role::Unit => msg!(m::IMP_ROLE_UNIT),
                Role::Total => msg!(m::IMP_ROLE_TOTAL),
                Role::Rank => msg!(m::IMP_ROLE_RANK),
                Role::Year => msg!(m::IMP_ROLE_YEAR),
                Role::Key => msg!(m::IMP_ROLE_KEY),
                Role::Field { key, .. } => msg!(m::IMP_ROLE_FIELD, key = key),
                Role::Skip => continue,
            };
            let (ca, cb) = (grid.abs_col(a.col), grid.abs_col(b.col));
            diags.push(
                grid.error(
                    header_row,
                    a.col,
                    msg!(
                        m::IMP_AMBIGUOUS_COLUMNS,
                        b = col_letters(cb),
                        b_header = &b.header,
                        a = col_letters(ca),
                        a_header = &a.header,
                        what = what
                    ),
                )
                .hint(msg!(
                    m::IMP_AMBIGUOUS_COLUMNS_HINT,
                    letters = col_letters(ca)
                )),
            );
        }
    }
    if !columns.iter().any(|c| c.role == Role::Unit) {
        diags.push(
            Diagnostic::error(codes::IMPORT, grid.place(), msg!(m::IMP_NO_UNIT_COLUMN))
                .hint(msg!(m::IMP_NO_UNIT_COLUMN_HINT)),
        );
    }
    if !columns.iter().any(|c| c.role == Role::Total) {
        // The hint names the column that most looks like the total among
        // those not placed (its header says "tổng" or "điểm"), never a
        // fixed one: the same column the error about it names.
        let looks_total = |h: &str| {
            let s = slugify(h);
            s.split('-').any(|w| w == "tong" || w == "diem")
        };
        let hint = match unplaced.iter().find(|(_, h)| looks_total(h)) {
            Some((c, h)) => msg!(
                m::IMP_NO_TOTAL_COLUMN_HINT_AT,
                letters = col_letters(grid.abs_col(*c)),
                header = h
            ),
            None => msg!(m::IMP_NO_TOTAL_COLUMN_HINT),
        };
        diags.push(
            Diagnostic::error(codes::IMPORT, grid.place(), msg!(m::IMP_NO_TOTAL_COLUMN)).hint(hint),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_in_brackets() {
        assert_eq!(
            split_max("Công tác chỉ đạo, điều hành (10)"),
            ("Công tác chỉ đạo, điều hành".to_string(), Some(10.0))
        );
        assert_eq!(split_max("Cải cách TTHC (12,5 điểm)").1, Some(12.5));
        assert_eq!(split_max("Tổng điểm (tối đa 100)").1, Some(100.0));
        assert_eq!(split_max("Ghi chú (nếu có)").1, None);
    }

    #[test]
    fn map_syntax() {
        let m = parse_map("Cột 5=the-che").unwrap();
        assert_eq!((m.abs_col, m.target.as_str()), (4, "the-che"));
        assert_eq!(parse_map("E=total").unwrap().abs_col, 4);
        assert_eq!(parse_map("cot 12 = skip").unwrap().abs_col, 11);
        assert!(parse_map("Cột 0=x").is_err());
        assert!(parse_map("Cột 5").is_err());
        assert!(parse_map("Cột 5=Thể chế").is_err());
    }
}
