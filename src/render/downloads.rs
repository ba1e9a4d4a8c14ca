//! Open data downloads of a dataset: `/chi-so/<ds>/<ds>.csv` (UTF-8 with a
//! BOM so that Excel reads Vietnamese, decimal point, one row per unit and
//! year, a header naming each field with its maximum and the unit of
//! measure, then each unit's life: `since`, `until`, `formed_from`,
//! `succeeded_by`) and `/chi-so/<ds>/<ds>.json` (the whole dataset). The
//! CSV's header is one `chiso import data` reads back (it skips the life
//! columns).

use crate::data::Dataset;
use crate::model::urls;
use crate::output::sink::OutputFile;
use serde_json::{Value, json};

/// Both download files of `ds`.
pub fn files(ds: &Dataset) -> Vec<OutputFile> {
    vec![
        OutputFile {
            path: urls::dataset_csv_url(&ds.slug)
                .trim_start_matches('/')
                .to_string(),
            bytes: csv(ds).into_bytes(),
        },
        OutputFile {
            path: urls::dataset_json_url(&ds.slug)
                .trim_start_matches('/')
                .to_string(),
            bytes: json_text(ds).into_bytes(),
        },
    ]
}

/// A number with the dataset's decimals (`72.10`), more only when the
/// data has them; a gap is an empty cell.
fn num(v: Option<f64>, decimals: u8) -> String {
    let Some(v) = v else { return String::new() };
    let fixed = format!("{:.*}", usize::from(decimals), v);
    if fixed.parse::<f64>().ok() == Some(v) {
        fixed
    } else {
        format!("{v}")
    }
}

/// A text cell as a spreadsheet may open it safely (OWASP's rule against
/// formula injection): a cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'`, so Excel and LibreOffice show it as
/// text instead of running it. Numbers are written by [`num`], never here.
/// `chiso import data` takes the `'` off again.
pub fn text_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// `(tối đa 100 điểm)`, `(tối đa 100%)`.
fn max_label(max: f64, unit: &str) -> String {
    let m = num(Some(max), 0);
    match unit {
        "" => format!("(tối đa {m})"),
        "%" => format!("(tối đa {m}%)"),
        u => format!("(tối đa {m} {u})"),
    }
}

/// Every field any year uses, by key, in order of first use: (key, name, max).
fn all_fields(ds: &Dataset) -> Vec<(&str, &str, f64)> {
    let mut out: Vec<(&str, &str, f64)> = Vec::new();
    for f in ds
        .fields
        .iter()
        .chain(ds.years.iter().flat_map(|y| &y.fields))
    {
        if !out.iter().any(|o| o.0 == f.key) {
            out.push((&f.key, &f.name, f.max));
        }
    }
    out
}

/// The headers of a unit's life in the CSV, after the fields (the JSON's
/// keys); `chiso import data` skips them.
pub const LIFE_HEADERS: [&str; 4] = ["since", "until", "formed_from", "succeeded_by"];

/// A unit's life cells: ISO days (empty when open) and the keys of the
/// units it was formed from and succeeded by, joined by a space.
fn life_cells(ds: &Dataset, u: &crate::data::Unit) -> [String; 4] {
    let keys = |ix: &[usize]| {
        let keys: Vec<&str> = ix.iter().map(|i| ds.units[*i].key.as_str()).collect();
        text_cell(&keys.join(" "))
    };
    [
        u.since.map(|d| d.iso()).unwrap_or_default(),
        u.until.map(|d| d.iso()).unwrap_or_default(),
        keys(&u.formed_from),
        keys(&u.succeeded_by),
    ]
}

/// The CSV text: `Năm, Mã đơn vị, Đơn vị, Tổng điểm (…), Xếp hạng,
/// <field> (…)…, since, until, formed_from, succeeded_by`, years
/// ascending, units in the dataset's order.
pub fn csv(ds: &Dataset) -> String {
    let fields = all_fields(ds);
    let unit = &ds.scale.unit;
    let mut head = vec![
        "Năm".to_string(),
        "Mã đơn vị".to_string(),
        "Đơn vị".to_string(),
        format!("Tổng điểm {}", max_label(ds.scale.max, unit)),
        "Xếp hạng".to_string(),
    ];
    head.extend(
        fields
            .iter()
            .map(|(_, name, max)| text_cell(&format!("{name} {}", max_label(*max, unit)))),
    );
    head.extend(LIFE_HEADERS.map(String::from));
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows = vec![head];
    for y in &ds.years {
        for s in &y.scores {
            let u = &ds.units[s.unit];
            let mut row = vec![
                y.year.to_string(),
                text_cell(&u.key),
                text_cell(&u.name),
                num(s.total, ds.scale.decimals),
                s.rank.map(|r| r.to_string()).unwrap_or_default(),
            ];
            for (key, ..) in &fields {
                let v = y
                    .fields
                    .iter()
                    .position(|yf| yf.key == *key)
                    .and_then(|i| s.fields.get(i).copied().flatten());
                row.push(num(v, ds.scale.decimals));
            }
            row.extend(life_cells(ds, u));
            rows.push(row);
        }
    }
    for row in rows {
        // Writing into a Vec cannot fail.
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// The JSON value: the dataset as its YAML says it, ranks as published or
/// derived, units by key.
pub fn json(ds: &Dataset) -> Value {
    json!({
        "slug": ds.slug,
        "title": ds.title,
        "status": ds.status,
        "source": ds.sources.iter().map(|s| json!({"name": s.name, "url": s.url, "note": s.note})).collect::<Vec<_>>(),
        "scale": {
            "min": ds.scale.min,
            "max": ds.scale.max,
            "unit": ds.scale.unit,
            "decimals": ds.scale.decimals,
            "higher_is_better": ds.scale.higher_is_better,
        },
        "total": ds.total_mode,
        "fields": ds.fields.iter().map(|f| json!({"key": f.key, "name": f.name, "max": f.max})).collect::<Vec<_>>(),
        "units": ds.units.iter().map(|u| unit_json(ds, u)).collect::<Vec<_>>(),
        "results": ds.years.iter().map(|y| json!({
            "year": y.year,
            "methodology": y.methodology,
            "out_of": y.out_of,
            "ranks_derived": y.ranks_derived,
            "fields": y.fields.iter().map(|f| json!({"key": f.key, "name": f.name, "max": f.max})).collect::<Vec<_>>(),
            "scores": y.scores.iter().map(|s| json!({
                "unit": ds.units[s.unit].key,
                "total": s.total,
                "rank": s.rank,
                "fields": y.fields.iter().zip(&s.fields).map(|(f, v)| (f.key.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// A unit with its life (`since`, `until`: ISO days or null) and its
/// links by key (`formed_from`, `succeeded_by`: empty when none), so no
/// number in the file reads as a unit's that did not exist then.
fn unit_json(ds: &Dataset, u: &crate::data::Unit) -> Value {
    let keys = |ix: &[usize]| {
        ix.iter()
            .map(|i| ds.units[*i].key.clone())
            .collect::<Vec<_>>()
    };
    json!({
        "key": u.key, "name": u.name, "short": u.short, "slug": u.slug,
        "since": u.since.map(|d| d.iso()),
        "until": u.until.map(|d| d.iso()),
        "formed_from": keys(&u.formed_from),
        "succeeded_by": keys(&u.succeeded_by),
    })
}

fn json_text(ds: &Dataset) -> String {
    let mut s = crate::util::json::to_string_pretty(&json(ds));
    s.push('\n');
    s
}
