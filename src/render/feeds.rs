//! RSS feed and sitemap. Every string is escaped for XML.

use crate::model::site::Site;
use crate::output::sink::OutputFile;
use crate::util::text::escape_html;
use std::fmt::Write as _;

pub const FEED_ITEMS: usize = 30;

pub fn rss(site: &Site) -> OutputFile {
    let mut x = String::with_capacity(16 * 1024);
    let c = &site.config;
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n<atom:link href=\"{}rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape_html(&c.title),
        escape_html(&c.base_url),
        escape_html(&c.description),
        escape_html(&c.language),
        escape_html(&c.base_url),
    );
    for e in site.articles.iter().take(FEED_ITEMS) {
        let a = &e.article;
        let link = site.absolute(&e.url);
        let _ = write!(
            x,
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid>{}</guid>\n<pubDate>{}</pubDate>\n<description>{}</description>\n</item>\n",
            escape_html(&a.title),
            escape_html(&link),
            escape_html(&link),
            a.date.rfc822(),
            escape_html(&a.summary),
        );
    }
    x.push_str("</channel>\n</rss>\n");
    OutputFile {
        path: "rss.xml".into(),
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
    for p in paths {
        let url = p.trim_end_matches("index.html");
        let _ = writeln!(
            x,
            "<url><loc>{}</loc></url>",
            escape_html(&site.absolute(url))
        );
    }
    x.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".into(),
        bytes: x.into_bytes(),
    }
}
