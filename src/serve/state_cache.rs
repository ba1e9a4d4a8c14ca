//! What a rebuild reuses from the last one: each article's rendered body
//! and teaser while it is unchanged, the last good build's by place, and
//! which edited articles every other page shows as before.

use super::State;
use crate::load::content::Article;
use crate::model::site::Site;
use crate::render::markdown;
use crate::render::renderer::{Renderer, Shared};
use crate::serve::affected::{same_card, shows_photo};
use crate::serve::dirty::Dirty;
use crate::util::idhash::{FastBuild, path_key};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// An article's rendered body, kept while the article (and, if it shows
/// data, the data) is unchanged.
pub(super) struct CachedBody {
    pub(super) article: Arc<Article>,
    pub(super) data_version: u64,
    /// The body has shortcodes, so a data edit changes it.
    pub(super) uses_data: bool,
    pub(super) body: Arc<markdown::Body>,
}

/// An article's teaser, kept while the article and its category's name are
/// unchanged.
pub(super) struct CachedTeaser {
    pub(super) article: Arc<Article>,
    pub(super) category: String,
    /// The data it was made with: a story without a photo shows its first
    /// chart's card, whose address follows the data.
    pub(super) data_version: u64,
    pub(super) teaser: tera::Value,
}

/// Whether a teaser may depend on the data (no photo, a shortcode).
fn teaser_uses_data(a: &Article) -> bool {
    a.image.is_none() && a.body.uses_shortcodes()
}

/// The last good build's bodies and teasers, by its article order: an
/// article that is the same `Arc` at the same place reuses them without a
/// lookup by path (the lookup reads all 10,000 articles on every save).
pub(super) struct Prev {
    pub(super) teasers: Vec<tera::Value>,
    pub(super) bodies: Vec<Option<Arc<markdown::Body>>>,
    pub(super) data_version: u64,
}

impl State {
    /// Bodies and teasers, reusing those of unchanged articles.
    pub(super) fn shared(&self, r: &Renderer) -> Shared {
        let site = r.site;
        let dv = self.data_version;
        // The last build's, for an article at the same place: same data,
        // same photo plan, same category name.
        let prev = self.prev.as_ref().zip(self.last.as_ref()).filter(|(p, l)| {
            p.data_version == dv
                && Arc::ptr_eq(&l.images, &site.images)
                && p.teasers.len() == l.articles.len()
                && p.bodies.len() == l.articles.len()
        });
        let kept = |i: usize| -> Option<(&Prev, &Site)> {
            let (p, l) = prev?;
            let (e, o) = (&site.articles[i], l.articles.get(i)?);
            (Arc::ptr_eq(&e.article, &o.article)
                && site.categories[e.category].name == l.categories[o.category].name)
                .then_some((p, l))
        };
        Shared::with_cache(
            r,
            |i| {
                if let Some(b) = kept(i).and_then(|(p, _)| p.bodies[i].clone()) {
                    return Some(b);
                }
                let a = &site.articles[i].article;
                let c = self.bodies.get(&path_key(&a.source))?;
                (Arc::ptr_eq(&c.article, a) && (!c.uses_data || c.data_version == dv))
                    .then(|| c.body.clone())
            },
            |i| {
                if let Some((p, _)) = kept(i) {
                    return Some(p.teasers[i].clone());
                }
                let e = &site.articles[i];
                let c = self.teasers.get(&path_key(&e.article.source))?;
                (Arc::ptr_eq(&c.article, &e.article)
                    && c.category == site.categories[e.category].name
                    && (!teaser_uses_data(&e.article) || c.data_version == dv))
                    .then(|| c.teaser.clone())
            },
        )
    }

    /// Articles read again that every page but their own shows as before
    /// (most often a body edit): the same teaser, and the same fields lists,
    /// the archive and the home page read. New `Arc::as_ptr` → old.
    pub(super) fn lookalike(
        &self,
        site: &Site,
        shared: &Shared,
        dirty: &Dirty,
    ) -> HashMap<usize, usize> {
        let mut out = HashMap::new();
        let Some(old) = self.last.as_ref().filter(|_| !dirty.data) else {
            return out;
        };
        let find = |s: &Site, src: &Path| {
            s.articles
                .iter()
                .position(|e| e.article.source.as_os_str() == src.as_os_str())
        };
        for src in &self.reloaded {
            let (Some(i), Some(oi)) = (find(site, src), find(old, src)) else {
                continue;
            };
            let (e, o) = (&site.articles[i], &old.articles[oi]);
            // The teaser the last build showed: the cached one, when it was
            // made for that article, category name and data.
            let shown = self.teasers.get(&path_key(src)).filter(|c| {
                Arc::ptr_eq(&c.article, &o.article)
                    && c.category == old.categories[o.category].name
                    && c.data_version == self.data_version
            });
            if i == oi
                && shown.is_some_and(|c| c.teaser == shared.teasers[i])
                && same_card(site, e, old, o)
            {
                out.insert(
                    Arc::as_ptr(&e.article) as usize,
                    Arc::as_ptr(&o.article) as usize,
                );
            }
        }
        out
    }

    /// Forget the teasers of the stories showing one of `photos`
    /// (`changed_photos`): the next render makes them again. (Bodies keep:
    /// their `<img>`s are sized from the plan when their page is made.)
    pub(super) fn forget_photos(&mut self, photos: &BTreeSet<String>) {
        if !photos.is_empty() {
            self.teasers.retain(|_, c| !shows_photo(&c.article, photos));
        }
    }

    /// Keep new bodies and teasers: after an article edit only the edited
    /// ones are new, and the teasers showing a changed photo (`photos`);
    /// after a data or full rebuild, any may be.
    pub(super) fn remember(
        &mut self,
        r: &Renderer,
        shared: &Shared,
        dirty: &Dirty,
        full: bool,
        photos: &BTreeSet<String>,
    ) {
        let site = r.site;
        let dv = self.data_version;
        // Compared as bytes: a `BTreeSet<PathBuf>` lookup compares paths
        // component by component, 10,000 times a save.
        let edited: HashSet<&std::ffi::OsStr, FastBuild> =
            dirty.articles.iter().map(|p| p.as_os_str()).collect();
        let every = full || dirty.data;
        for (i, e) in site.articles.iter().enumerate() {
            if !(every
                || edited.contains(e.article.source.as_os_str())
                || shows_photo(&e.article, photos))
            {
                continue;
            }
            let key = path_key(&e.article.source);
            let fresh = self
                .bodies
                .get(&key)
                .is_none_or(|c| !Arc::ptr_eq(&c.article, &e.article) || c.data_version != dv);
            if fresh {
                let body = CachedBody {
                    article: e.article.clone(),
                    data_version: dv,
                    uses_data: e.article.body.uses_shortcodes(),
                    body: shared.body(r, i),
                };
                self.bodies.insert(key, body);
            }
            let category = &site.categories[e.category].name;
            let fresh = self.teasers.get(&key).is_none_or(|c| {
                !Arc::ptr_eq(&c.article, &e.article)
                    || c.category != *category
                    || c.data_version != dv
            });
            if fresh {
                let teaser = CachedTeaser {
                    article: e.article.clone(),
                    category: category.clone(),
                    data_version: dv,
                    teaser: shared.teasers[i].clone(),
                };
                self.teasers.insert(key, teaser);
            }
        }
        if self.bodies.len() != self.articles.len() || self.teasers.len() != self.articles.len() {
            self.bodies
                .retain(|_, c| self.articles.contains_key(&c.article.source));
            self.teasers
                .retain(|_, c| self.articles.contains_key(&c.article.source));
        }
    }
}
