//! The index of a build, made as render goes (issue 21): render hands over
//! the articles' texts a wave at a time, in document order; each wave is
//! inverted and its result fragments made at once, so no text is kept to
//! the end and the fragments can be written as they come. The files are
//! byte for byte those `files::index_files` makes of the same documents.

use super::files::{
    by_shard, entries, fnv1a32, fragment_of, fragment_path, meta, shard_body, shard_path, version,
};
use super::invert::{DocText, Inverter};
use super::{Doc, article_head, article_text, categories, other_documents};
use crate::model::site::Site;
use crate::output::sink::OutputFile;
use rayon::prelude::*;

/// Shard files made (and written) at once.
const SHARD_BATCH: usize = 256;

/// The index being built: the postings so far, and of each document made
/// so far only its fragment's hash and its (category, year).
pub struct Stream {
    prefix: String,
    cats: Vec<String>,
    inv: Inverter,
    hashes: Vec<u32>,
    info: Vec<(usize, i32)>,
}

impl Stream {
    /// An empty index of a site of base path `prefix` and categories `cats`.
    pub fn new(prefix: &str, cats: Vec<String>) -> Self {
        Stream {
            prefix: prefix.to_string(),
            cats,
            inv: Inverter::new(),
            hashes: Vec::new(),
            info: Vec::new(),
        }
    }

    /// Documents added so far.
    fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Index the next documents (`heads`: their texts empty; `texts`: their
    /// titles and texts); their fragment files.
    fn add(&mut self, heads: &[Doc], texts: &[DocText<'_>]) -> Vec<OutputFile> {
        let first = self.len();
        let (prefix, cats) = (&self.prefix, &self.cats);
        let bodies: Vec<String> = heads
            .par_iter()
            .zip(texts)
            .map(|(h, t)| fragment_of(prefix, cats, h, &t.parts))
            .collect();
        self.inv.add(texts);
        self.info.extend(heads.iter().map(|h| (h.category, h.year)));
        self.hashes.extend(bodies.iter().map(|b| fnv1a32(b)));
        bodies
            .into_iter()
            .enumerate()
            .map(|(k, b)| OutputFile {
                path: fragment_path(first + k),
                bytes: b.into_bytes(),
            })
            .collect()
    }

    /// Index whole documents (their own `text`); their fragment files.
    pub fn add_docs(&mut self, docs: &[Doc]) -> Vec<OutputFile> {
        let texts: Vec<DocText> = docs.iter().map(DocText::of).collect();
        self.add(docs, &texts)
    }

    /// Index articles `first..first + bodies.len()` of `site` (every article
    /// in order, before any other document), given their bodies' texts;
    /// their fragment files.
    pub fn add_articles(
        &mut self,
        site: &Site,
        first: usize,
        bodies: &[String],
    ) -> Vec<OutputFile> {
        debug_assert_eq!(first, self.len(), "articles are added in order");
        let heads: Vec<Doc> = (first..first + bodies.len())
            .into_par_iter()
            .map(|i| article_head(site, i))
            .collect();
        let texts: Vec<DocText> = heads
            .iter()
            .zip(bodies)
            .enumerate()
            .map(|(k, (h, b))| DocText {
                title: &h.title,
                parts: article_text(site, first + k, b),
            })
            .collect();
        self.add(&heads, &texts)
    }

    /// The shards and `meta.json`, once every document is in, handed to
    /// `emit` a batch at a time (so that they can be written as they are
    /// made), `meta.json` last.
    pub fn finish(self, mut emit: impl FnMut(Vec<OutputFile>)) {
        let entries = entries(self.inv.finish());
        let groups = by_shard(&entries);
        let mut hashes = Vec::with_capacity(groups.len() + self.hashes.len());
        for (b, batch) in groups.chunks(SHARD_BATCH).enumerate() {
            let bodies: Vec<String> = batch.par_iter().map(|k| shard_body(k)).collect();
            hashes.extend(bodies.iter().map(|b| fnv1a32(b)));
            emit(
                bodies
                    .into_iter()
                    .enumerate()
                    .map(|(k, body)| OutputFile {
                        path: shard_path(b * SHARD_BATCH + k),
                        bytes: body.into_bytes(),
                    })
                    .collect(),
            );
        }
        hashes.extend_from_slice(&self.hashes);
        let version = version(hashes.into_iter());
        emit(vec![meta(&self.cats, version, groups.len(), &self.info)]);
    }
}

/// A build's index of `site`, articles first (`add_articles`), then
/// `finish_site` adds pages and datasets and makes the rest.
pub fn site_stream(site: &Site) -> Stream {
    Stream::new(site.url_prefix(), categories(site))
}

/// The pages' and datasets' documents (`pages`, `datasets`: their bodies'
/// texts, as `other_documents` takes them), then the shards and
/// `meta.json`: the rest of the index's files, handed to `emit` a batch
/// at a time.
pub fn finish_site(
    mut s: Stream,
    site: &Site,
    pages: Vec<String>,
    datasets: Vec<String>,
    mut emit: impl FnMut(Vec<OutputFile>),
) {
    debug_assert_eq!(s.len(), site.articles.len(), "every article is in");
    emit(s.add_docs(&other_documents(site, pages, datasets)));
    s.finish(emit);
}

#[cfg(test)]
mod tests {
    use super::super::files::index_files_of;
    use super::*;

    fn doc(i: usize) -> Doc {
        let words = [
            "bản",
            "Mường So",
            "một cửa",
            "liên thông",
            "thảo quả",
            "Hoà",
        ];
        let text: Vec<&str> = (0..40 + i % 300).map(|k| words[(i + k) % 6]).collect();
        Doc {
            title: format!("Tin {} {}", i, words[i % 6]),
            url: format!("/tin/{i}/"),
            date: "01/02/2025".into(),
            category: i % 3,
            year: 2025 - (i / 400) as i32,
            text: text.join(" "),
        }
    }

    fn sorted(mut f: Vec<OutputFile>) -> Vec<(String, Vec<u8>)> {
        f.sort_by(|a, b| a.path.cmp(&b.path));
        f.into_iter().map(|f| (f.path, f.bytes)).collect()
    }

    #[test]
    fn an_index_streamed_in_uneven_waves_is_byte_identical_to_one_made_at_once() {
        let cats: Vec<String> = ["Tin", "Ảnh", "Số liệu"].map(String::from).to_vec();
        let docs: Vec<Doc> = (0..1500).map(doc).collect();
        let whole = sorted(index_files_of("/p", &cats, docs.clone()));
        let mut s = Stream::new("/p", cats);
        let mut files = Vec::new();
        let mut at = 0;
        for (k, n) in [1usize, 700, 3, 512, 284].into_iter().enumerate() {
            // Half the waves with the text in parts, as articles give it.
            if k % 2 == 0 {
                files.extend(s.add_docs(&docs[at..at + n]));
            } else {
                let heads: Vec<Doc> = docs[at..at + n]
                    .iter()
                    .map(|d| Doc {
                        text: String::new(),
                        ..d.clone()
                    })
                    .collect();
                let texts: Vec<DocText> = docs[at..at + n]
                    .iter()
                    .map(|d| {
                        let (a, b) = d.text.split_at(d.text.find(' ').unwrap());
                        DocText {
                            title: &d.title,
                            parts: [a, " ", &b[1..]],
                        }
                    })
                    .collect();
                files.extend(s.add(&heads, &texts));
            }
            at += n;
        }
        assert_eq!(at, docs.len());
        s.finish(|f| files.extend(f));
        let streamed = sorted(files);
        assert_eq!(streamed.len(), whole.len());
        assert!(streamed == whole, "streamed index differs");
    }

    #[test]
    fn an_excerpt_cut_across_parts_is_the_excerpt_of_the_joined_text() {
        let cats = vec!["Tin".to_string()];
        let long = "ệ".repeat(990);
        let d = Doc {
            title: "t".into(),
            url: "/a/".into(),
            date: String::new(),
            category: 0,
            year: 0,
            text: format!("{long} {}", "ở".repeat(30)),
        };
        let whole = super::super::files::fragment("", &cats, &d);
        let tail = "ở".repeat(30);
        let parts = fragment_of("", &cats, &d, &[&long, " ", &tail]);
        assert_eq!(whole, parts);
        assert!(whole.contains(&format!("{long} {}\"", "ở".repeat(9))));
    }
}
