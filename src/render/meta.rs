//! Page metadata for sharing and search engines (issue 10): the `meta`
//! value every template gets — `<title>`, description, canonical URL,
//! OpenGraph type and image — and the JSON-LD blocks (`NewsArticle`,
//! `BreadcrumbList`, `Dataset`). Titles and descriptions are made here, per
//! page kind, so each page has its own.

use crate::data::Dataset;
use crate::model::site::Site;
use crate::model::urls;
use serde::Serialize;
use serde_json::{Value, json};

/// The image a share shows (`og:image`).
#[derive(Debug, Clone, Serialize)]
pub struct Image {
    /// Absolute URL.
    pub url: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub alt: String,
}

/// What `base.html` writes into `<head>`.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub title: String,
    pub description: String,
    /// Absolute URL of the page.
    pub canonical: String,
    /// `og:type`: `article` or `website`.
    pub og_type: &'static str,
    pub image: Option<Image>,
    /// JSON-LD documents, each already safe inside `<script>`.
    pub jsonld: Vec<String>,
}

impl Meta {
    /// A page of the site at `path` with its own title and description; the
    /// default share image.
    pub fn new(site: &Site, title: String, description: String, path: &str) -> Meta {
        Meta {
            title,
            description: one_line(&description),
            canonical: site.absolute(path),
            og_type: "website",
            image: share_image(site),
            jsonld: Vec::new(),
        }
    }

    /// `title – site name`.
    pub fn titled(site: &Site, title: &str, description: String, path: &str) -> Meta {
        Meta::new(
            site,
            format!("{title} – {}", site.config.title),
            description,
            path,
        )
    }
}

/// Whitespace collapsed; at most ~200 characters, cut at a word.
fn one_line(s: &str) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= 200 {
        return s;
    }
    let cut: String = s.chars().take(200).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// The image of a site-relative or absolute address, with its size (read
/// by the model from the file header).
pub fn image(site: &Site, url: &str, alt: &str, size: Option<(u32, u32)>) -> Image {
    Image {
        url: if url.starts_with('/') {
            site.absolute(url)
        } else {
            url.to_string()
        },
        width: size.map(|s| s.0),
        height: size.map(|s| s.1),
        alt: alt.to_string(),
    }
}

/// The share card (1200×630) of a resized photo, centred on `focus`.
pub fn share_card(site: &Site, url: &str, focus: Option<(f64, f64)>, alt: &str) -> Option<Image> {
    use crate::model::images::Focus;
    let p = site.images.get(url).filter(|p| p.resize)?;
    let f = focus.map_or(Focus::CENTRE, |(x, y)| Focus::from_unit(x, y));
    let (_, size) = p.share_crop(f);
    Some(image(
        site,
        &format!("/{}", p.share_path(f)),
        alt,
        Some(size),
    ))
}

/// site.yaml `share_image`, if set.
pub fn share_image(site: &Site) -> Option<Image> {
    site.config
        .share_image
        .as_ref()
        .map(|s| image(site, &s.url, &s.alt, site.share_image_size))
}

/// A chart's 1200×630 share card as the share image: `svg_path` is the
/// site-relative address of its standalone SVG, `title` the chart's title.
pub fn chart_card(site: &Site, svg_path: &str, title: &str) -> Image {
    Image {
        url: site.absolute(&crate::charts::card_url(svg_path)),
        width: Some(crate::charts::raster::CARD_W),
        height: Some(crate::charts::raster::CARD_H),
        alt: format!("Biểu đồ: {title}"),
    }
}

/// The share card of the first chart in a page's HTML (its figure's
/// "Ảnh chia sẻ" link; `prefix`: the base URL's path the link starts with),
/// titled by the figure's table caption.
pub fn first_chart_card(site: &Site, prefix: &str, html: &str) -> Option<Image> {
    const LINK: &str = "<a class=\"chart-card\" href=\"";
    let at = html.find(LINK)? + LINK.len();
    let url = &html[at..at + html[at..].find('"')?];
    let png = url.strip_prefix(prefix).unwrap_or(url);
    let svg = format!("{}.svg", png.strip_suffix("-1200x630.png")?);
    let before = &html[..at];
    let title = before
        .rfind("<caption>")
        .map(|i| &before[i + "<caption>".len()..])
        .and_then(|c| c.find("</caption>").map(|j| unescape(&c[..j])))
        .unwrap_or_default();
    Some(chart_card(site, &svg, &title))
}

/// After the photo chain: a page whose share image is none or the site's
/// default shares its chart instead, when it has one.
pub fn chart_fallback(
    site: &Site,
    image: Option<Image>,
    chart: impl FnOnce() -> Option<Image>,
) -> Option<Image> {
    let default = site.config.share_image.as_ref().map(|s| s.url.as_str());
    let own = image
        .as_ref()
        .is_some_and(|i| default.is_none_or(|d| i.url != d && i.url != site.absolute(d)));
    if own {
        return image;
    }
    chart().or(image)
}

/// Text of chiso's own escaped HTML (`escape_html`) back to plain text.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A JSON value as the text of a `<script type="application/ld+json">`:
/// `<`, `>` and `&` escaped so no string can close the element.
pub fn ld(v: &Value) -> String {
    crate::util::json::escape_html_chars(v.to_string())
}

/// `BreadcrumbList` from the home page down to the current page:
/// (name, site-relative path) each.
pub fn breadcrumbs(site: &Site, trail: &[(&str, &str)]) -> String {
    let home = site.absolute("/");
    let mut items = Vec::with_capacity(trail.len() + 1);
    items.push(shape::ListItem {
        kind: "ListItem",
        item: home,
        name: "Trang chủ",
        position: 1,
    });
    for (i, (name, path)) in trail.iter().enumerate() {
        items.push(shape::ListItem {
            kind: "ListItem",
            item: site.absolute(path),
            name,
            position: i + 2,
        });
    }
    crate::util::json::to_string(&shape::Breadcrumbs {
        context: shape::CONTEXT,
        kind: "BreadcrumbList",
        items,
    })
}

fn publisher(site: &Site) -> shape::Organization<'_> {
    shape::Organization {
        kind: "Organization",
        logo: shape::Logo {
            kind: "ImageObject",
            url: site.absolute(&format!("/{}/favicon.svg", urls::ASSETS_PREFIX)),
        },
        name: &site.config.title,
        url: site.absolute("/"),
    }
}

/// `NewsArticle` of article `i`.
pub fn news_article(site: &Site, i: usize, image: Option<&Image>) -> String {
    let e = &site.articles[i];
    let a = &e.article;
    let date = a.date.rfc3339();
    let author = if a.author.trim().is_empty() {
        shape::Author::Organization(publisher(site))
    } else {
        shape::Author::Person(shape::Person {
            kind: "Person",
            name: &a.author,
        })
    };
    let url = site.absolute(&e.url);
    let keywords = (!e.tags.is_empty()).then(|| {
        let k: Vec<&str> = e.tags.iter().map(|&t| site.tags[t].name.as_str()).collect();
        k.join(", ")
    });
    crate::util::json::to_string(&shape::NewsArticle {
        context: shape::CONTEXT,
        kind: "NewsArticle",
        article_section: &site.categories[e.category].name,
        author: [author],
        date_modified: &date,
        date_published: &date,
        description: (!a.summary.is_empty()).then_some(a.summary.as_str()),
        headline: &a.title,
        image: image.map(|img| [img.url.as_str()]),
        in_language: &site.config.language,
        keywords,
        main_entity_of_page: &url,
        publisher: publisher(site),
        url: &url,
    })
}

/// JSON-LD shapes written straight to text (no `serde_json::Value` between).
/// Fields are in the order of their names, as a JSON object's keys were
/// written when these were values: the bytes are the same.
mod shape {
    use serde::Serialize;

    pub const CONTEXT: &str = "https://schema.org";

    #[derive(Serialize)]
    pub struct ListItem<'a> {
        #[serde(rename = "@type")]
        pub kind: &'static str,
        pub item: String,
        pub name: &'a str,
        pub position: usize,
    }

    #[derive(Serialize)]
    pub struct Breadcrumbs<'a> {
        #[serde(rename = "@context")]
        pub context: &'static str,
        #[serde(rename = "@type")]
        pub kind: &'static str,
        #[serde(rename = "itemListElement")]
        pub items: Vec<ListItem<'a>>,
    }

    #[derive(Serialize)]
    pub struct Logo {
        #[serde(rename = "@type")]
        pub kind: &'static str,
        pub url: String,
    }

    #[derive(Serialize)]
    pub struct Organization<'a> {
        #[serde(rename = "@type")]
        pub kind: &'static str,
        pub logo: Logo,
        pub name: &'a str,
        pub url: String,
    }

    #[derive(Serialize)]
    pub struct Person<'a> {
        #[serde(rename = "@type")]
        pub kind: &'static str,
        pub name: &'a str,
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    pub enum Author<'a> {
        Organization(Organization<'a>),
        Person(Person<'a>),
    }

    #[derive(Serialize)]
    pub struct NewsArticle<'a> {
        #[serde(rename = "@context")]
        pub context: &'static str,
        #[serde(rename = "@type")]
        pub kind: &'static str,
        #[serde(rename = "articleSection")]
        pub article_section: &'a str,
        pub author: [Author<'a>; 1],
        #[serde(rename = "dateModified")]
        pub date_modified: &'a str,
        #[serde(rename = "datePublished")]
        pub date_published: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub description: Option<&'a str>,
        pub headline: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub image: Option<[&'a str; 1]>,
        #[serde(rename = "inLanguage")]
        pub in_language: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub keywords: Option<String>,
        #[serde(rename = "mainEntityOfPage")]
        pub main_entity_of_page: &'a str,
        pub publisher: Organization<'a>,
        pub url: &'a str,
    }
}

/// `Dataset` of a dataset's main page; `charts`: its chart files (address,
/// media type), listed after the CSV and JSON downloads.
pub fn dataset(
    site: &Site,
    ds: &Dataset,
    description: &str,
    charts: &[(String, &'static str)],
) -> String {
    let creators: Vec<Value> = ds
        .sources
        .iter()
        .map(|s| {
            let mut c = json!({ "@type": "Organization", "name": s.name });
            if let Some(u) = &s.url {
                c["url"] = json!(u);
            }
            c
        })
        .collect();
    let places: Vec<Value> = ds
        .units
        .iter()
        .map(|u| json!({ "@type": "Place", "name": u.name }))
        .collect();
    let years: Vec<i32> = ds.years.iter().map(|y| y.year).collect();
    let coverage = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}/{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    let downloads = [
        (urls::dataset_csv_url(&ds.slug), "text/csv"),
        (urls::dataset_json_url(&ds.slug), "application/json"),
    ];
    let distribution: Vec<Value> = downloads
        .iter()
        .chain(charts)
        .map(|(f, mime)| json!({ "@type": "DataDownload", "encodingFormat": mime, "contentUrl": site.absolute(f) }))
        .collect();
    ld(&json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": ds.title,
        "description": description,
        "url": site.absolute(&urls::dataset_url(&ds.slug)),
        "creator": creators,
        "temporalCoverage": coverage,
        "spatialCoverage": places,
        "distribution": distribution,
        "isAccessibleForFree": true,
        "inLanguage": site.config.language,
    }))
}

/// ` – Trang n` after page 1.
pub fn page_suffix(page: usize) -> String {
    if page > 1 {
        format!(" – Trang {page}")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script() {
        let s = ld(&json!({ "headline": "</script><script>alert(1)</script> & co" }));
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&'),
            "{s}"
        );
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["headline"], "</script><script>alert(1)</script> & co");
    }

    #[test]
    fn descriptions_are_one_line_and_bounded() {
        assert_eq!(one_line(" a\n  b "), "a b");
        let long = "từ ".repeat(200);
        let d = one_line(&long);
        assert!(d.chars().count() <= 201 && d.ends_with('…'));
    }
}
