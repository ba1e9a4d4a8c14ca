//! `chiso import data FILE --into content/data/<slug>.yaml`: a table as the
//! province publishes it (`.xlsx`, `.xls`, `.ods`, `.csv`) becomes one year
//! of a dataset. A command beside the pipeline: it uses diag, util, load and
//! data only.
//!
//! sheet.rs reads the cells, columns.rs finds the header rows and places
//! each column by its header or `--map` (roles.rs decides one column),
//! rows.rs reads the units' rows, years.rs finds the year the table is for,
//! merge.rs turns them into a new file or one year of an existing one,
//! splice.rs edits that file's text in place, yamlout.rs writes YAML as a
//! person would, after.rs places the result's schema errors at their cells;
//! words.rs holds the header and row words recognised; keys.rs makes new
//! fields' short keys.

mod after;
mod columns;
mod delimited;
mod keys;
mod limits;
mod lineage;
mod merge;
mod open;
mod roles;
mod rows;
mod sheet;
mod splice;
mod unzip;
mod words;
mod xls;
mod yamlout;
mod years;

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::util::text::is_valid_slug;
use std::path::{Path, PathBuf};

pub use crate::util::text::SOURCE_PLACEHOLDER;
pub use merge::ImportReport;

/// What `chiso import data` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The spreadsheet.
    pub file: PathBuf,
    /// `content/data/<slug>.yaml`, new or existing.
    pub into: PathBuf,
    /// The sheet's name; the first sheet by default.
    pub sheet: Option<String>,
    /// The year the table is for; read from the sheet's title otherwise.
    pub year: Option<i32>,
    /// `Cột 5=the-che`, `E=skip`.
    pub maps: Vec<String>,
    /// Add units the dataset does not have yet (otherwise they are errors).
    pub add_units: bool,
    /// `--lineage FILE`: CSV of old key, new key, first day, for the units
    /// a table adds after the 2025 reform.
    pub lineage: Option<PathBuf>,
}

/// Import one table. Nothing is written unless the whole table imports and
/// the resulting dataset passes every rule of the data schema.
pub fn import_data(o: &ImportOptions) -> Result<ImportReport, Diagnostics> {
    let into_shown = o.into.display().to_string();
    let slug = check_into(&o.into, &into_shown)?;
    let mut diags = Diagnostics::new();
    let maps: Vec<columns::MapEntry> = o
        .maps
        .iter()
        .filter_map(|m| columns::parse_map(m).map_err(|d| diags.push(d)).ok())
        .collect();
    if diags.has_errors() {
        return Err(diags);
    }
    let shown = o.file.display().to_string();
    let grid = open::read(&o.file, &shown, o.sheet.as_deref())?;
    let mut notes = Vec::new();
    if grid.sheets.len() > 1 && o.sheet.is_none() {
        let note = msg!(
            m::NOTE_SHEET,
            sheet = grid.sheet.as_deref().unwrap_or(""),
            n = grid.sheets.len(),
            sheets = grid.sheets.join(", ")
        );
        notes.push(note.render(crate::diag::lang::current()));
    }
    let existing = if o.into.exists() {
        Some(existing(&o.into, &into_shown, &slug)?)
    } else {
        None
    };
    let known = existing
        .as_ref()
        .map(|(_, ds)| merge::known_fields(ds, o.year));
    let layout = columns::layout(&grid, known.as_deref(), &maps)?;
    let mut table = rows::read(&grid, &layout)?;
    let year_in_table = rows::pick_year(&grid, &mut table, o.year)?;
    let mut dup = Diagnostics::new();
    rows::check_names(&table, &mut dup);
    if dup.has_errors() {
        return Err(dup);
    }
    if table.rows.is_empty() {
        return Err(grid
            .error(layout.data_start, 0, msg!(m::IMP_NO_ROWS))
            .hint(msg!(m::IMP_NO_ROWS_HINT))
            .into());
    }
    let lang = crate::diag::lang::current();
    notes.extend(
        table
            .skipped
            .iter()
            .map(|s| msg!(m::NOTE_SKIPPED, what = s).render(lang)),
    );
    let year = years::year_of(&grid, &layout, year_in_table.or(o.year), &mut notes)?;
    let links = match &o.lineage {
        Some(p) => lineage::read(p)?,
        None => Vec::new(),
    };
    let input = merge::Input {
        grid: &grid,
        layout: &layout,
        table: &table,
        year,
        add_units: o.add_units,
        lineage: &links,
    };
    let (text, mut report, keys) = match &existing {
        None => merge::create(&input)?,
        Some((text, ds)) => merge::update(&input, text, ds)?,
    };
    let made = after::Made {
        grid: &grid,
        layout: &layout,
        table: &table,
        keys: &keys,
        year,
        text: &text,
    };
    validate_result(&made, &slug, &into_shown)?;
    write_atomic(&o.into, &into_shown, &text)?;
    report.into = o.into.clone();
    notes.append(&mut report.notes);
    report.notes = notes;
    Ok(report)
}

/// The dataset imported into: its exact text (for the splice) and model.
fn existing(
    path: &Path,
    shown: &str,
    slug: &str,
) -> Result<(String, crate::data::Dataset), Diagnostics> {
    let text =
        crate::load::fs::read_text_exact(path, Path::new(shown), crate::load::fs::FileKind::Data)?;
    let ds = crate::data::load_str(&text, slug, Path::new(shown)).map_err(|d| {
        let mut out = Diagnostics::new();
        out.push(
            Diagnostic::error(codes::IMPORT, shown, msg!(m::IMP_DATASET_BROKEN))
                .hint(msg!(m::IMP_DATASET_BROKEN_HINT)),
        );
        out.extend(d);
        out
    })?;
    Ok((text, ds))
}

/// The result must be a valid dataset before anything is written. Its
/// errors would name lines of a file that does not exist, so each is moved
/// to the sheet's cell it comes from (after.rs).
fn validate_result(made: &after::Made, slug: &str, shown: &str) -> Result<(), Diagnostics> {
    let Err(d) = crate::data::load_str(made.text, slug, Path::new(shown)) else {
        return Ok(());
    };
    let mut out = Diagnostics::new();
    out.push(
        Diagnostic::error(codes::IMPORT, made.grid.place(), msg!(m::IMP_BREAKS_SCHEMA))
            .hint(msg!(m::IMP_BREAKS_SCHEMA_HINT)),
    );
    out.extend(after::place(made, d));
    Err(out)
}

/// `--into` must be `<folder>/<slug>.yaml` in a folder that exists.
fn check_into(into: &Path, shown: &str) -> Result<String, Diagnostic> {
    let bad = |message: crate::diag::Msg, hint: crate::diag::Msg| {
        Diagnostic::error(codes::IMPORT, shown, message).hint(hint)
    };
    if into.extension().and_then(|e| e.to_str()) != Some("yaml") {
        return Err(bad(msg!(m::IMP_INTO_YAML), msg!(m::IMP_INTO_YAML_HINT)));
    }
    let slug = into
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    if !is_valid_slug(&slug) {
        return Err(bad(
            msg!(m::IMP_INTO_SLUG, slug = &slug),
            msg!(m::IMP_INTO_SLUG_HINT),
        ));
    }
    let parent = into.parent().filter(|p| !p.as_os_str().is_empty());
    if parent.is_some_and(|p| !p.is_dir()) {
        return Err(bad(msg!(m::IMP_INTO_FOLDER), msg!(m::IMP_INTO_FOLDER_HINT)));
    }
    Ok(slug)
}

/// Write beside the target and rename over it: a reader never sees half.
fn write_atomic(path: &Path, shown: &str, text: &str) -> Result<(), Diagnostic> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let tmp = path.with_file_name(format!(".{name}.chiso-import"));
    let fail = |e: std::io::Error| {
        let _ = std::fs::remove_file(&tmp);
        let hint = m::io_hint(&e, m::IoPlace::Other, msg!(m::IMP_WRITE_HINT));
        Diagnostic::error(codes::IO, shown, msg!(m::IMP_WRITE, reason = &e)).hint(hint)
    };
    std::fs::write(&tmp, text).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(fail)
}
