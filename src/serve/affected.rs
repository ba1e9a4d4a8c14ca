//! What an edit affects: the jobs whose output may differ from the last
//! build's, and whether the set of pages changed.

use crate::load::content::Article;
use crate::load::theme::{Theme, names};
use crate::model::images::PlannedImage;
use crate::model::site::{ArticleEntry, Site, Term};
use crate::model::urls::{index_path, page_count, paginate_url};
use crate::render::job::Job;
use crate::render::pages::list::{ListKind, ListPage};
use crate::serve::dirty::Dirty;
use crate::util::idhash::FastHashMap;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// What the last good rebuild left to compare with.
#[derive(Clone, Copy)]
pub struct Last<'a> {
    pub site: Option<&'a Site>,
    pub theme: Option<&'a Theme>,
    /// Slugs of the tags of articles edited in this rebuild (before and after).
    pub touched_tags: &'a BTreeSet<String>,
    /// Edited articles that every other page shows as before (a body
    /// edit): the new article's address → the old one's (`Arc::as_ptr`).
    pub lookalike: &'a HashMap<usize, usize>,
    /// Some article read again shows differently elsewhere (not all are
    /// `lookalike`).
    pub cards_changed: bool,
}

/// The jobs whose output may differ from the last build's. Unchanged
/// articles keep their `Arc` between rebuilds, so comparing pointers
/// tells whether a list page or a related-articles box changed.
pub fn affected_jobs(last: Last, site: &Site, dirty: &Dirty, full: bool) -> Vec<Job> {
    let all = crate::render::jobs::all_jobs(site);
    let Some(old) = last.site.filter(|_| !full) else {
        return all;
    };
    // Where an unchanged article was: most often at the same place.
    let old_index = std::cell::OnceCell::<FastHashMap<*const Article, usize>>::new();
    let old_of = |i: usize| -> Option<usize> {
        let a = &site.articles[i].article;
        if old
            .articles
            .get(i)
            .is_some_and(|o| Arc::ptr_eq(&o.article, a))
        {
            return Some(i);
        }
        let index = old_index.get_or_init(|| {
            old.articles
                .iter()
                .enumerate()
                .map(|(i, e)| (Arc::as_ptr(&e.article), i))
                .collect()
        });
        index.get(&Arc::as_ptr(a)).copied()
    };
    let same = |new_i: usize, old_i: usize| {
        let (n, o) = (&site.articles[new_i].article, &old.articles[old_i].article);
        Arc::ptr_eq(n, o)
            || last.lookalike.get(&(Arc::as_ptr(n) as usize)) == Some(&(Arc::as_ptr(o) as usize))
    };

    let old_terms = |kind: ListKind, at: usize, slug: &str| -> Option<&Term> {
        match kind {
            ListKind::Home => Some(&old.home),
            ListKind::Category => term_at(&old.categories, at, slug),
            ListKind::Tag => term_at(&old.tags, at, slug),
        }
    };
    let mut by_template: BTreeSet<String> = BTreeSet::new();
    if let Some(theme) = last.theme {
        for t in &dirty.templates {
            by_template.extend(theme.dependents(t));
        }
    }
    let uses_changed_template = |j: Job| match j {
        _ if by_template.is_empty() => false,
        Job::Data(_) => [names::DATASET, names::DATASET_YEAR, names::DATASET_UNIT]
            .iter()
            .any(|t| by_template.contains(*t)),
        j => crate::render::jobs::template_of(site, j).is_some_and(|t| by_template.contains(t)),
    };
    let photos = changed_photos(old, site, dirty);
    let shown_everywhere = [
        site.config.portal.logo.as_ref().map(|l| l.url.as_str()),
        site.config.share_image.as_ref().map(|s| s.url.as_str()),
    ];
    if shown_everywhere
        .iter()
        .flatten()
        .any(|u| photos.contains(u.trim_start_matches('/')))
    {
        return all;
    }
    // Most edits change no photo: then no article is even looked at here
    // (reading 10,000 of them costs more than all the rest of this).
    let lead_changed = |a: &Article| leads_with(a, &photos);
    let shows_changed = |a: &Article| shows_photo(a, &photos);
    let per = site.config.articles_per_page.max(1);

    all.into_iter()
        .filter(|&j| {
            uses_changed_template(j)
                || match j {
                    Job::Article(i) => {
                        let e = &site.articles[i];
                        let Some(oi) = old_of(i) else {
                            return true; // new or edited
                        };
                        (dirty.data && e.article.body.uses_shortcodes())
                            || shows_changed(&e.article)
                            || e.related.len() != old.articles[oi].related.len()
                            || e.related
                                .iter()
                                .zip(&old.articles[oi].related)
                                .any(|(&n, &o)| !same(n, o))
                    }
                    Job::List(ListPage { kind, term, page }) => {
                        let at = term;
                        let term = crate::render::jobs::list_term(site, kind, term);
                        let Some(old_term) = old_terms(kind, at, &term.slug) else {
                            return true;
                        };
                        let pages = |t: &Term| page_count(t.articles.len(), per);
                        let (new_p, old_p) =
                            (page_of(term, page, per), page_of(old_term, page, per));
                        // A story without a photo shows its first chart's
                        // card, whose address follows the data.
                        let chart_thumb = |&n: &usize| {
                            let a = &site.articles[n].article;
                            a.image.is_none() && a.body.uses_shortcodes()
                        };
                        // The front page also picks stories beyond its
                        // page and shows each category's newest.
                        (kind == ListKind::Home && page == 1 && last.cards_changed)
                            || (dirty.data
                                && (kind == ListKind::Home || new_p.iter().any(chart_thumb)))
                            || new_p
                                .iter()
                                .any(|&n| lead_changed(&site.articles[n].article))
                            || pages(term) != pages(old_term)
                            || term.name != old_term.name
                            || new_p.len() != old_p.len()
                            || new_p.iter().zip(old_p).any(|(&n, &o)| !same(n, o))
                    }
                    Job::Page(_) => dirty.pages || dirty.data || !photos.is_empty(),
                    // Unit pages list the articles tagged with the unit.
                    Job::Data(d) => {
                        dirty.data
                            || site.datasets[d].units.iter().any(|u| {
                                last.touched_tags.contains(&u.slug)
                                    || last
                                        .touched_tags
                                        .contains(&crate::util::text::slugify(&u.name))
                                    || last
                                        .touched_tags
                                        .contains(&crate::util::text::slugify(&u.short))
                            })
                    }
                    Job::DataIndex => dirty.data,
                    Job::Feed => !dirty.articles.is_empty(),
                    Job::Static | Job::Image(_) => dirty.statics,
                    // An alias names its target's title and address.
                    Job::Alias(_) | Job::Redirects => !dirty.articles.is_empty() || dirty.pages,
                    Job::Search => !dirty.articles.is_empty() || dirty.pages || dirty.data,
                    Job::Archive(p) => {
                        !dirty.articles.is_empty() && archive_changed(old, site, p, &same)
                    }
                    Job::NotFound | Job::Assets => false,
                }
        })
        .collect()
}

/// The term of `slug` among `ts`, most often at number `at` as before.
fn term_at<'t>(ts: &'t [Term], at: usize, slug: &str) -> Option<&'t Term> {
    ts.get(at)
        .filter(|t| t.slug == slug)
        .or_else(|| ts.iter().find(|t| t.slug == slug))
}

/// The articles on page `p` (from 1) of a list of `per` a page.
fn page_of(t: &Term, p: usize, per: usize) -> &[usize] {
    &t.articles[((p - 1) * per).min(t.articles.len())..(p * per).min(t.articles.len())]
}

/// Whether page `p` of the archive may differ from the last build's: it
/// lists each article's title, address, date and category name.
fn archive_changed(old: &Site, site: &Site, p: usize, same: &dyn Fn(usize, usize) -> bool) -> bool {
    use crate::model::urls::ARCHIVE_PER_PAGE;
    if old.articles.len() != site.articles.len() {
        return true; // the pages and their pagination shift
    }
    let from = ((p - 1) * ARCHIVE_PER_PAGE).min(site.articles.len());
    let to = (p * ARCHIVE_PER_PAGE).min(site.articles.len());
    (from..to).any(|k| {
        let (n, o) = (&site.articles[k], &old.articles[k]);
        !same(k, k) || site.categories[n.category].name != old.categories[o.category].name
    })
}

/// Whether one of `photos` (as `changed_photos` gives them) is `a`'s lead photo.
pub fn leads_with(a: &Article, photos: &BTreeSet<String>) -> bool {
    !photos.is_empty()
        && a.image
            .as_deref()
            .is_some_and(|u| photos.contains(u.trim_start_matches('/')))
}

/// Whether `a` shows one of `photos`: as its lead photo or in its body.
pub fn shows_photo(a: &Article, photos: &BTreeSet<String>) -> bool {
    !photos.is_empty()
        && (leads_with(a, photos)
            || photos
                .iter()
                // A body not held (never in serve) may show it.
                .any(|u| a.body.held().is_none_or(|b| b.contains(u.as_str()))))
}

/// Addresses (without the leading `/`) of the photos whose plan differs
/// from the last site's (replaced by one of another size, added, removed):
/// the pages showing them have other `<img>` sizes and `srcset`s. Empty
/// unless static files were edited.
pub fn changed_photos(old: &Site, site: &Site, dirty: &Dirty) -> BTreeSet<String> {
    if !dirty.statics {
        return BTreeSet::new();
    }
    let same = |a: &PlannedImage, b: &PlannedImage| {
        a.probe == b.probe
            && a.resize == b.resize
            && (a.width, a.height) == (b.width, b.height)
            && a.widths == b.widths
            && a.shares == b.shares
    };
    let mut out: BTreeSet<String> = site
        .images
        .images
        .iter()
        .filter(|p| old.images.get(&p.url).is_none_or(|o| !same(o, p)))
        .map(|p| p.url.clone())
        .collect();
    out.extend(
        old.images
            .images
            .iter()
            .filter(|o| site.images.get(&o.url).is_none())
            .map(|o| o.url.clone()),
    );
    out
}

/// Whether the set of pages may differ from the last build's: an article
/// added, removed or moved, or a list gaining or losing a page.
pub fn page_set_changed(last: Option<&Site>, site: &Site, dirty: &Dirty) -> bool {
    let Some(old) = last else { return true };
    let pages = |ts: &[Term]| -> usize {
        let per = site.config.articles_per_page.max(1);
        ts.iter().map(|t| page_count(t.articles.len(), per)).sum()
    };
    if old.articles.len() != site.articles.len()
        || old.categories.len() != site.categories.len()
        || old.tags.len() != site.tags.len()
        || pages(&old.categories) != pages(&site.categories)
        || pages(&old.tags) != pages(&site.tags)
    {
        return true;
    }
    dirty.articles.iter().any(|src| {
        // Compared as bytes: `Path`'s == compares component by component.
        let url = |s: &Site| {
            s.articles
                .iter()
                .find(|e| e.article.source.as_os_str() == src.as_os_str())
                .map(|e| e.url.clone())
        };
        url(old) != url(site)
    })
}

/// Every article, list and plain page the site has now, the search page
/// and the archive's pages.
pub fn expected_pages(site: &Site) -> BTreeSet<String> {
    let per = site.config.articles_per_page.max(1);
    let mut s: BTreeSet<String> = site.articles.iter().map(|e| index_path(&e.url)).collect();
    s.extend(site.pages.iter().map(|p| index_path(&p.url)));
    for t in std::iter::once(&site.home)
        .chain(&site.categories)
        .chain(&site.tags)
    {
        for p in 1..=page_count(t.articles.len(), per) {
            s.insert(index_path(&paginate_url(&t.url, p)));
        }
    }
    if site.config.search.enabled {
        s.insert(index_path(&crate::model::urls::search_url()));
    }
    let archive = crate::model::urls::archive_url();
    let archive_pages = page_count(site.articles.len(), crate::model::urls::ARCHIVE_PER_PAGE);
    for p in 1..=archive_pages {
        s.insert(index_path(&paginate_url(&archive, p)));
    }
    s
}

/// A page that `expected_pages` lists when the site still has it
/// (index.html outside /chi-so/).
pub fn is_page(p: &str) -> bool {
    p.ends_with("index.html") && !p.starts_with(crate::model::urls::DATA_PREFIX)
}

/// Whether two versions of an article agree on everything another page
/// may show of it or sort it by (all but the body and where things sit in
/// its file).
pub fn same_card(site: &Site, e: &ArticleEntry, old: &Site, o: &ArticleEntry) -> bool {
    let (a, b) = (&e.article, &o.article);
    let tag_slugs = |s: &Site, x: &ArticleEntry| -> Vec<String> {
        x.tags.iter().map(|&t| s.tags[t].slug.clone()).collect()
    };
    let aliases =
        |x: &Article| -> Vec<String> { x.aliases.iter().map(|(u, _)| u.clone()).collect() };
    e.url == o.url
        && e.image_size == o.image_size
        && site.categories[e.category].name == old.categories[o.category].name
        && site.categories[e.category].slug == old.categories[o.category].slug
        && tag_slugs(site, e) == tag_slugs(old, o)
        && a.title == b.title
        && a.slug == b.slug
        && a.date == b.date
        && a.publish == b.publish
        && a.expiry == b.expiry
        && a.author == b.author
        && a.category == b.category
        && a.tags == b.tags
        && a.summary == b.summary
        && a.image == b.image
        && a.image_caption == b.image_caption
        && a.image_focus == b.image_focus
        && a.draft == b.draft
        && a.featured == b.featured
        && aliases(a) == aliases(b)
        && a.body.uses_shortcodes() == b.body.uses_shortcodes()
}

/// Edited articles whose address changed since the last site.
pub fn moved(last: Option<&Site>, site: &Site, dirty: &Dirty) -> Vec<(String, String)> {
    let Some(last) = last else { return Vec::new() };
    let url_in = |s: &Site, src: &PathBuf| {
        s.articles
            .iter()
            .find(|e| e.article.source.as_os_str() == src.as_os_str())
            .map(|e| format!("{}{}", s.url_prefix(), e.url))
    };
    dirty
        .articles
        .iter()
        .filter_map(|src| match (url_in(last, src), url_in(site, src)) {
            (Some(a), Some(b)) if a != b => Some((a, b)),
            _ => None,
        })
        .collect()
}
