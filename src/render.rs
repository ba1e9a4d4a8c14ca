//! Render stage: turn the immutable `Site` into output files, in parallel.
//!
//! Work is a list of `Job`s (one per output page); `render_site` runs all of
//! them, `serve` runs only those an edit affects. Each page gets a small
//! context built from precomputed values (teasers are built once and shared
//! by reference-counted tera values), never the whole site.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::site::{PAGE_SEGMENT, Site, Term};
use crate::theme::{Theme, tera_diagnostic};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tera::{Context, Value};

/// One file of the finished site; `path` is relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where an internal link was written, for the link check.
#[derive(Debug, Clone)]
pub struct LinkRef {
    pub url: String,
    pub file: PathBuf,
    pub line: usize,
}

#[derive(Default)]
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub links: Vec<LinkRef>,
    pub charts: usize,
}

#[derive(Serialize)]
pub struct Link<'a> {
    pub name: &'a str,
    pub url: String,
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
    /// A gap (…) comes before this number.
    gap_before: bool,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    /// First, last and the two either side of the current page.
    pages: Vec<PageNo>,
}

/// Options that change what is rendered, not what is read.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A snippet injected before `</body>` (serve's live reload).
    pub live_reload: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKind {
    Home,
    Category,
    Tag,
}

/// One output page (or group of files) to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Job {
    Article(usize),
    List(ListKind, usize, usize),
    Page(usize),
    NotFound,
    Feed,
    Assets,
    Static,
    /// Dataset pages and chart files (see `datapages`).
    Data(usize),
    /// The `/chi-so/` list of datasets.
    DataIndex,
}

pub struct Renderer<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub prefix: String,
    /// Charts drawn so far, reused by every page that shows them.
    pub charts: crate::report::ChartCache,
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

pub fn paginate_url(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}{PAGE_SEGMENT}/{n}/")
    }
}

impl<'a> Renderer<'a> {
    /// Set up the theme's global context (`site`) and a renderer.
    pub fn new(site: &'a Site, theme: &'a mut Theme, opts: &RenderOptions) -> Self {
        let prefix = site.url_prefix().to_string();
        let css_hash = theme
            .assets
            .get("style.css")
            .map(|b| format!("{:08x}", fnv1a(b) as u32))
            .unwrap_or_default();
        let link = |url: &str| {
            if url.starts_with('/') {
                format!("{prefix}{url}")
            } else {
                url.to_string()
            }
        };
        let menu: Vec<Link> = site
            .config
            .menu
            .iter()
            .map(|m| Link {
                name: &m.name,
                url: link(&m.url),
            })
            .collect();
        let datasets: Vec<Link> = crate::report::dataset_links(site)
            .into_iter()
            .map(|(name, url)| Link {
                name,
                url: link(&url),
            })
            .collect();
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
            charts: Default::default(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.prefix, path)
    }

    pub fn render(&self, template: &str, ctx: &Context) -> Result<String, Diagnostic> {
        self.theme
            .tera
            .render(template, ctx)
            .map_err(|e| tera_diagnostic(&e, &self.theme.sources))
    }

    pub fn teaser(&self, i: usize) -> Value {
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

    /// Markdown (with shortcodes) to HTML. Shortcodes are numbered per page
    /// so chart ids are unique on the page.
    pub fn markdown(&self, body: &str, file: &Path, line_offset: usize) -> markdown::Rendered {
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

    pub fn article_body(&self, i: usize) -> markdown::Rendered {
        let a = &self.site.articles[i].article;
        self.markdown(&a.body, &a.source, a.body_line_offset)
    }
}

/// Precomputed values shared by many pages.
pub struct Shared {
    pub bodies: Vec<Arc<markdown::Rendered>>,
    pub teasers: Vec<Value>,
    pub headline: String,
}

impl Shared {
    pub fn compute(r: &Renderer) -> Shared {
        Self::with_cache(r, |_| None)
    }

    /// Like `compute`, reusing the Markdown bodies `cached` returns.
    pub fn with_cache(
        r: &Renderer,
        cached: impl Fn(usize) -> Option<Arc<markdown::Rendered>> + Sync,
    ) -> Shared {
        let n = r.site.articles.len();
        Shared {
            bodies: (0..n)
                .into_par_iter()
                .map(|i| cached(i).unwrap_or_else(|| Arc::new(r.article_body(i))))
                .collect(),
            teasers: (0..n).into_par_iter().map(|i| r.teaser(i)).collect(),
            headline: crate::report::headline(r),
        }
    }
}

/// Every job of a full build, in a fixed order.
pub fn all_jobs(site: &Site) -> Vec<Job> {
    let per = site.config.articles_per_page.max(1);
    let pages = |t: &Term| t.articles.len().div_ceil(per).max(1);
    let mut jobs: Vec<Job> = (0..site.articles.len()).map(Job::Article).collect();
    for p in 1..=pages(&site.home) {
        jobs.push(Job::List(ListKind::Home, 0, p));
    }
    for (i, c) in site.categories.iter().enumerate() {
        for p in 1..=pages(c) {
            jobs.push(Job::List(ListKind::Category, i, p));
        }
    }
    for (i, t) in site.tags.iter().enumerate() {
        for p in 1..=pages(t) {
            jobs.push(Job::List(ListKind::Tag, i, p));
        }
    }
    jobs.extend((0..site.pages.len()).map(Job::Page));
    jobs.extend((0..site.datasets.len()).map(Job::Data));
    if !site.datasets.is_empty() {
        jobs.push(Job::DataIndex);
    }
    jobs.extend([Job::NotFound, Job::Feed, Job::Assets, Job::Static]);
    jobs
}

/// Result of one job.
#[derive(Default)]
pub struct JobOutput {
    pub files: Vec<OutputFile>,
    pub links: Vec<LinkRef>,
    pub charts: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl JobOutput {
    fn file(path: String, r: Result<String, Diagnostic>) -> JobOutput {
        match r {
            Ok(html) => JobOutput {
                files: vec![OutputFile {
                    path,
                    bytes: html.into_bytes(),
                }],
                ..Default::default()
            },
            Err(d) => JobOutput {
                diagnostics: vec![d],
                ..Default::default()
            },
        }
    }
}

fn links_of(body: &markdown::Rendered, file: &Path) -> Vec<LinkRef> {
    body.links
        .iter()
        .map(|(url, line)| LinkRef {
            url: url.clone(),
            file: file.to_path_buf(),
            line: *line,
        })
        .collect()
}

pub fn run_job(r: &Renderer, shared: &Shared, job: Job) -> JobOutput {
    let site = r.site;
    match job {
        Job::Article(i) => {
            let mut out = article(r, shared, i);
            let body = &shared.bodies[i];
            out.diagnostics.extend(body.diagnostics.iter().cloned());
            out.links
                .extend(links_of(body, &site.articles[i].article.source));
            out
        }
        Job::List(kind, term, page) => {
            let t = match kind {
                ListKind::Home => &site.home,
                ListKind::Category => &site.categories[term],
                ListKind::Tag => &site.tags[term],
            };
            list(r, shared, kind, t, page)
        }
        Job::Page(i) => {
            let p = &site.pages[i];
            let body = r.markdown(&p.page.body, &p.page.source, p.page.body_line_offset);
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
            let rendered = r.render(template, &ctx).map_err(|d| {
                missing_template(
                    r,
                    d,
                    template,
                    "page.html",
                    &p.page.source,
                    &p.page.template,
                )
            });
            let mut out = JobOutput::file(index_path(&p.url), rendered);
            out.diagnostics.extend(body.diagnostics.iter().cloned());
            out.links.extend(links_of(&body, &p.page.source));
            out
        }
        Job::NotFound => JobOutput::file("404.html".into(), r.render("404.html", &Context::new())),
        Job::Feed => JobOutput {
            files: vec![crate::feeds::rss(site)],
            ..Default::default()
        },
        Job::Assets => JobOutput {
            files: r
                .theme
                .assets
                .iter()
                .map(|(name, bytes)| OutputFile {
                    path: format!("assets/{name}"),
                    bytes: bytes.clone(),
                })
                .collect(),
            ..Default::default()
        },
        Job::Static => {
            let mut out = JobOutput::default();
            for (abs, url) in &site.static_files {
                match std::fs::read(abs) {
                    Ok(b) => out.files.push(OutputFile {
                        path: url.clone(),
                        bytes: b,
                    }),
                    Err(e) => out.diagnostics.push(crate::content::io_error(abs, &e)),
                }
            }
            out
        }
        Job::Data(d) => crate::datapages::dataset_job(r, shared, d),
        Job::DataIndex => crate::datapages::index_job(r),
    }
}

/// A template named in front matter that does not exist is reported at the
/// `template:` line of the content file, not as a theme error.
fn missing_template(
    r: &Renderer,
    d: Diagnostic,
    template: &str,
    default: &str,
    source: &Path,
    given: &Option<(String, crate::content::Loc)>,
) -> Diagnostic {
    if template != default && !r.theme.tera.contains_template(template) {
        let loc = given.as_ref().map(|t| t.1.clone()).unwrap_or_default();
        Diagnostic::error(
            crate::codes::MISSING_TEMPLATE,
            source,
            format!("template `{template}` does not exist"),
        )
        .at(loc.line, loc.col)
        .hint("add it to themes/<theme>/templates/, or remove `template:`")
    } else {
        d
    }
}

fn article(r: &Renderer, shared: &Shared, i: usize) -> JobOutput {
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
            "image": a.image.as_ref().map(|u| if u.starts_with('/') { r.url(u) } else { u.clone() }),
            "image_caption": a.image_caption,
            "category": Link { name: &cat.name, url: r.url(&cat.url) },
            "tags": tags,
            "content": shared.bodies[i].html,
        }),
    );
    let related: Vec<Value> = e
        .related
        .iter()
        .map(|&j| shared.teasers[j].clone())
        .collect();
    ctx.insert_value("related", Value::from(related));
    let template = a
        .template
        .as_ref()
        .map(|t| t.0.as_str())
        .unwrap_or("article.html");
    let rendered = r
        .render(template, &ctx)
        .map_err(|d| missing_template(r, d, template, "article.html", &a.source, &a.template));
    JobOutput::file(index_path(&e.url), rendered)
}

fn pagination(r: &Renderer, base: &str, page: usize, total: usize) -> Pagination {
    let mut shown: Vec<usize> = vec![1, total];
    shown.extend(page.saturating_sub(2).max(1)..=(page + 2).min(total));
    shown.sort_unstable();
    shown.dedup();
    let mut prev_n = 0;
    Pagination {
        current: page,
        total,
        prev: (page > 1).then(|| r.url(&paginate_url(base, page - 1))),
        next: (page < total).then(|| r.url(&paginate_url(base, page + 1))),
        pages: shown
            .into_iter()
            .map(|n| {
                let p = PageNo {
                    number: n,
                    url: r.url(&paginate_url(base, n)),
                    current: n == page,
                    gap_before: prev_n != 0 && n > prev_n + 1,
                };
                prev_n = n;
                p
            })
            .collect(),
    }
}

fn list(r: &Renderer, shared: &Shared, kind: ListKind, term: &Term, page: usize) -> JobOutput {
    let per = r.site.config.articles_per_page.max(1);
    let total = term.articles.len().div_ceil(per).max(1);
    let from = ((page - 1) * per).min(term.articles.len());
    let to = (page * per).min(term.articles.len());
    let items: Vec<Value> = term.articles[from..to]
        .iter()
        .map(|&i| shared.teasers[i].clone())
        .collect();
    let mut ctx = Context::new();
    ctx.insert_value("articles", Value::from(items));
    ctx.insert("pagination", &pagination(r, &term.url, page, total));
    let kind_name = match kind {
        ListKind::Home => "home",
        ListKind::Category => "category",
        ListKind::Tag => "tag",
    };
    ctx.insert(
        "list",
        &serde_json::json!({ "title": term.name, "kind": kind_name, "url": r.url(&term.url) }),
    );
    let template = if kind == ListKind::Home {
        ctx.insert("headline", &shared.headline);
        "index.html"
    } else {
        "list.html"
    };
    JobOutput::file(
        index_path(&paginate_url(&term.url, page)),
        r.render(template, &ctx),
    )
}

/// Run jobs in parallel; outputs come back in job order.
pub fn run_jobs(r: &Renderer, shared: &Shared, jobs: &[Job]) -> (Rendered, Diagnostics) {
    let outs: Vec<JobOutput> = jobs.par_iter().map(|&j| run_job(r, shared, j)).collect();
    let mut rendered = Rendered::default();
    let mut diags = Diagnostics::new();
    for o in outs {
        rendered.files.extend(o.files);
        rendered.links.extend(o.links);
        rendered.charts += o.charts;
        diags.extend(o.diagnostics);
    }
    (rendered, diags)
}

/// Render everything. Errors from every page are collected.
pub fn render_site(
    site: &Site,
    theme: &mut Theme,
    opts: &RenderOptions,
) -> (Rendered, Diagnostics) {
    let r = Renderer::new(site, theme, opts);
    let shared = Shared::compute(&r);
    let jobs = all_jobs(site);
    let (mut rendered, diags) = run_jobs(&r, &shared, &jobs);
    rendered
        .files
        .push(crate::feeds::sitemap(site, &rendered.files));
    rendered.files.sort_by(|a, b| a.path.cmp(&b.path));
    (rendered, diags)
}
