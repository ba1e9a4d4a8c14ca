//! The search index under `/tim-kiem/`, read by the theme's `search.js`.
//!
//! Documents: articles (newest first, so a lower number is newer), plain
//! pages, datasets and their unit pages; never list pages. Each word is
//! indexed folded (`util::fold`: no marks, đ = d) with its exact forms
//! beside it, so "ban" finds "bản" and "bán" and "bản" ranks "bản" first;
//! each pair of neighbouring words is indexed too (folded, "mot cua"), which
//! is how quoted phrases and adjacency are matched without positions.
//!
//! Files (all written by the one search job, in a fixed order):
//! - `meta.json`: shard count, a version, categories, each doc's category
//!   (varints) and year (runs), for the filters;
//! - `i/<n>.json`: shard n of the inverted index (a key's shard is
//!   FNV-1a-32 of its folded text, mod the shard count): word → exact form →
//!   postings, pair → postings; postings are varints in one string (see
//!   `postings`);
//! - `d/<doc>.json`: what a result shows: title, address, date, category and
//!   the start of the text for the excerpt.

use crate::model::site::Site;
use crate::model::urls::{SEARCH_PREFIX, dataset_unit_url, dataset_url};
use crate::output::sink::OutputFile;
use crate::util::fold;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Characters of a document's text kept for the excerpt.
pub const EXCERPT_SOURCE_CHARS: usize = 1000;
/// Bytes of postings a shard aims at (before compression).
const SHARD_TARGET_BYTES: usize = 12 * 1024;
const MAX_SHARDS: usize = 4096;
/// Category names of the documents that are not articles.
pub const PAGES_CATEGORY: &str = "Trang thông tin";
pub const DATA_CATEGORY: &str = "Số liệu chỉ số";

/// One searchable document.
#[derive(Debug, Clone)]
pub struct Doc {
    pub title: String,
    /// Site-relative address (`/a/b/`).
    pub url: String,
    /// The date line shown ("12/03/2025"), empty for undated documents.
    pub date: String,
    /// Index into `categories(site)`.
    pub category: usize,
    /// 0 for undated documents.
    pub year: i32,
    /// Plain text of the body.
    pub text: String,
}

/// The categories the filter offers: the site's, then pages and data.
pub fn categories(site: &Site) -> Vec<String> {
    let mut c: Vec<String> = site.categories.iter().map(|t| t.name.clone()).collect();
    c.push(PAGES_CATEGORY.into());
    c.push(DATA_CATEGORY.into());
    c
}

/// The years the filter offers, newest first.
pub fn years(site: &Site) -> Vec<i32> {
    let mut y: Vec<i32> = site
        .articles
        .iter()
        .map(|e| e.article.date.local.year() as i32)
        .collect();
    y.sort_unstable_by(|a, b| b.cmp(a));
    y.dedup();
    y
}

/// Markdown to plain text: text and code, no markup, no shortcodes.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut out = String::with_capacity(markdown.len());
    let markdown = strip_shortcodes(markdown);
    for ev in Parser::new_ext(&markdown, crate::render::markdown::options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    let collapsed: Vec<&str> = out.split_whitespace().collect();
    collapsed.join(" ")
}

fn strip_shortcodes(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains("{{") {
        return t.into();
    }
    let mut out = String::new();
    let mut rest = t;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("}}").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    out.into()
}

/// Every document of the site, in index order.
pub fn documents(site: &Site) -> Vec<Doc> {
    let n_cats = site.categories.len();
    let mut docs: Vec<Doc> = site
        .articles
        .par_iter()
        .map(|e| {
            let a = &e.article;
            let mut text = a.summary.clone();
            text.push(' ');
            text.push_str(&plain_text(&a.body));
            Doc {
                title: a.title.clone(),
                url: e.url.clone(),
                date: a.date.short_date(),
                category: e.category,
                year: a.date.local.year() as i32,
                text,
            }
        })
        .collect();
    docs.extend(site.pages.iter().map(|p| Doc {
        title: p.page.title.clone(),
        url: p.url.clone(),
        date: String::new(),
        category: n_cats,
        year: 0,
        text: format!("{} {}", p.page.summary, plain_text(&p.page.body)),
    }));
    for ds in &site.datasets {
        let units: Vec<&str> = ds.units.iter().map(|u| u.name.as_str()).collect();
        docs.push(Doc {
            title: ds.title.clone(),
            url: dataset_url(&ds.slug),
            date: String::new(),
            category: n_cats + 1,
            year: 0,
            text: format!(
                "{} {}",
                plain_text(ds.description.as_deref().unwrap_or("")),
                units.join(", ")
            ),
        });
        for u in &ds.units {
            docs.push(Doc {
                title: format!("{}: {}", u.name, ds.display_title()),
                url: dataset_unit_url(&ds.slug, &u.slug),
                date: String::new(),
                category: n_cats + 1,
                year: 0,
                text: format!("{} {} {}", u.name, u.short, ds.title),
            });
        }
    }
    docs
}

/// 32-bit FNV-1a of the key's UTF-8 bytes (search.js computes the same).
pub fn fnv1a32(s: &str) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for &b in s.as_bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Key → exact form → postings (doc, weight), docs ascending.
type Inverted = BTreeMap<String, BTreeMap<String, Vec<(u32, u8)>>>;

/// FNV-1a over whatever is hashed: keys here are short words and integers,
/// which std's SipHash makes the slowest part of indexing.
#[derive(Default)]
struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

type Fnv = std::hash::BuildHasherDefault<FnvHasher>;

/// Every distinct word of the documents, folded once: raw word → (folded
/// id, exact id), and the texts of the ids.
struct Vocab<'a> {
    of: HashMap<&'a str, (u32, u32), Fnv>,
    folded: Vec<String>,
    exact: Vec<String>,
}

fn vocab(docs: &[Doc]) -> Vocab<'_> {
    let sets: Vec<HashSet<&str, Fnv>> = docs
        .par_iter()
        .map(|d| fold::words(&d.title).chain(fold::words(&d.text)).collect())
        .collect();
    let mut all: HashSet<&str, Fnv> = HashSet::default();
    for s in sets {
        all.extend(s);
    }
    let mut raw: Vec<&str> = all.into_iter().collect();
    raw.sort_unstable();
    let forms: Vec<(String, String)> = raw
        .par_iter()
        .map(|w| {
            let e = fold::exact(w);
            let f = fold::fold(&e);
            (e, f)
        })
        .collect();
    let mut v = Vocab {
        of: HashMap::with_capacity_and_hasher(raw.len(), Fnv::default()),
        folded: Vec::new(),
        exact: Vec::new(),
    };
    let (mut fid, mut eid): (HashMap<String, u32>, HashMap<String, u32>) = Default::default();
    for (w, (e, f)) in raw.into_iter().zip(forms) {
        let f_id = *fid.entry(f.clone()).or_insert_with(|| {
            v.folded.push(f);
            (v.folded.len() - 1) as u32
        });
        let e_id = *eid.entry(e.clone()).or_insert_with(|| {
            v.exact.push(e);
            (v.exact.len() - 1) as u32
        });
        v.of.insert(w, (f_id, e_id));
    }
    v
}

/// A key as one integer: a word (folded id, exact id), or a pair of
/// neighbouring words (two folded ids) with the top bit set.
const PAIR: u64 = 1 << 63;

/// A document's keys with their weight: 16 · title hits + body hits (each
/// at most 15).
fn doc_keys(v: &Vocab, d: &Doc) -> Vec<(u64, u8)> {
    let mut keys: HashMap<u64, (u8, u8), Fnv> =
        HashMap::with_capacity_and_hasher(1024, Fnv::default());
    for (title, text) in [(true, d.title.as_str()), (false, d.text.as_str())] {
        let mut prev: Option<u32> = None;
        for w in fold::words(text) {
            let (f, e) = v.of[w];
            let mut bump = |k: u64| {
                let c = keys.entry(k).or_default();
                if title {
                    c.0 = c.0.saturating_add(1);
                } else {
                    c.1 = c.1.saturating_add(1);
                }
            };
            if let Some(p) = prev {
                bump(PAIR | (u64::from(p) << 31) | u64::from(f));
            }
            bump((u64::from(f) << 32) | u64::from(e));
            prev = Some(f);
        }
    }
    keys.into_iter()
        .map(|(k, (t, b))| (k, t.min(15) * 16 + b.min(15)))
        .collect()
}

/// Documents indexed at a time (bounds the memory of the keys in flight).
const CHUNK: usize = 1024;

fn invert(docs: &[Doc]) -> Inverted {
    let v = vocab(docs);
    let mut inv: HashMap<u64, Vec<(u32, u8)>, Fnv> = HashMap::default();
    for (c, chunk) in docs.chunks(CHUNK).enumerate() {
        let keys: Vec<Vec<(u64, u8)>> = chunk.par_iter().map(|d| doc_keys(&v, d)).collect();
        for (i, ks) in keys.into_iter().enumerate() {
            let doc = (c * CHUNK + i) as u32;
            for (k, w) in ks {
                inv.entry(k).or_default().push((doc, w));
            }
        }
    }
    let mut out: Inverted = BTreeMap::new();
    for (k, posts) in inv {
        let (key, exact) = if k & PAIR != 0 {
            let (a, b) = ((k >> 31) as u32 & 0x7fff_ffff, k as u32 & 0x7fff_ffff);
            let key = format!("{} {}", v.folded[a as usize], v.folded[b as usize]);
            (key, String::new())
        } else {
            let (f, e) = ((k >> 32) as usize, k as u32 as usize);
            (v.folded[f].clone(), v.exact[e].clone())
        };
        out.entry(key).or_default().insert(exact, posts);
    }
    out
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The 64 digits of postings strings (safe in JSON and URLs).
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `v` as base-64 digits, five bits each, lowest first; a digit ≥ 32 says
/// another follows (search.js `each` reads them back).
fn varint(out: &mut String, mut v: u64) {
    while v >= 32 {
        out.push(DIGITS[(32 | (v & 31)) as usize] as char);
        v >>= 5;
    }
    out.push(DIGITS[v as usize] as char);
}

/// A word's postings: per document, (doc gap · 16 + 8 if in the title +
/// body hits up to 7). A pair's (key "a b"): doc gap · 2 + 1 if in the title.
fn postings(out: &mut String, posts: &[(u32, u8)], pair: bool) {
    let mut last = 0u32;
    for &(d, w) in posts {
        let gap = u64::from(d - last);
        let (title, body) = (w >> 4 > 0, u64::from((w & 15).min(7)));
        let v = if pair {
            gap * 2 + u64::from(title)
        } else {
            gap * 16 + if title { 8 } else { 0 } + body
        };
        varint(out, v);
        last = d;
    }
}

/// One key's entry: `"word":[["exact","postings"],…]` or `"a b":"postings"`.
fn entry_json(out: &mut String, key: &str, forms: &BTreeMap<String, Vec<(u32, u8)>>) {
    out.push_str(&json_str(key));
    out.push(':');
    let pair = key.contains(' ');
    if pair {
        out.push('"');
        for p in forms.values() {
            postings(out, p, true);
        }
        out.push('"');
        return;
    }
    out.push('[');
    for (i, (exact, posts)) in forms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        out.push_str(&json_str(exact));
        out.push_str(",\"");
        postings(out, posts, false);
        out.push_str("\"]");
    }
    out.push(']');
}

/// Each document's category, as varints in one string.
fn categories_string(docs: &[Doc]) -> String {
    let mut s = String::with_capacity(docs.len());
    for d in docs {
        varint(&mut s, d.category as u64);
    }
    s
}

/// Each document's year, as runs `[year, count]` in document order
/// (articles come newest first, so runs are few).
fn year_runs(docs: &[Doc]) -> String {
    let mut runs: Vec<(i32, usize)> = Vec::new();
    for d in docs {
        match runs.last_mut() {
            Some((y, n)) if *y == d.year => *n += 1,
            _ => runs.push((d.year, 1)),
        }
    }
    let v: Vec<String> = runs.iter().map(|(y, n)| format!("[{y},{n}]")).collect();
    v.join(",")
}

/// Every file of the index, in a fixed order.
pub fn index_files(site: &Site) -> Vec<OutputFile> {
    let docs = documents(site);
    let inv = invert(&docs);
    let size: usize = inv
        .iter()
        .map(|(k, f)| k.len() + f.iter().map(|(e, p)| e.len() + 2 * p.len()).sum::<usize>())
        .sum();
    let shards = (size / SHARD_TARGET_BYTES)
        .max(1)
        .next_power_of_two()
        .min(MAX_SHARDS);
    let mut bodies: Vec<String> = vec![String::new(); shards];
    for (key, forms) in &inv {
        let b = &mut bodies[fnv1a32(key) as usize % shards];
        b.push(if b.is_empty() { '{' } else { ',' });
        entry_json(b, key, forms);
    }
    let mut version: u32 = 0x811c9dc5;
    let mut files = Vec::with_capacity(shards + docs.len() + 1);
    for (n, mut b) in bodies.into_iter().enumerate() {
        if b.is_empty() {
            b.push('{');
        }
        b.push('}');
        version = version.rotate_left(5) ^ fnv1a32(&b);
        files.push(OutputFile {
            path: format!("{SEARCH_PREFIX}/i/{n}.json"),
            bytes: b.into_bytes(),
        });
    }
    let cats = categories(site);
    for (i, d) in docs.iter().enumerate() {
        let excerpt: String = d.text.chars().take(EXCERPT_SOURCE_CHARS).collect();
        let body = format!(
            "{{\"t\":{},\"u\":{},\"d\":{},\"c\":{},\"x\":{}}}",
            json_str(&d.title),
            json_str(&format!("{}{}", site.url_prefix(), d.url)),
            json_str(&d.date),
            json_str(&cats[d.category]),
            json_str(&excerpt)
        );
        version = version.rotate_left(5) ^ fnv1a32(&body);
        files.push(OutputFile {
            path: format!("{SEARCH_PREFIX}/d/{i}.json"),
            bytes: body.into_bytes(),
        });
    }
    let list = |v: Vec<String>| v.join(",");
    let meta = format!(
        "{{\"v\":\"{version:08x}\",\"shards\":{shards},\"docs\":{},\"cats\":[{}],\"c\":\"{}\",\"y\":[{}]}}",
        docs.len(),
        list(cats.iter().map(|c| json_str(c)).collect()),
        categories_string(&docs),
        year_runs(&docs),
    );
    files.push(OutputFile {
        path: format!("{SEARCH_PREFIX}/meta.json"),
        bytes: meta.into_bytes(),
    });
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, text: &str) -> Doc {
        Doc {
            title: title.into(),
            url: "/a/".into(),
            date: String::new(),
            category: 0,
            year: 2024,
            text: text.into(),
        }
    }

    #[test]
    fn words_are_indexed_folded_with_their_exact_forms_and_neighbour_pairs() {
        let inv = invert(&[
            doc("Bản Nậm Xe", "bán hàng"),
            doc("Một cửa", "một cửa liên thông"),
        ]);
        let ban = &inv["ban"];
        assert_eq!(ban["bản"], [(0, 16)], "title hit");
        assert_eq!(ban["bán"], [(0, 1)], "body hit");
        assert_eq!(inv["mot cua"][""], [(1, 16 + 1)]);
        assert!(inv.contains_key("nam xe"));
        assert!(!inv.contains_key("xe ban"), "no pair across title and body");
    }

    #[test]
    fn markdown_becomes_plain_text_without_shortcodes() {
        let t = plain_text(
            "# Tiêu đề\n\nMột *cửa* `x` {{ chart(data=\"a\") }} hết[^1].\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: Chú thích.\n",
        );
        assert_eq!(t, "Tiêu đề Một cửa x hết. a b 1 2 Chú thích.");
    }

    /// What search.js's `each` does: the varints of a postings string.
    fn read_varints(s: &str) -> Vec<u64> {
        let (mut out, mut v, mut shift) = (Vec::new(), 0u64, 0);
        for c in s.bytes() {
            let d = DIGITS.iter().position(|&x| x == c).unwrap() as u64;
            v |= (d & 31) << shift;
            if d & 32 != 0 {
                shift += 5;
            } else {
                out.push(v);
                (v, shift) = (0, 0);
            }
        }
        out
    }

    #[test]
    fn postings_are_gap_and_flags_in_base64_varints() {
        let mut s = String::new();
        postings(&mut s, &[(0, 16 + 2), (1, 1), (40, 15), (5000, 0)], false);
        assert_eq!(read_varints(&s), [8 + 2, 16 + 1, 39 * 16 + 7, 4960 * 16]);
        assert_eq!(&s[..2], "KR", "one digit for a small gap");
        let mut p = String::new();
        postings(&mut p, &[(3, 16), (4, 1)], true);
        assert_eq!(read_varints(&p), [3 * 2 + 1, 2]);
    }

    #[test]
    fn the_key_hash_is_fnv1a_32() {
        // Reference values of FNV-1a 32 (search.js must agree).
        assert_eq!(fnv1a32(""), 0x811c9dc5);
        assert_eq!(fnv1a32("a"), 0xe40c292c);
    }
}
