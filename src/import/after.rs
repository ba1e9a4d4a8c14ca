//! The rules the imported dataset breaks, placed at the spreadsheet's
//! cells: nothing is written when the result is invalid, so a line of that
//! file would name a line that does not exist. A unit's score line becomes
//! the unit's row (the total, rank or field cell the error is about), a
//! field's line its header cell; anything else names the sheet.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::{Diagnostic, Diagnostics};
use crate::import::columns::{Layout, Role};
use crate::import::rows::Table;
use crate::import::sheet::Grid;

/// What the import made, to read its text back against the sheet.
pub struct Made<'a> {
    pub grid: &'a Grid,
    pub layout: &'a Layout,
    pub table: &'a Table,
    /// The dataset's key for every row of `table`.
    pub keys: &'a [String],
    pub year: i32,
    /// The dataset's text as it would have been written.
    pub text: &'a str,
}

/// Each diagnostic of the would-be file, moved to its cell.
pub fn place(made: &Made, found: Diagnostics) -> Diagnostics {
    let lines: Vec<&str> = made.text.lines().collect();
    let block = year_block(&lines, made.year);
    let mut out = Diagnostics::new();
    for d in found {
        let line = d
            .line
            .checked_sub(1)
            .and_then(|i| lines.get(i).map(|l| (i, *l)));
        let cell = line.and_then(|(i, l)| {
            let in_year = block.as_ref().is_some_and(|b| b.contains(&i));
            let score = in_year.then(|| score_cell(made, l, d.col)).flatten();
            score.or_else(|| field_cell(made, l))
        });
        out.push(match cell {
            Some(addr) => Diagnostic {
                file: addr.into(),
                line: 0,
                col: 0,
                ..d
            },
            None => Diagnostic {
                message: msg!(m::IMPORT_AFTER, message = d.message).into(),
                file: made.grid.place().into(),
                line: 0,
                col: 0,
                ..d
            },
        });
    }
    out
}

/// The 0-based lines of the imported year's entry under `results:`.
fn year_block(lines: &[&str], year: i32) -> Option<std::ops::Range<usize>> {
    let head = format!("- year: {year}");
    let start = lines.iter().position(|l| l.trim() == head)?;
    let indent = lines[start].len() - lines[start].trim_start().len();
    let end = lines[start + 1..]
        .iter()
        .position(|l| {
            let lead = l.len() - l.trim_start().len();
            !l.trim().is_empty()
                && (lead < indent || (lead == indent && l.trim_start().starts_with('-')))
        })
        .map_or(lines.len(), |n| start + 1 + n);
    Some(start..end)
}

/// `huyen-phong-tho: { total: 72.10, rank: 2, fields: { chi-dao: 7.49 } }`:
/// the cell of the unit's row that column `col` (1-based) falls in.
fn score_cell(made: &Made, line: &str, col: usize) -> Option<String> {
    let (head, rest) = line.trim_start().split_once(':')?;
    if !rest.trim_start().starts_with('{') {
        return None;
    }
    let key = head.trim().trim_matches('"').trim_matches('\'');
    let i = made.keys.iter().position(|k| k == key)?;
    let row = &made.table.rows[i];
    // The last `name:` before the column the error points at.
    // Columns count characters; a unit's name may follow in a comment.
    let end = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let upto = &line[..end];
    let named = |name: &str| upto.rfind(&format!("{name}:"));
    let mut best: Option<(usize, usize)> = None;
    let mut consider = |at: Option<usize>, c: Option<usize>| {
        if let (Some(at), Some(c)) = (at, c) {
            if best.is_none_or(|(b, _)| at > b) {
                best = Some((at, c));
            }
        }
    };
    consider(named("total"), made.layout.of(&Role::Total));
    consider(named("rank"), made.layout.of(&Role::Rank));
    for (c, k, ..) in made.layout.fields() {
        consider(named(k), Some(c.col));
    }
    match best {
        Some((_, c)) => Some(made.grid.addr(row.r, c)),
        None => Some(row.addr.clone()),
    }
}

/// `- { key: the-che, name: "Cải cách thể chế", max: 10 }`: the header.
fn field_cell(made: &Made, line: &str) -> Option<String> {
    let rest = line.trim_start().strip_prefix("- {")?.trim_start();
    let key = rest.strip_prefix("key:")?.trim_start();
    let key = key.split([',', '}']).next()?.trim().trim_matches('"');
    let (c, ..) = made.layout.fields().find(|(_, k, ..)| *k == key)?;
    let header_row = made.layout.data_start.checked_sub(1)?;
    Some(made.grid.addr(header_row, c.col))
}
