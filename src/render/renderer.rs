//! The `Renderer`: the site, the theme and the chart cache every page
//! renders with, and the values computed once per build (`Shared`).

use crate::diag::Diagnostic;
use crate::load::theme::{TEASER, Theme, names, tera_diagnostic};
use crate::model::site::Site;
use crate::render::chartpngs::ChartPngs;
use crate::render::datacharts::{ChartCache, ChartScope};
use crate::render::markdown;
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;
use tera::{Context, Value};

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
    /// The image's address (a resized photo's largest JPEG when its
    /// original is not published).
    image: Option<String>,
    image_caption: Option<&'a str>,
    /// The photo as a thumbnail (`<picture>` from the photo pipeline, else
    /// an `<img>`), for lists and the front page.
    thumb: Option<String>,
    category: Link<'a>,
    /// `partials/teaser.html` rendered for this article, once per build,
    /// with an h3 title: for boxes under a section's h2 (home, related).
    html: Option<String>,
    /// The same with an h2 title: for lists directly under the page's h1.
    /// Not held when it is `html` with the title's h3 made an h2 (the
    /// default theme's partial): `Shared::teaser` adds it back.
    html_h2: Option<String>,
    /// The heading level the partial is rendering (3, then 2).
    level: u8,
}

/// Options that change what is rendered, not what is read.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A snippet injected before `</body>` (serve's live reload).
    pub live_reload: String,
    /// Whether chart PNGs are drawn, and their cache (shared with the
    /// caller, which prunes it after a successful build).
    pub pngs: Arc<ChartPngs>,
    /// The build's "now" (`BuildOptions::now`), for the header's date
    /// line; none: no date line.
    pub now: Option<jiff::Timestamp>,
}

pub struct Renderer<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub prefix: String,
    /// Charts drawn so far, reused by every page that shows them.
    pub charts: ChartCache,
    /// How chart PNGs are made (drawn through the cache, or paths only).
    pub pngs: Arc<ChartPngs>,
    /// The `site` value every template sees (a cheap, shared tera value).
    site_value: Value,
    /// The default `meta` (made once; pages insert their own).
    meta_value: Value,
    /// Static files by site-relative address (`images/a.jpg`), for sizing
    /// the images of bodies.
    pub static_by_url: std::collections::HashMap<&'a str, &'a Path>,
    /// The photo cache (`cache_dir`), shared by the image jobs.
    pub images: crate::render::imagecache::ImageCache,
    /// Whether a template other than `list.html` names `html_h2`
    /// (`Shared::teaser`).
    h2_elsewhere: bool,
}

/// The theme's `style.css` as text for a `<style>` element: `</style` (which
/// would end it early) is broken up; a file that is not UTF-8 is dropped.
fn css_inline(theme: &Theme) -> String {
    theme
        .assets
        .get("style.css")
        .and_then(|b| std::str::from_utf8(b).ok())
        .map(|s| s.trim().replace("</", "<\\/"))
        .unwrap_or_default()
}

/// `https://host` of base_url, without its path: with a menu item's
/// address, what a page's canonical address starts with.
fn origin(c: &crate::load::config::SiteConfig) -> String {
    let b = c.base_url.trim_end_matches('/');
    b.strip_suffix(c.base_path()).unwrap_or(b).to_string()
}

/// The header's date line: `Thứ hai, 07/12/2026`, in the site's zone.
fn today(site: &Site, ts: jiff::Timestamp) -> serde_json::Value {
    let d = crate::util::dates::from_timestamp(ts, &site.config.timezone);
    let iso = d.rfc3339();
    serde_json::json!({
        "line": format!("{}, {}", crate::util::dates::weekday_vi(d.local.weekday()), d.short_date()),
        "iso": iso.get(..10).unwrap_or(&iso),
    })
}

/// The emblem: its address and, for a resized photo, its `<picture>`.
fn logo(site: &Site, prefix: &str, l: &crate::load::config::portal::Logo) -> serde_json::Value {
    let url = if l.url.starts_with('/') {
        format!("{prefix}{}", l.url)
    } else {
        l.url.clone()
    };
    // A photo goes through the photo pipeline: copies at the header's
    // heights (model::site::LOGO_HEIGHTS), the browser picks by `sizes`.
    let html = site
        .images
        .get(&l.url)
        .filter(|p| p.resize && l.url.starts_with('/'))
        .map(|p| {
            // Shown at the header's height (40 px, 64 px from 64em), as wide
            // as its shape makes it.
            let (w, h) = (p.width.max(1), p.height.max(1));
            let sizes = format!("(min-width: 64em) {}px, {}px", 64 * w / h, 40 * w / h);
            crate::render::pictag::tag(
                prefix,
                p,
                "",
                "",
                crate::render::pictag::Priority::Eager,
                &sizes,
            )
        });
    serde_json::json!({ "url": url, "alt": l.alt, "planned": html.is_some(), "html": html })
}

/// The sidebar's links with the site's prefix on local addresses.
fn sidebar(
    s: &crate::load::config::portal::Sidebar,
    link: &dyn Fn(&str) -> String,
) -> serde_json::Value {
    let groups: Vec<serde_json::Value> = s
        .groups
        .iter()
        .map(|g| {
            let links: Vec<serde_json::Value> = g
                .links
                .iter()
                .map(|l| serde_json::json!({ "name": l.name, "url": link(&l.url) }))
                .collect();
            serde_json::json!({ "title": g.title, "links": links })
        })
        .collect();
    serde_json::json!({
        "groups": groups,
        "hotline": s.hotline.as_ref().map(|h| serde_json::json!({ "phone": h.0, "href": h.1 })),
        "index_panel": s.index_panel,
    })
}

fn fnv1a(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

impl<'a> Renderer<'a> {
    /// A renderer, with the `site` value every template sees.
    pub fn new(site: &'a Site, theme: &'a Theme, opts: &RenderOptions) -> Self {
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
        let datasets: Vec<Link> = crate::render::datacharts::dataset_links(site)
            .into_iter()
            .map(|(name, url)| Link {
                name,
                url: link(&url),
            })
            .collect();
        let site_value = Value::from_serializable(&serde_json::json!({
                "title": site.config.title,
                "description": site.config.description,
                "base_url": site.config.base_url,
                "base_path": prefix,
                "language": site.config.language,
                "copyright": site.config.copyright,
                "contact": {
                    "email": site.config.contact.email,
                    "phone": site.config.contact.phone,
                    "phone_href": site.config.contact.phone_href(),
                    "address": site.config.contact.address,
                },
                "menu": menu,
                "datasets": datasets,
                "css_url": format!("{prefix}/assets/style.css?v={css_hash}"),
                // The stylesheet itself, inlined by the default theme: one
                // round trip less before the first paint (on slow 3G,
                // 2 s; see benches/slow3g.rs). A theme's file, never user text.
                "css": css_inline(theme),
                "live_reload": opts.live_reload,
                "search": site.config.search.enabled,
                "search_url": link(&crate::model::urls::search_url()),
                "origin": origin(&site.config),
                "today": opts.now.map(|ts| today(site, ts)),
                "logo": site.config.portal.logo.as_ref().map(|l| logo(site, &prefix, l)),
                "sidebar": sidebar(&site.config.portal.sidebar, &link),
                "index_panel": crate::render::pages::panel::index_panel(site, &prefix),
        }));
        let static_by_url = site
            .static_files
            .iter()
            .map(|(abs, url)| (url.as_str(), abs.as_path()))
            .collect();
        let c = &site.config;
        let meta_value = Value::from_serializable(&crate::render::meta::Meta::new(
            site,
            c.title.clone(),
            c.description.clone(),
            "/",
        ));
        Renderer {
            site,
            theme,
            prefix,
            charts: Default::default(),
            pngs: opts.pngs.clone(),
            site_value,
            meta_value,
            static_by_url,
            images: crate::render::imagecache::ImageCache::open(&site.config.images),
            h2_elsewhere: theme
                .texts
                .iter()
                .any(|(name, text)| name != names::LIST && text.contains(HTML_H2)),
        }
    }

    /// What chart shortcodes and figures draw with.
    pub fn chart_scope(&self) -> ChartScope<'_> {
        ChartScope {
            site: self.site,
            cache: &self.charts,
            prefix: &self.prefix,
        }
    }

    /// The home page's headline (site.yaml `headline`), if set, with the
    /// diagnostics of its shortcodes at their line in site.yaml.
    pub fn headline(&self) -> markdown::Body {
        match &self.site.config.headline {
            Some((h, line)) => {
                let file = std::path::Path::new(crate::load::config::FILE);
                self.markdown(h, file, line.saturating_sub(1))
            }
            None => markdown::Body::default(),
        }
    }

    /// A template context holding `site` and a default `meta` (the site's
    /// title and description, the home page as canonical); each page adds
    /// its own values and its own `meta`.
    pub fn context(&self) -> Context {
        let mut ctx = Context::new();
        ctx.insert_value("site", self.site_value.clone());
        ctx.insert_value("meta", self.meta_value.clone());
        ctx
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.prefix, path)
    }

    /// Render a template to bytes (no UTF-8 re-validation of the output).
    pub fn render(&self, template: &str, ctx: &Context) -> Result<Vec<u8>, Diagnostic> {
        // A page of the default theme is 20–145 KB, 36 KB the median, 16 KB
        // of it the inlined stylesheet: from 16 KB the buffer was copied into
        // a larger one once or twice a page, and again to splice the body in.
        let mut out = Vec::with_capacity(64 * 1024);
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
            image: a.image.as_deref().map(|u| {
                self.site
                    .images
                    .replaced(u)
                    .map_or_else(|| u.to_string(), |j| format!("/{j}"))
            }),
            image_caption: a.image_caption.as_deref(),
            thumb: match a.image.as_deref() {
                Some(u) => Some(self.thumb(i, u)),
                None => self.chart_thumb(i),
            },
            category: Link {
                name: &cat.name,
                url: self.url(&cat.url),
            },
            html: None,
            html_h2: None,
            level: 3,
        };
        if self.theme.tera.contains_template(TEASER) {
            let mut ctx = self.context();
            ctx.insert_value("t", Value::from_serializable(&t));
            let h3 = self.render(TEASER, &ctx)?;
            t.level = 2;
            ctx.insert_value("t", Value::from_serializable(&t));
            let h2 = self.render(TEASER, &ctx)?;
            let (h3, h2) = (utf8(h3), utf8(h2));
            let derived = h2_of(&h3) == h2;
            t.html = Some(h3);
            t.html_h2 = Some(h2);
            t.level = 3;
            if derived {
                return Ok(without_key(Value::from_serializable(&t), HTML_H2));
            }
        }
        Ok(Value::from_serializable(&t))
    }

    /// An article's photo as a thumbnail: the `<picture>` of a resized
    /// photo, else an `<img>` with its size when known. No alt text: the
    /// title beside it names the story.
    fn thumb(&self, i: usize, u: &str) -> String {
        if let Some(p) = self.site.images.get(u).filter(|p| p.resize) {
            return crate::render::pictag::thumb(&self.prefix, p);
        }
        let src = match self.site.images.replaced(u) {
            Some(j) => self.url(&format!("/{j}")),
            None if u.starts_with('/') => self.url(u),
            None => u.to_string(),
        };
        let src = crate::util::text::escape_html(&src);
        match self.site.articles[i].image_size {
            Some((w, h)) => format!(
                r#"<img src="{src}" width="{w}" height="{h}" alt="" loading="lazy" decoding="async">"#
            ),
            None => format!(r#"<img src="{src}" alt="" loading="lazy" decoding="async">"#),
        }
    }

    /// For an article without a photo: its first chart's share card at
    /// 360×189 (from the PNG chart pipeline, written by the dataset's job)
    /// as a thumbnail, when that chart has a standalone file.
    fn chart_thumb(&self, i: usize) -> Option<String> {
        use crate::render::{datacharts, shortcodes};
        let a = &self.site.articles[i].article;
        if !a.body.uses_shortcodes() {
            return None;
        }
        // Read again in a build: only stories without a photo get here.
        let body = a.body.text(&a.source).ok()?;
        let code = markdown::code_ranges(&body);
        let (calls, _) = shortcodes::find(&body, &code);
        let call = calls.iter().find(|c| c.name == "chart")?;
        let (d, kind, _) = datacharts::parse_chart(self.site, call).ok()?;
        let ds = &self.site.datasets[d];
        if !kind.has_file(ds) {
            return None;
        }
        let card = crate::charts::thumb_url(&datacharts::chart_file_url(ds, &kind));
        Some(crate::render::pictag::chart_thumb(&self.url(&card)))
    }

    /// Markdown (with shortcodes) to HTML. Shortcodes are numbered per page
    /// so chart ids are unique on the page.
    pub fn markdown(&self, body: &str, file: &Path, line_offset: usize) -> markdown::Body {
        let counter = std::cell::Cell::new(0usize);
        let flagged = std::cell::RefCell::default();
        let scope = self.chart_scope();
        let handler = |call: &crate::render::shortcodes::Call| {
            let n = counter.get();
            counter.set(n + 1);
            crate::render::datacharts::shortcode(scope, call, n, &flagged)
        };
        let ctx = markdown::Context {
            file,
            line_offset,
            raw_html: self.site.config.markdown.raw_html,
            shortcode: &handler,
            prefix: &self.prefix,
            plain_text: self.site.config.search.enabled,
        };
        markdown::render(body, &ctx)
    }

    pub fn article_body(&self, i: usize) -> markdown::Body {
        let a = &self.site.articles[i].article;
        match a.body.text(&a.source) {
            Ok(text) => self.markdown(&text, &a.source, a.body_line_offset),
            Err(d) => markdown::Body::failed(d),
        }
    }
}

/// The teaser field with an h2 title (`Teaser::html_h2`).
const HTML_H2: &str = "html_h2";

/// A teaser's partial with an h2 title made from the one with an h3:
/// every `<h3` and `</h3>` made `<h2` and `</h2>`.
fn h2_of(h3: &str) -> String {
    let b = h3.as_bytes();
    let mut out = String::with_capacity(h3.len());
    let mut last = 0;
    for at in memchr::memmem::find_iter(b, "h3") {
        let before = &b[..at];
        let opens = before.ends_with(b"<");
        let closes = before.ends_with(b"</") && b.get(at + 2) == Some(&b'>');
        if opens || closes {
            out.push_str(&h3[last..at]);
            out.push_str("h2");
            last = at + 2;
        }
    }
    out.push_str(&h3[last..]);
    out
}

/// Rendered bytes as text (checked, not copied; a template's output is
/// UTF-8, anything else is mended as `from_utf8_lossy` does). Checked with
/// SIMD first, as `load::fs` reads files: the standard library's check is
/// slow on Vietnamese, where most letters are several bytes.
fn utf8(b: Vec<u8>) -> String {
    if simdutf8::basic::from_utf8(&b).is_ok() {
        // SAFETY: just validated as UTF-8.
        return unsafe { String::from_utf8_unchecked(b) };
    }
    String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A map without one of its keys.
fn without_key(v: Value, key: &str) -> Value {
    match v.into_map() {
        Some(mut m) => {
            m.retain(|k, _| k.as_str() != Some(key));
            Value::from(m)
        }
        None => Value::none(),
    }
}

/// Precomputed values shared by many pages.
pub struct Shared {
    /// Markdown bodies computed ahead (serve keeps them between rebuilds);
    /// `None`: the article's page renders its body itself and drops it.
    pub bodies: Vec<Option<Arc<markdown::Body>>>,
    pub teasers: Vec<Value>,
    pub headline: String,
    /// Errors met while computing these (a broken teaser partial).
    pub diagnostics: Vec<Diagnostic>,
    /// serve's search index between rebuilds: the search job updates it and
    /// returns only the index files that changed. `None`: a build, which
    /// writes the whole index.
    pub search: Option<Arc<std::sync::Mutex<crate::search::Cache>>>,
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
        let (teasers, mut diagnostics) = teasers(r, |_| None);
        let headline = r.headline();
        diagnostics.extend(headline.diagnostics);
        Shared {
            bodies: vec![None; n],
            teasers,
            headline: headline.html,
            diagnostics,
            search: None,
        }
    }

    /// Every body computed ahead, reusing the bodies and teasers the
    /// `cached_*` functions return (serve keeps them between rebuilds).
    pub fn with_cache(
        r: &Renderer,
        cached_body: impl Fn(usize) -> Option<Arc<markdown::Body>> + Sync,
        cached_teaser: impl Fn(usize) -> Option<Value> + Sync,
    ) -> Shared {
        let n = r.site.articles.len();
        let (teasers, mut diagnostics) = teasers(r, cached_teaser);
        let headline = r.headline();
        diagnostics.extend(headline.diagnostics);
        Shared {
            bodies: (0..n)
                .into_par_iter()
                .map(|i| Some(cached_body(i).unwrap_or_else(|| Arc::new(r.article_body(i)))))
                .collect(),
            teasers,
            headline: headline.html,
            diagnostics,
            search: None,
        }
    }

    /// Article `i`'s teaser for a page other than a list page: with its
    /// `html_h2` only when some template but `list.html` names it (none
    /// of the default theme's does; each copy costs a map and a string).
    pub fn teaser(&self, r: &Renderer, i: usize) -> Value {
        if r.h2_elsewhere {
            self.list_teaser(i)
        } else {
            self.teasers[i].clone()
        }
    }

    /// Article `i`'s teaser as templates see it: with its `html_h2`,
    /// which a teaser holds only when it is not `html` with an h2 title.
    pub fn list_teaser(&self, i: usize) -> Value {
        let t = &self.teasers[i];
        let Some(m) = t.as_map() else {
            return t.clone();
        };
        let has_h2 = m.keys().any(|k| k.as_str() == Some(HTML_H2));
        match m.iter().find(|(k, _)| k.as_str() == Some("html")) {
            Some((_, html)) if !has_h2 => {
                let h2 = html.as_str().map(h2_of);
                let mut m = m.clone();
                m.insert(HTML_H2.into(), h2.map_or_else(Value::none, Value::from));
                Value::from(m)
            }
            _ => t.clone(),
        }
    }

    pub fn body(&self, r: &Renderer, i: usize) -> Arc<markdown::Body> {
        match &self.bodies[i] {
            Some(b) => b.clone(),
            None => Arc::new(r.article_body(i)),
        }
    }
}

#[cfg(test)]
#[path = "renderer_tests.rs"]
mod teaser_tests;
