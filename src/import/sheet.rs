//! A spreadsheet as a plain grid of cells: `.xlsx`, `.xls`, `.ods` through
//! calamine, `.csv` through the csv crate. Every cell keeps its absolute
//! address, so an error can say `bang-2023.xlsx:Sheet1!D7`.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::import::limits::{MAX_CELLS, MAX_COLS, MAX_ROWS};
use std::path::Path;

/// Files larger than this are refused before they are opened.
pub(super) const MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Num(f64),
    Text(String),
    /// A cell holding an error (`#DIV/0!`) or a date: never a score.
    Bad(String),
    /// A formula whose result the file does not hold (written by a program
    /// that does not compute formulas): never silently blank.
    Uncomputed,
}

impl Cell {
    /// The cell as text, whitespace collapsed (wrapped headers span lines).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty | Cell::Uncomputed => String::new(),
            Cell::Num(n) => format!("{n}"),
            Cell::Text(t) | Cell::Bad(t) => collapse(t),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// NFC, control characters dropped, runs of whitespace as one space.
pub fn collapse(s: &str) -> String {
    let s = crate::util::text::nfc(s);
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() || c.is_control()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// One sheet, with the absolute position of its first cell.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The file as the user named it.
    pub file: String,
    /// `None` for a CSV file.
    pub sheet: Option<String>,
    /// Every sheet of the workbook, in order.
    pub sheets: Vec<String>,
    rows: Vec<Vec<Cell>>,
    /// Absolute (row, column) of `rows[0][0]`, 0-based.
    origin: (u32, u32),
}

const EMPTY: Cell = Cell::Empty;

impl Grid {
    pub fn from_rows(file: &str, sheet: Option<String>, rows: Vec<Vec<Cell>>) -> Grid {
        Grid {
            file: file.to_string(),
            sheets: sheet.iter().cloned().collect(),
            sheet,
            rows,
            origin: (0, 0),
        }
    }

    /// Number of rows (relative).
    pub fn height(&self) -> usize {
        self.rows.len()
    }

    /// Number of columns (relative), the widest row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The cell at relative (row, column); empty outside the grid.
    pub fn get(&self, r: usize, c: usize) -> &Cell {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .unwrap_or(&EMPTY)
    }

    /// Absolute 0-based column of relative column `c`.
    pub fn abs_col(&self, c: usize) -> usize {
        self.origin.1 as usize + c
    }

    /// Relative column of absolute 0-based column `abs`, if inside the grid.
    pub fn rel_col(&self, abs: usize) -> Option<usize> {
        abs.checked_sub(self.origin.1 as usize)
    }

    /// `D7` for relative (row, column).
    pub fn cell_name(&self, r: usize, c: usize) -> String {
        format!(
            "{}{}",
            col_letters(self.abs_col(c)),
            self.origin.0 as usize + r + 1
        )
    }

    /// `bang-2023.xlsx:Sheet1!D7` (`bang.csv:D7` for CSV).
    pub fn addr(&self, r: usize, c: usize) -> String {
        match &self.sheet {
            Some(s) => format!("{}:{}!{}", self.file, s, self.cell_name(r, c)),
            None => format!("{}:{}", self.file, self.cell_name(r, c)),
        }
    }

    /// `bang-2023.xlsx:Sheet1` (the file alone for CSV).
    pub fn place(&self) -> String {
        match &self.sheet {
            Some(s) => format!("{}:{}", self.file, s),
            None => self.file.clone(),
        }
    }

    /// An error at relative (row, column).
    pub fn error(&self, r: usize, c: usize, message: impl Into<crate::diag::Text>) -> Diagnostic {
        Diagnostic::error(codes::IMPORT, self.addr(r, c), message)
    }
}

/// `A`, `B`, …, `Z`, `AA` for 0-based column `c`.
pub fn col_letters(c: usize) -> String {
    let mut n = c + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// 0-based column of `A`, `AB`; `None` for anything else.
pub fn parse_letters(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut n = 0usize;
    for b in s.bytes() {
        n = n * 26 + (b.to_ascii_uppercase() - b'A') as usize + 1;
    }
    Some(n - 1)
}

/// A missing file gets `path_hint` (check the path); any other error the
/// hint of its cause (permissions, a looping link…).
pub(super) fn read_hint(e: &std::io::Error, path_hint: crate::diag::Msg) -> crate::diag::Msg {
    match e.kind() {
        std::io::ErrorKind::NotFound => path_hint,
        _ => m::io_hint(e, m::IoPlace::Other, path_hint),
    }
}

pub(super) fn read_workbook(
    path: &Path,
    shown: &str,
    sheet: Option<&str>,
) -> Result<Grid, Diagnostic> {
    use calamine::Reader;
    let fail = |message: crate::diag::Msg, hint: crate::diag::Msg| {
        Diagnostic::error(codes::IMPORT, shown, message).hint(hint)
    };
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| {
        fail(
            msg!(m::IMP_OPEN, detail = m::en_only(e)),
            msg!(m::IMP_RESAVE_HINT),
        )
    })?;
    let names = wb.sheet_names();
    let name = match sheet {
        Some(want) => {
            let want_n = collapse(want).to_lowercase();
            names
                .iter()
                .find(|n| collapse(n).to_lowercase() == want_n)
                .cloned()
                .ok_or_else(|| {
                    fail(
                        msg!(m::IMP_NO_SHEET, sheet = want),
                        msg!(m::IMP_SHEETS_HINT, sheets = names.join(", ")),
                    )
                })?
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| fail(msg!(m::IMP_NO_SHEETS), msg!(m::IMP_NO_SHEETS_HINT)))?,
    };
    let read_fail = |e: &dyn std::fmt::Display| {
        fail(
            msg!(m::IMP_READ_SHEET, sheet = &name, detail = m::en_only(e)),
            msg!(m::IMP_RESAVE_HINT),
        )
    };
    // An xlsx is read cell by cell: a sheet declaring (or holding) A1 and
    // XFD1048576 must not make a 17-billion-cell range (512 GB).
    let cells = match &mut wb {
        calamine::Sheets::Xlsx(x) => xlsx_cells(x, &name, shown).map_err(|e| match e {
            Either::Read(e) => read_fail(&e),
            Either::Bounded(d) => d,
        })?,
        other => {
            let range = other.worksheet_range(&name).map_err(|e| read_fail(&e))?;
            let origin = range.start().unwrap_or((0, 0));
            let (h, w) = range.get_size();
            let end = range.end().unwrap_or((0, 0));
            let far = format!("{}{}", col_letters(end.1 as usize), u64::from(end.0) + 1);
            bounded(shown, &name, origin, (h as u64, w as u64), None)
                .map_err(|d| d.hint(msg!(m::IMP_SHEET_TOO_LARGE_HINT, cell = far)))?;
            let mut cells = Vec::new();
            for (r, row) in range.rows().enumerate() {
                for (c, d) in row.iter().enumerate() {
                    if !matches!(d, calamine::Data::Empty) {
                        cells.push(((origin.0 + r as u32, origin.1 + c as u32), cell_of(d)));
                    }
                }
            }
            cells
        }
    };
    let (rows, origin) = grid_rows(cells);
    Ok(Grid {
        file: shown.to_string(),
        sheet: Some(name),
        sheets: names,
        rows,
        origin,
    })
}

/// A cell with a value at its absolute (row, column).
type Placed = ((u32, u32), Cell);

enum Either {
    Read(calamine::XlsxError),
    Bounded(Diagnostic),
}

/// The cells with a value of an xlsx sheet, by absolute (row, column),
/// refused past the limits above as soon as they are crossed.
fn xlsx_cells<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsx<RS>,
    name: &str,
    shown: &str,
) -> Result<Vec<Placed>, Either> {
    let mut reader = x.worksheet_cells_reader(name).map_err(Either::Read)?;
    let mut cells: Vec<Placed> = Vec::new();
    let (mut lo, mut hi) = ((u32::MAX, u32::MAX), (0u32, 0u32));
    while let Some(c) = reader.next_cell().map_err(Either::Read)? {
        let d: calamine::Data = c.get_value().clone().into();
        if matches!(d, calamine::Data::Empty) {
            continue;
        }
        let (r, col) = c.get_position();
        lo = (lo.0.min(r), lo.1.min(col));
        hi = (hi.0.max(r), hi.1.max(col));
        let size = (u64::from(hi.0 - lo.0) + 1, u64::from(hi.1 - lo.1) + 1);
        let many = (cells.len() >= MAX_CELLS).then_some(cells.len());
        if let Err(e) = bounded(shown, name, lo, size, many) {
            // Name the cell that crossed the limit: the one to delete.
            let cell = format!("{}{}", col_letters(col as usize), u64::from(r) + 1);
            return Err(Either::Bounded(
                e.hint(msg!(m::IMP_SHEET_TOO_LARGE_HINT, cell = cell)),
            ));
        }
        cells.push(((r, col), cell_of(&d)));
    }
    drop(reader);
    mark_uncomputed(x, name, &mut cells)?;
    Ok(cells)
}

/// Formula cells whose result the file does not hold (no `<v>`, or an
/// empty one) become `Cell::Uncomputed`, so that a total is never read as
/// blank when it was only never computed. Only cells inside the span of
/// the cells with a value are added.
fn mark_uncomputed<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsx<RS>,
    name: &str,
    cells: &mut Vec<Placed>,
) -> Result<(), Either> {
    let mut at: std::collections::HashMap<(u32, u32), usize> = cells
        .iter()
        .enumerate()
        .map(|(i, (p, _))| (*p, i))
        .collect();
    let lo = (
        cells.iter().map(|(p, _)| p.0).min().unwrap_or(0),
        cells.iter().map(|(p, _)| p.1).min().unwrap_or(0),
    );
    let hi = (
        cells.iter().map(|(p, _)| p.0).max().unwrap_or(0),
        cells.iter().map(|(p, _)| p.1).max().unwrap_or(0),
    );
    let mut reader = x.worksheet_cells_reader(name).map_err(Either::Read)?;
    while let Some(f) = reader.next_formula().map_err(Either::Read)? {
        if f.get_value().is_empty() {
            continue;
        }
        let p = f.get_position();
        match at.get(&p) {
            Some(&i) if cells[i].1.is_empty() => cells[i].1 = Cell::Uncomputed,
            Some(_) => {}
            None if (lo.0..=hi.0).contains(&p.0) && (lo.1..=hi.1).contains(&p.1) => {
                at.insert(p, cells.len());
                cells.push((p, Cell::Uncomputed));
            }
            None => {}
        }
    }
    Ok(())
}

/// An error if a sheet whose first cell is `lo` spans `size` (rows,
/// columns), or holds `many` cells, past the limits.
pub(super) fn bounded(
    shown: &str,
    sheet: &str,
    lo: (u32, u32),
    size: (u64, u64),
    many: Option<usize>,
) -> Result<(), Diagnostic> {
    if size.0 <= MAX_ROWS && size.1 <= MAX_COLS && many.is_none() {
        return Ok(());
    }
    let first = format!("{}{}", col_letters(lo.1 as usize), u64::from(lo.0) + 1);
    let at = if sheet.is_empty() {
        format!("{shown}:{first}")
    } else {
        format!("{shown}:{sheet}!{first}")
    };
    Err(Diagnostic::error(
        codes::IMPORT,
        at,
        msg!(
            m::IMP_SHEET_TOO_LARGE,
            rows = size.0,
            cols = size.1,
            cells = many.unwrap_or(0),
            max_rows = MAX_ROWS,
            max_cols = MAX_COLS,
            max_cells = MAX_CELLS
        ),
    ))
}

/// Rows of cells from (absolute position, cell) pairs, each row only as long
/// as its last cell; and the absolute position of `rows[0][0]`.
fn grid_rows(mut cells: Vec<Placed>) -> (Vec<Vec<Cell>>, (u32, u32)) {
    if cells.is_empty() {
        return (Vec::new(), (0, 0));
    }
    cells.sort_by_key(|(p, _)| *p);
    let r0 = cells[0].0.0;
    let c0 = cells.iter().map(|(p, _)| p.1).min().unwrap_or(0);
    let height = (cells[cells.len() - 1].0.0 - r0) as usize + 1;
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); height];
    for ((r, c), cell) in cells {
        let row = &mut rows[(r - r0) as usize];
        let at = (c - c0) as usize;
        if row.len() <= at {
            row.resize(at + 1, Cell::Empty);
        }
        row[at] = cell;
    }
    (rows, (r0, c0))
}

fn cell_of(d: &calamine::Data) -> Cell {
    use calamine::Data;
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Num(*i as f64),
        Data::Float(f) if f.is_finite() => Cell::Num(*f),
        Data::Float(f) => Cell::Bad(f.to_string()),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bad(b.to_string()),
        Data::DateTime(dt) => Cell::Bad(format!("a date ({})", dt.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Bad(format!("a date ({s})")),
        Data::Error(e) => Cell::Bad(format!("an error value ({e})")),
    }
}

/// `-`, `–`, `—`, `x`: a cell that says "no figure" on purpose.
pub fn is_blank_marker(cell: &Cell) -> bool {
    matches!(cell, Cell::Text(t) if matches!(t.trim(), "-" | "–" | "—" | "x" | "X"))
}

/// A number as a province types it: `72,10`, `72.10`, `1.234,5`, `86,29%`.
/// `Ok(None)` for a blank (empty, `-`, `–`); `Err` for other text.
pub fn parse_number(cell: &Cell) -> Result<Option<f64>, crate::diag::Msg> {
    let t = match cell {
        Cell::Empty => return Ok(None),
        Cell::Num(n) => return Ok(Some(*n)),
        Cell::Bad(what) => return Err(msg!(m::IMP_CELL_NOT_NUMBER, what = what)),
        Cell::Uncomputed => return Err(msg!(m::IMP_FORMULA_NO_VALUE)),
        Cell::Text(t) => collapse(t),
    };
    let s = t.trim();
    if s.is_empty() || matches!(s, "-" | "–" | "—" | "x" | "X") {
        return Ok(None);
    }
    let s = s.strip_suffix('%').unwrap_or(s).trim_end();
    let s: String = s.chars().filter(|c| *c != ' ').collect();
    let valid = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'));
    if !valid {
        return Err(msg!(m::IMP_NOT_NUMBER, text = &*t));
    }
    let (commas, dots) = (s.matches(',').count(), s.matches('.').count());
    let plain = match (commas, dots) {
        (0, 0 | 1) => s.clone(),
        (1, 0) => s.replace(',', "."),
        (0, _) => s.replace('.', ""),
        (1, _) if s.rfind(',') > s.rfind('.') => s.replace('.', "").replace(',', "."),
        (_, 1) if s.rfind('.') > s.rfind(',') => s.replace(',', ""),
        _ => return Err(msg!(m::IMP_NOT_NUMBER, text = &*t)),
    };
    match plain.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(msg!(m::IMP_NOT_NUMBER, text = &*t)),
    }
}

/// Digits after the decimal mark as written (`72,10` → 2; a stored
/// `72.1` → 1).
pub fn decimals_of(cell: &Cell) -> usize {
    let s = match cell {
        Cell::Num(n) => crate::import::yamlout::num(*n),
        Cell::Text(t) => collapse(t),
        _ => return 0,
    };
    let s = s.trim().trim_end_matches('%').trim_end();
    match s.rfind([',', '.']) {
        Some(i) if s.matches([',', '.']).count() == 1 || s[i..].len() != 4 => s.len() - i - 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_spreadsheet_points_at_its_path_and_other_read_errors_at_their_cause() {
        use crate::diag::lang::Lang;
        let hint = |k| read_hint(&std::io::Error::from(k), msg!(m::IMP_READ_HINT)).render(Lang::En);
        let path = msg!(m::IMP_READ_HINT).render(Lang::En);
        assert_eq!(hint(std::io::ErrorKind::NotFound), path);
        let denied = hint(std::io::ErrorKind::PermissionDenied);
        assert!(denied.contains("permissions") && denied != path, "{denied}");
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn numbers_as_typed() {
        assert_eq!(parse_number(&t("72,10")), Ok(Some(72.1)));
        assert_eq!(parse_number(&t(" 72.10 ")), Ok(Some(72.1)));
        assert_eq!(parse_number(&t("1.234,5")), Ok(Some(1234.5)));
        assert_eq!(parse_number(&t("1,234.5")), Ok(Some(1234.5)));
        assert_eq!(parse_number(&t("86,29%")), Ok(Some(86.29)));
        assert_eq!(parse_number(&t("")), Ok(None));
        assert_eq!(parse_number(&t("-")), Ok(None));
        assert!(parse_number(&t("bảy")).is_err());
        assert!(parse_number(&t("1,2,3")).is_err());
        assert_eq!(decimals_of(&t("72,10")), 2);
        assert_eq!(decimals_of(&Cell::Num(72.1)), 1);
    }

    #[test]
    fn column_letters() {
        assert_eq!(col_letters(0), "A");
        assert_eq!(col_letters(25), "Z");
        assert_eq!(col_letters(26), "AA");
        assert_eq!(parse_letters("aa"), Some(26));
        assert_eq!(parse_letters("D"), Some(3));
    }
}
