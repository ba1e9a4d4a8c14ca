//! A `.csv` file as a grid of cells (`open::read` hands it here): UTF-8,
//! the delimiter guessed from the first lines (`;` where Excel writes
//! decimal commas), and chiso's own download's formula guard undone.

use super::sheet::{Cell, Grid, bounded, col_letters, read_hint};
use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::import::limits::MAX_CELLS;
use std::path::Path;

pub(super) fn read_csv(path: &Path, shown: &str) -> Result<Grid, Diagnostic> {
    let fail = |message: crate::diag::Msg, hint: crate::diag::Msg| {
        Diagnostic::error(codes::IMPORT, shown, message).hint(hint)
    };
    let bytes = std::fs::read(path).map_err(|e| {
        let hint = read_hint(&e, msg!(m::IMP_READ_FILE_HINT));
        fail(msg!(m::IMP_READ, reason = &e), hint)
    })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| fail(msg!(m::IMP_CSV_UTF8), msg!(m::IMP_CSV_UTF8_HINT)))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delim = sniff_delimiter(text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            fail(
                msg!(m::IMP_CSV_READ, detail = m::en_only(e)),
                msg!(m::IMP_CSV_READ_HINT),
            )
        })?;
        cells += rec.len();
        let size = (rows.len() as u64 + 1, rec.len() as u64);
        let many = (cells > MAX_CELLS).then_some(cells);
        if let Err(d) = bounded(shown, "", (0, 0), size, many) {
            return Err(d.hint(msg!(
                m::IMP_SHEET_TOO_LARGE_HINT,
                cell = format!(
                    "{}{}",
                    col_letters(rec.len().saturating_sub(1)),
                    rows.len() + 1
                )
            )));
        }
        rows.push(
            rec.iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(unguard_formula(f).to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Grid::from_rows(shown, None, rows))
}

/// A cell of chiso's own CSV download as it was before the `'` that keeps
/// a spreadsheet from running it (`'=SUM(1)` → `=SUM(1)`).
fn unguard_formula(f: &str) -> &str {
    match f.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => f,
    }
}

/// Lines looked at to guess the delimiter: a title, a blank line and the
/// header come before the first row of figures.
const SNIFF_LINES: usize = 12;

/// `;` (what Excel writes where the decimal mark is a comma), tab, or `,`:
/// whichever is the most frequent outside quotes on the most of the first
/// lines that hold one, so that a one-cell title (`…HUYỆN, THÀNH PHỐ`) or
/// decimal commas (`1;Phong Thổ;72,10`) do not outvote the table. Ties go
/// to the larger count over those lines.
fn sniff_delimiter(text: &str) -> u8 {
    const DELIMS: [u8; 3] = [b';', b'\t', b','];
    let mut wins = [0usize; 3];
    let mut totals = [0usize; 3];
    for line in text.lines().take(SNIFF_LINES) {
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ';' if !quoted => counts[0] += 1,
                '\t' if !quoted => counts[1] += 1,
                ',' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        let best = (0..3).max_by_key(|&i| (counts[i], i)).unwrap_or(2);
        if counts[best] > 0 {
            wins[best] += 1;
        }
        for (t, c) in totals.iter_mut().zip(counts) {
            *t += c;
        }
    }
    let best = (0..3).max_by_key(|&i| (wins[i], totals[i], i)).unwrap_or(2);
    if wins[best] == 0 {
        return b',';
    }
    DELIMS[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter() {
        assert_eq!(sniff_delimiter("STT;Đơn vị;Tổng điểm\n"), b';');
        assert_eq!(sniff_delimiter("a,b,\"c;d\"\n"), b',');
        // A one-cell title with a comma, then a semicolon table.
        let titled =
            "KẾT QUẢ CỦA CÁC HUYỆN, THÀNH PHỐ\n\nSTT;Đơn vị;Tổng điểm\n1;Phong Thổ;72,10\n";
        assert_eq!(sniff_delimiter(titled), b';');
        assert_eq!(
            sniff_delimiter("Bảng 1; năm 2022\nSTT,Đơn vị,Tổng\n1,A,72.1\n"),
            b','
        );
    }
}
