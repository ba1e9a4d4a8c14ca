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
use super::count::Counter;
use super::fold;
use super::postings::{Postings, Weight};
use super::scan::{Forms, each_word};
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::Mutex;

pub use super::count::PAIR;
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

/// The folded and exact interners, and what a task keeps in front of them
/// from one document to the next.
pub(super) struct Words<'i> {
    folded: &'i Interner,
    exact: &'i Interner,
    kit: Kit,
}

/// The written forms met so far (through one pair of interners), and the
/// counter of a document's keys.
#[derive(Default)]
pub(super) struct Kit {
    forms: Forms,
    count: Counter,
}

impl<'i> Words<'i> {
    pub(super) fn new(folded: &'i Interner, exact: &'i Interner) -> Self {
        Words::with(folded, exact, Kit::default())
    }

    /// Words with a kit used before with the same interners.
    fn with(folded: &'i Interner, exact: &'i Interner, kit: Kit) -> Self {
        Words { folded, exact, kit }
    }

    /// Every key of one text given in parts (as if joined: the parts split
    /// no word), pairs not crossing texts, counted into `out` as `title`.
    fn keys(&mut self, parts: &[&str], title: bool, out: &mut Vec<(u64, Weight)>) {
        let (folded, exact) = (self.folded, self.exact);
        let (forms, count) = (&mut self.kit.forms, &mut self.kit.count);
        let mut prev: Option<u64> = None;
        for p in parts {
            each_word(p, |start, end| {
                let k = forms.key(p, start, end, |w| {
                    let e = fold::exact(w);
                    let f = fold::fold(&e);
                    (u64::from(folded.id(f)) << 32) | u64::from(exact.id(e))
                });
                let f = k >> 32;
                if let Some(pf) = prev {
                    count.pair(out, PAIR | (pf << 31) | f, title);
                }
                count.word(out, k, title);
                prev = Some(f);
            });
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
pub(super) fn doc_keys(w: &mut Words<'_>, d: &Doc, out: &mut Vec<(u64, Weight)>) {
    let from = out.len();
    text_keys(w, DocText::of(d), out);
    out[from..].sort_unstable_by_key(|&(k, _)| k);
}

/// A document's distinct keys with their weight (title hit, body hits), in
/// the order they first occur (title first): counted in a table as the
/// words are found, not by sorting every occurrence (the postings of a key
/// do not depend on the order of a document's keys).
pub(super) fn text_keys(w: &mut Words<'_>, d: DocText<'_>, out: &mut Vec<(u64, Weight)>) {
    w.kit.count.start(out);
    w.keys(&[d.title], true, out);
    w.keys(&d.parts, false, out);
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn part_of(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as usize % PARTS
}

/// One partition's keys and their postings, a key's place found through
/// an open-addressing table of places (a slot: place + 1, 0 when free),
/// by a hash other than the one that chose the partition.
struct Part {
    slots: Vec<u32>,
    shift: u32,
    keys: Vec<u64>,
    postings: Vec<Postings>,
}

impl Default for Part {
    fn default() -> Self {
        Part {
            slots: vec![0; 1 << 10],
            shift: 64 - 10,
            keys: Vec::new(),
            postings: Vec::new(),
        }
    }
}

impl Part {
    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0xd6e8_feb8_6659_fd93) >> self.shift) as usize
    }

    /// The postings of `key`, empty ones if it is new.
    #[inline(always)]
    fn postings(&mut self, key: u64) -> &mut Postings {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                0 => break,
                at if self.keys[at as usize - 1] == key => {
                    return &mut self.postings[at as usize - 1];
                }
                _ => i = (i + 1) & mask,
            }
        }
        self.insert(i, key)
    }

    #[inline(never)]
    fn insert(&mut self, i: usize, key: u64) -> &mut Postings {
        self.keys.push(key);
        self.postings.push(Postings::default());
        self.slots[i] = self.keys.len() as u32;
        if self.keys.len() * 2 > self.slots.len() {
            self.slots = vec![0; self.slots.len() * 2];
            self.shift -= 1;
            let mask = self.slots.len() - 1;
            for (at, &k) in self.keys.iter().enumerate() {
                let mut i = self.slot(k);
                while self.slots[i] != 0 {
                    i = (i + 1) & mask;
                }
                self.slots[i] = at as u32 + 1;
            }
        }
        let last = self.postings.len() - 1;
        &mut self.postings[last]
    }
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
    parts: Vec<Part>,
    /// The written forms met and a counter, one kit per task running at
    /// once (each task takes one and gives it back), so that a form is
    /// folded and interned about once per thread in a build, not once per
    /// chunk.
    kits: Mutex<Vec<Kit>>,
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
            parts: (0..PARTS).map(|_| Part::default()).collect(),
            kits: Mutex::default(),
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
        let kits = &self.kits;
        let chunks: Vec<ChunkPosts> = wave
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let kit = lock(kits).pop().unwrap_or_default();
                let mut words = Words::with(folded, exact, kit);
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
                lock(kits).push(words.kit);
                out
            })
            .collect();
        self.parts.par_iter_mut().enumerate().for_each(|(p, part)| {
            for c in &chunks {
                for &(k, doc, wt) in &c[p] {
                    part.postings(k).push(doc, wt, k & PAIR != 0);
                }
            }
        });
        self.next += wave.len() as u32;
    }

    pub fn finish(self) -> Inverted {
        let keys = self
            .parts
            .into_iter()
            .flat_map(|p| p.keys.into_iter().zip(p.postings))
            .collect();
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
