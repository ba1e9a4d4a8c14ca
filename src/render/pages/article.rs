//! Article pages: the seed's anatomy (date line, sapo, captioned image,
//! author, category and tags, related articles, closed comments).

use crate::model::urls::index_path;
use crate::render::meta::{self, Meta};
use crate::render::pages::{JobOutput, missing_template};
use crate::render::renderer::{Link, Renderer, Shared};
use crate::render::splice::{CONTENT_TOKEN, splice};
use serde::Serialize;
use tera::Value;

/// The `article` value templates see (serialised straight into the
/// template's value, with no JSON value between).
#[derive(Serialize)]
struct ArticleValue<'a> {
    title: &'a str,
    url: String,
    permalink: String,
    date_line: String,
    date_iso: String,
    date_short: String,
    author: &'a str,
    summary: &'a str,
    image: Option<String>,
    image_caption: Option<&'a str>,
    image_width: Option<u32>,
    image_height: Option<u32>,
    image_html: Option<String>,
    category: Link<'a>,
    tags: Vec<Link<'a>>,
    content: &'static str,
}

pub fn article(r: &Renderer, shared: &Shared, i: usize, body: &str) -> JobOutput {
    let site = r.site;
    let e = &site.articles[i];
    let a = &e.article;
    let cat = &site.categories[e.category];
    let tags: Vec<Link> = e
        .tags
        .iter()
        .map(|&t| Link {
            name: &site.tags[t].name,
            url: r.url(&site.tags[t].url),
        })
        .collect();
    let mut ctx = r.context();
    ctx.insert(
        "article",
        &ArticleValue {
            title: &a.title,
            url: r.url(&e.url),
            permalink: site.absolute(&e.url),
            date_line: a.date.date_line(),
            date_iso: a.date.rfc3339(),
            date_short: a.date.short_date(),
            author: &a.author,
            summary: &a.summary,
            image: a.image.as_ref().map(|u| match site.images.replaced(u) {
                Some(j) => r.url(&format!("/{j}")),
                None if u.starts_with('/') => r.url(u),
                None => u.clone(),
            }),
            image_caption: a.image_caption.as_deref(),
            image_width: e.image_size.map(|s| s.0),
            image_height: e.image_size.map(|s| s.1),
            // The lead photo as a <picture> (WebP, JPEG), when it is resized.
            image_html: a.image.as_deref().and_then(|u| {
                crate::render::picture::lead(r, u, a.image_caption.as_deref().unwrap_or(""))
            }),
            category: Link {
                name: &cat.name,
                url: r.url(&cat.url),
            },
            tags,
            content: CONTENT_TOKEN,
        },
    );
    let related: Vec<Value> = e.related.iter().map(|&j| shared.teaser(r, j)).collect();
    ctx.insert_value("related", Value::from(related));
    // The menu marks the article's category as the current section.
    ctx.insert("section", &r.url(&cat.url));
    // Shares show the article's own image: the 1200×630 card cut from a
    // resized photo, else the file itself; SVG, which Facebook and Zalo do
    // not show, falls back to the site's share image.
    let alt = a.image_caption.as_deref().unwrap_or(&a.title);
    let image = a
        .image
        .as_deref()
        .and_then(|u| meta::share_card(site, u, a.image_focus, alt))
        .or_else(|| {
            a.image
                .as_deref()
                .filter(|u| !u.to_ascii_lowercase().ends_with(".svg"))
                .map(|u| meta::image(site, u, alt, e.image_size))
        })
        .or_else(|| meta::share_image(site));
    // No photo of its own: the article shares its first chart's card.
    let image = meta::chart_fallback(site, image, || {
        meta::first_chart_card(site, &r.prefix, body)
    });
    let description = if a.summary.is_empty() {
        format!("{} – {}, {}", a.title, cat.name, a.date.short_date())
    } else {
        a.summary.clone()
    };
    let mut m = Meta::titled(site, &a.title, description, &e.url);
    m.og_type = "article";
    m.image = image;
    m.jsonld.push(meta::news_article(site, i, m.image.as_ref()));
    m.jsonld.push(meta::breadcrumbs(
        site,
        &[
            (cat.name.as_str(), cat.url.as_str()),
            (a.title.as_str(), e.url.as_str()),
        ],
    ));
    ctx.insert("meta", &m);
    let template = a
        .template
        .as_ref()
        .map(|t| t.0.as_str())
        .unwrap_or("article.html");
    let rendered = r
        .render(template, &ctx)
        .map(|b| {
            let known = a.image.as_deref().zip(e.image_size);
            let body = crate::render::picture::body_images(r, body, known);
            splice(b, &crate::charts::sources_once(&body))
        })
        .map_err(|d| missing_template(r, d, template, "article.html", &a.source, &a.template));
    JobOutput::file(index_path(&e.url), rendered)
}
