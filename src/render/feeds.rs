//! RSS feed, sitemap and robots.txt. Every string is escaped for XML. Dates
//! come from the content (never the clock), so output stays deterministic.

use crate::model::site::Site;
use crate::model::urls::{self, ROBOTS_PATH, RSS_PATH, SITEMAP_PATH};
use crate::output::sink::OutputFile;
use crate::util::text::escape_html;
use std::fmt::Write as _;

pub const FEED_ITEMS: usize = 30;

/// A string as XML text: escaped, and without any character XML 1.0 cannot
/// hold (the loaders refuse them; this keeps the feed well-formed whatever
/// gets past them).
fn xml_text(s: &str) -> String {
    let kept: std::borrow::Cow<'_, str> = if s.contains(crate::load::yaml::is_forbidden_char) {
        s.chars()
            .filter(|c| !crate::load::yaml::is_forbidden_char(*c))
            .collect::<String>()
            .into()
    } else {
        s.into()
    };
    escape_html(&kept).into_owned()
}

pub fn rss(site: &Site) -> OutputFile {
    let mut x = String::with_capacity(16 * 1024);
    let c = &site.config;
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n<atom:link href=\"{}{RSS_PATH}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        xml_text(&c.title),
        xml_text(&c.base_url),
        xml_text(&c.description),
        xml_text(&c.language),
        xml_text(&c.base_url),
    );
    // The feed changed when its newest item did: not the build's clock.
    if let Some(e) = site.articles.first() {
        let _ = writeln!(
            x,
            "<lastBuildDate>{}</lastBuildDate>",
            e.article.date.rfc822()
        );
    }
    for e in site.articles.iter().take(FEED_ITEMS) {
        let a = &e.article;
        let link = site.absolute(&e.url);
        let _ = write!(
            x,
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid>{}</guid>\n<pubDate>{}</pubDate>\n<category>{}</category>\n",
            xml_text(&a.title),
            xml_text(&link),
            xml_text(&link),
            a.date.rfc822(),
            xml_text(&site.categories[e.category].name),
        );
        if !a.author.trim().is_empty() {
            // RSS's <author> is an address: the editors' email with the
            // byline; without an email, Dublin Core's creator.
            if c.contact.email.is_empty() {
                let _ = writeln!(x, "<dc:creator>{}</dc:creator>", xml_text(&a.author));
            } else {
                let _ = writeln!(
                    x,
                    "<author>{} ({})</author>",
                    xml_text(&c.contact.email),
                    xml_text(&a.author)
                );
            }
        }
        let _ = write!(
            x,
            "<description>{}</description>\n</item>\n",
            xml_text(&a.summary)
        );
    }
    x.push_str("</channel>\n</rss>\n");
    OutputFile {
        path: RSS_PATH.into(),
        bytes: x.into_bytes(),
    }
}

/// Sitemap of every page written (`…/index.html`; not 404).
pub fn sitemap<'a>(site: &Site, paths: impl Iterator<Item = &'a str>) -> OutputFile {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    // Pages only: not the 404 page, nor the redirect pages of old addresses.
    let redirects: std::collections::HashSet<&str> =
        site.aliases.iter().map(|a| a.path.as_str()).collect();
    let mut paths: Vec<&str> = paths
        .filter(|p| p.ends_with(".html") && *p != "404.html" && !redirects.contains(p))
        .collect();
    paths.sort_unstable();
    paths.dedup();
    let dates = lastmod_dates(site);
    for p in paths {
        let url = p.trim_end_matches("index.html");
        let path = format!("/{url}");
        match dates.get(path.as_str()) {
            Some(d) => {
                let _ = writeln!(
                    x,
                    "<url><loc>{}</loc><lastmod>{d}</lastmod></url>",
                    escape_html(&site.absolute(url))
                );
            }
            None => {
                let _ = writeln!(
                    x,
                    "<url><loc>{}</loc></url>",
                    escape_html(&site.absolute(url))
                );
            }
        }
    }
    x.push_str("</urlset>\n");
    OutputFile {
        path: SITEMAP_PATH.into(),
        bytes: x.into_bytes(),
    }
}

/// Last change of each page whose content has a date: an article's date;
/// a list page's newest article (each page of it). Pages without a date
/// (plain pages, data pages) get no `<lastmod>`.
fn lastmod_dates(site: &Site) -> std::collections::HashMap<String, String> {
    let mut m = std::collections::HashMap::new();
    for e in &site.articles {
        m.insert(e.url.clone(), e.article.date.rfc3339());
    }
    let per = site.config.articles_per_page.max(1);
    let terms = std::iter::once(&site.home)
        .chain(&site.categories)
        .chain(&site.tags);
    for t in terms {
        for (k, chunk) in t.articles.chunks(per).enumerate() {
            let newest = chunk
                .iter()
                .min()
                .map(|&i| site.articles[i].article.date.rfc3339());
            if let Some(d) = newest {
                m.insert(urls::paginate_url(&t.url, k + 1), d);
            }
        }
    }
    m
}

/// `robots.txt`: everything may be crawled; where the sitemap is.
pub fn robots(site: &Site) -> OutputFile {
    OutputFile {
        path: ROBOTS_PATH.into(),
        bytes: format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            site.absolute(SITEMAP_PATH)
        )
        .into_bytes(),
    }
}
