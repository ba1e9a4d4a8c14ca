//! serve's index of a whole site (`Cache::update_site`): an article that
//! is the same `Article` at the same number as at the last update, with
//! the same address, category and body text, is known by the hash it had
//! then, without making its head or hashing its text again (a body edit
//! makes one article new, not 10,000).

use super::{Cache, Item, Source};
use crate::load::content::Article;
use crate::model::site::Site;
use crate::output::sink::OutputFile;
use crate::search::{Doc, article_head, article_text, article_text_hash, categories};
use rayon::prelude::*;
use std::sync::Arc;

/// An article's body text as serve holds it, and that text's hash
/// (`render::markdown::Body::text_hash`) when it has one.
pub struct BodyText<'a> {
    pub text: &'a str,
    pub hash: Option<u128>,
}

/// What an article's document was made of at the last update, and its
/// hash then.
struct Was {
    /// Held, so no other article can be at its address while it is here.
    article: Arc<Article>,
    url: String,
    category: usize,
    body: u128,
    hash: u128,
}

/// The articles as the last `update_site` saw them, by number, for the
/// base path and categories it was given.
#[derive(Default)]
pub(super) struct Seen {
    of: Option<(String, Vec<String>)>,
    at: Vec<Option<Was>>,
}

impl Cache {
    /// The index of `site`: its articles (their bodies' texts by `body`),
    /// then `others` (`search::other_documents`); the files that differ
    /// from the last update's, as `update` returns them.
    pub fn update_site<'a>(
        &mut self,
        site: &'a Site,
        body: impl Fn(usize) -> BodyText<'a> + Sync,
        others: Vec<Doc>,
    ) -> Vec<OutputFile> {
        let prefix = site.url_prefix();
        let cats = categories(site);
        let n = site.articles.len();
        let mut seen = std::mem::take(&mut self.seen);
        if seen
            .of
            .as_ref()
            .is_none_or(|(p, c)| p != prefix || *c != cats)
        {
            seen.at.clear();
        }
        seen.at.resize_with(n, || None);
        // Each article's item, and when it is new, its body's hash if known.
        let (mut items, new): (Vec<Item>, Vec<Option<Option<u128>>>) = (0..n)
            .into_par_iter()
            .map(|i| {
                let e = &site.articles[i];
                let b = body(i);
                let known = seen.at[i].as_ref().filter(|w| {
                    Arc::ptr_eq(&w.article, &e.article)
                        && w.url == e.url
                        && w.category == e.category
                        && b.hash == Some(w.body)
                        && self.docs.contains_key(&w.hash)
                });
                match known {
                    Some(w) => {
                        let year = e.article.date.local.year() as i32;
                        let (hash, category) = (w.hash, e.category);
                        (
                            Item::Known {
                                hash,
                                category,
                                year,
                            },
                            None,
                        )
                    }
                    None => {
                        let source = Source {
                            doc: article_head(site, i),
                            parts: article_text(site, i, b.text).to_vec(),
                            text_hash: b.hash.map(|h| article_text_hash(site, i, h)),
                        };
                        (Item::New(source), Some(b.hash))
                    }
                }
            })
            .unzip();
        items.extend(others.into_iter().map(|doc| {
            Item::New(Source {
                doc,
                parts: Vec::new(),
                text_hash: None,
            })
        }));
        let files = self.update_items(prefix, &cats, items);
        let order = &self.index.as_ref().expect("an index was made").order;
        for (i, body) in new.into_iter().enumerate() {
            let Some(body) = body else { continue };
            let e = &site.articles[i];
            seen.at[i] = body.map(|body| Was {
                article: e.article.clone(),
                url: e.url.clone(),
                category: e.category,
                body,
                hash: order[i],
            });
        }
        seen.of = Some((prefix.to_string(), cats));
        self.seen = seen;
        files
    }
}
