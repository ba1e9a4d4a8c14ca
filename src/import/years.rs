//! Which year a table is for: `--year`, else the one year its title rows,
//! sheet name or file name give ("… năm 2022 …"). A year column is read
//! with the rows (rows.rs).

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::import::columns::Layout;
use crate::import::sheet::Grid;
use crate::util::text::slugify;

/// `--year`, else the one year the sheet's title names ("năm 2022").
pub fn year_of(
    grid: &Grid,
    layout: &Layout,
    given: Option<i32>,
    notes: &mut Vec<String>,
) -> Result<i32, Diagnostic> {
    let named = years_named(grid, layout);
    if let Some(y) = given {
        if let [t] = named.as_slice() {
            if *t != y {
                let note = msg!(
                    m::NOTE_YEAR_GIVEN,
                    named = t.to_string(),
                    year = y.to_string()
                );
                notes.push(note.render(crate::diag::lang::current()));
            }
        }
        return Ok(y);
    }
    match named.as_slice() {
        [y] => {
            let note = msg!(m::NOTE_YEAR_READ, year = y.to_string());
            notes.push(note.render(crate::diag::lang::current()));
            Ok(*y)
        }
        [] => Err(
            Diagnostic::error(codes::IMPORT, grid.place(), msg!(m::IMP_NO_YEAR))
                .hint(msg!(m::IMP_NO_YEAR_HINT)),
        ),
        many => Err(Diagnostic::error(
            codes::IMPORT,
            grid.place(),
            msg!(
                m::IMP_TITLE_YEARS,
                years = many
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .hint(msg!(m::IMP_TITLE_YEARS_HINT))),
    }
}

/// The years the title rows, the sheet's name and the file's name give:
/// those after "năm" when there are any, else every four-digit year.
fn years_named(grid: &Grid, layout: &Layout) -> Vec<i32> {
    let mut texts: Vec<String> = layout.above.clone();
    texts.extend(grid.sheet.clone());
    let stem = std::path::Path::new(&grid.file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    texts.push(stem);
    let mut after_nam = Vec::new();
    let mut all = Vec::new();
    for t in &texts {
        let folded = slugify(t);
        for (i, w) in folded.split('-').enumerate() {
            if let Ok(y) = w.parse::<i32>() {
                if w.len() == 4 && (1990..=2100).contains(&y) {
                    all.push(y);
                    if i > 0 && folded.split('-').nth(i - 1) == Some("nam") {
                        after_nam.push(y);
                    }
                }
            }
        }
    }
    let mut pick = if after_nam.is_empty() { all } else { after_nam };
    pick.sort_unstable();
    pick.dedup();
    pick
}
