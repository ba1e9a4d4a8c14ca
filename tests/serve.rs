//! `chiso serve` rebuilds and serves an edited article, tells the browser to
//! reload, and keeps serving the last good site while an edit is broken.
//! No timing assertions: waits are generous upper bounds.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

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

fn start(root: &Path, out: &Path) -> Server {
    start_with(root, Some(out))
}

fn start_with(root: &Path, out: Option<&Path>) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chiso"));
    cmd.args(["serve", "--port", "0", "--root"]).arg(root);
    if let Some(out) = out {
        cmd.arg("--output").arg(out);
    }
    #[allow(clippy::zombie_processes)] // waited for in Server::drop
    let mut child = cmd
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chiso serve");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    // The server kills and waits for the child when dropped, also when
    // this function panics below.
    let mut server = Server { child, port: 0 };
    let deadline = Instant::now() + Duration::from_secs(60);
    while server.port == 0 {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("serve printed its address");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            server.port = rest.split('/').next().unwrap().parse().unwrap();
        }
    }
    // Keep draining stderr so the child never blocks on a full pipe.
    std::thread::spawn(move || while rx.recv().is_ok() {});
    server
}

fn get(port: u16, path: &str) -> (u16, String) {
    request(port, "GET", path, "localhost")
}

fn request(port: u16, method: &str, path: &str, host: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    let code = resp.split(' ').nth(1).unwrap_or("0").parse().unwrap_or(0);
    let body = resp
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    (code, body)
}

fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}

fn h1(body: &str) -> String {
    let doc = scraper::Html::parse_document(body);
    let sel = scraper::Selector::parse("h1").unwrap();
    doc.select(&sel)
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn serve_rebuilds_and_serves_an_edited_article() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let out = tmp.path().join("serve-out");
    let server = start(&root, &out);
    let port = server.port;

    let (code, body) = get(port, "/tin-tuc/bai-ba/");
    assert_eq!(code, 200);
    assert_eq!(h1(&body), "Bài ba");
    assert!(
        body.contains("EventSource"),
        "live reload script injected in serve mode"
    );
    assert_eq!(get(port, "/khong-co/").0, 404);

    // Subscribe to reload events.
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        events,
        "GET /__chiso/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut reader = BufReader::new(events);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");

    // Edit the body of an article: same URL, new text.
    let file = root.join("content/articles/tin-tuc/ba.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("Thân bài ba.", "Thân bài ba, đã sửa.")).unwrap();
    wait_for("the edited article", || {
        get(port, "/tin-tuc/bai-ba/").1.contains("đã sửa")
    });
    let on_disk = std::fs::read_to_string(out.join("tin-tuc/bai-ba/index.html")).unwrap();
    assert!(on_disk.contains("đã sửa"));
    let mut saw_reload = false;
    for _ in 0..50 {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if line.trim() == "event: reload" {
            saw_reload = true;
            break;
        }
    }
    assert!(saw_reload, "a reload event was sent");

    // A broken edit keeps the last good page and reports the error.
    std::fs::write(&file, "---\ntitle: [\n").unwrap();
    let mut saw_error = false;
    for _ in 0..50 {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if line.trim() == "event: error-report" {
            saw_error = true;
            break;
        }
    }
    assert!(saw_error, "an error event was sent");
    assert!(get(port, "/tin-tuc/bai-ba/").1.contains("đã sửa"));

    // Fixing it with a new title moves the page.
    std::fs::write(
        &file,
        text.replace("title: \"Bài ba\"", "title: \"Bài ba mới\""),
    )
    .unwrap();
    wait_for("the renamed article", || {
        get(port, "/tin-tuc/bai-ba-moi/").0 == 200
    });
    assert_eq!(h1(&get(port, "/tin-tuc/bai-ba-moi/").1), "Bài ba mới");
    wait_for("the old page to go", || {
        get(port, "/tin-tuc/bai-ba/").0 == 404
    });
    let home = get(port, "/trang/2/").1;
    assert!(
        home.contains("Bài ba mới"),
        "the list page shows the new title"
    );

    // A theme folder created while serving is watched; a template added as
    // an override re-renders the pages that use it.
    let tdir = root.join("themes/default/templates");
    std::fs::create_dir_all(&tdir).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let page_tpl = chiso::DEFAULT_TEMPLATES
        .iter()
        .find(|(n, _)| *n == "page.html")
        .unwrap()
        .1
        .replace(
            "<h1>{{ page.title }}</h1>",
            "<h1>{{ page.title }} (bản sửa)</h1>",
        );
    std::fs::write(tdir.join("page.html"), page_tpl).unwrap();
    wait_for("the overridden page template", || {
        h1(&get(port, "/gioi-thieu/").1) == "Giới thiệu (bản sửa)"
    });
    assert_eq!(h1(&get(port, "/tin-tuc/bai-ba-moi/").1), "Bài ba mới");
    drop(server);
}

/// A copy of the basic fixture site in a temporary folder.
fn basic_site(tmp: &Path) -> std::path::PathBuf {
    let root = tmp.join("site");
    let src = Path::new("tests/fixtures/sites/basic");
    for e in walkdir::WalkDir::new(src) {
        let e = e.unwrap();
        let dest = root.join(e.path().strip_prefix(src).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
    root
}

/// The first event a new subscriber receives (after the stream's head).
fn first_event(port: u16) -> String {
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        events,
        "GET /__chiso/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut reader = BufReader::new(events);
    let mut line = String::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline && reader.read_line(&mut line).is_ok_and(|n| n > 0) {
        if line.starts_with("event: ") {
            return line.trim().to_string();
        }
        line.clear();
    }
    String::new()
}

#[test]
fn serve_answers_only_get_and_head() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let server = start(&root, &tmp.path().join("out"));
    assert_eq!(request(server.port, "HEAD", "/", "localhost").0, 200);
    assert_eq!(request(server.port, "POST", "/", "localhost").0, 405);
    assert_eq!(request(server.port, "DELETE", "/", "localhost").0, 405);
}

#[test]
fn serve_refuses_foreign_host_names_against_dns_rebinding() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let server = start(&root, &tmp.path().join("out"));
    let port = server.port;
    assert_eq!(
        request(port, "GET", "/", &format!("127.0.0.1:{port}")).0,
        200
    );
    assert_eq!(request(port, "GET", "/", "attacker.example").0, 403);
}

#[test]
fn a_broken_site_at_start_shows_the_error_to_a_page_that_connects_later() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let art = root.join("content/articles/tin-tuc/ba.md");
    let good = std::fs::read_to_string(&art).unwrap();
    std::fs::write(&art, good.replacen("title:", "title: [", 1)).unwrap();
    let server = start(&root, &tmp.path().join("out"));
    // No good build yet: any address gets a page that shows the overlay.
    let (code, body) = get(server.port, "/");
    assert_eq!(code, 404);
    assert!(body.contains("EventSource"), "{body}");
    // A page connecting now is told about the error at once.
    assert_eq!(first_event(server.port), "event: error-report");
    // Fixed: the site builds and new pages see no error.
    std::fs::write(&art, good).unwrap();
    wait_for("the fixed site", || {
        get(server.port, "/tin-tuc/bai-ba/").0 == 200
    });
}

#[cfg(unix)]
#[test]
fn serve_removes_its_temporary_folder_when_stopped() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let mut server = start_with(&root, None);
    let pid = server.child.id();
    // A name of its own (random, issue 20), beginning with the pid.
    let prefix = format!("chiso-serve-{pid}-");
    let folder = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .expect("serve's temporary folder");
    assert!(folder.join("index.html").is_file());
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let _ = server.child.wait();
    assert!(!folder.exists(), "{} is left behind", folder.display());
}

#[cfg(target_os = "linux")]
#[test]
fn idle_connections_do_not_grow_the_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let server = start(&root, &tmp.path().join("out"));
    let pid = server.child.id();
    let threads = || {
        std::fs::read_dir(format!("/proc/{pid}/task"))
            .unwrap()
            .count()
    };
    let idle: Vec<TcpStream> = (0..300)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", server.port)).ok())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let during = threads();
    // Main, watcher, signals, four workers: a fixed number, not one a connection.
    assert!(
        during <= 16,
        "{during} threads with {} idle connections",
        idle.len()
    );
    drop(idle);
    // While the workers shed the closed connections, a new one may be reset:
    // try again until the server answers.
    wait_for("an answer after the idle connections closed", || {
        std::panic::catch_unwind(|| get(server.port, "/").0).is_ok_and(|c| c == 200)
    });
}

#[test]
fn an_edit_that_moves_the_open_page_tells_it_where_to_go() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let server = start(&root, &tmp.path().join("out"));
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        events,
        "GET /__chiso/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut reader = BufReader::new(events);
    let file = root.join("content/articles/tin-tuc/ba.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("---\n", "---\nslug: bai-ba-moi\n", 1)).unwrap();
    let mut line = String::new();
    let mut moved = String::new();
    // Keep-alive comments arrive every 15 s: bound the wait by the clock.
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline && reader.read_line(&mut line).is_ok_and(|n| n > 0) {
        if line.starts_with("event: moved") {
            line.clear();
            reader.read_line(&mut line).unwrap();
            moved = line.clone();
            break;
        }
        line.clear();
    }
    assert!(
        moved.contains("/tin-tuc/bai-ba/ /tin-tuc/bai-ba-moi/"),
        "{moved}"
    );
}

#[test]
fn serve_keeps_the_search_page_and_archive_when_an_article_is_added_and_indexes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let out = tmp.path().join("serve-out");
    let server = start(&root, &out);
    let port = server.port;
    assert_eq!(get(port, "/tim-kiem/").0, 200);
    let docs = |port| {
        let meta: serde_json::Value =
            serde_json::from_str(&get(port, "/tim-kiem/meta.json").1).unwrap_or_default();
        meta["docs"].as_u64().unwrap_or(0)
    };
    let before = docs(port);
    assert!(before > 0);
    std::fs::write(
        root.join("content/articles/tin-tuc/moi.md"),
        "---\ntitle: \"Bài mới về Nậm Xe\"\ndate: 2024-07-01 08:00\ncategory: \"Tin tức\"\nsummary: \"Sapo.\"\n---\nThân bài.\n",
    )
    .unwrap();
    wait_for("the new article", || {
        get(port, "/tin-tuc/bai-moi-ve-nam-xe/").0 == 200
    });
    wait_for("the index with the new article", || {
        docs(port) == before + 1
    });
    // A new page set removes stale pages: not the search page or the archive.
    assert_eq!(get(port, "/tim-kiem/").0, 200);
    assert!(get(port, "/luu-tru/").1.contains("Bài mới về Nậm Xe"));
    assert!(out.join("tim-kiem/index.html").is_file());
}

#[test]
fn serve_copies_static_files_and_photo_copies_from_their_sources_and_follows_an_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let images = root.join("content/static/images");
    std::fs::create_dir_all(&images).unwrap();
    std::fs::copy(
        "tests/fixtures/images/gps-rotated.jpg",
        images.join("anh.jpg"),
    )
    .unwrap();
    let note = root.join("content/static/tai-lieu/ghi-chu.txt");
    std::fs::create_dir_all(note.parent().unwrap()).unwrap();
    std::fs::write(&note, "một").unwrap();
    let out = tmp.path().join("serve-out");
    let server = start(&root, &out);
    let port = server.port;
    // Shown 300×480 (EXIF orientation 6): one width, its own.
    let webp = out.join("anh-web/images/anh-300.webp");
    wait_for("the photo's copy", || webp.is_file());
    assert!(std::fs::read(&webp).unwrap().starts_with(b"RIFF"));
    assert_eq!(get(port, "/tai-lieu/ghi-chu.txt"), (200, "một".to_string()));
    std::fs::write(&note, "hai dòng").unwrap();
    wait_for("the edited file", || {
        get(port, "/tai-lieu/ghi-chu.txt").1 == "hai dòng"
    });
}

/// A story without a photo shows its first chart's card; when the data
/// renames the chart's unit, the list follows (its teaser is not reused).
#[test]
fn a_data_edit_renews_the_chart_thumbnail_of_a_story_without_a_photo() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    std::fs::write(
        root.join("content/articles/tin-tuc/bay.md"),
        "---\ntitle: \"Bài bảy: chỉ số\"\ndate: 2024-07-02 08:00\ncategory: \"Tin tức\"\nsummary: \"Sapo.\"\n---\n{{ chart(data=\"thu\", kind=\"trend\", unit=\"2\") }}\n",
    )
    .unwrap();
    let out = tmp.path().join("serve-out");
    let server = start(&root, &out);
    let port = server.port;
    let list = |port| get(port, "/tin-tuc/").1;
    wait_for("the chart thumbnail", || {
        list(port).contains("/chi-so/thu/bieu-do/xu-huong-tam-duong-360x189.png")
    });
    let data = root.join("content/data/thu.yaml");
    let yaml = std::fs::read_to_string(&data).unwrap();
    let renamed = yaml.replace(
        "short: \"Tam Đường\" }",
        "short: \"Tam Đường\", slug: tam-duong-moi }",
    );
    assert_ne!(renamed, yaml);
    std::fs::write(&data, renamed).unwrap();
    wait_for("the renamed chart's thumbnail", || {
        list(port).contains("/chi-so/thu/bieu-do/xu-huong-tam-duong-moi-360x189.png")
    });
}
