//! Text handling, queries, `value_text` and `load_dir`.

use super::*;
use crate::data::*;

// ---- text handling and robustness ----

#[test]
fn bom_and_crlf_are_accepted() {
    let src = format!(
        "\u{feff}{}",
        year("      \"1\": { total: 5 }\n").replace('\n', "\r\n")
    );
    let ds = ok(&src);
    assert_eq!(ds.year(2022).unwrap().line, 11);
}

#[test]
fn odd_documents_give_errors_not_panics() {
    for src in [
        "",
        "- 1\n- 2\n",
        "just text",
        "title: [",
        "results: 5\n",
        "units: [1, 2]\n",
        "results:\n  - year: \"2022\"\n    scores: { \"1\": {} }\n",
        "scale: { max: .inf }\n",
        "a: &a [*a]\n",
        &"[".repeat(500),
        "results:\n  - year: 99999999999999999999\n",
    ] {
        assert!(load(src).is_err(), "{src}");
    }
}

// ---- queries and value_text ----

fn two_years() -> Dataset {
    ok(&with(
        "{ max: 100, unit: \"%\" }",
        "bands:\n  - { name: Tốt, min: 50 }\n  - { name: Yếu, min: 0 }\n\
         fields:\n  - { key: a, name: A, max: 100 }\n\
         results:\n  - year: 2022\n    scores:\n\
         \x20     \"1\": { total: 40, fields: { a: 40 } }\n      \"2\": { total: 90 }\n      \"3\": { total: 60 }\n\
         \x20 - year: 2018\n    scores:\n\
         \x20     \"1\": { total: 95 }\n      \"2\": { total: 30 }\n      \"3\": { total: 60 }\n      \"4\": { total: 10 }\n",
    ))
}

#[test]
fn value_text_for_every_what() {
    let ds = two_years();
    let v = |u: &str, y: i32, w: &str, f: Option<i32>| value_text(&ds, u, y, w, f);
    assert_eq!(v("a", 2022, "total", None).unwrap(), "40,00");
    assert_eq!(v("1", 2022, "", None).unwrap(), "40,00");
    assert_eq!(v("a", 2022, "total_unit", None).unwrap(), "40,00%");
    assert_eq!(v("a", 2022, "rank", None).unwrap(), "3/3");
    assert_eq!(
        v("a", 2022, "rank_change", Some(2018)).unwrap(),
        "giảm 2 bậc"
    );
    assert_eq!(
        v("b", 2022, "rank_change", Some(2018)).unwrap(),
        "tăng 2 bậc"
    );
    assert_eq!(
        v("c", 2022, "rank_change", Some(2018)).unwrap(),
        "giữ nguyên"
    );
    assert_eq!(v("a", 2022, "band", None).unwrap(), "Yếu");
    assert_eq!(v("b", 2022, "band", None).unwrap(), "Tốt");
    assert_eq!(v("a", 2022, "field:a", None).unwrap(), "40,00");
    // Unit 4 is not listed in 2022: no data, and no rank.
    assert_eq!(v("d", 2022, "total", None).unwrap(), numfmt::NO_DATA);
    assert!(
        v("d", 2022, "rank_change", Some(2018))
            .unwrap_err()
            .contains("not listed")
    );
}

#[test]
fn value_text_errors_name_the_valid_choices() {
    let ds = two_years();
    let v = |u: &str, y: i32, w: &str, f: Option<i32>| value_text(&ds, u, y, w, f).unwrap_err();
    assert!(v("zz", 2022, "total", None).contains("a, b, c, d"));
    assert!(v("a", 2020, "total", None).contains("2018, 2022"));
    assert!(v("a", 2022, "score", None).contains("total, total_unit, rank"));
    assert!(v("a", 2022, "rank_change", None).contains("from="));
    assert!(v("a", 2022, "rank_change", Some(2000)).contains("2018, 2022"));
    assert!(v("a", 2022, "total", Some(2018)).contains("only used with"));
    assert!(v("a", 2022, "field:x", None).contains("fields: a"));
}

#[test]
fn ranking_puts_unranked_last_in_vietnamese_name_order() {
    let src = r#"title: T
source: [{ name: S }]
scale: { max: 100 }
units:
  - { key: "1", name: "Huyện Than Uyên", short: "Than Uyên" }
  - { key: "2", name: "Huyện Tân Uyên", short: "Tân Uyên" }
  - { key: "3", name: "Huyện Tam Đường", short: "Tam Đường" }
  - { key: "4", name: "Huyện Mường Tè", short: "Mường Tè" }
results:
  - year: 2022
    scores:
      "1": { total: null }
      "2": { total: null }
      "3": { total: 10 }
      "4": { total: 10 }
"#;
    let ds = ok(src);
    let names: Vec<&str> = ds
        .ranking(2022)
        .iter()
        .map(|s| ds.units[s.unit].short.as_str())
        .collect();
    // Tied rank 1 by name, then the two without data by name.
    assert_eq!(names, ["Mường Tè", "Tam Đường", "Tân Uyên", "Than Uyên"]);
    assert!(ds.ranking(1999).is_empty());
}

// ---- load_dir ----

#[test]
fn load_dir_reads_sorted_yaml_files_and_names_them_relative() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("content/data");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("b.yaml"), fixture("lai-chau-8-illustrative.yaml")).unwrap();
    std::fs::write(dir.join("a.yaml"), fixture("lai-chau-cchc.yaml")).unwrap();
    std::fs::write(dir.join("c.yaml"), fixture("invalid-many-errors.yaml")).unwrap();
    std::fs::write(dir.join("a.md"), "commentary").unwrap();
    std::fs::create_dir(dir.join("a")).unwrap();
    let mut bad = b"title: \"L\xe0o Cai\"\n".to_vec();
    bad.splice(0..0, b"# x\n".iter().copied());
    std::fs::write(dir.join("d.yaml"), bad).unwrap();
    std::fs::write(dir.join("e.yml"), "title: x").unwrap();
    let (sets, diags) = load_dir(&dir, root.path());
    let slugs: Vec<&str> = sets.iter().map(|d| d.slug.as_str()).collect();
    assert_eq!(slugs, ["a", "b"]);
    assert_eq!(sets[0].file, Path::new("content/data/a.yaml"));
    let diags = diags.into_vec();
    assert!(
        diags
            .iter()
            .any(|d| d.file == Path::new("content/data/c.yaml") && d.code == codes::DATA)
    );
    let utf8 = diags.iter().find(|d| d.code == codes::UTF8).unwrap();
    assert_eq!(
        (utf8.file.as_path(), utf8.line, utf8.col),
        (Path::new("content/data/d.yaml"), 2, 10)
    );
    assert!(
        diags
            .iter()
            .any(|d| d.file == Path::new("content/data/e.yml"))
    );
}

#[test]
fn load_dir_of_a_missing_folder_is_empty_without_error() {
    let root = tempfile::tempdir().unwrap();
    let (sets, diags) = load_dir(&root.path().join("content/data"), root.path());
    assert!(sets.is_empty() && diags.is_empty());
}

/// A dataset linked from outside the site root is not read (E0005), as for
/// content files, nor one linked from elsewhere in the root (issue 20: a
/// link may not leave its own folder); a link inside content/data is.
#[cfg(unix)] // symlinks
#[test]
fn load_dir_keeps_symlinked_datasets_inside_the_data_folder() {
    let root = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let dir = root.path().join("content/data");
    std::fs::create_dir_all(dir.join("goc")).unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, fixture("lai-chau-cchc.yaml")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("ngoai.yaml")).unwrap();
    let in_root = root.path().join("kept.yaml");
    std::fs::write(&in_root, fixture("lai-chau-cchc.yaml")).unwrap();
    std::os::unix::fs::symlink(&in_root, dir.join("goc-site.yaml")).unwrap();
    let inside = dir.join("goc/kept.yaml");
    std::fs::write(&inside, fixture("lai-chau-8-illustrative.yaml")).unwrap();
    std::os::unix::fs::symlink(&inside, dir.join("trong.yaml")).unwrap();
    let (sets, diags) = load_dir(&dir, root.path());
    let slugs: Vec<&str> = sets.iter().map(|d| d.slug.as_str()).collect();
    assert_eq!(slugs, ["trong"], "a link out of the data folder was read");
    let mut diags = diags.into_vec();
    diags.sort_by(|a, b| a.file.cmp(&b.file));
    let got: Vec<_> = diags.iter().map(|d| (d.code, d.file.as_path())).collect();
    assert_eq!(
        got,
        [
            (codes::SYMLINK, Path::new("content/data/goc-site.yaml")),
            (codes::SYMLINK, Path::new("content/data/ngoai.yaml")),
        ],
        "{diags:#?}"
    );
}

/// Commentary folders (`content/data/<slug>/…`) are not datasets, and
/// hidden files are skipped as everywhere under content/.
#[test]
fn load_dir_reads_only_visible_files_directly_in_the_folder() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("content/data");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("a.yaml"), fixture("lai-chau-cchc.yaml")).unwrap();
    std::fs::write(dir.join("a/2022.yaml"), "not: a dataset").unwrap();
    std::fs::write(dir.join(".nhap.yaml"), "not: a dataset").unwrap();
    let (sets, diags) = load_dir(&dir, root.path());
    let slugs: Vec<&str> = sets.iter().map(|d| d.slug.as_str()).collect();
    assert_eq!(slugs, ["a"]);
    assert!(diags.is_empty(), "{:#?}", diags.into_vec());
}

#[test]
fn derived_ranks_scale_to_many_units() {
    // 20,000 units with 100 distinct totals: must stay fast (no n² pass).
    let mut src = String::from("title: T\nsource: [{ name: S }]\nscale: { max: 100 }\nunits:\n");
    for i in 0..20_000 {
        src.push_str(&format!(
            "  - {{ key: \"{i}\", name: \"Xã {i}\", slug: x{i} }}\n"
        ));
    }
    src.push_str("results:\n  - year: 2022\n    scores:\n");
    for i in 0..20_000 {
        src.push_str(&format!("      \"{i}\": {{ total: {} }}\n", i % 100));
    }
    let ds = ok(&src);
    let s = ds.score(19_999, 2022).unwrap();
    assert_eq!(s.total, Some(99.0));
    assert_eq!(s.rank, Some(1));
    assert_eq!(ds.score(0, 2022).unwrap().rank, Some(20_000 - 200 + 1));
}

#[test]
fn damaged_fixtures_never_panic() {
    for name in [
        "lai-chau-cchc.yaml",
        "lai-chau-8-illustrative.yaml",
        "invalid-many-errors.yaml",
    ] {
        let src = fixture(name);
        let lines: Vec<&str> = src.lines().collect();
        // Every line removed in turn.
        for skip in 0..lines.len() {
            let s: Vec<&str> = (0..lines.len())
                .filter(|&i| i != skip)
                .map(|i| lines[i])
                .collect();
            let _ = load(&s.join("\n"));
        }
        // Cut at many places (on char boundaries).
        for (i, _) in src.char_indices().step_by(5) {
            let _ = load(&src[..i]);
        }
    }
}
