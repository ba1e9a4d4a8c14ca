//! Reading dataset files: one text ([`load_str`]) or the data folder
//! ([`load_dir`]).

use super::dataset::Dataset;
use super::raw::RawDataset;
use super::validate::validate;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::fs::{FileKind, read_text_as, walk_files};
use std::path::{Path, PathBuf};

/// Validate one dataset text. `slug` is the file stem, `file` the path shown
/// in diagnostics. Strips a UTF-8 BOM; CRLF line ends are fine.
pub fn load_str(src: &str, slug: &str, file: &Path) -> Result<Dataset, Diagnostics> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let raw: RawDataset = crate::load::yaml::parse(src, file, 0).map_err(Diagnostics::from)?;
    validate(raw, slug, file)
}

/// Load every `*.yaml` directly in `data_dir`, sorted by file name. A
/// missing folder is no error. Diagnostics name files relative to
/// `display_base`, which is also the root that symbolic links may not
/// leave ([`walk_files`]). Datasets with errors are left out.
pub fn load_dir(data_dir: &Path, display_base: &Path) -> (Vec<Dataset>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut out = Vec::new();
    for (path, file) in walk_files(display_base, data_dir, &mut diags) {
        if path.parent() != Some(data_dir) {
            continue; // only files directly in the folder
        }
        if let Some(r) = load_file(&path, file) {
            match r {
                Ok(ds) => out.push(ds),
                Err(d) => diags.extend(d),
            }
        }
    }
    (out, diags)
}

/// One file of the data folder: `None` when it is not a dataset file.
fn load_file(path: &Path, file: PathBuf) -> Option<Result<Dataset, Diagnostics>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())?
        .to_ascii_lowercase();
    if ext == "yml" {
        return Some(Err(Diagnostic::error(codes::DATA, file, msg!(m::DATA_YML))
            .hint(msg!(m::DATA_YML_HINT))
            .into()));
    }
    if ext != "yaml" {
        return None;
    }
    let slug = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    if !crate::util::text::is_valid_slug(&slug) {
        return Some(Err(Diagnostic::error(
            codes::DATA,
            file,
            msg!(m::DATA_BAD_NAME, slug = &slug),
        )
        .hint(msg!(m::DATA_BAD_NAME_HINT))
        .into()));
    }
    Some(match read_text_as(path, &file, FileKind::Data) {
        Ok(src) => load_str(&src, &slug, &file),
        Err(d) => Err(d.into()),
    })
}
