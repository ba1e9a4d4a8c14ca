//! Model stage: the immutable `Site` built once from loaded content. URLs,
//! taxonomies and related articles are computed here so that renderers only
//! read.

use crate::data::Dataset;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics, Msg};
use crate::load::config::SiteConfig;
use crate::load::content::{Article, Commentary, Loaded, Page};
use crate::load::schedule::Hold;
use crate::model::urls::{self, RESERVED};
use crate::util::idhash::FastHashMap as HashMap;
use crate::util::text::slugify;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Related articles shown under an article.
pub const RELATED_MAX: usize = 5;

#[derive(Debug)]
pub struct ArticleEntry {
    pub article: std::sync::Arc<Article>,
    /// Site-relative URL path, e.g. `/cai-cach-hanh-chinh/phong-tho/`.
    pub url: String,
    pub category: usize,
    pub tags: Vec<usize>,
    /// Indices into `Site::articles`, most relevant first.
    pub related: Vec<usize>,
    /// The image's intrinsic (width, height), when it is a file of
    /// `content/static/` whose header gives it.
    pub image_size: Option<(u32, u32)>,
}

#[derive(Debug, Clone)]
pub struct PageEntry {
    pub page: Page,
    pub url: String,
}

/// A category or a tag.
#[derive(Debug, Clone)]
pub struct Term {
    pub name: String,
    pub slug: String,
    pub url: String,
    /// Indices into `Site::articles`, newest first.
    pub articles: Vec<usize>,
}

/// The order of `Site::articles`: newest first, ties by source.
pub fn model_order(a: &Article, b: &Article) -> std::cmp::Ordering {
    b.date
        .ts
        .cmp(&a.date.ts)
        .then_with(|| a.source.cmp(&b.source))
}

/// An article that is not built now (`publish_date` later, or
/// `expiry_date` passed): where it would be, so that a link to it can say
/// why it is missing.
#[derive(Debug)]
pub struct HeldEntry {
    pub url: String,
    pub source: PathBuf,
    pub why: Hold,
}

#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    /// Newest first; ties broken by source path.
    pub articles: Vec<ArticleEntry>,
    pub pages: Vec<PageEntry>,
    /// Sorted in Vietnamese alphabetical order.
    pub categories: Vec<Term>,
    pub tags: Vec<Term>,
    /// The home page's list: every article, newest first.
    pub home: Term,
    pub datasets: Vec<Dataset>,
    /// (dataset slug, "" or year or unit slug) → commentary.
    pub commentary: BTreeMap<(String, String), Commentary>,
    pub static_files: Vec<(PathBuf, String)>,
    /// Old addresses that redirect to an article or page, in source order.
    pub aliases: Vec<Alias>,
    /// Articles held back by their schedule, by source path.
    pub held: Vec<HeldEntry>,
    /// Intrinsic size of site.yaml's `share_image`, when it is a static file.
    pub share_image_size: Option<(u32, u32)>,
    /// Every photo's derivatives (from file headers).
    /// Shared with the next site while no photo and no lead photo changed.
    pub images: std::sync::Arc<crate::model::images::ImagePlan>,
}

/// A redirect page: an old address (`aliases:`) that leads to its article
/// or page.
#[derive(Debug, Clone)]
pub struct Alias {
    /// The old address as written, `/tin-tuc/123/`.
    pub url: String,
    /// Where its redirect page is written, `tin-tuc/123/index.html`.
    pub path: String,
    /// The address it leads to (site-relative).
    pub target: String,
    /// The title of what it leads to.
    pub title: String,
    pub source: PathBuf,
    pub line: usize,
}

impl Site {
    pub fn url_prefix(&self) -> &str {
        self.config.base_path()
    }

    /// Absolute URL for a site-relative path.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.config.base_url, path.trim_start_matches('/'))
    }
}

/// Slug of every distinct name, computed once.
fn slug_cache<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<&'a str, String> {
    let mut m: HashMap<&str, String> = HashMap::default();
    for n in names {
        if !m.contains_key(n) {
            m.insert(n, slugify(n));
        }
    }
    m
}

fn terms(
    slugs: &HashMap<&str, String>,
    url_of: impl Fn(&str) -> String,
) -> (Vec<Term>, HashMap<String, usize>) {
    // Group names by slug so "Phong Thổ" and "phong thổ" are one term; the
    // first spelling in sorted order names it.
    let mut by_slug: BTreeMap<&str, &str> = BTreeMap::new();
    for (&n, s) in slugs {
        if s.is_empty() {
            continue;
        }
        by_slug
            .entry(s.as_str())
            .and_modify(|cur| {
                if n < *cur {
                    *cur = n
                }
            })
            .or_insert(n);
    }
    let by_slug: BTreeMap<String, String> = by_slug
        .into_iter()
        .map(|(s, n)| (s.to_string(), n.to_string()))
        .collect();
    let mut list: Vec<Term> = by_slug
        .into_iter()
        .map(|(slug, name)| Term {
            url: url_of(&slug),
            name,
            slug,
            articles: Vec::new(),
        })
        .collect();
    list.sort_by(|a, b| {
        crate::util::collate::compare(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug))
    });
    let index = list
        .iter()
        .enumerate()
        .map(|(i, t)| (t.slug.clone(), i))
        .collect();
    (list, index)
}

/// Build the model; every URL clash is an error naming both files.
pub fn build(
    config: SiteConfig,
    loaded: Loaded,
    datasets: Vec<Dataset>,
    diags: &mut Diagnostics,
) -> Site {
    build_reusing(config, loaded, datasets, None, diags)
}

/// `build`, reusing serve's last site: photos whose path, length and time
/// are unchanged are not opened again (with `true`: no static file changed
/// since, see `ImagePlan::new`), and an article that is the same `Arc` in
/// the same place keeps its address.
pub fn build_reusing(
    config: SiteConfig,
    loaded: Loaded,
    datasets: Vec<Dataset>,
    last: Option<(&Site, bool)>,
    diags: &mut Diagnostics,
) -> Site {
    let Loaded {
        mut articles,
        pages,
        commentary,
        static_files,
        image_index,
        held,
    } = loaded;
    let held = held_entries(&config, held);
    let commentary = check_commentary(commentary, &datasets, diags);
    articles.sort_by(|a, b| model_order(a, b));

    let cat_slugs = slug_cache(articles.iter().map(|a| a.category.as_str()));
    let tag_slugs = slug_cache(
        articles
            .iter()
            .flat_map(|a| a.tags.iter().map(String::as_str)),
    );
    let (mut categories, cat_index) = terms(&cat_slugs, urls::category_url);
    let (mut tags, tag_index) = terms(&tag_slugs, urls::tag_url);

    let mut entries: Vec<ArticleEntry> = Vec::with_capacity(articles.len());
    for (i, a) in articles.iter().enumerate() {
        let cat_slug = &cat_slugs[a.category.as_str()];
        let category = cat_index.get(cat_slug).copied().unwrap_or(0);
        let mut tag_ids: Vec<usize> = a
            .tags
            .iter()
            .filter_map(|t| tag_index.get(&tag_slugs[t.as_str()]).copied())
            .collect();
        tag_ids.sort_unstable();
        tag_ids.dedup();
        if let Some(c) = categories.get_mut(category) {
            c.articles.push(i);
        }
        for &t in &tag_ids {
            tags[t].articles.push(i);
        }
        // The same article at the same place, in the same category: the
        // same address (the pattern is site.yaml's, unchanged between saves).
        let kept = last.and_then(|(s, _)| s.articles.get(i)).filter(|o| {
            std::sync::Arc::ptr_eq(&o.article, a)
                && last.is_some_and(|(s, _)| s.categories[o.category].slug == *cat_slug)
        });
        entries.push(ArticleEntry {
            url: kept.map_or_else(
                || urls::article_url(&config.permalinks.article, a, cat_slug),
                |o| o.url.clone(),
            ),
            article: a.clone(),
            category,
            tags: tag_ids,
            related: Vec::new(),
            image_size: None,
        });
    }

    let sources: Vec<&std::path::Path> =
        entries.iter().map(|e| e.article.source.as_path()).collect();
    super::near::warn(&near_terms(&categories), &sources, true, diags);
    super::near::warn(&near_terms(&tags), &sources, false, diags);
    let related = related(&entries, &tags, &categories);
    for (e, r) in entries.iter_mut().zip(related) {
        e.related = r;
    }
    // Image sizes from file headers, for width/height on every <img> and
    // og:image: read once here, never per page.
    let share_image_size = config.share_image.as_ref().and_then(|s| {
        let rel = s.url.strip_prefix('/')?;
        let (abs, _) = static_files.iter().find(|(_, u)| u == rel)?;
        crate::load::image::size_of(abs)
    });
    let images = plan_images(
        &config,
        &static_files,
        (image_index, last.map(|(s, same)| (&s.images, same))),
        &mut entries,
        diags,
    );

    let page_entries: Vec<PageEntry> = pages
        .into_iter()
        .map(|p| PageEntry {
            url: urls::page_url(&config.permalinks.page, &p),
            page: p,
        })
        .collect();

    check_urls(&entries, &page_entries, &categories, &static_files, diags);
    let aliases = aliases(&entries, &page_entries);
    let home = Term {
        name: config.title.clone(),
        slug: String::new(),
        url: "/".into(),
        articles: (0..entries.len()).collect(),
    };
    Site {
        home,
        commentary,
        config,
        articles: entries,
        pages: page_entries,
        categories,
        tags,
        datasets,
        static_files,
        aliases,
        held,
        share_image_size,
        images,
    }
}

/// The photo plan, the lead images' sizes, and what to say where front
/// matter names a bad image.
/// The default theme's emblem heights, CSS pixels: 40 on a phone, 64 on a
/// wide screen; each also at 2×.
pub const LOGO_HEIGHTS: [u32; 4] = [40, 64, 80, 128];

fn plan_images(
    config: &SiteConfig,
    static_files: &[(PathBuf, String)],
    (index, last): (
        crate::load::image_index::ImageIndex,
        Option<(&std::sync::Arc<crate::model::images::ImagePlan>, bool)>,
    ),
    entries: &mut [ArticleEntry],
    diags: &mut Diagnostics,
) -> std::sync::Arc<crate::model::images::ImagePlan> {
    use crate::model::images::{Focus, ImagePlan};
    use rayon::prelude::*;
    let shares: Vec<(&str, Focus)> = entries
        .iter()
        .filter_map(|e| {
            let a = &e.article;
            let f = a
                .image_focus
                .map_or(Focus::CENTRE, |(x, y)| Focus::from_unit(x, y));
            a.image.as_deref().map(|u| (u, f))
        })
        .collect();
    let keep = config.share_image.as_ref().map(|s| s.url.as_str());
    let logo = config.portal.logo.as_ref().map(|l| l.url.as_str());
    let inputs = crate::model::images::inputs_key(&shares, keep, logo);
    // No static file changed and the same lead photos: the last plan is
    // the one `ImagePlan::new` would make again.
    let plan = match last {
        Some((p, true)) if p.inputs == inputs && p.config == config.images => p.clone(),
        _ => {
            let last = last.map(|(p, same)| (&**p, same));
            let mut plan = ImagePlan::new(&config.images, static_files, index, &shares, keep, last);
            // A photo as the header's emblem: copies at its shown heights.
            if let Some(logo) = logo {
                plan.add_heights(logo, &LOGO_HEIGHTS);
            }
            plan.inputs = inputs;
            std::sync::Arc::new(plan)
        }
    };
    // Only photos that are not static files are looked up by address.
    let by_url = std::sync::OnceLock::<HashMap<&str, &PathBuf>>::new();
    let by_url = || {
        by_url.get_or_init(|| {
            static_files
                .iter()
                .map(|(abs, url)| (url.as_str(), abs))
                .collect()
        })
    };
    let said: Vec<Vec<Diagnostic>> = entries
        .par_iter_mut()
        .map(|e| {
            let Some(u) = e.article.image.as_deref() else {
                return Vec::new();
            };
            let p = plan.get(u);
            e.image_size = match p {
                Some(p) if p.width > 0 => Some((p.width, p.height)),
                Some(_) => None,
                None => by_url()
                    .get(u.trim_start_matches('/'))
                    .and_then(|abs| crate::load::image::size_of(abs)),
            };
            match p {
                Some(_) => plan.diagnostics_for(u, &e.article.source, e.article.image_loc.line),
                None => Vec::new(),
            }
        })
        .collect();
    diags.extend(said.into_iter().flatten());
    plan
}

/// Every alias of every article and page, in the order they were loaded.
fn aliases(articles: &[ArticleEntry], pages: &[PageEntry]) -> Vec<Alias> {
    let of_articles = articles.iter().flat_map(|e| {
        let a = &e.article;
        a.aliases
            .iter()
            .map(move |(url, loc)| (url, loc, &e.url, &a.title, &a.source))
    });
    let of_pages = pages.iter().flat_map(|e| {
        let p = &e.page;
        p.aliases
            .iter()
            .map(move |(url, loc)| (url, loc, &e.url, &p.title, &p.source))
    });
    let mut out: Vec<Alias> = of_articles
        .chain(of_pages)
        .map(|(url, loc, target, title, source)| Alias {
            url: url.clone(),
            path: urls::alias_path(url),
            target: target.clone(),
            title: title.clone(),
            source: source.clone(),
            line: loc.line,
        })
        .collect();
    out.sort_by(|a, b| (&a.source, a.line).cmp(&(&b.source, b.line)));
    out
}

/// Related articles by relevance (`model::related`): rare shared tags,
/// the same category, closeness in time.
fn related(entries: &[ArticleEntry], tags: &[Term], categories: &[Term]) -> Vec<Vec<usize>> {
    let items: Vec<crate::model::related::Item> = entries
        .iter()
        .map(|e| crate::model::related::Item {
            tags: &e.tags,
            category: e.category,
            secs: e.article.date.ts.as_second(),
        })
        .collect();
    let tag_lists: Vec<&[usize]> = tags.iter().map(|t| t.articles.as_slice()).collect();
    let cat_lists: Vec<&[usize]> = categories.iter().map(|c| c.articles.as_slice()).collect();
    crate::model::related::related(&items, &tag_lists, &cat_lists, RELATED_MAX)
}

/// Articles held back by their schedule, with the address each will have.
pub(super) fn held_entries(
    config: &SiteConfig,
    held: Vec<(std::sync::Arc<Article>, Hold)>,
) -> Vec<HeldEntry> {
    let mut held: Vec<HeldEntry> = held
        .into_iter()
        .map(|(a, why)| HeldEntry {
            url: urls::article_url(&config.permalinks.article, &a, &slugify(&a.category)),
            source: a.source.clone(),
            why,
        })
        .collect();
    held.sort_by(|a, b| a.source.cmp(&b.source));
    held
}

fn check_commentary(
    list: Vec<Commentary>,
    datasets: &[Dataset],
    diags: &mut Diagnostics,
) -> BTreeMap<(String, String), Commentary> {
    let mut out = BTreeMap::new();
    for c in list {
        let Some(ds) = datasets.iter().find(|d| d.slug == c.dataset) else {
            diags.push(
                Diagnostic::error(
                    codes::DATA,
                    c.source.clone(),
                    msg!(m::SITE_NO_DATASET, dataset = &c.dataset),
                )
                .hint(msg!(m::SITE_NO_DATASET_HINT)),
            );
            continue;
        };
        let ok = c.key.is_empty()
            || c.key.parse::<i32>().is_ok_and(|y| ds.year(y).is_some())
            || ds.units.iter().any(|u| u.slug == c.key);
        if !ok {
            diags.push(
                Diagnostic::error(
                    codes::DATA,
                    c.source.clone(),
                    msg!(m::SITE_COMMENTARY_KEY, key = &c.key, dataset = &ds.slug),
                )
                .hint(msg!(
                    m::SITE_COMMENTARY_KEY_HINT,
                    years = ds
                        .years
                        .iter()
                        .map(|y| y.year.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    units = ds
                        .units
                        .iter()
                        .map(|u| u.slug.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            continue;
        }
        out.insert((c.dataset.clone(), c.key.clone()), c);
    }
    out
}

/// What claims an address, named only when two clash.
#[derive(Clone, Copy)]
enum What<'a> {
    Section,
    Category(&'a str),
    Article,
    Page,
}

impl What<'_> {
    fn msg(self) -> Msg {
        match self {
            What::Section => msg!(m::WHAT_SECTION),
            What::Category(name) => msg!(m::WHAT_CATEGORY_NAMED, name = name),
            What::Article => msg!(m::WHAT_THIS_ARTICLE),
            What::Page => msg!(m::WHAT_THIS_PAGE),
        }
    }
}

fn check_urls(
    articles: &[ArticleEntry],
    pages: &[PageEntry],
    categories: &[Term],
    static_files: &[(PathBuf, String)],
    diags: &mut Diagnostics,
) {
    // url -> (file, line, what); borrowed, so 10,000 articles cost no copies.
    let mut seen: HashMap<&str, (&std::path::Path, usize, What)> =
        HashMap::with_capacity_and_hasher(
            articles.len() + categories.len() + pages.len() + 64,
            Default::default(),
        );
    let reserved: Vec<String> = RESERVED.iter().map(|r| format!("/{r}/")).collect();
    let chiso = std::path::Path::new("(chiso)");
    let claims = reserved
        .iter()
        .map(|u| (u.as_str(), chiso, 0, What::Section))
        .chain(categories.iter().map(|c| {
            let file = c.articles.first().map_or(std::path::Path::new(""), |&i| {
                articles[i].article.source.as_path()
            });
            (c.url.as_str(), file, 0, What::Category(&c.name))
        }))
        .chain(articles.iter().map(|a| {
            (
                a.url.as_str(),
                a.article.source.as_path(),
                a.article.slug_loc.line,
                What::Article,
            )
        }))
        .chain(pages.iter().map(|p| {
            (
                p.url.as_str(),
                p.page.source.as_path(),
                p.page.slug_loc.line,
                What::Page,
            )
        }));
    for (url, file, line, what) in claims {
        let Some(&(f, l, w)) = seen.get(url) else {
            seen.insert(url, (file, line, what));
            continue;
        };
        let other = if l > 0 {
            format!("{}:{l}", f.display())
        } else {
            f.display().to_string()
        };
        diags.push(
            Diagnostic::error(
                codes::DUPLICATE_URL,
                file.to_path_buf(),
                msg!(
                    m::SITE_URL_CLASH,
                    what = what.msg(),
                    url = url,
                    other_what = w.msg(),
                    other = other
                ),
            )
            .at(line, 0)
            .hint(msg!(m::SITE_URL_CLASH_HINT)),
        );
    }
    for (abs, url) in static_files {
        let top = url.split('/').next().unwrap_or("");
        if RESERVED.contains(&top) || url == "404.html" || url == "index.html" {
            diags.push(
                Diagnostic::error(
                    codes::DUPLICATE_URL,
                    abs.clone(),
                    msg!(m::SITE_STATIC_CLASH, url = url),
                )
                .hint(msg!(m::SITE_STATIC_CLASH_HINT)),
            );
        }
    }
}

/// Categories or tags as the near-miss check sees them.
fn near_terms(terms: &[Term]) -> Vec<super::near::NearTerm<'_>> {
    terms
        .iter()
        .map(|t| super::near::NearTerm {
            name: &t.name,
            slug: &t.slug,
            articles: &t.articles,
        })
        .collect()
}
