//! The inverted index, built without a map of every word of every
//! document: words are interned once (a chunk of documents asks the shared
//! interner only for the words it has not met yet), each document's keys
//! are integers sorted and counted in place, and postings are streamed,
//! already encoded, into one of `PARTS` partitions by key, the partitions
//! merged in parallel, a wave of documents at a time.
//!
//! Keys: a word is (folded id, exact id); a pair of neighbouring words is
//! two folded ids with the top bit set. Ids depend on thread timing; nothing
//! written depends on them (entries are sorted by their text at the end).

use super::Doc;
use super::fold;
use super::postings::{Postings, Weight};
use rayon::prelude::*;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hasher;
use std::sync::Mutex;

/// A key as one integer: a word (folded id << 32 | exact id), or a pair of
/// neighbouring words (two folded ids) with the top bit set.
pub const PAIR: u64 = 1 << 63;
/// Partitions of the keys, merged in parallel (a power of two).
const PARTS: usize = 64;
/// Documents tokenised by one task (each task asks the shared interner
/// once for each word it meets).
const CHUNK: usize = 64;
/// Documents whose postings are in flight at once (bounds their memory).
const WAVE: usize = 512;

/// The model's fast hasher (xxh3 for words, a multiply-and-fold for
/// integer keys, which are not hashes themselves).
pub use crate::util::idhash::FastHasher;
pub type Fast = crate::util::idhash::FastBuild;

/// Strings to dense ids, shared by every thread: `SHARDS` locked maps, an
/// id being its index in its shard times `SHARDS` plus the shard.
pub struct Interner {
    shards: Vec<Mutex<Strings>>,
}

/// One shard of an interner: string → id, and the strings in order.
type Strings = (HashMap<Box<str>, u32, Fast>, Vec<Box<str>>);

const SHARDS: usize = 16;

impl Default for Interner {
    fn default() -> Self {
        Interner::new()
    }
}

impl Interner {
    pub fn new() -> Self {
        Interner {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }

    pub fn id(&self, s: String) -> u32 {
        let mut h = FastHasher::default();
        h.write(s.as_bytes());
        let shard = (h.finish() >> 40) as usize % SHARDS;
        let mut g = self.shards[shard].lock().unwrap_or_else(|e| e.into_inner());
        let (map, list) = &mut *g;
        if let Some(&id) = map.get(s.as_str()) {
            return id;
        }
        let id = (list.len() * SHARDS + shard) as u32;
        let s: Box<str> = s.into_boxed_str();
        list.push(s.clone());
        map.insert(s, id);
        id
    }

    /// The string of `id` (one the interner gave).
    pub fn get(&self, id: u32) -> Box<str> {
        let (shard, i) = (id as usize % SHARDS, id as usize / SHARDS);
        let g = self.shards[shard].lock().unwrap_or_else(|e| e.into_inner());
        g.1[i].clone()
    }

    /// The strings by id (the interner is done).
    pub fn into_strings(self) -> Vec<Box<str>> {
        let lists: Vec<Vec<Box<str>>> = self
            .shards
            .into_iter()
            .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()).1)
            .collect();
        let n = lists.iter().map(Vec::len).max().unwrap_or(0) * SHARDS;
        let mut out: Vec<Box<str>> = vec![Box::from(""); n];
        for (shard, list) in lists.into_iter().enumerate() {
            for (i, s) in list.into_iter().enumerate() {
                out[i * SHARDS + shard] = s;
            }
        }
        out
    }
}

/// The folded and exact interners, and a chunk's cache in front of them.
pub(super) struct Words<'i, 't> {
    folded: &'i Interner,
    exact: &'i Interner,
    seen: HashMap<&'t str, (u32, u32), Fast>,
    /// A document's keys as met (reused from one document to the next).
    met: Vec<u64>,
    /// Where each distinct key of the document is in the output (reused).
    at: HashMap<u64, usize, Fast>,
}

impl<'i, 't> Words<'i, 't> {
    pub(super) fn new(folded: &'i Interner, exact: &'i Interner) -> Self {
        Words {
            folded,
            exact,
            seen: HashMap::default(),
            met: Vec::new(),
            at: HashMap::default(),
        }
    }

    /// (folded id, exact id) of a word as written.
    fn ids(&mut self, w: &'t str) -> (u32, u32) {
        if let Some(&ids) = self.seen.get(w) {
            return ids;
        }
        let e = fold::exact(w);
        let f = fold::fold(&e);
        let ids = (self.folded.id(f), self.exact.id(e));
        self.seen.insert(w, ids);
        ids
    }

    /// Every key of one text given in parts (as if joined: the parts
    /// split no word), in order, pairs not crossing texts.
    fn keys(&mut self, parts: &[&'t str], out: &mut Vec<u64>) {
        let mut prev: Option<u32> = None;
        for w in parts.iter().flat_map(|p| fold::words(p)) {
            let (f, e) = self.ids(w);
            if let Some(p) = prev {
                out.push(PAIR | (u64::from(p) << 31) | u64::from(f));
            }
            out.push((u64::from(f) << 32) | u64::from(e));
            prev = Some(f);
        }
    }
}

/// A document as the inverter reads it: its title, and its text in parts
/// that split no word (an article's: summary, " ", body; see
/// `super::article_text`).
#[derive(Clone, Copy)]
pub(super) struct DocText<'t> {
    pub title: &'t str,
    pub parts: [&'t str; 3],
}

impl<'t> DocText<'t> {
    pub fn of(d: &'t Doc) -> Self {
        DocText {
            title: &d.title,
            parts: [&d.text, "", ""],
        }
    }
}

/// A document's distinct keys with their weight (title hit, body hits),
/// ascending by key.
pub(super) fn doc_keys<'t>(w: &mut Words<'_, 't>, d: &'t Doc, out: &mut Vec<(u64, Weight)>) {
    let from = out.len();
    text_keys(w, DocText::of(d), out);
    out[from..].sort_unstable_by_key(|&(k, _)| k);
}

/// A document's distinct keys with their weight (title hit, body hits), in
/// the order they first occur (title first): counted in a table, not by
/// sorting every occurrence (the postings of a key do not depend on the
/// order of a document's keys).
pub(super) fn text_keys<'t>(w: &mut Words<'_, 't>, d: DocText<'t>, out: &mut Vec<(u64, Weight)>) {
    let mut met = std::mem::take(&mut w.met);
    let mut at = std::mem::take(&mut w.at);
    met.clear();
    at.clear();
    w.keys(&[d.title], &mut met);
    let in_title = met.len();
    w.keys(&d.parts, &mut met);
    for (n, &k) in met.iter().enumerate() {
        let title = n < in_title;
        match at.entry(k) {
            Entry::Occupied(e) => {
                let wt = &mut out[*e.get()].1;
                if title {
                    wt.title = true;
                } else {
                    wt.body = (wt.body + 1).min(7);
                }
            }
            Entry::Vacant(e) => {
                e.insert(out.len());
                out.push((
                    k,
                    Weight {
                        title,
                        body: u8::from(!title),
                    },
                ));
            }
        }
    }
    w.met = met;
    w.at = at;
}

fn part_of(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as usize % PARTS
}

/// One chunk's postings, split by partition: (key, doc, weight).
type ChunkPosts = Vec<Vec<(u64, u32, Weight)>>;

/// Every key with its postings (unordered), and the interned strings
/// (folded, exact) the keys name.
pub struct Inverted {
    pub keys: Vec<(u64, Postings)>,
    pub folded: Vec<Box<str>>,
    pub exact: Vec<Box<str>>,
}

/// The index built a wave of documents at a time, in document order: only
/// the wave's texts need be in memory, and the postings as they grow.
pub struct Inverter {
    folded: Interner,
    exact: Interner,
    parts: Vec<HashMap<u64, Postings, Fast>>,
    /// The number the next document gets.
    next: u32,
}

impl Default for Inverter {
    fn default() -> Self {
        Inverter::new()
    }
}

impl Inverter {
    pub fn new() -> Self {
        Inverter {
            folded: Interner::new(),
            exact: Interner::new(),
            parts: (0..PARTS).map(|_| HashMap::default()).collect(),
            next: 0,
        }
    }

    /// Index the next documents (any number: they are taken `WAVE` at a time).
    pub(super) fn add(&mut self, docs: &[DocText<'_>]) {
        for wave in docs.chunks(WAVE) {
            self.add_wave(wave);
        }
    }

    fn add_wave(&mut self, wave: &[DocText<'_>]) {
        let first = self.next as usize;
        let (folded, exact) = (&self.folded, &self.exact);
        let chunks: Vec<ChunkPosts> = wave
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut words = Words::new(folded, exact);
                let mut out: ChunkPosts = vec![Vec::new(); PARTS];
                let mut keys = Vec::new();
                for (i, &d) in chunk.iter().enumerate() {
                    let doc = (first + c * CHUNK + i) as u32;
                    keys.clear();
                    text_keys(&mut words, d, &mut keys);
                    for &(k, wt) in &keys {
                        out[part_of(k)].push((k, doc, wt));
                    }
                }
                out
            })
            .collect();
        self.parts.par_iter_mut().enumerate().for_each(|(p, map)| {
            for c in &chunks {
                for &(k, doc, wt) in &c[p] {
                    map.entry(k).or_default().push(doc, wt, k & PAIR != 0);
                }
            }
        });
        self.next += wave.len() as u32;
    }

    pub fn finish(self) -> Inverted {
        let keys = self.parts.into_iter().flat_map(|m| m.into_iter()).collect();
        Inverted {
            keys,
            folded: self.folded.into_strings(),
            exact: self.exact.into_strings(),
        }
    }
}

/// The index of `docs`; each wave's texts are emptied once indexed, so
/// the texts' memory goes as the index's grows.
#[cfg(test)]
pub fn invert(docs: &mut [Doc]) -> Inverted {
    let mut inv = Inverter::new();
    for wave in docs.chunks_mut(WAVE) {
        let texts: Vec<DocText> = wave.iter().map(DocText::of).collect();
        inv.add(&texts);
        drop(texts);
        for d in wave.iter_mut() {
            d.text = String::new();
        }
    }
    inv.finish()
}
