//! Render stage: turn the immutable `Site` into output files, in parallel.
//!
//! Work is a list of `Job`s (one per output page); `render_site` runs all of
//! them, `serve` runs only those an edit affects. Each page gets a small
//! context built from precomputed values (teasers are built once and shared
//! by reference-counted tera values), never the whole site.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::sink::{CONTENT_TOKEN, splice};
pub use crate::sink::{Collect, Discard, Sink, find, ids_of};
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

/// What rendering produced, once the files themselves went to a `Sink`.
#[derive(Default)]
pub struct Rendered {
    /// Every output path, sorted; for HTML pages also the ids they define
    /// (newline-separated), for the anchor check.
    pub pages: Vec<(String, String)>,
    pub links: Vec<LinkRef>,
    pub charts: usize,
}

impl Rendered {
    pub fn html_pages(&self) -> usize {
        self.pages.iter().filter(|p| p.0.ends_with(".html")).count()
    }
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
    /// `partials/teaser.html` rendered for this article, once per build.
    html: Option<String>,
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

    /// Render a template to bytes (no UTF-8 re-validation of the output).
    pub fn render(&self, template: &str, ctx: &Context) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.theme
            .tera
            .render_to(template, ctx, &mut out)
            .map_err(|e| tera_diagnostic(&e, &self.theme.sources))?;
        Ok(out)
    }

    /// An article's teaser: its fields, and as `html` the theme's
    /// `partials/teaser.html` rendered once, so list pages and related boxes
    /// concatenate it instead of rendering it again (50,000 times for the
    /// related boxes of a 10,000-article site).
    pub fn teaser(&self, i: usize) -> Result<Value, Diagnostic> {
        let e = &self.site.articles[i];
        let a = &e.article;
        let cat = &self.site.categories[e.category];
        let mut t = Teaser {
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
            html: None,
        };
        if self.theme.tera.contains_template(TEASER) {
            let mut ctx = Context::new();
            ctx.insert_value("t", Value::from_serializable(&t));
            let html = self.render(TEASER, &ctx)?;
            t.html = Some(String::from_utf8_lossy(&html).into_owned());
        }
        Ok(Value::from_serializable(&t))
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
            prefix: &self.prefix,
        };
        markdown::render(body, &ctx)
    }

    pub fn article_body(&self, i: usize) -> markdown::Rendered {
        let a = &self.site.articles[i].article;
        self.markdown(&a.body, &a.source, a.body_line_offset)
    }
}

/// The partial each teaser is rendered with.
pub const TEASER: &str = "partials/teaser.html";

/// Precomputed values shared by many pages.
pub struct Shared {
    /// Markdown bodies computed ahead (serve keeps them between rebuilds);
    /// `None`: the article's page renders its body itself and drops it.
    pub bodies: Vec<Option<Arc<markdown::Rendered>>>,
    pub teasers: Vec<Value>,
    pub headline: String,
    /// Errors met while computing these (a broken teaser partial).
    pub diagnostics: Vec<Diagnostic>,
}

/// Teasers for every article; a failing partial is reported once.
fn teasers(
    r: &Renderer,
    cached: impl Fn(usize) -> Option<Value> + Sync,
) -> (Vec<Value>, Vec<Diagnostic>) {
    let all: Vec<Result<Value, Diagnostic>> = (0..r.site.articles.len())
        .into_par_iter()
        .map(|i| cached(i).map_or_else(|| r.teaser(i), Ok))
        .collect();
    let mut diags: Vec<Diagnostic> = Vec::new();
    let values = all
        .into_iter()
        .map(|t| {
            t.unwrap_or_else(|d| {
                if diags.is_empty() {
                    diags.push(d);
                }
                Value::none()
            })
        })
        .collect();
    (values, diags)
}

impl Shared {
    /// For a build: teasers and the headline; bodies are rendered by their pages.
    pub fn compute(r: &Renderer) -> Shared {
        let n = r.site.articles.len();
        let (teasers, diagnostics) = teasers(r, |_| None);
        Shared {
            bodies: vec![None; n],
            teasers,
            headline: crate::report::headline(r),
            diagnostics,
        }
    }

    /// Every body computed ahead, reusing the bodies and teasers the
    /// `cached_*` functions return (serve keeps them between rebuilds).
    pub fn with_cache(
        r: &Renderer,
        cached_body: impl Fn(usize) -> Option<Arc<markdown::Rendered>> + Sync,
        cached_teaser: impl Fn(usize) -> Option<Value> + Sync,
    ) -> Shared {
        let n = r.site.articles.len();
        let (teasers, diagnostics) = teasers(r, cached_teaser);
        Shared {
            bodies: (0..n)
                .into_par_iter()
                .map(|i| Some(cached_body(i).unwrap_or_else(|| Arc::new(r.article_body(i)))))
                .collect(),
            teasers,
            headline: crate::report::headline(r),
            diagnostics,
        }
    }

    pub fn body(&self, r: &Renderer, i: usize) -> Arc<markdown::Rendered> {
        match &self.bodies[i] {
            Some(b) => b.clone(),
            None => Arc::new(r.article_body(i)),
        }
    }
}

/// The template a job renders with (`None`: no template).
pub fn template_of(site: &Site, job: Job) -> Option<&str> {
    Some(match job {
        Job::Article(i) => site.articles[i]
            .article
            .template
            .as_ref()
            .map_or("article.html", |t| t.0.as_str()),
        Job::List(ListKind::Home, ..) => "index.html",
        Job::List(..) => "list.html",
        Job::Page(i) => site.pages[i]
            .page
            .template
            .as_ref()
            .map_or("page.html", |t| t.0.as_str()),
        Job::NotFound => "404.html",
        Job::Data(_) => "dataset.html",
        Job::DataIndex => "data_index.html",
        Job::Feed | Job::Assets | Job::Static => return None,
    })
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
    /// Files copied as they are: (source, output path).
    pub copies: Vec<(PathBuf, String)>,
    pub links: Vec<LinkRef>,
    pub charts: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl JobOutput {
    fn file(path: String, r: Result<Vec<u8>, Diagnostic>) -> JobOutput {
        match r {
            Ok(bytes) => JobOutput {
                files: vec![OutputFile { path, bytes }],
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
            let body = shared.body(r, i);
            let mut out = article(r, shared, i, &body.html);
            out.diagnostics.extend(body.diagnostics.iter().cloned());
            out.links
                .extend(links_of(&body, &site.articles[i].article.source));
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
        Job::Static => JobOutput {
            copies: site.static_files.clone(),
            ..Default::default()
        },
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

fn article(r: &Renderer, shared: &Shared, i: usize, body: &str) -> JobOutput {
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
            "content": CONTENT_TOKEN,
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
        .map(|b| splice(b, body))
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

/// Run jobs in parallel, handing every file to `sink` as soon as it is made.
pub fn run_jobs(
    r: &Renderer,
    shared: &Shared,
    jobs: &[Job],
    sink: &dyn Sink,
) -> (Rendered, Diagnostics) {
    let outs: Vec<(Vec<(String, String)>, JobOutput)> = jobs
        .par_iter()
        .map(|&j| {
            let mut o = run_job(r, shared, j);
            let mut written = Vec::with_capacity(o.files.len() + o.copies.len());
            for f in std::mem::take(&mut o.files) {
                let ids = if f.path.ends_with(".html") {
                    ids_of(&f.bytes)
                } else {
                    String::new()
                };
                let path = f.path.clone();
                match sink.put(f) {
                    Ok(()) => written.push((path, ids)),
                    Err(d) => o.diagnostics.push(d),
                }
            }
            // Static files can number in the thousands: copy in parallel.
            let link = r.site.config.static_files == crate::config::StaticFiles::Link;
            let copied: Vec<Result<String, Diagnostic>> = std::mem::take(&mut o.copies)
                .into_par_iter()
                .map(|(from, to)| {
                    let done = if link {
                        sink.link(&from, &to)
                    } else {
                        sink.copy(&from, &to)
                    };
                    done.map(|()| to)
                })
                .collect();
            for c in copied {
                match c {
                    Ok(to) => written.push((to, String::new())),
                    Err(d) => o.diagnostics.push(d),
                }
            }
            (written, o)
        })
        .collect();
    let mut rendered = Rendered::default();
    let mut diags = Diagnostics::new();
    for (written, o) in outs {
        rendered.pages.extend(written);
        rendered.links.extend(o.links);
        rendered.charts += o.charts;
        diags.extend(o.diagnostics);
    }
    rendered.pages.sort();
    (rendered, diags)
}

/// Render everything into `sink`. Errors from every page are collected.
pub fn render_site(
    site: &Site,
    theme: &mut Theme,
    opts: &RenderOptions,
    sink: &dyn Sink,
) -> (Rendered, Diagnostics) {
    let r = Renderer::new(site, theme, opts);
    let shared = Shared::compute(&r);
    let jobs = all_jobs(site);
    let (mut rendered, mut diags) = run_jobs(&r, &shared, &jobs, sink);
    diags.extend(shared.diagnostics.iter().cloned());
    let sitemap = crate::feeds::sitemap(site, rendered.pages.iter().map(|p| p.0.as_str()));
    rendered.pages.push((sitemap.path.clone(), String::new()));
    if let Err(d) = sink.put(sitemap) {
        diags.push(d);
    }
    rendered.pages.sort();
    (rendered, diags)
}
