//! A published address never breaks silently: each build writes the list
//! of its public addresses (articles, pages, aliases) into the output; the
//! next build warns about any that is now neither a page nor an alias,
//! naming the file that last owned it and the `aliases:` line to add.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::load::published::{FILE, Published};
use crate::model::site::Site;
use crate::output::sink::OutputFile;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Every public address of the site and its source file.
fn current(site: &Site) -> BTreeMap<String, PathBuf> {
    let mut m = BTreeMap::new();
    for e in &site.articles {
        m.insert(e.url.clone(), e.article.source.clone());
    }
    for p in &site.pages {
        m.insert(p.url.clone(), p.page.source.clone());
    }
    for a in &site.aliases {
        m.insert(a.url.clone(), a.source.clone());
    }
    m
}

/// The warnings for addresses gone since the last build, and this build's
/// list. Gone addresses stay on the list, and are warned about again, until
/// a build with `accept_removed` records their removal.
pub fn check(
    site: &Site,
    previous: &[Published],
    accept_removed: bool,
) -> (Vec<Diagnostic>, OutputFile) {
    let mut list = current(site);
    let mut warnings = Vec::new();
    // An article past its expiry_date (or not yet due) is gone on purpose.
    let scheduled: std::collections::HashSet<&str> =
        site.held.iter().map(|h| h.url.as_str()).collect();
    for p in previous {
        if list.contains_key(&p.url) || accept_removed || scheduled.contains(p.url.as_str()) {
            continue;
        }
        warnings.push(gone(p));
        list.insert(p.url.clone(), p.source.clone());
    }
    let mut text = String::from(
        "# Addresses this site has published (chiso keeps this list; see --accept-removed)\n",
    );
    for (url, source) in &list {
        text.push_str(url);
        text.push('\t');
        text.push_str(&source.to_string_lossy().replace('\\', "/"));
        text.push('\n');
    }
    let file = OutputFile {
        path: FILE.to_string(),
        bytes: text.into_bytes(),
    };
    (warnings, file)
}

fn gone(p: &Published) -> Diagnostic {
    Diagnostic::warning(
        codes::REMOVED_URL,
        p.source.clone(),
        msg!(m::PUBLISHED_GONE, url = &p.url),
    )
    .hint(msg!(m::PUBLISHED_GONE_HINT, url = &p.url))
}
