//! A spreadsheet file opened by its kind: `.csv` through `delimited`,
//! `.xlsx`, `.xls`, `.ods` through `sheet` (calamine), each after its
//! bounds are checked (`unzip`, `xls`).

use super::delimited;
use super::sheet::{self, Grid};
use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use std::path::Path;

/// Read `path` (shown as `shown`): the named sheet, else the first one.
pub fn read(path: &Path, shown: &str, sheet: Option<&str>) -> Result<Grid, Diagnostic> {
    let fail = |message: crate::diag::Msg, hint: crate::diag::Msg| {
        Diagnostic::error(codes::IMPORT, shown, message).hint(hint)
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        fail(
            msg!(m::IMP_READ, reason = &e),
            sheet::read_hint(&e, msg!(m::IMP_READ_HINT)),
        )
    })?;
    if meta.len() > sheet::MAX_BYTES {
        return Err(fail(
            msg!(m::IMP_TOO_BIG, len = meta.len(), max = sheet::MAX_BYTES),
            msg!(m::IMP_TOO_BIG_HINT),
        ));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => {
            if sheet.is_some() {
                return Err(fail(msg!(m::IMP_CSV_SHEET), msg!(m::IMP_CSV_SHEET_HINT)));
            }
            delimited::read_csv(path, shown)
        }
        "xlsx" | "xlsm" | "xls" | "ods" => {
            if ext == "xls" {
                crate::import::xls::check(path, shown)?;
            } else {
                crate::import::unzip::check(path, shown, crate::import::unzip::MAX_UNZIPPED)?;
            }
            // A damaged workbook must be an error, never a crash, even if
            // the reader panics on it.
            let read = std::panic::catch_unwind(|| sheet::read_workbook(path, shown, sheet));
            read.unwrap_or_else(|_| Err(fail(msg!(m::IMP_DAMAGED), msg!(m::IMP_RESAVE_HINT))))
        }
        _ => Err(fail(
            msg!(m::IMP_NOT_SPREADSHEET, ext = &ext),
            msg!(m::IMP_NOT_SPREADSHEET_HINT),
        )),
    }
}
