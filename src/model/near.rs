//! Categories and tags spelled almost alike ("Cải cách hành chánh" beside
//! "Cải cách hành chính"): each is its own page outside the menu, so a
//! misspelling splits a category silently. A warning names both and the
//! files that use each.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::{Diagnostic, Diagnostics, codes};
use crate::util::near::close_enough;
use std::path::Path;

/// A category or tag as this check sees it (model::site makes these from
/// its terms, so that this module needs nothing of site's types).
pub struct NearTerm<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    /// Indices into `sources`.
    pub articles: &'a [usize],
}

/// The files of a term's articles: at most three, then "…".
fn files(t: &NearTerm, sources: &[&Path]) -> String {
    let mut v: Vec<String> = t
        .articles
        .iter()
        .map(|&i| sources[i].display().to_string())
        .collect();
    v.sort();
    if v.len() > 3 {
        v.truncate(3);
        v.push("…".into());
    }
    v.join(", ")
}

/// Warn for each pair of terms whose slugs (folded names) are a small edit
/// apart, the rarer one at its first file. `category`: the words to use.
/// `sources`: each article's source file, indexed as the terms' articles.
pub fn warn(terms: &[NearTerm], sources: &[&Path], category: bool, diags: &mut Diagnostics) {
    for (i, a) in terms.iter().enumerate() {
        for b in &terms[i + 1..] {
            let (al, bl) = (a.slug.len(), b.slug.len());
            if al.abs_diff(bl) > 2 || !close_enough(a.slug, b.slug) {
                continue;
            }
            let (rare, common) = if a.articles.len() <= b.articles.len() {
                (a, b)
            } else {
                (b, a)
            };
            let Some(&first) = rare.articles.iter().min_by_key(|&&i| sources[i]) else {
                continue;
            };
            let kind = if category {
                msg!(m::NEAR_CATEGORY)
            } else {
                msg!(m::NEAR_TAG)
            };
            diags.push(
                Diagnostic::warning(
                    codes::NEAR_NAME,
                    sources[first].to_path_buf(),
                    msg!(
                        m::NEAR_NAMES,
                        kind = kind,
                        a = rare.name,
                        a_files = files(rare, sources),
                        b = common.name,
                        b_files = files(common, sources)
                    ),
                )
                .hint(msg!(m::NEAR_NAMES_HINT, b = common.name)),
            );
        }
    }
}
