//! The files of the index under `/tim-kiem/`, read by the theme's
//! `search.js` (this format is the contract between them):
//!
//! - `meta.json`: shard count, a version, categories, each doc's category
//!   (varints) and year (runs), for the filters;
//! - `i/<n>.json`: shard n of the inverted index (a key's shard is
//!   FNV-1a-32 of its folded text, mod the shard count): word → exact form →
//!   postings, pair → postings; postings are varints in one string (see
//!   `postings`);
//! - `d/<doc>.json`: what a result shows: title, address, date, category and
//!   the start of the text for the excerpt.

#[cfg(test)]
use super::invert::invert;
use super::invert::{Inverted, PAIR};
use super::postings::{Postings, varint};
use super::{Doc, EXCERPT_SOURCE_CHARS};
use crate::model::urls::SEARCH_PREFIX;
use crate::output::sink::OutputFile;
use rayon::prelude::*;

/// Bytes of postings a shard aims at (before compression).
const SHARD_TARGET_BYTES: usize = 12 * 1024;
const MAX_SHARDS: usize = 4096;

/// 32-bit FNV-1a of the key's UTF-8 bytes (search.js computes the same).
pub fn fnv1a32(s: &str) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for &b in s.as_bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn json_str(s: &str) -> String {
    crate::util::json::to_string(s)
}

/// One key of the index as written: its folded text ("ban", or "mot cua"
/// for a pair), the exact form (empty for a pair) and the postings.
pub(super) struct Entry {
    hash: u32,
    key: String,
    exact: Box<str>,
    postings: Postings,
}

/// The keys as text, sorted by key then exact form.
pub(super) fn entries(inv: Inverted) -> Vec<Entry> {
    let Inverted {
        keys,
        folded,
        exact,
    } = inv;
    let mut out: Vec<Entry> = keys
        .into_par_iter()
        .map(|(k, postings)| {
            let (key, exact) = if k & PAIR != 0 {
                let (a, b) = ((k >> 31) as u32 & 0x7fff_ffff, k as u32 & 0x7fff_ffff);
                let (a, b) = (&folded[a as usize], &folded[b as usize]);
                let mut key = String::with_capacity(a.len() + 1 + b.len());
                key.push_str(a);
                key.push(' ');
                key.push_str(b);
                (key, Box::from(""))
            } else {
                let (f, e) = ((k >> 32) as usize, k as u32 as usize);
                (folded[f].to_string(), exact[e].clone())
            };
            Entry {
                hash: fnv1a32(&key),
                key,
                exact,
                postings,
            }
        })
        .collect();
    out.par_sort_unstable_by(|a, b| (&a.key, &a.exact).cmp(&(&b.key, &b.exact)));
    out
}

/// A key's entry: `"word":[["exact","postings"],…]` or `"a b":"postings"`;
/// `forms` are the (exact form, postings digits) of one key, in order.
pub(super) fn key_json<'a>(
    out: &mut String,
    key: &str,
    forms: impl Iterator<Item = (&'a str, &'a str)>,
) {
    out.push_str(&json_str(key));
    out.push(':');
    if key.contains(' ') {
        out.push('"');
        for (_, digits) in forms {
            out.push_str(digits);
        }
        out.push('"');
        return;
    }
    out.push('[');
    for (i, (exact, digits)) in forms.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        out.push_str(&json_str(exact));
        out.push_str(",\"");
        out.push_str(digits);
        out.push_str("\"]");
    }
    out.push(']');
}

/// How many shards an index of `size` bytes (postings at ~2 bytes a
/// document, exact forms and key texts) is split into.
pub(super) fn shard_count(size: usize) -> usize {
    (size / SHARD_TARGET_BYTES)
        .max(1)
        .next_power_of_two()
        .min(MAX_SHARDS)
}

/// The shard files' bodies, each key in its shard, keys in order.
#[cfg(test)]
pub(super) fn shards(entries: &[Entry]) -> Vec<String> {
    by_shard(entries)
        .par_iter()
        .map(|k| shard_body(k))
        .collect()
}

/// The keys of each shard (their entries), in order.
pub(super) fn by_shard(entries: &[Entry]) -> Vec<Vec<&[Entry]>> {
    let size: usize = entries
        .iter()
        .map(|e| e.exact.len() + 2 * e.postings.count as usize)
        .sum::<usize>()
        + keys(entries).map(|f| f[0].key.len()).sum::<usize>();
    let n = shard_count(size);
    let mut by_shard: Vec<Vec<&[Entry]>> = vec![Vec::new(); n];
    for f in keys(entries) {
        by_shard[f[0].hash as usize % n].push(f);
    }
    by_shard
}

/// One shard file's body from its keys.
pub(super) fn shard_body(keys: &[&[Entry]]) -> String {
    let mut b = String::from("{");
    for (i, forms) in keys.iter().enumerate() {
        if i > 0 {
            b.push(',');
        }
        let forms_of = forms
            .iter()
            .map(|e| (&*e.exact, e.postings.digits.as_str()));
        key_json(&mut b, &forms[0].key, forms_of);
    }
    b.push('}');
    b
}

/// The entries grouped by key (they are sorted).
fn keys(entries: &[Entry]) -> impl Iterator<Item = &[Entry]> {
    entries.chunk_by(|a, b| a.key == b.key)
}

/// Each document's category, as varints in one string.
fn categories_string(docs: &[(usize, i32)]) -> String {
    let mut s = String::with_capacity(docs.len());
    for &(c, _) in docs {
        varint(&mut s, c as u64);
    }
    s
}

/// Each document's year, as runs `[year, count]` in document order
/// (articles come newest first, so runs are few).
fn year_runs(docs: &[(usize, i32)]) -> String {
    let mut runs: Vec<(i32, usize)> = Vec::new();
    for &(_, year) in docs {
        match runs.last_mut() {
            Some((y, n)) if *y == year => *n += 1,
            _ => runs.push((year, 1)),
        }
    }
    let v: Vec<String> = runs.iter().map(|(y, n)| format!("[{y},{n}]")).collect();
    v.join(",")
}

/// What a result shows, per document.
#[cfg(test)]
fn fragments(prefix: &str, cats: &[String], docs: &[Doc]) -> Vec<String> {
    docs.par_iter().map(|d| fragment(prefix, cats, d)).collect()
}

/// What a result shows: `d/<doc>.json`.
pub(super) fn fragment(prefix: &str, cats: &[String], d: &Doc) -> String {
    fragment_of(prefix, cats, d, &[&d.text])
}

/// `fragment` of a document whose text is given in `parts` (as if joined;
/// `d.text` is not read).
pub(super) fn fragment_of(prefix: &str, cats: &[String], d: &Doc, parts: &[&str]) -> String {
    let mut excerpt = String::new();
    let mut left = EXCERPT_SOURCE_CHARS;
    for p in parts {
        let cut = p.char_indices().nth(left).map_or(p.len(), |(i, _)| i);
        excerpt.push_str(&p[..cut]);
        left -= p[..cut].chars().count();
        if left == 0 {
            break;
        }
    }
    format!(
        "{{\"t\":{},\"u\":{},\"d\":{},\"c\":{},\"x\":{}}}",
        json_str(&d.title),
        json_str(&format!("{}{}", prefix, d.url)),
        json_str(&d.date),
        json_str(&cats[d.category]),
        json_str(&excerpt)
    )
}

/// The path of shard `n`, and of document `i`'s fragment.
pub(super) fn shard_path(n: usize) -> String {
    format!("{SEARCH_PREFIX}/i/{n}.json")
}

pub(super) fn fragment_path(i: usize) -> String {
    format!("{SEARCH_PREFIX}/d/{i}.json")
}

/// The version of an index: every shard's hash, then every fragment's.
pub(super) fn version(hashes: impl Iterator<Item = u32>) -> u32 {
    hashes.fold(0x811c9dc5, |v, h| v.rotate_left(5) ^ h)
}

/// `meta.json`, from the version, the shard count and each document's
/// (category, year).
pub(super) fn meta(
    cats: &[String],
    version: u32,
    shards: usize,
    docs: &[(usize, i32)],
) -> OutputFile {
    let list = |v: Vec<String>| v.join(",");
    let meta = format!(
        "{{\"v\":\"{version:08x}\",\"shards\":{shards},\"docs\":{},\"cats\":[{}],\"c\":\"{}\",\"y\":[{}]}}",
        docs.len(),
        list(cats.iter().map(|c| json_str(c)).collect()),
        categories_string(docs),
        year_runs(docs),
    );
    OutputFile {
        path: format!("{SEARCH_PREFIX}/meta.json"),
        bytes: meta.into_bytes(),
    }
}

/// Every file of the index of `docs` made at once, in a fixed order (for
/// a site of base path `prefix` and categories `cats`): what a build's
/// `stream::Stream` and serve's `incremental::Cache` must write, byte for
/// byte. The documents' texts are used up (emptied as they are indexed).
#[cfg(test)]
pub(super) fn index_files_of(prefix: &str, cats: &[String], mut docs: Vec<Doc>) -> Vec<OutputFile> {
    let fragments = fragments(prefix, cats, &docs);
    let entries = entries(invert(&mut docs));
    let bodies = shards(&entries);
    drop(entries);
    let shards = bodies.len();
    let version = version(bodies.iter().chain(&fragments).map(|b| fnv1a32(b)));
    let mut files = Vec::with_capacity(shards + docs.len() + 1);
    for (n, b) in bodies.into_iter().enumerate() {
        files.push(OutputFile {
            path: shard_path(n),
            bytes: b.into_bytes(),
        });
    }
    for (i, body) in fragments.into_iter().enumerate() {
        files.push(OutputFile {
            path: fragment_path(i),
            bytes: body.into_bytes(),
        });
    }
    let info: Vec<(usize, i32)> = docs.iter().map(|d| (d.category, d.year)).collect();
    files.push(meta(cats, version, shards, &info));
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

    /// key → [(exact, postings digits)] of the index of `docs`.
    fn index_of(docs: &[Doc]) -> std::collections::BTreeMap<String, Vec<(String, String)>> {
        let mut out = std::collections::BTreeMap::new();
        for e in entries(invert(&mut docs.to_vec())) {
            out.entry(e.key)
                .or_insert_with(Vec::new)
                .push((e.exact.to_string(), e.postings.digits));
        }
        out
    }

    #[test]
    fn words_are_indexed_folded_with_their_exact_forms_and_neighbour_pairs() {
        let inv = index_of(&[
            doc("Bản Nậm Xe", "bán hàng"),
            doc("Một cửa", "một cửa liên thông"),
        ]);
        // A word: gap · 16 + 8 in the title + body hits; a pair: gap · 2 + 1 in the title.
        let one = |v: u64| {
            let mut s = String::new();
            varint(&mut s, v);
            s
        };
        assert_eq!(
            inv["ban"],
            [("bán".into(), one(1)), ("bản".into(), one(8))],
            "exact forms in order, title hit and body hit"
        );
        assert_eq!(inv["mot cua"], [(String::new(), one(2 + 1))]);
        assert_eq!(inv["mot"], [("một".into(), one(16 + 8 + 1))]);
        assert!(inv.contains_key("nam xe"));
        assert!(!inv.contains_key("xe ban"), "no pair across title and body");
    }

    #[test]
    fn the_index_is_the_same_whatever_the_order_words_were_first_met_in() {
        let texts = [
            "bản làng mường so",
            "một cửa liên thông",
            "thảo quả mường so bản",
        ];
        let docs: Vec<Doc> = (0..3000)
            .map(|i| doc(texts[i % 3], texts[(i + 1) % 3]))
            .collect();
        let site_a = index_of(&docs);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let site_b = pool.install(|| index_of(&docs));
        assert_eq!(site_a, site_b);
        assert_eq!(site_a["muong so"].len(), 1);
    }

    #[test]
    fn the_key_hash_is_fnv1a_32() {
        // Reference values of FNV-1a 32 (search.js must agree).
        assert_eq!(fnv1a32(""), 0x811c9dc5);
        assert_eq!(fnv1a32("a"), 0xe40c292c);
    }
}
