//! Categories and tags spelled almost alike ("Cải cách hành chánh" beside
//! "Cải cách hành chính"): each is its own page outside the menu, so a
//! misspelling splits a category silently. A warning names both and the
//! files that use each.

use super::site::{ArticleEntry, Term};
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::{Diagnostic, Diagnostics, codes};
use crate::util::near::close_enough;

/// The files of a term's articles: at most three, then "…".
fn files(t: &Term, entries: &[ArticleEntry]) -> String {
    let mut v: Vec<String> = t
        .articles
        .iter()
        .map(|&i| entries[i].article.source.display().to_string())
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
pub fn warn(terms: &[Term], entries: &[ArticleEntry], category: bool, diags: &mut Diagnostics) {
    for (i, a) in terms.iter().enumerate() {
        for b in &terms[i + 1..] {
            let (al, bl) = (a.slug.len(), b.slug.len());
            if al.abs_diff(bl) > 2 || !close_enough(&a.slug, &b.slug) {
                continue;
            }
            let (rare, common) = if a.articles.len() <= b.articles.len() {
                (a, b)
            } else {
                (b, a)
            };
            let Some(&first) = rare
                .articles
                .iter()
                .min_by_key(|&&i| &entries[i].article.source)
            else {
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
                    entries[first].article.source.clone(),
                    msg!(
                        m::NEAR_NAMES,
                        kind = kind,
                        a = &rare.name,
                        a_files = files(rare, entries),
                        b = &common.name,
                        b_files = files(common, entries)
                    ),
                )
                .hint(msg!(m::NEAR_NAMES_HINT, b = &common.name)),
            );
        }
    }
}
