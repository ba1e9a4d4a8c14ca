//! Search, in one room: what is indexed, how, and the files the theme's
//! `search.js` reads (the contract). Called from render (the search job),
//! which hands over each document's plain text from its own Markdown pass;
//! this stage uses only the stages before render.
//!
//! Documents: articles (newest first, so a lower number is newer), plain
//! pages, datasets and their unit pages; never list pages. Each word is
//! indexed folded (`fold`: no marks, đ = d) with its exact forms beside it,
//! so "ban" finds "bản" and "bán" and "bản" ranks "bản" first; each pair of
//! neighbouring words is indexed too (folded, "mot cua"), which is how
//! quoted phrases and adjacency are matched without positions.
//!
//! - `fold`: tokens, folding (search.js folds queries by the same rules);
//! - `invert`: the inverted index (interned words, postings per partition);
//! - `count`: a document's keys counted as its words are found;
//! - `scan`: words found and looked up in one pass over a text's bytes;
//! - `postings`: the postings strings;
//! - `files`: the files under `/tim-kiem/` (see there for their format).

mod count;
pub mod files;
pub mod fold;
mod incremental;
mod invert;
mod postings;
mod scan;
mod stream;

use crate::model::site::Site;
use crate::model::urls::{dataset_unit_url, dataset_url};

pub use files::fnv1a32;
pub use incremental::{BodyText, Cache};
pub use stream::{finish_site, site_stream};

/// Characters of a document's text kept for the excerpt.
pub const EXCERPT_SOURCE_CHARS: usize = 1000;
/// Category names of the documents that are not articles.
pub const PAGES_CATEGORY: &str = "Trang thông tin";
pub const DATA_CATEGORY: &str = "Số liệu chỉ số";

/// One searchable document.
#[derive(Debug, Clone)]
pub struct Doc {
    pub title: String,
    /// Site-relative address (`/a/b/`).
    pub url: String,
    /// The date line shown ("12/03/2025"), empty for undated documents.
    pub date: String,
    /// Index into `categories(site)`.
    pub category: usize,
    /// 0 for undated documents.
    pub year: i32,
    /// Plain text of the body.
    pub text: String,
}

/// The categories the filter offers: the site's, then pages and data.
pub fn categories(site: &Site) -> Vec<String> {
    let mut c: Vec<String> = site.categories.iter().map(|t| t.name.clone()).collect();
    c.push(PAGES_CATEGORY.into());
    c.push(DATA_CATEGORY.into());
    c
}

/// The years the filter offers, newest first.
pub fn years(site: &Site) -> Vec<i32> {
    let mut y: Vec<i32> = site
        .articles
        .iter()
        .map(|e| e.article.date.local.year() as i32)
        .collect();
    y.sort_unstable_by(|a, b| b.cmp(a));
    y.dedup();
    y
}

/// Article `i`'s document without its text.
pub fn article_head(site: &Site, i: usize) -> Doc {
    let e = &site.articles[i];
    let a = &e.article;
    Doc {
        title: a.title.clone(),
        url: e.url.clone(),
        date: a.date.short_date(),
        category: e.category,
        year: a.date.local.year() as i32,
        text: String::new(),
    }
}

/// Article `i`'s text, in parts: the summary, a space, the body's text.
pub fn article_text<'a>(site: &'a Site, i: usize, body: &'a str) -> [&'a str; 3] {
    [&site.articles[i].article.summary, " ", body]
}

/// The documents that are not articles: plain pages (their bodies' text
/// in `pages`), datasets (their descriptions' in `datasets`) and units.
pub fn other_documents(site: &Site, pages: Vec<String>, datasets: Vec<String>) -> Vec<Doc> {
    let n_cats = site.categories.len();
    let mut docs: Vec<Doc> = site
        .pages
        .iter()
        .zip(pages)
        .map(|(p, body)| Doc {
            title: p.page.title.clone(),
            url: p.url.clone(),
            date: String::new(),
            category: n_cats,
            year: 0,
            text: format!("{} {}", p.page.summary, body),
        })
        .collect();
    for (ds, description) in site.datasets.iter().zip(datasets) {
        let units: Vec<&str> = ds.units.iter().map(|u| u.name.as_str()).collect();
        docs.push(Doc {
            title: ds.title.clone(),
            url: dataset_url(&ds.slug),
            date: String::new(),
            category: n_cats + 1,
            year: 0,
            text: sentences(&[&description, &units.join(", ")]),
        });
        for u in &ds.units {
            docs.push(Doc {
                title: format!("{}: {}", u.name, ds.display_title()),
                url: dataset_unit_url(&ds.slug, &u.slug),
                date: String::new(),
                category: n_cats + 1,
                year: 0,
                text: unit_text(&u.name, &u.short, &ds.title),
            });
        }
    }
    docs
}

/// What a document's files are made of, as one hash: its title, address
/// (with the site's base path), date, category name and text (`text`:
/// `text_hash` of it). Equal hashes: equal fragments and keys.
pub fn doc_hash(prefix: &str, d: &Doc, category: &str, text: u128) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for field in [prefix, &d.title, &d.url, &d.date, category] {
        h.update(&(field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
    h.update(&d.year.to_le_bytes());
    h.update(&text.to_le_bytes());
    h.digest128()
}

/// The hash of a text given in parts (hashed as if joined).
pub fn text_hash(parts: &[&str]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    parts.iter().for_each(|p| h.update(p.as_bytes()));
    h.digest128()
}

/// The hash of an article's text (`article_text`) from its body's text's
/// hash (`render::markdown::Body::text_hash`), without reading the body.
pub fn article_text_hash(site: &Site, i: usize, body_hash: u128) -> u128 {
    let summary = &site.articles[i].article.summary;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(b"article");
    h.update(&(summary.len() as u64).to_le_bytes());
    h.update(summary.as_bytes());
    h.update(&body_hash.to_le_bytes());
    h.digest128()
}

/// Non-empty parts joined as sentences: no stray space before a comma or
/// at the start when a part is empty.
fn sentences(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(". ")
}

/// A unit page's text: its name, its short name only when the name does
/// not already say it ("Huyện Sìn Hồ", not "Huyện Sìn Hồ Sìn Hồ"), the
/// dataset.
fn unit_text(name: &str, short: &str, dataset: &str) -> String {
    let short = short.trim();
    if short.is_empty() || name.contains(short) {
        sentences(&[name, dataset])
    } else {
        sentences(&[&format!("{name} ({short})"), dataset])
    }
}

#[cfg(test)]
mod snippet_tests {
    use super::*;

    #[test]
    fn a_unit_snippet_never_stutters_its_name_nor_puts_a_space_before_a_comma() {
        let t = unit_text("Huyện Sìn Hồ", "Sìn Hồ", "Chỉ số CCHC cấp huyện");
        assert_eq!(t, "Huyện Sìn Hồ. Chỉ số CCHC cấp huyện");
        let t = unit_text("Thành phố Lai Châu", "TP Lai Châu", "Chỉ số");
        assert_eq!(t, "Thành phố Lai Châu (TP Lai Châu). Chỉ số");
        let t = sentences(&["", "Phong Thổ, Sìn Hồ"]);
        assert_eq!(t, "Phong Thổ, Sìn Hồ");
    }
}
