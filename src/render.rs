//! Render stage: turn the immutable `Site` into output files, in parallel.
//! Each page gets a small context (references into precomputed values),
//! never the whole site.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::site::{PAGE_SEGMENT, Site, Term};
use crate::theme::{Theme, tera_diagnostic};
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;
use tera::{Context, Value};

/// One file of the finished site; `path` is relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where an internal link was written, for `check`.
#[derive(Debug, Clone)]
pub struct LinkRef {
    pub url: String,
    pub file: std::path::PathBuf,
    pub line: usize,
}

#[derive(Default)]
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub links: Vec<LinkRef>,
    pub charts: usize,
}

#[derive(Serialize)]
struct Link<'a> {
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Teaser<'a> {
    title: &'a str,
    url: String,
    date_short: String,
    date_iso: String,
    summary: &'a str,
    image: Option<&'a str>,
    image_caption: Option<&'a str>,
    category: Link<'a>,
}

#[derive(Serialize)]
struct PageNo {
    number: usize,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageNo>,
}

/// Options that change what is rendered, not what is read.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A snippet injected before `</body>` (serve's live reload).
    pub live_reload: String,
}

pub struct Renderer<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub prefix: String,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, theme: &'a mut Theme, opts: &RenderOptions) -> Self {
        let prefix = site.url_prefix().to_string();
        let css_hash = theme
            .assets
            .get("style.css")
            .map(|b| format!("{:08x}", fnv1a(b) as u32))
            .unwrap_or_default();
        let menu: Vec<Link> = site
            .config
            .menu
            .iter()
            .map(|m| Link {
                name: &m.name,
                url: if m.url.starts_with('/') {
                    format!("{prefix}{}", m.url)
                } else {
                    m.url.clone()
                },
            })
            .collect();
        let datasets: Vec<Link> = Vec::new();
        let g = theme.tera.global_context();
        g.insert(
            "site",
            &serde_json::json!({
                "title": site.config.title,
                "description": site.config.description,
                "base_url": site.config.base_url,
                "base_path": prefix,
                "language": site.config.language,
                "copyright": site.config.copyright,
                "menu": menu,
                "datasets": datasets,
                "css_url": format!("{prefix}/assets/style.css?v={css_hash}"),
                "live_reload": opts.live_reload,
            }),
        );
        Renderer {
            site,
            theme,
            prefix,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.prefix, path)
    }

    fn render(&self, template: &str, ctx: &Context) -> Result<String, Diagnostic> {
        self.theme
            .tera
            .render(template, ctx)
            .map_err(|e| tera_diagnostic(&e, &self.theme.sources))
    }

    fn teaser(&self, i: usize) -> Value {
        let e = &self.site.articles[i];
        let a = &e.article;
        let cat = &self.site.categories[e.category];
        Value::from_serializable(&Teaser {
            title: &a.title,
            url: self.url(&e.url),
            date_short: a.date.short_date(),
            date_iso: a.date.rfc3339(),
            summary: &a.summary,
            image: a.image.as_deref(),
            image_caption: a.image_caption.as_deref(),
            category: Link {
                name: &cat.name,
                url: self.url(&cat.url),
            },
        })
    }

    fn markdown(&self, body: &str, file: &Path, line_offset: usize) -> markdown::Rendered {
        let counter = std::cell::Cell::new(0usize);
        let handler = |call: &crate::shortcodes::Call| {
            let n = counter.get();
            counter.set(n + 1);
            crate::report::shortcode(self, call, n)
        };
        let ctx = markdown::Context {
            file,
            line_offset,
            raw_html: self.site.config.markdown.raw_html,
            shortcode: &handler,
        };
        markdown::render(body, &ctx)
    }
}

fn fnv1a(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// `/x/` → `x/index.html`
pub fn index_path(url: &str) -> String {
    let t = url.trim_matches('/');
    if t.is_empty() {
        "index.html".to_string()
    } else {
        format!("{t}/index.html")
    }
}

fn paginate_url(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}{PAGE_SEGMENT}/{n}/")
    }
}

/// Render everything. Errors from every page are collected.
pub fn render_site(
    site: &Site,
    theme: &mut Theme,
    opts: &RenderOptions,
) -> (Rendered, Diagnostics) {
    let r = Renderer::new(site, theme, opts);
    let mut diags = Diagnostics::new();
    let mut out = Rendered::default();

    // Article bodies (Markdown + shortcodes), in parallel.
    let bodies: Vec<markdown::Rendered> = site
        .articles
        .par_iter()
        .map(|e| {
            r.markdown(
                &e.article.body,
                &e.article.source,
                e.article.body_line_offset,
            )
        })
        .collect();
    let teasers: Vec<Value> = (0..site.articles.len())
        .into_par_iter()
        .map(|i| r.teaser(i))
        .collect();

    // Article pages.
    let pages: Vec<Result<OutputFile, Diagnostic>> = site
        .articles
        .par_iter()
        .zip(bodies.par_iter())
        .map(|(e, body)| {
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
            let mut ctx = Context::new();
            ctx.insert(
                "article",
                &serde_json::json!({
                    "title": a.title,
                    "url": r.url(&e.url),
                    "permalink": site.absolute(&e.url),
                    "date_line": a.date.date_line(),
                    "date_iso": a.date.rfc3339(),
                    "date_short": a.date.short_date(),
                    "author": a.author,
                    "summary": a.summary,
                    "image": a.image,
                    "image_caption": a.image_caption,
                    "category": Link { name: &cat.name, url: r.url(&cat.url) },
                    "tags": tags,
                    "content": body.html,
                }),
            );
            let related: Vec<Value> = e.related.iter().map(|&i| teasers[i].clone()).collect();
            ctx.insert_value("related", Value::from(related));
            let template = a
                .template
                .as_ref()
                .map(|t| t.0.as_str())
                .unwrap_or("article.html");
            let html = r.render(template, &ctx).map_err(|d| {
                if template != "article.html" && !r.theme.tera.contains_template(template) {
                    let loc = a.template.as_ref().map(|t| t.1.clone()).unwrap_or_default();
                    Diagnostic::error(
                        crate::codes::MISSING_TEMPLATE,
                        a.source.clone(),
                        format!("template `{template}` does not exist"),
                    )
                    .at(loc.line, loc.col)
                    .hint("add it to themes/<theme>/templates/, or remove `template:`")
                } else {
                    d
                }
            })?;
            Ok(OutputFile {
                path: index_path(&e.url),
                bytes: html.into_bytes(),
            })
        })
        .collect();
    for (p, body) in pages.into_iter().zip(&bodies) {
        match p {
            Ok(f) => out.files.push(f),
            Err(d) => diags.push(d),
        }
        diags.extend(body.diagnostics.iter().cloned());
    }
    for (e, body) in site.articles.iter().zip(&bodies) {
        for (url, line) in &body.links {
            out.links.push(LinkRef {
                url: url.clone(),
                file: e.article.source.clone(),
                line: *line,
            });
        }
    }

    // Lists: home, categories, tags.
    let all: Vec<usize> = (0..site.articles.len()).collect();
    let home = Term {
        name: site.config.title.clone(),
        slug: String::new(),
        url: "/".into(),
        articles: all,
    };
    let mut jobs: Vec<(&Term, &'static str, usize)> = Vec::new();
    let per = site.config.articles_per_page.max(1);
    add_jobs(&home, "home", per, &mut jobs);
    for c in &site.categories {
        add_jobs(c, "category", per, &mut jobs);
    }
    for t in &site.tags {
        add_jobs(t, "tag", per, &mut jobs);
    }
    let headline = crate::report::headline(&r);
    let lists: Vec<Result<OutputFile, Diagnostic>> = jobs
        .par_iter()
        .map(|&(term, kind, page)| {
            let total = term.articles.len().div_ceil(per).max(1);
            let slice = &term.articles[((page - 1) * per).min(term.articles.len())
                ..(page * per).min(term.articles.len())];
            let items: Vec<Value> = slice.iter().map(|&i| teasers[i].clone()).collect();
            let pagination = Pagination {
                current: page,
                total,
                prev: (page > 1).then(|| r.url(&paginate_url(&term.url, page - 1))),
                next: (page < total).then(|| r.url(&paginate_url(&term.url, page + 1))),
                pages: (1..=total)
                    .map(|n| PageNo {
                        number: n,
                        url: r.url(&paginate_url(&term.url, n)),
                        current: n == page,
                    })
                    .collect(),
            };
            let mut ctx = Context::new();
            ctx.insert_value("articles", Value::from(items));
            ctx.insert("pagination", &pagination);
            ctx.insert(
                "list",
                &serde_json::json!({ "title": term.name, "kind": kind, "url": r.url(&term.url) }),
            );
            let template = if kind == "home" {
                ctx.insert("headline", &headline);
                "index.html"
            } else {
                "list.html"
            };
            let html = r.render(template, &ctx)?;
            Ok(OutputFile {
                path: index_path(&paginate_url(&term.url, page)),
                bytes: html.into_bytes(),
            })
        })
        .collect();
    for l in lists {
        match l {
            Ok(f) => out.files.push(f),
            Err(d) => diags.push(d),
        }
    }

    // Plain pages.
    for p in &site.pages {
        let body = r.markdown(&p.page.body, &p.page.source, p.page.body_line_offset);
        diags.extend(body.diagnostics.iter().cloned());
        for (url, line) in &body.links {
            out.links.push(LinkRef {
                url: url.clone(),
                file: p.page.source.clone(),
                line: *line,
            });
        }
        let mut ctx = Context::new();
        ctx.insert(
            "page",
            &serde_json::json!({
                "title": p.page.title,
                "summary": p.page.summary,
                "url": r.url(&p.url),
                "content": body.html,
            }),
        );
        let template = p
            .page
            .template
            .as_ref()
            .map(|t| t.0.as_str())
            .unwrap_or("page.html");
        match r.render(template, &ctx) {
            Ok(html) => out.files.push(OutputFile {
                path: index_path(&p.url),
                bytes: html.into_bytes(),
            }),
            Err(d) => diags.push(d),
        }
    }

    // Index-data report pages and chart files.
    let (data_files, data_links, charts, data_diags) = crate::report::render_pages(&r);
    out.files.extend(data_files);
    out.links.extend(data_links);
    out.charts += charts;
    diags.extend(data_diags);

    // 404, feeds, sitemap, assets, static files.
    match r.render("404.html", &Context::new()) {
        Ok(html) => out.files.push(OutputFile {
            path: "404.html".into(),
            bytes: html.into_bytes(),
        }),
        Err(d) => diags.push(d),
    }
    out.files.push(crate::feeds::rss(site, &r));
    for (name, bytes) in &r.theme.assets {
        out.files.push(OutputFile {
            path: format!("assets/{name}"),
            bytes: bytes.clone(),
        });
    }
    for (abs, url) in &site.static_files {
        match std::fs::read(abs) {
            Ok(b) => out.files.push(OutputFile {
                path: url.clone(),
                bytes: b,
            }),
            Err(e) => diags.push(crate::content::io_error(abs, &e)),
        }
    }
    let sitemap = crate::feeds::sitemap(site, &out.files);
    out.files.push(sitemap);
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    (out, diags)
}

/// One job per page of a paginated list.
fn add_jobs<'t>(
    t: &'t Term,
    kind: &'static str,
    per: usize,
    jobs: &mut Vec<(&'t Term, &'static str, usize)>,
) {
    let n = t.articles.len().div_ceil(per).max(1);
    for p in 1..=n {
        jobs.push((t, kind, p));
    }
}
