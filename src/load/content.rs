//! Load stage: walk `content/`, read files, split and parse front matter.
//! Produces plain values plus every diagnostic found; nothing is rendered.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::body::{Body, Keep};
use crate::load::config::{SiteConfig, SlugFrom};
pub use crate::load::front::{Loc, file_slug};
use crate::load::front::{
    Look, aliases, article_warnings, comments_error, empty_title, loc, name_too_long, slug_from,
    split_file,
};
use crate::load::fs::{read_text, rel_to, walk_files, walk_markdown};
use crate::load::image_index::ImageIndex;
use crate::load::schedule::{self, Hold, Include};
use crate::load::yaml::{self, Spanned};
use crate::util::dates::PubDate;
use crate::util::text::{self, nfc_string};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleFront {
    title: Spanned<String>,
    date: Spanned<String>,
    /// Scheduled publishing: built only from this instant on.
    #[serde(default)]
    publish_date: Option<Spanned<String>>,
    /// Built only before this instant.
    #[serde(default)]
    expiry_date: Option<Spanned<String>>,
    #[serde(default)]
    author: String,
    #[serde(default)]
    category: Option<Spanned<String>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    image: Option<Spanned<String>>,
    #[serde(default)]
    image_caption: Option<String>,
    #[serde(default)]
    image_focus: Option<Spanned<Vec<f64>>>,
    #[serde(default)]
    slug: Option<Spanned<String>>,
    #[serde(default)]
    draft: bool,
    /// The front page's featured story (the newest so marked).
    #[serde(default)]
    featured: bool,
    #[serde(default)]
    template: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    comments: Option<Spanned<serde_json::Value>>,
}

/// The front matter of the common shape without the YAML engine
/// (`yaml_fast`); `None` for anything the engine must read.
fn fast_article(src: &str) -> Option<ArticleFront> {
    use crate::load::yaml_fast::{Value, spanned};
    let (mut title, mut date) = (None, None);
    let mut f = ArticleFront {
        title: yaml::unplaced(String::new()),
        date: yaml::unplaced(String::new()),
        publish_date: None,
        expiry_date: None,
        author: String::new(),
        category: None,
        tags: Vec::new(),
        summary: None,
        image: None,
        image_caption: None,
        image_focus: None,
        slug: None,
        draft: false,
        featured: false,
        template: None,
        aliases: Vec::new(),
        comments: None,
    };
    for (key, value) in crate::load::yaml_fast::read(src)? {
        match (key, value) {
            ("tags", Value::List(l)) => f.tags = l.into_iter().map(spanned).collect(),
            ("aliases", Value::List(l)) => f.aliases = l.into_iter().map(spanned).collect(),
            (_, Value::List(_)) => return None,
            (k, Value::One(s)) => match k {
                "title" => title = Some(spanned(s)),
                "date" => date = Some(spanned(s)),
                "publish_date" => f.publish_date = Some(spanned(s)),
                "expiry_date" => f.expiry_date = Some(spanned(s)),
                "author" => f.author = s.value,
                "category" => f.category = Some(spanned(s)),
                "summary" => f.summary = Some(s.value),
                "image" => f.image = Some(spanned(s)),
                "image_caption" => f.image_caption = Some(s.value),
                "slug" => f.slug = Some(spanned(s)),
                "template" => f.template = Some(spanned(s)),
                _ => return None,
            },
        }
    }
    f.title = title?;
    f.date = date?;
    Some(f)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFront {
    title: Spanned<String>,
    #[serde(default)]
    slug: Option<Spanned<String>>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    template: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    comments: Option<Spanned<serde_json::Value>>,
}

/// A news article as written, validated but not yet rendered.
#[derive(Debug, Clone)]
pub struct Article {
    pub source: PathBuf,
    pub title: String,
    pub slug: String,
    pub slug_loc: Loc,
    pub date: PubDate,
    /// `publish_date:`: the article is built only from then on.
    pub publish: Option<PubDate>,
    /// `expiry_date:`: the article is built only before then.
    pub expiry: Option<PubDate>,
    pub author: String,
    pub category: String,
    pub tags: Vec<String>,
    pub summary: String,
    pub image: Option<String>,
    /// Where `image:` is written (line 0 when there is none).
    pub image_loc: Loc,
    pub image_caption: Option<String>,
    /// `image_focus: [x, y]`: the share card's crop centre (0–1 each).
    pub image_focus: Option<(f64, f64)>,
    /// The Markdown after the front matter: held, or (in a build) left on
    /// disk until its page is rendered.
    pub body: Body,
    pub body_line_offset: usize,
    pub draft: bool,
    /// `featured: true`: the front page's featured story.
    pub featured: bool,
    pub template: Option<(String, Loc)>,
    /// Old addresses that redirect here (`aliases:`), each with its place.
    pub aliases: Vec<(String, Loc)>,
    /// Warnings found while loading (no summary, image without caption);
    /// reported by `load` unless the article is a skipped draft.
    pub warnings: Vec<Diagnostic>,
}

impl Article {
    /// Whether the article is held back at `now` (`None`: `--future`).
    pub fn hold(&self, now: Option<jiff::Timestamp>) -> Option<Hold> {
        schedule::hold(self.publish.as_ref(), self.expiry.as_ref(), now)
    }
}

/// A plain page (giới thiệu, liên hệ, …).
#[derive(Debug, Clone)]
pub struct Page {
    pub source: PathBuf,
    pub title: String,
    pub slug: String,
    pub slug_loc: Loc,
    pub summary: String,
    pub body: String,
    pub body_line_offset: usize,
    pub draft: bool,
    pub template: Option<(String, Loc)>,
    pub aliases: Vec<(String, Loc)>,
}

/// Load one article file, its body held.
pub fn load_article(abs: &Path, rel: &Path, cfg: &SiteConfig) -> Result<Article, Diagnostics> {
    load_article_as(abs, rel, cfg, Keep::Held)
}

/// Load one article file, its body kept as `keep` says.
pub fn load_article_as(
    abs: &Path,
    rel: &Path,
    cfg: &SiteConfig,
    keep: Keep,
) -> Result<Article, Diagnostics> {
    let from = cfg.slug_from;
    let text = read_text(abs, rel)?;
    let split = split_file(&text, rel)?;
    if split.yaml.trim().is_empty() {
        return Err(
            Diagnostic::error(codes::FRONT_MATTER, rel, msg!(m::FRONT_EMPTY))
                .at(1, 1)
                .hint(msg!(m::FRONT_EMPTY_HINT))
                .into(),
        );
    }
    let off = split.yaml_line_offset;
    if let Some(i) = prose_line(split.yaml) {
        return Err(
            Diagnostic::error(codes::FRONT_MATTER, rel, msg!(m::FRONT_PROSE))
                .at(i + 1 + off, 1)
                .hint(msg!(m::FRONT_PROSE_HINT))
                .into(),
        );
    }
    let fm: ArticleFront = yaml::parse_with(split.yaml, rel, off, fast_article)?;
    let mut diags = Diagnostics::new();
    diags.extend(empty_title(&fm.title, rel, off));
    let date = schedule::read_date("date", &fm.date, cfg, rel, off, &mut diags);
    let publish = fm
        .publish_date
        .as_ref()
        .and_then(|d| schedule::read_date("publish_date", d, cfg, rel, off, &mut diags));
    let expiry = fm
        .expiry_date
        .as_ref()
        .and_then(|d| schedule::read_date("expiry_date", d, cfg, rel, off, &mut diags));
    if let (Some(p), Some(e), Some(at)) = (&publish, &expiry, &fm.expiry_date) {
        if e.ts <= p.ts {
            let l = loc(at, off);
            diags.push(
                Diagnostic::error(
                    codes::EXPIRES_BEFORE_PUBLISHED,
                    rel,
                    msg!(
                        m::CONTENT_EXPIRES_FIRST,
                        expiry = e.rfc3339(),
                        publish = p.rfc3339()
                    ),
                )
                .at(l.line, l.col)
                .hint(msg!(m::CONTENT_EXPIRES_FIRST_HINT)),
            );
        }
    }
    if let Some(c) = &fm.comments {
        diags.extend(comments_error(c, rel, off));
    }
    let image_loc = fm.image.as_ref().map(|i| loc(i, off)).unwrap_or_default();
    if let Some(img) = &fm.image {
        if text::is_unsafe_url(&img.value) {
            diags.push(
                Diagnostic::error(codes::UNSAFE_URL, rel, msg!(m::CONTENT_UNSAFE_IMAGE))
                    .at(image_loc.line, image_loc.col)
                    .hint(msg!(m::CONTENT_UNSAFE_IMAGE_HINT)),
            );
        }
    }
    let image_focus =
        crate::load::front::image_focus(fm.image_focus.as_ref(), rel, off, &mut diags);
    let title = nfc_string(fm.title.value.trim().to_string());
    let title_loc = loc(&fm.title, off);
    let (slug, slug_loc) = slug_from(fm.slug, from, &title, title_loc, rel, off, &mut diags);
    let aliases = aliases(&fm.aliases, rel, off, &mut diags);
    for (what, name) in fm
        .category
        .iter()
        .map(|c| ("category", c))
        .chain(fm.tags.iter().map(|t| ("tag", t)))
    {
        diags.extend(name_too_long(what, name, rel, off));
    }
    if fm.summary.as_deref().is_some_and(|s| s.contains("{{")) {
        // The sapo is plain text in lists, feeds and meta tags: say so.
        let line = split
            .yaml
            .lines()
            .position(|l| l.trim_start().starts_with("summary:"))
            .map_or(0, |i| i + 1 + off);
        diags.push(
            Diagnostic::error(codes::SHORTCODE, rel, msg!(m::FRONT_SUMMARY_SHORTCODE))
                .at(line, 0)
                .hint(msg!(m::FRONT_SUMMARY_SHORTCODE_HINT)),
        );
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let opt = |o: Option<String>| {
        o.map(|s| nfc_string(s.trim().to_string()))
            .filter(|s| !s.is_empty())
    };
    let summary = opt(fm.summary).unwrap_or_default();
    let image = opt(fm.image.map(|i| i.value));
    let image_caption = opt(fm.image_caption);
    let title_line = loc(&fm.title, off).line;
    let look = Look {
        summary: &summary,
        image: image.as_deref(),
        image_loc: &image_loc,
        has_caption: image_caption.is_some(),
        title_line,
    };
    let warnings = article_warnings(&look, rel);
    Ok(Article {
        source: rel.to_path_buf(),
        title,
        slug,
        slug_loc,
        date: date.expect("checked above"),
        publish,
        expiry,
        author: nfc_string(fm.author.trim().to_string()),
        category: opt(fm.category.map(|c| c.value)).unwrap_or_else(|| cfg.default_category.clone()),
        tags: {
            let mut t: Vec<String> = fm
                .tags
                .into_iter()
                .map(|t| nfc_string(t.value.trim().to_string()))
                .filter(|t| !t.is_empty())
                .collect();
            t.dedup();
            t
        },
        summary,
        image,
        image_loc,
        image_caption,
        image_focus,
        body: Body::new(nfc_string(split.body.to_string()), abs, keep),
        body_line_offset: split.body_line_offset,
        draft: fm.draft,
        featured: fm.featured,
        template: fm.template.map(|t| (t.value.clone(), loc(&t, off))),
        aliases,
        warnings,
    })
}

/// Load one page file.
/// The first line of the front matter that is prose, not `key: value`
/// (a top-level line without a colon): the closing `---` is missing, and a
/// later `---` (a rule in the body) closed it instead. 0-based.
fn prose_line(yaml: &str) -> Option<usize> {
    yaml.lines().position(|l| {
        let t = l.trim_end();
        !t.is_empty()
            && !t.starts_with([' ', '\t', '#', '-', '[', '{', '"', '\'', ']', '}'])
            && !t.contains(':')
    })
}

pub fn load_page(abs: &Path, rel: &Path, from: SlugFrom) -> Result<Page, Diagnostics> {
    let text = read_text(abs, rel)?;
    let split = split_file(&text, rel)?;
    let off = split.yaml_line_offset;
    let fm: PageFront = yaml::parse(split.yaml, rel, off)?;
    let mut diags = Diagnostics::new();
    diags.extend(empty_title(&fm.title, rel, off));
    if let Some(c) = &fm.comments {
        diags.extend(comments_error(c, rel, off));
    }
    let title = nfc_string(fm.title.value.trim().to_string());
    let title_loc = loc(&fm.title, off);
    let (slug, slug_loc) = slug_from(fm.slug, from, &title, title_loc, rel, off, &mut diags);
    let aliases = aliases(&fm.aliases, rel, off, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Page {
        source: rel.to_path_buf(),
        title,
        slug,
        slug_loc,
        summary: fm
            .summary
            .map(|s| nfc_string(s.trim().to_string()))
            .unwrap_or_default(),
        body: nfc_string(split.body.to_string()),
        body_line_offset: split.body_line_offset,
        draft: fm.draft,
        template: fm.template.map(|t| (t.value.clone(), loc(&t, off))),
        aliases,
    })
}

/// Markdown commentary beside a dataset: `content/data/<slug>.md` (key
/// empty), `content/data/<slug>/<year>.md` or `…/<unit-slug>.md`.
#[derive(Debug, Clone)]
pub struct Commentary {
    pub dataset: String,
    pub key: String,
    pub source: PathBuf,
    pub body: String,
}

pub fn load_commentary(root: &Path, diags: &mut Diagnostics) -> Vec<Commentary> {
    let dir = root.join("content").join("data");
    let mut out = Vec::new();
    for (abs, rel) in walk_markdown(root, &dir, &dir, diags) {
        let inner = rel_to(&dir, &abs);
        let parts: Vec<String> = inner
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let (dataset, key) = match parts.as_slice() {
            [d] => (d.clone(), String::new()),
            [d, k] => (d.clone(), k.clone()),
            _ => {
                diags.push(
                    Diagnostic::error(codes::DATA, rel, msg!(m::CONTENT_COMMENTARY_PLACE))
                        .hint(msg!(m::CONTENT_COMMENTARY_PLACE_HINT)),
                );
                continue;
            }
        };
        match read_text(&abs, &rel) {
            Ok(body) => out.push(Commentary {
                dataset,
                key,
                source: rel,
                body: nfc_string(body),
            }),
            Err(d) => diags.push(d),
        }
    }
    out
}

/// The Markdown files of an articles or pages folder; any other file there
/// is a warning, since it would not be published.
fn content_files(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<(PathBuf, PathBuf)> {
    let (md, other): (Vec<_>, Vec<_>) = walk_files(root, dir, &root.join("content"), diags)
        .into_iter()
        .partition(|(abs, _)| crate::load::fs::is_markdown(abs));
    for (_, rel) in other {
        diags.push(
            Diagnostic::warning(codes::NOT_MARKDOWN, rel, msg!(m::CONTENT_NOT_MARKDOWN))
                .hint(msg!(m::CONTENT_NOT_MARKDOWN_HINT)),
        );
    }
    md
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<std::sync::Arc<Article>>,
    pub pages: Vec<Page>,
    pub commentary: Vec<Commentary>,
    /// Files under content/static, copied as they are: (absolute, URL path).
    pub static_files: Vec<(PathBuf, String)>,
    /// The photo cache's index (what it remembers of each photo).
    pub image_index: ImageIndex,
    /// Articles that loaded well but are not built now (scheduled for
    /// later, or expired), sorted by source: links to them get a hint.
    pub held: Vec<(std::sync::Arc<Article>, Hold)>,
}

/// Load articles and pages in parallel; collect every diagnostic. Article
/// bodies are kept as `keep` says.
pub fn load(
    root: &Path,
    cfg: &SiteConfig,
    include: Include,
    keep: Keep,
    diags: &mut Diagnostics,
) -> Loaded {
    use rayon::prelude::*;
    let article_files = content_files(root, &root.join("content/articles"), diags);
    // The static files (thousands of photos) are walked, and the photo
    // cache's index read, while the articles parse.
    let mut static_diags = Diagnostics::new();
    let (results, (static_files, image_index)) = rayon::join(
        || -> Vec<Result<Article, Diagnostics>> {
            article_files
                .par_iter()
                .map(|(abs, rel)| load_article_as(abs, rel, cfg, keep))
                .collect()
        },
        || {
            rayon::join(
                || load_static(root, &mut static_diags),
                || ImageIndex::read(&cfg.images.cache),
            )
        },
    );
    let mut articles = Vec::with_capacity(results.len());
    let mut held = Vec::new();
    for r in results {
        match r {
            Ok(a) if a.draft && !include.drafts => {}
            Ok(a) if a.hold(include.now).is_some() => {
                let why = a.hold(include.now).expect("checked");
                held.push((std::sync::Arc::new(a), why));
            }
            Ok(mut a) => {
                diags.extend(std::mem::take(&mut a.warnings));
                articles.push(std::sync::Arc::new(a));
            }
            Err(d) => diags.extend(d),
        }
    }
    Loaded {
        articles,
        pages: load_pages(root, cfg.slug_from, include.drafts, diags),
        commentary: load_commentary(root, diags),
        static_files: {
            diags.extend(static_diags);
            static_files
        },
        image_index,
        held,
    }
}

/// Every page of `content/pages/` (drafts only when asked for).
pub fn load_pages(root: &Path, from: SlugFrom, drafts: bool, diags: &mut Diagnostics) -> Vec<Page> {
    let mut pages = Vec::new();
    for (abs, rel) in content_files(root, &root.join("content/pages"), diags) {
        match load_page(&abs, &rel, from) {
            Ok(p) if p.draft && !drafts => {}
            Ok(p) => pages.push(p),
            Err(d) => diags.extend(d),
        }
    }
    pages
}

/// Files of `content/static/`, copied as they are: (absolute, URL path).
pub fn load_static(root: &Path, diags: &mut Diagnostics) -> Vec<(PathBuf, String)> {
    let static_dir = root.join("content/static");
    crate::load::fs::walk_published(root, &static_dir, diags)
        .into_iter()
        .map(|(abs, _)| {
            let mut url = rel_to(&static_dir, &abs).to_string_lossy().into_owned();
            if std::path::MAIN_SEPARATOR != '/' {
                url = url.replace(std::path::MAIN_SEPARATOR, "/");
            }
            (abs, url)
        })
        .collect()
}
