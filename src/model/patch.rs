//! The model after a save that changed no article's place in it (most
//! often a body edit): the last site with the edited articles swapped in,
//! instead of slugs, terms, addresses, related lists and the photo plan
//! computed again for every article. What `site::build` would make of the
//! same input, byte for byte (serve's tests compare with a fresh build).

use crate::data::Dataset;
use crate::load::config::SiteConfig;
use crate::load::content::Article;
use crate::load::schedule::Hold;
use crate::model::site::{ArticleEntry, Site, held_entries, model_order};
use std::sync::Arc;

/// Whether two versions of an article give the model the same site: the
/// same address, place, category, tags, photo, aliases, and the same
/// places in the file for what the model warns about. Only what the model
/// reads through the article itself may differ (body, summary, author,
/// caption, the title of an article without aliases).
pub fn same_for_model(a: &Article, b: &Article) -> bool {
    a.source == b.source
        // Only an alias's redirect page names its article's title.
        && (a.title == b.title || a.aliases.is_empty())
        && a.slug == b.slug
        && a.slug_loc == b.slug_loc
        && a.date == b.date
        && a.publish == b.publish
        && a.expiry == b.expiry
        && a.category == b.category
        && a.tags == b.tags
        && a.image == b.image
        && a.image_loc == b.image_loc
        && a.image_focus == b.image_focus
        && a.aliases == b.aliases
        && a.draft == b.draft
}

/// `last` with `articles` (in any order) in place of its own, when every
/// one that differs from its namesake is `same_for_model` and the set of
/// sources is the same; `None` otherwise. The caller vouches that nothing
/// but articles changed since `last` (no page, data, static file, config).
pub fn patch(
    last: &Site,
    config: SiteConfig,
    articles: &[Arc<Article>],
    held: Vec<(Arc<Article>, Hold)>,
    datasets: Vec<Dataset>,
) -> Option<Site> {
    if articles.len() != last.articles.len() {
        return None;
    }
    let mut sorted: Vec<&Arc<Article>> = articles.iter().collect();
    sorted.sort_by(|a, b| model_order(a, b));
    let same = sorted
        .iter()
        .zip(&last.articles)
        .all(|(a, e)| Arc::ptr_eq(a, &e.article) || same_for_model(a, &e.article));
    if !same {
        return None;
    }
    let entries = sorted
        .iter()
        .zip(&last.articles)
        .map(|(a, e)| ArticleEntry {
            article: Arc::clone(a),
            url: e.url.clone(),
            category: e.category,
            tags: e.tags.clone(),
            related: e.related.clone(),
            image_size: e.image_size,
        })
        .collect();
    Some(Site {
        held: held_entries(&config, held),
        config,
        articles: entries,
        pages: last.pages.clone(),
        categories: last.categories.clone(),
        tags: last.tags.clone(),
        home: last.home.clone(),
        datasets,
        commentary: last.commentary.clone(),
        static_files: last.static_files.clone(),
        aliases: last.aliases.clone(),
        share_image_size: last.share_image_size,
        images: last.images.clone(),
    })
}
