//! Every URL the site builds, in one place, and the output path of each.

use crate::load::content::{Article, Page, file_slug};
use crate::load::permalink::{Pattern, Token};

/// `/the/<tag>/`
pub const TAG_PREFIX: &str = "the";
/// `/<list>/trang/2/`
pub const PAGE_SEGMENT: &str = "trang";
/// `/chi-so/<dataset>/`
pub const DATA_PREFIX: &str = "chi-so";
/// `/assets/style.css`
pub const ASSETS_PREFIX: &str = "assets";
/// `/tim-kiem/`: the search page and its index.
pub const SEARCH_PREFIX: &str = "tim-kiem";
/// `/luu-tru/`: the archive by year and month.
pub const ARCHIVE_PREFIX: &str = "luu-tru";
/// First path segments that content cannot take.
pub const RESERVED: &[&str] = &[
    TAG_PREFIX,
    PAGE_SEGMENT,
    DATA_PREFIX,
    ASSETS_PREFIX,
    SEARCH_PREFIX,
    ARCHIVE_PREFIX,
];

/// `/tim-kiem/`
pub fn search_url() -> String {
    format!("/{SEARCH_PREFIX}/")
}

/// `/luu-tru/`
pub fn archive_url() -> String {
    format!("/{ARCHIVE_PREFIX}/")
}

/// Articles on one page of the archive.
pub const ARCHIVE_PER_PAGE: usize = 50;

/// The feed, the sitemap and robots.txt, at the site's root.
pub const RSS_PATH: &str = "rss.xml";
pub const SITEMAP_PATH: &str = "sitemap.xml";
pub const ROBOTS_PATH: &str = "robots.txt";

/// `/x/` → `x/index.html`
pub fn index_path(url: &str) -> String {
    if url.ends_with(".html") {
        // `/tin-tuc/bai-1.html` → `tin-tuc/bai-1.html`
        return url.trim_start_matches('/').to_string();
    }
    let t = url.trim_matches('/');
    if t.is_empty() {
        "index.html".to_string()
    } else {
        format!("{t}/index.html")
    }
}

pub fn paginate_url(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}{PAGE_SEGMENT}/{n}/")
    }
}

/// Where the redirect page of an old address goes: `/a/` and `/a` →
/// `a/index.html`, `/a.html` → `a.html`.
pub fn alias_path(url: &str) -> String {
    let t = url.trim_start_matches('/');
    if t.ends_with(".html") || t.ends_with(".htm") {
        t.to_string()
    } else {
        index_path(url)
    }
}

/// Pages needed to show `items` at `per` a page (at least one).
pub fn page_count(items: usize, per: usize) -> usize {
    items.div_ceil(per.max(1)).max(1)
}

pub fn category_url(slug: &str) -> String {
    format!("/{slug}/")
}

pub fn tag_url(slug: &str) -> String {
    format!("/{TAG_PREFIX}/{slug}/")
}

/// An article's address from the site's pattern (`/:category/:slug/` by
/// default).
pub fn article_url(pattern: &Pattern, a: &Article, category_slug: &str) -> String {
    pattern.expand(|t| match t {
        Token::Year => format!("{:04}", a.date.local.year()),
        Token::Month => format!("{:02}", a.date.local.month()),
        Token::Day => format!("{:02}", a.date.local.day()),
        Token::Category => category_slug.to_string(),
        Token::Slug => a.slug.clone(),
        Token::File => file_slug(&a.source),
    })
}

/// A page's address from the site's pattern (`/:slug/` by default).
pub fn page_url(pattern: &Pattern, p: &Page) -> String {
    pattern.expand(|t| match t {
        Token::File => file_slug(&p.source),
        _ => p.slug.clone(),
    })
}

/// `/chi-so/`, the list of datasets.
pub fn data_index_url() -> String {
    format!("/{DATA_PREFIX}/")
}

pub fn dataset_url(dataset: &str) -> String {
    format!("/{DATA_PREFIX}/{dataset}/")
}

pub fn dataset_year_url(dataset: &str, year: i32) -> String {
    format!("/{DATA_PREFIX}/{dataset}/{year}/")
}

pub fn dataset_unit_url(dataset: &str, unit: &str) -> String {
    format!("/{DATA_PREFIX}/{dataset}/{unit}/")
}

/// The dataset as CSV (open data download).
pub fn dataset_csv_url(dataset: &str) -> String {
    format!("/{DATA_PREFIX}/{dataset}/{dataset}.csv")
}

/// The dataset as JSON (open data download).
pub fn dataset_json_url(dataset: &str) -> String {
    format!("/{DATA_PREFIX}/{dataset}/{dataset}.json")
}

/// A chart's standalone SVG file.
pub fn chart_file_url(dataset: &str, file_name: &str) -> String {
    format!("/{DATA_PREFIX}/{dataset}/bieu-do/{file_name}")
}
