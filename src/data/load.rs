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
    let mut left = placeholders(src, file);
    left.extend(decimal_commas(src, file));
    if !left.is_empty() {
        // An unfilled skeleton, or numbers YAML would split at their comma:
        // the parser's errors about them would only mislead.
        return Err(left);
    }
    let raw: RawDataset = crate::load::yaml::parse(src, file, 0).map_err(Diagnostics::from)?;
    validate(raw, slug, file)
}

/// Load every `*.yaml` directly in `data_dir`, sorted by file name. A
/// missing folder is no error. Diagnostics name files relative to
/// `display_base` (the site root); a symbolic link may not leave
/// `data_dir` ([`walk_files`]). Datasets with errors are left out.
pub fn load_dir(data_dir: &Path, display_base: &Path) -> (Vec<Dataset>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut out = Vec::new();
    for (path, file) in walk_files(display_base, data_dir, data_dir, &mut diags) {
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

/// Every `___name___` left from `chiso new dataset`, outside comments, at
/// its line and column: an error in any field (a title, a unit's name, a
/// publisher would otherwise be published as it is).
fn placeholders(src: &str, file: &Path) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (i, line) in src.lines().enumerate() {
        let code = line.split(" #").next().unwrap_or(line);
        if code.trim_start().starts_with('#') {
            continue;
        }
        let mut rest = code;
        let mut offset = 0;
        while let Some(start) = rest.find("___") {
            let after = &rest[start + 3..];
            let name_len = after
                .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..name_len];
            let Some(name) = name.strip_suffix("___").filter(|n| !n.is_empty()) else {
                offset += start + 3;
                rest = after;
                continue;
            };
            let col = code[..offset + start].chars().count() + 1;
            diags.push(
                Diagnostic::error(
                    codes::DATA,
                    file,
                    msg!(m::DATA_PLACEHOLDER, name = format!("___{name}___")),
                )
                .at(i + 1, col)
                .hint(msg!(m::DATA_PLACEHOLDER_HINT)),
            );
            offset += start + 3 + name.len() + 3;
            rest = &code[offset..];
        }
    }
    diags
}

/// A number written with a decimal comma after a key (`total: 82,35`,
/// `the-che: 8,5 }`): YAML reads the comma as a separator, so `35` becomes a
/// key and the error names it. Each one, at its line, with the number to write.
fn decimal_commas(src: &str, file: &Path) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (i, line) in src.lines().enumerate() {
        let code = line.split(" #").next().unwrap_or(line);
        if code.trim_start().starts_with('#') {
            continue;
        }
        for (col, number) in comma_numbers(code) {
            diags.push(
                Diagnostic::error(
                    codes::DATA,
                    file,
                    msg!(m::DATA_DECIMAL_COMMA, number = &number),
                )
                .at(i + 1, col)
                .hint(msg!(
                    m::DATA_DECIMAL_COMMA_HINT,
                    fixed = number.replace(',', ".")
                )),
            );
        }
    }
    diags
}

/// `(column, "82,35")` for each `: 82,35` followed by `,`, `}` or the end.
fn comma_numbers(code: &str) -> Vec<(usize, String)> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b':' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let start = j;
        if j < b.len() && b[j] == b'-' {
            j += 1;
        }
        let int_start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let comma = j;
        if j == int_start || j >= b.len() || b[j] != b',' || j == start {
            i += 1;
            continue;
        }
        j += 1;
        let frac_start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let mut k = j;
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        let ends = k >= b.len() || b[k] == b',' || b[k] == b'}';
        if j > frac_start && comma > int_start && ends {
            out.push((
                code[..start].chars().count() + 1,
                code[start..j].to_string(),
            ));
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod editor_tests {
    use super::*;

    #[test]
    fn a_decimal_comma_is_found_in_flow_and_block_values() {
        assert_eq!(
            comma_numbers("  \"a\": { total: 82,35, rank: 2 }"),
            vec![(17, "82,35".to_string())]
        );
        assert_eq!(
            comma_numbers("the-che: 8,5 }"),
            vec![(10, "8,5".to_string())]
        );
        assert_eq!(
            comma_numbers("total: 72,10"),
            vec![(8, "72,10".to_string())]
        );
        assert!(comma_numbers("{ total: 82, rank: 2 }").is_empty());
        assert!(comma_numbers("name: \"Huyện A, B\"").is_empty());
        assert!(comma_numbers("{a: 1,b: 2}").is_empty());
    }

    #[test]
    fn every_placeholder_left_in_a_skeleton_is_an_error_at_its_line() {
        let d = placeholders(crate::scaffold::DATASET_SKELETON, Path::new("x.yaml"));
        let text: Vec<String> = d
            .iter()
            .map(|d| d.message.render(crate::diag::Lang::Vi))
            .collect();
        for name in [
            "___title___",
            "___publisher___",
            "___unit_name___",
            "___year___",
        ] {
            assert!(
                text.iter()
                    .any(|t| t.contains(name) && t.contains("chỗ trống")),
                "{name}: {text:?}"
            );
        }
        assert!(d.iter().all(|d| d.line > 0), "each at its line");
    }
}
