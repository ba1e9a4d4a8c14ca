//! `chiso new`: a minimal site to start from.

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
"#;

const ARTICLE: &str = r#"---
title: "Bài viết đầu tiên"
date: 2024-05-20T13:50:00+07:00
author: "BBT"
category: "Tin tức"
tags: ["Giới thiệu"]
summary: "Đoạn mở đầu (sapo) tóm tắt bài viết trong một hai câu."
---
Nội dung bài viết viết bằng **Markdown**.
"#;

const PAGE: &str = r#"---
title: "Giới thiệu"
slug: gioi-thieu
---
Trang giới thiệu của cổng thông tin.
"#;

pub fn create(path: &Path) -> Result<(), String> {
    if path.exists()
        && std::fs::read_dir(path)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(format!("{} exists and is not empty", path.display()));
    }
    let w = |rel: &str, text: &str| -> Result<(), String> {
        let p = path.join(rel);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))
    };
    w("content/site.yaml", SITE)?;
    w("content/articles/bai-viet-dau-tien.md", ARTICLE)?;
    w("content/pages/gioi-thieu.md", PAGE)?;
    w("content/data/.keep", "")?;
    w("content/static/.keep", "")?;
    w(".gitignore", "/output\n")?;
    Ok(())
}
