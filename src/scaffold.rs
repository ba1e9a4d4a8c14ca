//! `chiso new`: a minimal site to start from.

use crate::diag::Msg;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use std::path::Path;

const SITE: &str = r#"title: "Cổng thông tin điện tử"
description: "Tin tức, sự kiện và chỉ số cải cách hành chính"
base_url: "https://example.gov.vn/"
language: vi
timezone: Asia/Ho_Chi_Minh
articles_per_page: 10
menu:
  - { name: "Trang chủ", url: "/" }
  - { name: "Giới thiệu", url: "/gioi-thieu/" }
# Cách bạn đọc liên hệ ban biên tập: thay bằng địa chỉ thư và số điện thoại thật.
contact: { email: "banbientap@example.gov.vn", phone: "0200 3000 000" }
"#;

const ARTICLE: &str = r#"---
title: "Bài viết đầu tiên"
date: 2024-05-20T13:50:00+07:00
author: "BBT"
category: "Tin tức"
tags: ["Giới thiệu"]
summary: "Đoạn mở đầu (sapo) tóm tắt bài viết trong một hai câu."
---
Viết nội dung bài ở đây, bằng **Markdown**: mỗi đoạn cách nhau một dòng trống, **chữ đậm** đặt giữa hai cặp dấu sao.
"#;

const PAGE: &str = r#"---
title: "Giới thiệu"
slug: gioi-thieu
---
Trang giới thiệu của cổng thông tin.
"#;

pub fn create(path: &Path) -> Result<(), Msg> {
    if path.exists()
        && std::fs::read_dir(path)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(msg!(m::NEW_NOT_EMPTY, path = path.display()));
    }
    let w = |rel: &str, text: &str| -> Result<(), Msg> {
        let p = path.join(rel);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| msg!(m::NEW_WRITE, path = dir.display(), reason = &e))?;
        }
        std::fs::write(&p, text).map_err(|e| msg!(m::NEW_WRITE, path = p.display(), reason = &e))
    };
    w("content/site.yaml", SITE)?;
    w("content/articles/bai-viet-dau-tien.md", ARTICLE)?;
    w("content/pages/gioi-thieu.md", PAGE)?;
    w("content/data/.keep", "")?;
    w("content/static/.keep", "")?;
    w(".gitignore", "/output\n/.chiso-cache\n")?;
    Ok(())
}

/// `chiso new article`: what goes into the new file.
#[derive(Debug, Clone)]
pub struct NewArticle<'a> {
    pub title: &'a str,
    /// `None`: site.yaml's `default_category`.
    pub category: Option<&'a str>,
    /// From `CHISO_AUTHOR`, read by the command line.
    pub author: Option<&'a str>,
    /// The command line's "now" (the same source as the build's).
    pub now: jiff::Timestamp,
}

/// A YAML double-quoted scalar (JSON's string syntax is YAML's).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The path to print: relative to the site when run in its root.
fn shown(root: &Path, rel: &Path) -> std::path::PathBuf {
    if root == Path::new(".") {
        rel.to_path_buf()
    } else {
        root.join(rel)
    }
}

/// Write `text` to a new file; never overwrites one.
fn write_new(root: &Path, rel: &Path, text: &str) -> Result<std::path::PathBuf, Msg> {
    let p = root.join(rel);
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| msg!(m::NEW_WRITE, path = dir.display(), reason = &e))?;
    }
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&p)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                msg!(m::NEW_EXISTS, path = shown(root, rel).display())
            }
            _ => msg!(m::NEW_WRITE, path = p.display(), reason = &e),
        })?;
    f.write_all(text.as_bytes())
        .map_err(|e| msg!(m::NEW_WRITE, path = p.display(), reason = &e))?;
    Ok(shown(root, rel))
}

fn site_config(root: &Path) -> Result<crate::load::config::SiteConfig, Msg> {
    if !root.join("content").is_dir() {
        return Err(msg!(m::NEW_NO_CONTENT, root = root.display()));
    }
    crate::load::config::load(root, None).map_err(|d| {
        msg!(
            m::NEW_BROKEN_SITE,
            path = crate::load::config::FILE,
            n = d.error_count()
        )
    })
}

/// `chiso new article "Tiêu đề"`: `content/articles/<year>/<slug>.md`, the
/// year and date from `now` in the site's zone. Returns the path written.
pub fn new_article(root: &Path, a: &NewArticle) -> Result<std::path::PathBuf, Msg> {
    let cfg = site_config(root)?;
    let title = crate::util::text::nfc_string(a.title.trim().to_string());
    let slug: String = crate::util::text::slugify(&title)
        .chars()
        .take(100)
        .collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        return Err(msg!(m::NEW_NO_TITLE));
    }
    let date = crate::util::dates::from_timestamp(a.now, &cfg.timezone);
    let category = a
        .category
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .unwrap_or(&cfg.default_category);
    let text = format!(
        "---\n\
         title: {title}\n\
         date: {date}\n\
         author: {author}\n\
         category: {category}\n\
         tags: []\n\
         # Viết sapo: một hai câu tóm tắt bài viết, hiện dưới tiêu đề, trong danh sách và RSS.\n\
         # Write the sapo: one or two sentences shown under the title, in lists and in the feed.\n\
         summary: \"\"\n\
         ---\n\n",
        title = quoted(&title),
        date = date.rfc3339(),
        author = quoted(a.author.map(str::trim).unwrap_or("")),
        category = quoted(category),
    );
    let rel = Path::new("content/articles")
        .join(format!("{:04}", date.local.year()))
        .join(format!("{slug}.md"));
    write_new(root, &rel, &text)
}

/// `chiso new dataset <slug>`: the skeleton written to
/// `content/data/<slug>.yaml`. Every `___name___` is a placeholder.
pub const DATASET_SKELETON: &str = include_str!("scaffold/dataset.yaml");

/// `chiso new dataset <slug>`: a commented skeleton that passes `chiso
/// check` once its `___…___` placeholders are filled in.
pub fn new_dataset(root: &Path, slug: &str) -> Result<std::path::PathBuf, Msg> {
    site_config(root)?;
    if !crate::util::text::is_valid_slug(slug) {
        return Err(msg!(
            m::NEW_BAD_SLUG,
            slug = slug,
            example = crate::util::text::slugify(slug)
        ));
    }
    write_new(
        root,
        &Path::new("content/data").join(format!("{slug}.yaml")),
        DATASET_SKELETON,
    )
}
