//! Issue 20, symbolic links in the sources: a link under `content/`, in
//! a theme or among the datasets may not lead out of its own folder, even
//! to a file inside the site root (`.git/config`, where actions/checkout
//! writes the CI token; `.env`; the cache). `check` finds what `build`
//! refuses, and nothing of the target is published.
#![cfg(unix)] // every case here is a symbolic link

mod common;

use common::{Site, snapshot};
use std::path::Path;

const SECRET: &str = "TOKEN-c2VjcmV0";

/// The good fixture with a `.git/config` holding a token, and a file
/// outside `content/` that would parse as an article.
fn site_with_secrets() -> Site {
    let s = Site::fixture("good");
    s.write(
        ".git/config",
        format!("[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n"),
    );
    s.write(
        "ghi-chu/rieng.md",
        format!("---\ntitle: \"Riêng\"\ndate: 2024-05-01T08:00:00+07:00\n---\n{SECRET}\n"),
    );
    s.write(".env", format!("API_KEY={SECRET}\n"));
    s
}

fn link(s: &Site, target: &str, at: &str) {
    let at = s.path(at);
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, at).unwrap();
}

/// `check` and `build` both refuse with E0005 at `at`, and no output file
/// holds the secret.
#[track_caller]
fn refused(s: &Site, at: &str) {
    for cmd in ["check", "build"] {
        let out = s.run(&[cmd]);
        out.assert_code(1);
        out.assert_error("E0005", at);
    }
    leaks_nothing(s);
}

#[track_caller]
fn leaks_nothing(s: &Site) {
    for (path, bytes) in snapshot(&s.path("output")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(SECRET),
            "{} holds the secret",
            path.display()
        );
    }
}

#[test]
fn an_article_linked_to_a_file_outside_content_is_refused_by_check_and_build() {
    let s = site_with_secrets();
    link(
        &s,
        "../../../ghi-chu/rieng.md",
        "content/articles/tin/rieng.md",
    );
    refused(&s, "content/articles/tin/rieng.md");
    // The message names the target.
    let out = s.run(&["check"]);
    assert!(out.stderr.contains("ghi-chu/rieng.md"), "{}", out.stderr);
}

#[test]
fn an_article_linked_to_the_git_config_is_refused_as_a_link() {
    let s = site_with_secrets();
    link(&s, "../../../.git/config", "content/articles/tin/x.md");
    refused(&s, "content/articles/tin/x.md");
}

#[test]
fn a_link_that_stays_inside_content_is_still_followed() {
    let s = site_with_secrets();
    link(
        &s,
        "../../pages/gioi-thieu.md",
        "content/articles/tin/ban-sao.md",
    );
    let out = s.run(&["check"]);
    assert!(
        !out.diags().iter().any(|(_, c, _)| c == "E0005"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_articles_folder_that_is_a_link_out_of_content_is_refused() {
    let s = site_with_secrets();
    std::fs::rename(s.path("content/articles"), s.path("bai")).unwrap();
    s.write("bai/tin/rieng.md", s.read("ghi-chu/rieng.md"));
    link(&s, "../bai", "content/articles");
    refused(&s, "content/articles");
}

#[test]
fn a_page_linked_to_the_env_file_is_refused() {
    let s = site_with_secrets();
    link(&s, "../../.env", "content/pages/env.md");
    refused(&s, "content/pages/env.md");
}

#[test]
fn a_theme_template_linked_out_of_its_theme_is_refused() {
    let s = site_with_secrets();
    // A template with no tags is published as it is, on every article.
    link(&s, "../../../.env", "themes/default/templates/article.html");
    refused(&s, "themes/default/templates/article.html");
}

#[test]
fn a_theme_folder_that_is_a_link_out_of_the_site_is_refused() {
    let s = site_with_secrets();
    let away = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(away.path().join("templates")).unwrap();
    std::fs::write(away.path().join("templates/article.html"), SECRET).unwrap();
    std::fs::create_dir_all(s.path("themes")).unwrap();
    std::os::unix::fs::symlink(away.path(), s.path("themes/default")).unwrap();
    refused(&s, "themes/default");
}

#[test]
fn a_dataset_linked_out_of_the_data_folder_is_refused() {
    let s = site_with_secrets();
    s.write(
        "rieng/so-lieu.yaml",
        format!("title: \"{SECRET}\"\nsource: [{{ name: S }}]\nunits: []\n"),
    );
    link(&s, "../../rieng/so-lieu.yaml", "content/data/so-lieu.yaml");
    refused(&s, "content/data/so-lieu.yaml");
}

#[test]
fn commentary_linked_out_of_the_data_folder_is_refused() {
    let s = site_with_secrets();
    link(&s, "../../ghi-chu/rieng.md", "content/data/so-lieu.md");
    refused(&s, "content/data/so-lieu.md");
}

#[test]
fn a_site_yaml_linked_out_of_content_is_refused() {
    let s = site_with_secrets();
    std::fs::rename(s.path("content/site.yaml"), s.path("site.yaml")).unwrap();
    link(&s, "../site.yaml", "content/site.yaml");
    for cmd in ["check", "build"] {
        let out = s.run(&[cmd]);
        assert_ne!(out.code, 0, "{}", out.stderr);
        out.assert_error("E0005", "content/site.yaml");
    }
    leaks_nothing(&s);
}

// ------------------------------------------------ serve reads the same way

struct Serve(std::process::Child, u16);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(root: &Path, out: &Path) -> Serve {
    use std::io::BufRead;
    #[allow(clippy::zombie_processes)] // waited for in Serve::drop
    let mut child = std::process::Command::new(common::BIN)
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    Serve(child, port)
}

fn status(port: u16, path: &str) -> u16 {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut resp = String::new();
    let _ = s.read_to_string(&mut resp);
    resp.split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[test]
fn serve_never_reads_an_article_linked_out_of_content_after_an_edit() {
    let s = site_with_secrets();
    let out = s.path("xem-truoc");
    let server = serve(s.root(), &out);
    link(
        &s,
        "../../../ghi-chu/rieng.md",
        "content/articles/tin/rieng.md",
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.write(
        "content/articles/tin/moi.md",
        "---\ntitle: \"Mới\"\ndate: 2024-05-02T08:00:00+07:00\n---\nThân bài.\n",
    );
    // The link is an error (E0005), which holds the rebuild back; once it
    // is removed the new article appears. The secret never does.
    let start = std::time::Instant::now();
    let mut removed = false;
    loop {
        let leaked = status(server.1, "/tin-tuc/rieng/") == 200;
        assert!(!leaked, "the link was published");
        if status(server.1, "/tin-tuc/moi/") == 200 {
            break;
        }
        if !removed && start.elapsed() > std::time::Duration::from_secs(3) {
            std::fs::remove_file(s.path("content/articles/tin/rieng.md")).unwrap();
            removed = true;
        }
        assert!(start.elapsed().as_secs() < 60, "serve never rebuilt");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_ne!(
        status(server.1, "/tin-tuc/rieng/"),
        200,
        "the link was published"
    );
    for (path, bytes) in snapshot(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(SECRET),
            "{} holds the secret",
            path.display()
        );
    }
}
