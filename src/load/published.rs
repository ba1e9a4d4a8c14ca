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

/// The previous build's list; empty when there is none (a first build) or
/// it cannot be read: it only adds warnings, it never fails a build.
pub fn read(output: &Path) -> Vec<Published> {
    let Ok(text) = std::fs::read_to_string(output.join(FILE)) else {
        return Vec::new();
    };
    parse(&text)
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
