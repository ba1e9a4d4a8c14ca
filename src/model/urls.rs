//! Every URL the site builds, in one place, and the output path of each.

/// `/the/<tag>/`
pub const TAG_PREFIX: &str = "the";
/// `/<list>/trang/2/`
pub const PAGE_SEGMENT: &str = "trang";
/// `/chi-so/<dataset>/`
pub const DATA_PREFIX: &str = "chi-so";
/// `/assets/style.css`
pub const ASSETS_PREFIX: &str = "assets";
/// First path segments that content cannot take.
pub const RESERVED: &[&str] = &[TAG_PREFIX, PAGE_SEGMENT, DATA_PREFIX, ASSETS_PREFIX];

/// The feed, the sitemap and robots.txt, at the site's root.
pub const RSS_PATH: &str = "rss.xml";
pub const SITEMAP_PATH: &str = "sitemap.xml";
pub const ROBOTS_PATH: &str = "robots.txt";

/// `/x/` → `x/index.html`
pub fn index_path(url: &str) -> String {
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

pub fn article_url(category_slug: &str, slug: &str) -> String {
    format!("/{category_slug}/{slug}/")
}

pub fn page_url(slug: &str) -> String {
    format!("/{slug}/")
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

/// A chart's standalone SVG file.
pub fn chart_file_url(dataset: &str, file_name: &str) -> String {
    format!("/{DATA_PREFIX}/{dataset}/bieu-do/{file_name}")
}
