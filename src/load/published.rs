//! The addresses the last build published, as it left them in the output
//! folder (`.chiso/urls.txt`): one `address<TAB>source file` a line.

use std::path::{Path, PathBuf};

/// Where in the output folder the list is kept.
pub const FILE: &str = ".chiso/urls.txt";

/// An address a build published, and the file that owned it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Published {
    pub url: String,
    pub source: PathBuf,
}

/// Where the cache folder keeps a copy of the last list, for CI runs that
/// start from an empty output but restore `cache_dir` (docs/deploy.md).
pub const CACHED: &str = "published-urls.txt";

/// The previous build's list: the output's own, else the copy in the
/// cache folder `cache` (a CI run starts from an empty `output/`); empty
/// when there is none (a first build) or it cannot be read: it only adds
/// warnings, it never fails a build.
pub fn read_with_cache(output: &Path, cache: &Path) -> Vec<Published> {
    match std::fs::read_to_string(output.join(FILE)) {
        Ok(text) => parse(&text),
        Err(_) => std::fs::read_to_string(cache.join(CACHED))
            .map(|t| parse(&t))
            .unwrap_or_default(),
    }
}

pub fn parse(text: &str) -> Vec<Published> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(url, _)| url.starts_with('/'))
        .map(|(url, source)| Published {
            url: url.to_string(),
            source: PathBuf::from(source),
        })
        .collect()
}
