//! Vietnamese and English (issue 14): every message in both languages, the
//! language chosen by --lang, CHISO_LANG, the locale, site.yaml; the broken
//! sites of the bad-input suite reported in Vietnamese with no English left;
//! JSON keeping `message_en`; help in Vietnamese; no plain-text messages
//! left at diagnostic sites (the temporary path for not-yet-ported ones).

mod common;

use common::{Site, fixtures};
use std::path::Path;

/// English words that never occur in a Vietnamese message. Words that are
/// also Vietnamese syllables without their marks (to, an, in, a, no) are
/// left out.
const ENGLISH: &[&str] = &[
    "the", "is", "not", "file", "must", "missing", "of", "and", "or", "with", "for", "be",
    "cannot", "has", "have", "does", "this", "that", "it", "are", "was", "only", "by", "from",
    "as", "should", "found", "unknown", "invalid", "expected", "write", "add", "check", "remove",
    "there", "which", "would", "its", "into", "your", "field", "type", "empty", "page", "link",
    "error", "warning", "help", "folder", "name", "value", "key", "line", "here", "no", "such",
    "site", "article", "image", "use", "set", "give", "fix",
];

/// The English words of `text`, leaving out what is quoted in backticks or
/// double quotes (code, keys, values from the input) and technical tokens
/// (paths, addresses, flags, `key:`).
fn english_words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '`' || c == '"' => quote = Some(c),
            None => plain.push(c),
        }
    }
    plain
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':', '.', ')', '!', '?']))
        .filter(|w| !w.contains(['/', '.', '_', '=', '<', '>', '@', '{', '}', '-', ':', '#']))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn the_word_check_finds_english_and_spares_code() {
    assert_eq!(
        english_words("the file is missing: `the` \"is\" /the/ --the"),
        ["the", "file", "is", "missing"]
    );
    assert!(english_words("Sửa lại địa chỉ liên kết, hoặc thêm trang/tệp còn thiếu").is_empty());
}

#[test]
fn every_bad_input_case_is_reported_in_vietnamese_with_no_english_left() {
    let mut cases: Vec<_> = std::fs::read_dir(fixtures().join("bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    let mut english = Vec::new();
    let mut reported = 0;
    for case in &cases {
        let site = Site::fixture("good");
        site.apply(case);
        let out = site.run_env(&["check", "--format", "json"], &[("CHISO_LANG", "vi")]);
        for d in json_lines(&out.stdout) {
            reported += 1;
            for field in ["message", "hint"] {
                let text = d[field].as_str().unwrap_or("");
                let words = english_words(text);
                if !words.is_empty() {
                    english.push(format!("{case} {} {field}: {text} {words:?}", d["code"]));
                }
            }
            assert!(d["message_en"].is_string(), "{case}: no message_en in {d}");
        }
    }
    assert!(
        reported >= cases.len(),
        "only {reported} diagnostics for {} cases",
        cases.len()
    );
    assert!(
        english.is_empty(),
        "English left in Vietnamese messages:\n{}",
        english.join("\n")
    );
}

/// A dataset that breaks many rules of docs/data-schema.md at once.
const BROKEN_DATASET: &str = r#"title: "Chỉ số thử"
source: []
status: draft
scale: { min: 0, max: 100, decimals: 9 }
bands:
  - { name: "Tốt", min: 80 }
  - { name: "Tốt", min: 90 }
fields:
  - { key: a, name: "Lĩnh vực A", max: 10 }
  - { key: a, name: "Lĩnh vực B", max: 0 }
units:
  - { key: "1", name: "Huyện Một", slug: "Sai Slug" }
  - { key: "1", name: "Huyện Hai" }
results:
  - year: 2022
    out_of: 1
    scores:
      "1": { total: "72,10", rank: 3, fields: { a: 11, b: 1 } }
      "9": { total: 120 }
  - year: 2022
    scores: {}
"#;

#[test]
fn a_broken_dataset_is_reported_in_vietnamese_with_no_english_left() {
    let site = Site::fixture("good");
    site.write("content/data/thu.yaml", BROKEN_DATASET);
    let out = site.run_env(&["check", "--format", "json"], &[("CHISO_LANG", "vi")]);
    let diags = json_lines(&out.stdout);
    assert!(diags.len() >= 8, "{}", out.stdout);
    let english: Vec<String> = diags
        .iter()
        .flat_map(|d| ["message", "hint"].map(|f| d[f].as_str().unwrap_or("").to_string()))
        .filter(|t| !english_words(t).is_empty())
        .map(|t| format!("{t} {:?}", english_words(&t)))
        .collect();
    assert!(english.is_empty(), "English left:\n{}", english.join("\n"));
}

#[test]
fn json_keeps_the_chosen_language_in_message_and_english_in_message_en() {
    let site = Site::fixture("good");
    site.apply("broken-internal-link");
    let vi = site.run_env(&["check", "--format", "json"], &[("CHISO_LANG", "vi")]);
    let en = site.run_env(&["check", "--format", "json"], &[("CHISO_LANG", "en")]);
    let (vi, en) = (json_lines(&vi.stdout), json_lines(&en.stdout));
    assert_eq!(vi.len(), en.len());
    let link = vi.iter().find(|d| d["code"] == "E0501").expect("E0501");
    assert!(
        link["message"]
            .as_str()
            .unwrap()
            .starts_with("liên kết tới `"),
        "{link}"
    );
    assert_eq!(
        link["hint"],
        "Sửa lại địa chỉ liên kết, hoặc thêm trang/tệp còn thiếu (tệp tĩnh đặt trong content/static/)"
    );
    for (v, e) in vi.iter().zip(&en) {
        assert_eq!(v["code"], e["code"], "codes are the same in both languages");
        assert_eq!(v["line"], e["line"]);
        assert_eq!(v["message_en"], e["message"]);
        assert_eq!(e["message_en"], e["message"]);
        assert_eq!(v["hint_en"], e["hint"]);
    }
}

#[test]
fn github_annotations_speak_the_chosen_language() {
    let site = Site::fixture("good");
    site.apply("broken-internal-link");
    let out = site.run_env(&["check", "--format", "github"], &[("CHISO_LANG", "vi")]);
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("title=E0501"))
        .expect("an E0501 annotation");
    assert!(line.starts_with("::error "), "{line}");
    assert!(
        line.contains("liên kết tới") && line.contains("%0Agợi ý: Sửa lại"),
        "{line}"
    );
}

#[test]
fn lang_vi_locale_build_of_a_broken_site_prints_vietnamese() {
    let site = Site::fixture("good");
    site.apply("three-broken-articles");
    let out = site.run_env(
        &["build"],
        &[
            ("CHISO_LANG", ""),
            ("LC_ALL", ""),
            ("LC_MESSAGES", ""),
            ("LANG", "vi_VN.UTF-8"),
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("lỗi[E0"), "{}", out.stderr);
    assert!(out.stderr.contains("= gợi ý: "), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("Dựng trang web thất bại: 3 lỗi; bản đã xuất bản trước đó vẫn giữ nguyên"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("error(s)"), "{}", out.stderr);
}

#[test]
fn a_vietnamese_summary_writes_numbers_the_vietnamese_way() {
    let site = Site::fixture("good");
    let out = site.run_env(&["check"], &[("CHISO_LANG", "vi")]);
    out.assert_code(0);
    let line = out.stderr.lines().last().unwrap_or("");
    assert!(line.starts_with("Kiểm tra xong, không có lỗi: "), "{line}");
    assert!(
        line.contains(" trang (") && line.contains(" bài viết, "),
        "{line}"
    );
    assert!(
        line.contains(',') && line.ends_with(" giây"),
        "decimal comma: {line}"
    );
}

/// `--lang`, then CHISO_LANG, then site.yaml's language, then the locale.
#[test]
fn the_language_comes_from_flag_env_site_then_locale() {
    let site = Site::fixture("good");
    let clean = [
        ("CHISO_LANG", ""),
        ("LC_ALL", ""),
        ("LC_MESSAGES", ""),
        ("LANG", "C.UTF-8"),
    ];
    let said = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = clean.to_vec();
        all.extend_from_slice(env);
        let out = site.run_env(args, &all);
        if out.stderr.contains("Kiểm tra xong") {
            "vi"
        } else if out.stderr.contains("check passed") {
            "en"
        } else {
            panic!("{}", out.stderr)
        }
    };
    assert_eq!(said(&["check"], &[]), "en", "no choice anywhere: English");
    let yaml = site.read("content/site.yaml");
    site.write("content/site.yaml", format!("{yaml}language: vi\n"));
    assert_eq!(said(&["check"], &[]), "vi", "the site's language");
    assert_eq!(
        said(&["check"], &[("LANG", "en_US.UTF-8")]),
        "vi",
        "the site's language beats an English Windows or CI locale"
    );
    site.write("content/site.yaml", yaml.clone());
    assert_eq!(said(&["check"], &[("LC_ALL", "vi_VN")]), "vi", "the locale");
    site.write("content/site.yaml", format!("{yaml}language: vi\n"));
    assert_eq!(
        said(&["check"], &[("LANG", "vi_VN.UTF-8"), ("CHISO_LANG", "en")]),
        "en",
        "CHISO_LANG beats the locale"
    );
    assert_eq!(
        said(&["check", "--lang", "vi"], &[("CHISO_LANG", "en")]),
        "vi",
        "--lang beats CHISO_LANG"
    );
}

#[test]
fn help_is_vietnamese_with_vi() {
    let site = Site::fixture("good");
    for args in [
        vec!["--help"],
        vec!["build", "--help"],
        vec!["import", "data", "--help"],
    ] {
        let out = site.run_env(&args, &[("CHISO_LANG", "vi")]);
        out.assert_code(0);
        let text = &out.stdout;
        assert!(text.contains("Cách dùng: chiso"), "{args:?}: {text}");
        assert!(text.contains("Tùy chọn:"), "{args:?}: {text}");
        assert!(
            !text.contains("Usage:") && !text.contains("Options:"),
            "{text}"
        );
        assert!(!text.contains("[default:"), "{text}");
    }
    let out = site.run_env(&["--help"], &[("CHISO_LANG", "en")]);
    assert!(out.stdout.contains("Usage: chiso"), "{}", out.stdout);
    assert!(out.stdout.contains("Build the site"), "{}", out.stdout);
}

#[test]
fn every_code_has_a_vietnamese_description() {
    let missing: Vec<&str> = chiso::codes::ALL_VI
        .iter()
        .filter(|(_, vi)| vi.is_none_or(|v| v.trim().is_empty()))
        .map(|(c, _)| *c)
        .collect();
    assert!(
        missing.is_empty(),
        "codes without Vietnamese in codes.rs: {missing:?}"
    );
    assert_eq!(chiso::codes::ALL.len(), chiso::codes::ALL_VI.len());
}

#[test]
fn every_message_key_has_both_languages_with_the_same_arguments() {
    for e in chiso::i18n::entries() {
        assert!(!e.en.is_empty() && !e.vi.is_empty(), "{}", e.key);
        let names = |t: &str| {
            let mut v: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .filter(|n| {
                    !n.is_empty()
                        && n.chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                })
                .collect();
            v.sort();
            v.dedup();
            v
        };
        assert_eq!(names(e.en), names(e.vi), "arguments of {}", e.key);
    }
}

/// The temporary path: `Diagnostic::error(code, file, "text")` or
/// `format!(…)` and `.hint("…")` still compile, shown the same in every
/// language. This lists them so that they are moved into the catalogue.
#[test]
fn no_diagnostic_is_written_as_plain_text() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut plain = Vec::new();
    for e in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let e = e.unwrap();
        let p = e.path();
        let rel = p.strip_prefix(&src).unwrap().display().to_string();
        if p.extension().is_none_or(|x| x != "rs")
            || rel.starts_with("diag/")
            || rel.contains("test")
        {
            continue;
        }
        let text = std::fs::read_to_string(p).unwrap();
        let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        for (start, needle, nth) in [
            ("Diagnostic::error(", 2),
            ("Diagnostic::warning(", 2),
            (".hint(", 0),
        ]
        .iter()
        .flat_map(|(n, k)| text.match_indices(n).map(move |(i, _)| (i, *n, *k)))
        {
            let args = &text[start + needle.len()..];
            if let Some(arg) = nth_arg(args, nth) {
                let a = arg.trim_start();
                if a.starts_with('"') || a.starts_with("format!") {
                    let line = text[..start].lines().count();
                    plain.push(format!(
                        "src/{rel}:{line}: {}",
                        a.lines().next().unwrap_or("")
                    ));
                }
            }
        }
    }
    assert!(
        plain.is_empty(),
        "{} diagnostic texts are plain strings; move each into src/diag/catalog/ \
         (ARCHITECTURE.md, \"How to add a message\"):\n{}",
        plain.len(),
        plain.join("\n")
    );
}

/// The `n`-th (0-based) top-level argument of a call whose text starts
/// after its `(`.
fn nth_arg(s: &str, n: usize) -> Option<&str> {
    let (mut depth, mut start, mut k) = (0i32, 0usize, 0usize);
    let mut in_str = false;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        if in_str {
            if c == '"' && prev != '\\' {
                in_str = false;
            }
        } else {
            match c {
                '"' => in_str = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return (k == n).then(|| &s[start..i]),
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    if k == n {
                        return Some(&s[start..i]);
                    }
                    k += 1;
                    start = i + 1;
                }
                _ => {}
            }
        }
        prev = c;
    }
    None
}

/// Ports, years, lines, columns, codes and versions name something; they
/// are never grouped like a quantity (`:18.437`, `năm 2.023`, `dòng 1.234`).
#[test]
fn no_message_with_a_port_year_line_or_code_groups_its_digits() {
    use chiso::i18n::{Arg, Lang, Msg, catalog};
    let named = |p: &str| {
        ["port", "year", "line", "col", "code", "version"]
            .iter()
            .any(|w| p == *w || p.ends_with(&format!("_{w}")) || p.starts_with(&format!("{w}_")))
    };
    let mut checked = 0;
    for e in catalog::all() {
        let names = catalog::placeholders(e.vi);
        for p in names.iter().filter(|p| named(p)) {
            assert!(
                catalog::IDENTIFIER_ARGS.contains(p),
                "{}: `{{{p}}}` looks like an identifier but would be grouped",
                e.key
            );
        }
        for p in names
            .iter()
            .filter(|p| catalog::IDENTIFIER_ARGS.contains(p))
        {
            let args = names
                .iter()
                .map(|n| {
                    let v = if n == p {
                        Arg::Int(18437)
                    } else {
                        Arg::Text("x".into())
                    };
                    (*n, v)
                })
                .collect();
            let entry: &'static catalog::Entry = e;
            let t = Msg::new(entry, args).render(Lang::Vi);
            assert!(
                t.contains("18437") && !t.contains("18.437"),
                "{}: {t}",
                e.key
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} messages carry such a number");
}

/// clap's usage errors (a misspelt command or flag, a missing argument)
/// come from the catalogue, in Vietnamese under `--lang vi`.
#[test]
fn usage_errors_are_vietnamese_under_lang_vi() {
    for (args, said) in [
        (vec!["buil", "--lang", "vi"], "lỗi: không có lệnh `buil`"),
        (
            vec!["build", "--ouput", "x", "--lang", "vi"],
            "có phải bạn muốn viết `--output`?",
        ),
        (vec!["new", "--lang", "vi"], "hãy cho biết cần tạo gì"),
        (
            vec!["serve", "--port", "abc", "--lang", "vi"],
            "`abc` không dùng được cho --port",
        ),
    ] {
        let out = std::process::Command::new(common::BIN)
            .args(&args)
            .env("CHISO_LANG", "en")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(said), "{args:?}: {err}");
        for english in [
            "unrecognized",
            "error: ",
            "Usage:",
            "tip:",
            "For more information",
        ] {
            assert!(!err.contains(english), "{args:?}: {err}");
        }
    }
}

/// The usage line of every command's help, and of a usage error, has no
/// English capitals under `--lang vi`: `[tùy chọn]`, `<lệnh>`, `<thư mục
/// gốc>`, not `[OPTIONS]`, `<COMMAND>`, `<ROOT>`; English help keeps them.
#[test]
fn usage_lines_and_value_names_are_vietnamese_under_lang_vi() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(common::BIN)
            .args(args)
            .env("CHISO_LANG", "en")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text + &String::from_utf8_lossy(&out.stderr)
    };
    let capitals = |t: &str| {
        t.split(['<', '['])
            .skip(1)
            .filter_map(|s| s.split_once(['>', ']']).map(|(w, _)| w.to_string()))
            .filter(|w| {
                w.len() > 1
                    && w.chars()
                        .all(|c| c.is_ascii_uppercase() || c == '_' || c == '=')
            })
            .collect::<Vec<_>>()
    };
    for args in [
        vec!["--help"],
        vec!["build", "--help"],
        vec!["serve", "--help"],
        vec!["new", "--help"],
        vec!["new", "article", "--help"],
        vec!["import", "data", "--help"],
        vec!["buil"],
        vec!["build", "--ouput", "x"],
    ] {
        let mut vi = args.clone();
        vi.extend(["--lang", "vi"]);
        let text = run(&vi);
        assert!(text.contains("Cách dùng: chiso"), "{args:?}: {text}");
        assert_eq!(capitals(&text), Vec::<String>::new(), "{args:?}: {text}");
        for english in ["[OPTIONS]", "<COMMAND>", "Usage:"] {
            assert!(!text.contains(english), "{args:?}: {text}");
        }
    }
    let text = run(&["--help", "--lang", "vi"]);
    assert!(
        text.contains("Cách dùng: chiso [tùy chọn] <lệnh>\n"),
        "{text}"
    );
    let text = run(&["new", "--help", "--lang", "vi"]);
    assert!(
        text.contains("Cách dùng: chiso new [tùy chọn] <thư mục>\n           chiso new <lệnh>\n"),
        "the second line sits under the first: {text}"
    );
    let text = run(&["import", "data", "--help", "--lang", "vi"]);
    assert!(
        text.contains("chiso import data [tùy chọn] --into <tệp dữ liệu> <tệp>"),
        "{text}"
    );
    assert!(text.contains("--map <cột=đích>"), "{text}");
    assert!(
        text.contains("--lang <vi|en>"),
        "a name of chiso's own stays: {text}"
    );
    let text = run(&["build", "--help", "--lang", "en"]);
    assert!(text.contains("Usage: chiso build [OPTIONS]"), "{text}");
    assert!(text.contains("--root <ROOT>"), "{text}");
}

/// A native editor's read of the catalogue: "trang" alone is a page, the
/// site is "trang web"; no English left in brackets, no jargon where a
/// plain word exists, and "thẻ" (an article's tag) never means a YAML tag.
#[test]
fn the_vietnamese_catalogue_says_trang_web_for_the_site_and_avoids_jargon() {
    let stiff = [
        "Trang tĩnh không",
        "thư mục trang hoặc",
        "thư mục của trang (",
        "thư mục của trang)",
        "sơ đồ trang (",
        "lược đồ",
        "(duplicate)",
        "thẻ YAML",
        "tự khai",
        "sau sắp xếp năm",
        "chủ ý gỡ",
        "trang đầu trong",
    ];
    let texts = chiso::i18n::entries().into_iter().map(|e| (e.key, e.vi));
    let codes = chiso::codes::ALL_VI
        .iter()
        .filter_map(|(c, vi)| vi.map(|v| (*c, v)));
    for (key, vi) in texts.chain(codes) {
        for s in stiff {
            assert!(!vi.contains(s), "{key}: `{s}` in \"{vi}\"");
        }
    }
}
