//! One column's role: from its header (the words chiso knows, the
//! fields of the dataset imported into, a maximum in brackets for a new
//! field), or from `--map`; a column that fits none is the error that
//! names its cell and the `--map` line to write.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::import::sheet::{Cell, Grid, col_letters, parse_number};
use crate::import::words::{
    KEY_WORDS, RANK_WORDS, SKIP_WORDS, TOTAL_PREFIXES, TOTAL_WORDS, UNIT_WORDS, YEAR_WORDS,
};
use crate::util::text::slugify;

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Unit,
    Total,
    Rank,
    /// The year of each row (a table of several years).
    Year,
    /// The unit's code: the key of a unit the import adds.
    Key,
    /// A field, by key; `name` and `max` as the header gives them.
    Field {
        key: String,
        name: String,
        max: Option<f64>,
    },
    Skip,
}

/// A field already declared by the dataset being imported into.
#[derive(Debug, Clone)]
pub struct KnownField {
    pub key: String,
    pub name: String,
    pub max: f64,
}

/// `Công tác chỉ đạo, điều hành (10)` → (`Công tác chỉ đạo, điều hành`, 10).
pub fn split_max(header: &str) -> (String, Option<f64>) {
    let h = header.trim();
    if let Some(inner) = h.strip_suffix(')') {
        if let Some(open) = inner.rfind('(') {
            let arg = &inner[open + 1..];
            let arg_slug = slugify(arg);
            let digits = arg_slug
                .trim_start_matches("toi-da-")
                .trim_end_matches("-diem")
                .trim_end_matches("-d");
            if digits.chars().all(|c| c.is_ascii_digit() || c == '-') && !digits.is_empty() {
                let num: String = arg
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                    .collect();
                if let Ok(Some(v)) = parse_number(&Cell::Text(num)) {
                    return (inner[..open].trim().to_string(), Some(v));
                }
            }
        }
    }
    (h.to_string(), None)
}

pub fn header_role(
    grid: &Grid,
    header_row: usize,
    c: usize,
    header: &str,
    has_data: bool,
    known: Option<&[KnownField]>,
) -> Result<Option<Role>, Diagnostic> {
    if header.is_empty() {
        if !has_data {
            return Ok(None);
        }
        return Err(unplaced(
            grid,
            header_row,
            c,
            header,
            msg!(m::IMP_WHY_NO_HEADER),
            known,
        ));
    }
    let (name, max) = split_max(header);
    let slug = slugify(&name);
    if SKIP_WORDS.contains(&slug.as_str()) {
        return Ok(Some(Role::Skip));
    }
    if UNIT_WORDS.contains(&slug.as_str()) {
        return Ok(Some(Role::Unit));
    }
    if RANK_WORDS.contains(&slug.as_str()) {
        return Ok(Some(Role::Rank));
    }
    if YEAR_WORDS.contains(&slug.as_str()) {
        return Ok(Some(Role::Year));
    }
    if KEY_WORDS.contains(&slug.as_str()) {
        return Ok(Some(Role::Key));
    }
    if TOTAL_WORDS.contains(&slug.as_str()) || TOTAL_PREFIXES.iter().any(|p| slug.starts_with(p)) {
        return Ok(Some(Role::Total));
    }
    match known {
        Some(fields) => {
            let hits: Vec<&KnownField> = fields
                .iter()
                .filter(|f| slugify(&f.name) == slug || f.key == slug)
                .collect();
            match hits.as_slice() {
                [f] => {
                    if let Some(given) = max.filter(|given| (given - f.max).abs() > 1e-9) {
                        return Err(grid
                            .error(
                                header_row,
                                c,
                                msg!(
                                    m::IMP_MAX_DIFFERS,
                                    letters = col_letters(grid.abs_col(c)),
                                    header = header,
                                    max = m::text(given),
                                    key = &f.key,
                                    field_max = m::text(f.max)
                                ),
                            )
                            .hint(msg!(m::IMP_MAX_DIFFERS_HINT)));
                    }
                    Ok(Some(Role::Field {
                        key: f.key.clone(),
                        name: f.name.clone(),
                        max: Some(f.max),
                    }))
                }
                [] => Err(unplaced(
                    grid,
                    header_row,
                    c,
                    header,
                    msg!(m::IMP_WHY_NO_FIELD),
                    known,
                )),
                _ => Err(unplaced(
                    grid,
                    header_row,
                    c,
                    header,
                    msg!(m::IMP_WHY_MANY_FIELDS),
                    known,
                )),
            }
        }
        None if max.is_some() && !slug.is_empty() => Ok(Some(Role::Field {
            key: slug,
            name,
            max,
        })),
        None => Err(unplaced(
            grid,
            header_row,
            c,
            header,
            msg!(m::IMP_WHY_UNKNOWN),
            known,
        )),
    }
}

pub fn mapped_role(
    grid: &Grid,
    header_row: usize,
    c: usize,
    header: &str,
    target: &str,
    known: Option<&[KnownField]>,
) -> Result<Role, Diagnostic> {
    Ok(match target {
        "unit" => Role::Unit,
        "total" => Role::Total,
        "rank" => Role::Rank,
        "skip" => Role::Skip,
        key => {
            let (name, max) = split_max(header);
            match known {
                Some(fields) => {
                    let Some(f) = fields.iter().find(|f| f.key == key) else {
                        return Err(grid
                            .error(header_row, c, msg!(m::IMP_MAP_NO_FIELD, key = key))
                            .hint(msg!(m::IMP_MAP_NO_FIELD_HINT, keys = known_keys(fields))));
                    };
                    Role::Field {
                        key: f.key.clone(),
                        name: f.name.clone(),
                        max: Some(f.max),
                    }
                }
                None => {
                    if max.is_none() {
                        return Err(grid
                            .error(
                                header_row,
                                c,
                                msg!(
                                    m::IMP_NO_MAX,
                                    letters = col_letters(grid.abs_col(c)),
                                    key = key,
                                    header = header
                                ),
                            )
                            .hint(msg!(m::IMP_NO_MAX_HINT)));
                    }
                    let name = if name.is_empty() {
                        key.to_string()
                    } else {
                        name
                    };
                    Role::Field {
                        key: key.to_string(),
                        name,
                        max,
                    }
                }
            }
        }
    })
}

fn known_keys(fields: &[KnownField]) -> String {
    if fields.is_empty() {
        return "—".into();
    }
    fields
        .iter()
        .map(|f| f.key.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The stop-and-say error: which column, why, and the `--map` line.
fn unplaced(
    grid: &Grid,
    header_row: usize,
    c: usize,
    header: &str,
    why: crate::diag::Msg,
    known: Option<&[KnownField]>,
) -> Diagnostic {
    let abs = grid.abs_col(c);
    let targets = match known {
        Some(f) if !f.is_empty() => msg!(m::IMP_TARGETS_FIELDS, keys = known_keys(f)),
        _ => msg!(m::IMP_TARGETS_NEW),
    };
    grid.error(
        header_row,
        c,
        msg!(
            m::IMP_UNPLACED,
            letters = col_letters(abs),
            n = abs + 1,
            header = header,
            why = why
        ),
    )
    .hint(msg!(
        m::IMP_UNPLACED_HINT,
        letters = col_letters(abs),
        targets = targets
    ))
}
