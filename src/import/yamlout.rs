//! YAML text as a person would type it: one flow mapping per unit, field
//! and score, numbers with a decimal point, names in double quotes.

use std::fmt::Write as _;

/// A number for YAML: rounded to 6 decimals (what `scale.decimals` allows),
/// trailing zeros dropped: `72.1`, `8`, `7.25`.
pub fn num(v: f64) -> String {
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "-0" | "" => "0".to_string(),
        s => s.to_string(),
    }
}

/// A number with at least `decimals` digits after the point, as the
/// dataset shows it (`72.10`), and more only when the sheet has them.
pub fn num_d(v: f64, decimals: usize) -> String {
    let short = num(v);
    let fixed = format!("{:.*}", decimals.min(6), v);
    if fixed.parse::<f64>().ok() == short.parse::<f64>().ok() && fixed != "-0" {
        fixed
    } else {
        short
    }
}

/// A double-quoted YAML string.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A mapping key: bare when it is a slug that YAML reads as text, quoted
/// otherwise (`"109"`, `"null"`).
pub fn key(k: &str) -> String {
    let bare = k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !matches!(
            k,
            "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "nan" | "inf"
        );
    if bare { k.to_string() } else { quote(k) }
}

#[derive(Debug, Clone)]
pub struct FieldOut {
    pub key: String,
    pub name: String,
    pub max: f64,
}

#[derive(Debug, Clone)]
pub struct ScoreOut {
    pub unit_key: String,
    pub total: Option<f64>,
    pub rank: Option<u32>,
    /// Only the fields the sheet has a column for; `None` = blank cell.
    pub fields: Vec<(String, Option<f64>)>,
    /// Written after the score (`# Phong Thổ`) when the key is a code.
    pub comment: Option<String>,
}

#[derive(Debug, Clone)]
pub struct YearOut {
    pub year: i32,
    pub methodology: Option<String>,
    pub out_of: Option<u32>,
    /// Written only when this year's field set differs from the default.
    pub fields: Option<Vec<FieldOut>>,
    pub scores: Vec<ScoreOut>,
    /// Digits shown after the point (the dataset's `scale.decimals`).
    pub decimals: usize,
}

pub fn field_line(f: &FieldOut) -> String {
    format!(
        "{{ key: {}, name: {}, max: {} }}",
        key(&f.key),
        quote(&f.name),
        num(f.max)
    )
}

/// One item of `results:`, its dash at column `indent`, lines ending `eol`.
pub fn year_item(y: &YearOut, indent: usize, eol: &str) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let _ = write!(out, "{pad}- year: {}{eol}", y.year);
    if let Some(m) = &y.methodology {
        let _ = write!(out, "{pad}  methodology: {}{eol}", quote(m));
    }
    if let Some(fields) = &y.fields {
        let _ = write!(out, "{pad}  fields:{eol}");
        for f in fields {
            let _ = write!(out, "{pad}    - {}{eol}", field_line(f));
        }
    }
    if let Some(n) = y.out_of {
        let _ = write!(out, "{pad}  out_of: {n}{eol}");
    }
    let _ = write!(out, "{pad}  scores:{eol}");
    for s in &y.scores {
        let _ = write!(
            out,
            "{pad}    {}: {}",
            key(&s.unit_key),
            score(s, y.decimals)
        );
        if let Some(c) = &s.comment {
            let _ = write!(out, "   # {c}");
        }
        out.push_str(eol);
    }
    out
}

fn score(s: &ScoreOut, d: usize) -> String {
    let n = |v: Option<f64>| v.map_or("null".to_string(), |v| num_d(v, d));
    let mut parts = vec![format!("total: {}", n(s.total))];
    if let Some(r) = s.rank {
        parts.push(format!("rank: {r}"));
    }
    if !s.fields.is_empty() {
        let f: Vec<String> = s
            .fields
            .iter()
            .map(|(k, v)| format!("{}: {}", key(k), n(*v)))
            .collect();
        parts.push(format!("fields: {{ {} }}", f.join(", ")));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// One item of `units:`.
pub fn unit_item(
    unit_key: &str,
    name: &str,
    short: Option<&str>,
    indent: usize,
    eol: &str,
) -> String {
    let short = short.map(|s| format!(", short: {}", quote(s)));
    format!(
        "{}- {{ key: {}, name: {}{} }}{eol}",
        " ".repeat(indent),
        key(unit_key),
        quote(name),
        short.unwrap_or_default()
    )
}

/// Everything a new dataset file holds.
#[derive(Debug, Clone)]
pub struct NewDataset {
    /// `bang-2023.xlsx:Sheet1`.
    pub from: String,
    pub title: String,
    pub scale_max: f64,
    pub unit: String,
    pub decimals: usize,
    pub fields: Vec<FieldOut>,
    /// (key, name as written).
    /// Key, name and `short` (the name without "Huyện"…, if unique).
    pub units: Vec<(String, String, Option<String>)>,
    pub year: YearOut,
}

/// The text of a new dataset file.
pub fn new_dataset(d: &NewDataset) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Nhập bằng `chiso import data` từ {}.", d.from);
    out.push_str(
        "# Còn phải làm: ghi nguồn (`source`: cơ quan, số quyết định, địa chỉ) và xem lại `title`, `scale`.\n",
    );
    let _ = writeln!(out, "title: {}", quote(&d.title));
    out.push_str("source:\n");
    let _ = writeln!(
        out,
        "  - {{ name: {}, note: {} }}",
        quote(crate::util::text::SOURCE_PLACEHOLDER),
        quote(&format!(
            "Nhập từ {}; ghi số, ngày của văn bản công bố",
            d.from
        ))
    );
    out.push_str("status: published\n");
    let _ = writeln!(
        out,
        "scale: {{ min: 0, max: {}, unit: {}, decimals: {} }}",
        num(d.scale_max),
        quote(&d.unit),
        d.decimals.min(6)
    );
    if !d.fields.is_empty() {
        out.push_str("fields:\n");
        for f in &d.fields {
            let _ = writeln!(out, "  - {}", field_line(f));
        }
    }
    out.push_str("units:\n");
    for (k, name, short) in &d.units {
        out.push_str(&unit_item(k, name, short.as_deref(), 2, "\n"));
    }
    out.push_str("results:\n");
    out.push_str(&year_item(&d.year, 2, "\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_keys() {
        assert_eq!(num(72.1), "72.1");
        assert_eq!(num(72.10000000000001), "72.1");
        assert_eq!(num(8.0), "8");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num_d(72.1, 2), "72.10");
        assert_eq!(num_d(7.125, 2), "7.125");
        assert_eq!(num_d(12.0, 0), "12");
        assert_eq!(key("chi-dao"), "chi-dao");
        assert_eq!(key("109"), "\"109\"");
        assert_eq!(key("null"), "\"null\"");
        assert_eq!(quote("a \"b\"\n"), "\"a \\\"b\\\"\"");
    }
}
