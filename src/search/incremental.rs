//! serve's index, kept between rebuilds: what each document gives the
//! index (its keys and weights, its result fragment) by a hash of all it
//! is made of, and the index as last written (each key's postings, the
//! shards' keys in order). An edit tokenises only the documents whose hash
//! is new and returns only the files whose bytes may have changed; the
//! files are byte for byte those `index_files` writes for the same
//! documents (`tests` below, and `serve::state`'s tests against a build).
//!
//! When only some documents changed in place (same count, the others at
//! the same numbers) only the keys those documents gain, lose or weigh
//! differently are re-encoded, and only their shards rewritten; otherwise
//! (a document added, removed or moved) every postings string is encoded
//! again from the kept keys, with no tokenising.

use super::files::{fragment, fragment_path, key_json, meta, shard_count, shard_path, version};
use super::invert::{Fast, Interner, PAIR, Words, doc_keys};
use super::postings::{Postings, Weight};
use super::{Doc, doc_hash, fnv1a32, text_hash};
use crate::output::sink::OutputFile;
use rayon::prelude::*;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// Documents changed in place beyond which the index is encoded again
/// from the kept keys rather than patched key by key.
const MAX_PATCHED: usize = 64;
/// Documents tokenised by one task.
const CHUNK: usize = 32;

/// One document for `Cache::update`. Its text is `parts` joined, or
/// `doc.text` when `parts` is empty, so an unchanged article's text is
/// hashed where it lies, never copied.
pub(super) struct Source<'a> {
    pub doc: Doc,
    pub parts: Vec<&'a str>,
    /// A hash that tells the text apart (`search::article_text_hash`); by
    /// default `text_hash` of the text.
    pub text_hash: Option<u128>,
}

impl Source<'_> {
    fn text(&self) -> Vec<&str> {
        if self.parts.is_empty() {
            vec![self.doc.text.as_str()]
        } else {
            self.parts.clone()
        }
    }
}

/// A key as written: its folded text ("ban", "mot cua"), its exact form
/// ("bản"; empty for a pair) and the hash that picks its shard.
struct Key {
    text: Box<str>,
    exact: Box<str>,
    pair: bool,
    hash: u32,
}

/// What one document gives the index.
struct Entry {
    /// Key ids, ascending, and the weight of each.
    keys: Box<[u32]>,
    weights: Box<[Weight]>,
    fragment: String,
    fnv: u32,
}

/// One document for `Cache::update_items`: new (its hash computed here,
/// tokenised when the hash has no entry yet), or known to be the one of
/// that hash, which has an entry.
pub(super) enum Item<'a> {
    New(Source<'a>),
    Known {
        hash: u128,
        category: usize,
        year: i32,
    },
}

impl Item<'_> {
    fn info(&self) -> (usize, i32) {
        match self {
            Item::New(s) => (s.doc.category, s.doc.year),
            Item::Known { category, year, .. } => (*category, *year),
        }
    }
}

/// A new document's keys (as `invert` composes them) and its fragment.
type Tokenised = (Vec<(u64, Weight)>, String);

/// A document's new weight for a key (`None`: it no longer has the key).
type Change = (u32, Option<Weight>);

/// The index as last returned.
struct Index {
    /// Each document's hash, in index order.
    order: Vec<u128>,
    /// By key id.
    postings: Vec<Postings>,
    /// Each shard's keys that have postings, by (text, exact).
    shards: Vec<Vec<u32>>,
    shard_fnv: Vec<u32>,
    /// What the shard count is computed from (`files::shard_count`).
    size: usize,
}

/// serve's index between rebuilds.
#[derive(Default)]
pub struct Cache {
    folded: Interner,
    exact: Interner,
    /// Key (as `invert` composes it) → key id.
    ids: HashMap<u64, u32, Fast>,
    keys: Vec<Key>,
    docs: HashMap<u128, Entry, Fast>,
    index: Option<Index>,
    /// Files of the last index that this one no longer has.
    gone: Vec<String>,
    /// The articles as the last `update_site` saw them.
    seen: site::Seen,
}

impl Cache {
    /// Forget the index as written (the documents' keys stay): the next
    /// update returns every file. For a rebuild whose files were not all
    /// written.
    pub fn reset(&mut self) {
        self.index = None;
        self.gone.clear();
    }

    /// Files the last update's index no longer has (fewer shards or
    /// documents than before), to remove.
    pub fn take_gone(&mut self) -> Vec<String> {
        std::mem::take(&mut self.gone)
    }

    /// `update_items` of new documents only, the articles' memory
    /// (`update_site`) forgotten.
    #[cfg(test)]
    pub(super) fn update(
        &mut self,
        prefix: &str,
        cats: &[String],
        sources: Vec<Source>,
    ) -> Vec<OutputFile> {
        self.seen = site::Seen::default();
        let items = sources.into_iter().map(Item::New).collect();
        self.update_items(prefix, cats, items)
    }

    /// The index of `items` (in index order) for a site of base path
    /// `prefix` and categories `cats` (`search::categories`): the files that
    /// differ from the last update's, or every file after `reset` and the
    /// first time.
    pub(super) fn update_items(
        &mut self,
        prefix: &str,
        cats: &[String],
        items: Vec<Item>,
    ) -> Vec<OutputFile> {
        let hashes: Vec<u128> = items
            .par_iter()
            .map(|it| match it {
                Item::New(s) => {
                    let text = s.text_hash.unwrap_or_else(|| text_hash(&s.text()));
                    doc_hash(prefix, &s.doc, &cats[s.doc.category], text)
                }
                Item::Known { hash, .. } => *hash,
            })
            .collect();
        let info: Vec<(usize, i32)> = items.iter().map(Item::info).collect();
        self.add_missing(prefix, cats, &items, &hashes);
        drop(items);
        let mut files = Vec::new();
        let (old_shards, old_docs) = self
            .index
            .as_ref()
            .map_or((0, 0), |ix| (ix.shards.len(), ix.order.len()));
        let index = match self.index.take() {
            Some(ix)
                if ix.order.len() == hashes.len()
                    && changed(&ix.order, &hashes).len() <= MAX_PATCHED =>
            {
                self.patch(ix, hashes, &mut files)
            }
            _ => self.rebuild(hashes, &mut files),
        };
        self.gone = (index.shards.len()..old_shards)
            .map(shard_path)
            .chain((index.order.len()..old_docs).map(fragment_path))
            .collect();
        let fnvs = index.order.iter().map(|h| self.docs[h].fnv);
        let v = version(index.shard_fnv.iter().copied().chain(fnvs));
        files.push(meta(cats, v, index.shards.len(), &info));
        // Fewer entries than documents: none is stale (unless two
        // documents are the same, and then a stale entry is harmless).
        if self.docs.len() > index.order.len() {
            let live: HashSet<u128, Fast> = index.order.iter().copied().collect();
            self.docs.retain(|h, _| live.contains(h));
        }
        self.index = Some(index);
        files
    }

    /// Tokenise the documents whose hash has no entry yet.
    fn add_missing(&mut self, prefix: &str, cats: &[String], items: &[Item], hashes: &[u128]) {
        let mut seen = HashSet::new();
        let missing: Vec<(usize, &Source)> = items
            .iter()
            .enumerate()
            .filter_map(|(i, it)| match it {
                Item::New(s) => Some((i, s)),
                Item::Known { .. } => None,
            })
            .filter(|&(i, _)| !self.docs.contains_key(&hashes[i]) && seen.insert(hashes[i]))
            .collect();
        let (folded, exact) = (&self.folded, &self.exact);
        let built: Vec<Vec<Tokenised>> = missing
            .par_chunks(CHUNK)
            .map(|chunk| {
                let docs: Vec<Cow<Doc>> = chunk
                    .iter()
                    .map(|&(_, s)| {
                        if s.parts.is_empty() {
                            Cow::Borrowed(&s.doc)
                        } else {
                            let mut d = s.doc.clone();
                            d.text = s.parts.concat();
                            Cow::Owned(d)
                        }
                    })
                    .collect();
                let mut words = Words::new(folded, exact);
                docs.iter()
                    .map(|d| {
                        let mut keys = Vec::new();
                        doc_keys(&mut words, d, &mut keys);
                        (keys, fragment(prefix, cats, d))
                    })
                    .collect()
            })
            .collect();
        for (&(i, _), (keys, fragment)) in missing.iter().zip(built.into_iter().flatten()) {
            let mut kw: Vec<(u32, Weight)> = keys
                .into_iter()
                .map(|(k, mut w)| {
                    if k & PAIR != 0 {
                        w.body = 0; // a pair's postings keep only the title flag
                    }
                    (self.key_id(k), w)
                })
                .collect();
            kw.sort_unstable_by_key(|&(k, _)| k);
            let fnv = fnv1a32(&fragment);
            let entry = Entry {
                keys: kw.iter().map(|&(k, _)| k).collect(),
                weights: kw.iter().map(|&(_, w)| w).collect(),
                fragment,
                fnv,
            };
            self.docs.insert(hashes[i], entry);
        }
    }

    /// The id of a key as `invert` composes it, made on first sight.
    fn key_id(&mut self, k: u64) -> u32 {
        if let Some(&id) = self.ids.get(&k) {
            return id;
        }
        let (text, exact) = if k & PAIR != 0 {
            let (a, b) = ((k >> 31) as u32 & 0x7fff_ffff, k as u32 & 0x7fff_ffff);
            let text = format!("{} {}", self.folded.get(a), self.folded.get(b));
            (text.into_boxed_str(), Box::from(""))
        } else {
            (self.folded.get((k >> 32) as u32), self.exact.get(k as u32))
        };
        let id = self.keys.len() as u32;
        self.keys.push(Key {
            hash: fnv1a32(&text),
            text,
            exact,
            pair: k & PAIR != 0,
        });
        self.ids.insert(k, id);
        id
    }

    /// (text, exact) order of two keys, as the index writes them.
    fn cmp(&self, a: u32, b: u32) -> Ordering {
        let (a, b) = (&self.keys[a as usize], &self.keys[b as usize]);
        (&a.text, &a.exact).cmp(&(&b.text, &b.exact))
    }

    fn same_text(&self, a: u32, b: u32) -> bool {
        self.keys[a as usize].text == self.keys[b as usize].text
    }

    /// Every key's postings encoded again, every file returned.
    fn rebuild(&self, order: Vec<u128>, files: &mut Vec<OutputFile>) -> Index {
        let mut postings: Vec<Postings> =
            (0..self.keys.len()).map(|_| Postings::default()).collect();
        for (d, h) in order.iter().enumerate() {
            let e = &self.docs[h];
            for (&k, &w) in e.keys.iter().zip(e.weights.iter()) {
                postings[k as usize].push(d as u32, w, self.keys[k as usize].pair);
            }
        }
        let mut live: Vec<u32> = (0..self.keys.len() as u32)
            .filter(|&k| postings[k as usize].count > 0)
            .collect();
        live.par_sort_unstable_by(|&a, &b| self.cmp(a, b));
        let mut size = 0;
        for (i, &k) in live.iter().enumerate() {
            let key = &self.keys[k as usize];
            size += key.exact.len() + 2 * postings[k as usize].count as usize;
            if i == 0 || !self.same_text(live[i - 1], k) {
                size += key.text.len();
            }
        }
        let mut ix = Index {
            order,
            postings,
            shards: Vec::new(),
            shard_fnv: Vec::new(),
            size,
        };
        self.bucket(&mut ix, live, files);
        for (d, h) in ix.order.iter().enumerate() {
            files.push(OutputFile {
                path: fragment_path(d),
                bytes: self.docs[h].fragment.clone().into_bytes(),
            });
        }
        ix
    }

    /// Spread `live` (sorted) over the shards its size asks for, and
    /// return every shard.
    fn bucket(&self, ix: &mut Index, live: Vec<u32>, files: &mut Vec<OutputFile>) {
        let n = shard_count(ix.size);
        ix.shards = vec![Vec::new(); n];
        for k in live {
            ix.shards[self.keys[k as usize].hash as usize % n].push(k);
        }
        ix.shard_fnv = vec![0; n];
        self.write_shards(ix, (0..n).collect(), files);
    }

    /// The bodies of shards `which`, returned and their hashes kept.
    fn write_shards(&self, ix: &mut Index, which: Vec<usize>, files: &mut Vec<OutputFile>) {
        let bodies: Vec<(usize, String)> = which
            .into_par_iter()
            .map(|s| (s, self.shard_body(&ix.postings, &ix.shards[s])))
            .collect();
        for (s, body) in bodies {
            ix.shard_fnv[s] = fnv1a32(&body);
            files.push(OutputFile {
                path: shard_path(s),
                bytes: body.into_bytes(),
            });
        }
    }

    fn shard_body(&self, postings: &[Postings], ids: &[u32]) -> String {
        let mut b = String::from("{");
        for (i, group) in ids.chunk_by(|&a, &b| self.same_text(a, b)).enumerate() {
            if i > 0 {
                b.push(',');
            }
            let forms = group.iter().map(|&k| {
                (
                    &*self.keys[k as usize].exact,
                    postings[k as usize].digits.as_str(),
                )
            });
            key_json(&mut b, &self.keys[group[0] as usize].text, forms);
        }
        b.push('}');
        b
    }

    /// The documents at the same numbers changed: re-encode the keys they
    /// changed, rewrite those keys' shards and their fragments.
    fn patch(&self, mut ix: Index, order: Vec<u128>, files: &mut Vec<OutputFile>) -> Index {
        let at = changed(&ix.order, &order);
        let mut edits: HashMap<u32, Vec<Change>, Fast> = HashMap::default();
        for &d in &at {
            let (old, new) = (&self.docs[&ix.order[d]], &self.docs[&order[d]]);
            let doc = d as u32;
            let (mut i, mut j) = (0, 0);
            while i < old.keys.len() || j < new.keys.len() {
                let (ok, nk) = (old.keys.get(i), new.keys.get(j));
                match (ok, nk) {
                    (Some(&a), Some(&b)) if a == b => {
                        if old.weights[i] != new.weights[j] {
                            edits
                                .entry(a)
                                .or_default()
                                .push((doc, Some(new.weights[j])));
                        }
                        i += 1;
                        j += 1;
                    }
                    (Some(&a), b) if b.is_none_or(|&b| a < b) => {
                        edits.entry(a).or_default().push((doc, None));
                        i += 1;
                    }
                    (_, Some(&b)) => {
                        edits
                            .entry(b)
                            .or_default()
                            .push((doc, Some(new.weights[j])));
                        j += 1;
                    }
                    _ => break,
                }
            }
        }
        ix.postings.resize_with(self.keys.len(), Postings::default);
        let edits: Vec<(u32, Vec<Change>)> = edits.into_iter().collect();
        let updated: Vec<(u32, Postings)> = edits
            .into_par_iter()
            .map(|(k, ch)| {
                let pair = self.keys[k as usize].pair;
                let mut list = ix.postings[k as usize].decode(pair);
                for (d, w) in ch {
                    match (list.binary_search_by_key(&d, |x| x.0), w) {
                        (Ok(p), Some(w)) => list[p].1 = w,
                        (Ok(p), None) => {
                            list.remove(p);
                        }
                        (Err(p), Some(w)) => list.insert(p, (d, w)),
                        (Err(_), None) => {}
                    }
                }
                let mut p = Postings::default();
                for (d, w) in list {
                    p.push(d, w, pair);
                }
                (k, p)
            })
            .collect();
        let mut dirty: Vec<usize> = Vec::new();
        for (k, p) in updated {
            let s = self.keys[k as usize].hash as usize % ix.shards.len();
            self.replace(&mut ix, k, p, s);
            dirty.push(s);
        }
        if shard_count(ix.size) != ix.shards.len() {
            let mut live: Vec<u32> = std::mem::take(&mut ix.shards).concat();
            live.par_sort_unstable_by(|&a, &b| self.cmp(a, b));
            self.bucket(&mut ix, live, files);
        } else {
            dirty.sort_unstable();
            dirty.dedup();
            self.write_shards(&mut ix, dirty, files);
        }
        for &d in &at {
            files.push(OutputFile {
                path: fragment_path(d),
                bytes: self.docs[&order[d]].fragment.clone().into_bytes(),
            });
        }
        ix.order = order;
        ix
    }

    /// Key `k`'s postings become `p`: its place in shard `s` and the size
    /// follow.
    fn replace(&self, ix: &mut Index, k: u32, p: Postings, s: usize) {
        let key = &self.keys[k as usize];
        let (was, now) = (ix.postings[k as usize].count, p.count);
        let weight = |count: u32| key.exact.len() + 2 * count as usize;
        if was > 0 {
            ix.size -= weight(was);
        }
        if now > 0 {
            ix.size += weight(now);
        }
        let shard = &mut ix.shards[s];
        let text_alone = |shard: &[u32], at: usize| {
            let near = |j: Option<usize>| {
                j.and_then(|j| shard.get(j))
                    .is_some_and(|&o| self.keys[o as usize].text == key.text)
            };
            !near(at.checked_sub(1)) && !near(Some(at))
        };
        if was == 0 && now > 0 {
            let at = shard
                .binary_search_by(|&o| self.cmp(o, k))
                .unwrap_or_else(|e| e);
            if text_alone(shard, at) {
                ix.size += key.text.len();
            }
            shard.insert(at, k);
        } else if was > 0 && now == 0 {
            if let Ok(at) = shard.binary_search_by(|&o| self.cmp(o, k)) {
                shard.remove(at);
                if text_alone(shard, at) {
                    ix.size -= key.text.len();
                }
            }
        }
        ix.postings[k as usize] = p;
    }
}

/// The positions whose document differs.
fn changed(old: &[u128], new: &[u128]) -> Vec<usize> {
    (0..new.len()).filter(|&i| old[i] != new[i]).collect()
}

#[path = "incremental_site.rs"]
mod site;
pub use site::BodyText;

#[cfg(test)]
#[path = "incremental_tests.rs"]
mod tests;
