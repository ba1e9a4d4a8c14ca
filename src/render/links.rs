//! Internal link check: every link, image and menu entry that points inside
//! the site must name a page, file or anchor that the build writes.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics, Msg};
use crate::load::schedule::Hold;
use crate::model::site::{HeldEntry, Site};
use crate::output::sink::{LinkRef, Rendered, path_hash};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Site-relative target of `url` written on the page at `page_url`, or None
/// for external links, mail links and the like.
pub fn resolve(url: &str, page_url: &str, prefix: &str) -> Option<(String, Option<String>)> {
    let url = url.trim();
    if url.is_empty() || url.starts_with("//") {
        return None;
    }
    if let Some(colon) = url.find(':') {
        let scheme = &url[..colon];
        if !scheme.contains(['/', '?', '#']) {
            return None; // https:, mailto:, tel:, …
        }
    }
    let (path_q, frag) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (url, None),
    };
    let path = path_q.split('?').next().unwrap_or("");
    let path = if path.is_empty() {
        page_url.to_string()
    } else if path.starts_with('/') {
        let p = path
            .strip_prefix(prefix)
            .filter(|p| p.starts_with('/'))
            .unwrap_or(path);
        p.to_string()
    } else {
        let base = &page_url[..page_url.rfind('/').map_or(0, |i| i + 1)];
        format!("{base}{path}")
    };
    // Normalise . and ..
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut norm = format!("/{}", parts.join("/"));
    if path.ends_with('/') && norm != "/" {
        norm.push('/');
    }
    Some((norm, frag))
}

/// The output file a site path maps to.
fn file_for(path: &str, files: &HashSet<&str>) -> Option<String> {
    let t = path.trim_start_matches('/');
    let t = percent_decode(t);
    if t.is_empty() {
        return files.contains("index.html").then(|| "index.html".into());
    }
    if files.contains(t.as_str()) {
        return Some(t);
    }
    let idx = format!("{}/index.html", t.trim_end_matches('/'));
    files.contains(idx.as_str()).then_some(idx)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The held-back article a site path would name, if any.
fn held_for<'a>(path: &str, held: &HashMap<String, &'a HeldEntry>) -> Option<&'a HeldEntry> {
    if held.is_empty() {
        return None;
    }
    let t = percent_decode(path.trim_start_matches('/'));
    let idx = format!("{}/index.html", t.trim_end_matches('/'));
    held.get(t.as_str())
        .or_else(|| held.get(idx.as_str()))
        .copied()
}

/// Check every collected link. Also the front matter images and the menu.
pub fn check(site: &Site, rendered: &Rendered) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let planned = planned_pages(site);
    let t = Targets::new(site, rendered, &planned);
    let (own, page_of) = own_links(site);
    let refs: Vec<(&LinkRef, &str)> = own
        .iter()
        .map(|(l, p)| (l, *p))
        .chain(
            rendered
                .links
                .iter()
                .map(|l| (l, page_of.get(l.file.as_path()).copied().unwrap_or("/"))),
        )
        .collect();
    diags.extend(alias_warnings(site, &refs, &t));
    // Checked in parallel (tens of thousands of links), reported in order.
    use rayon::prelude::*;
    let problems: Vec<Option<(&LinkRef, Msg, Option<&HeldEntry>)>> = refs
        .into_par_iter()
        .map(|(l, page)| t.problem(l, page).map(|(m, h)| (l, m, h)))
        .collect();
    let mut reported: BTreeSet<(PathBuf, usize, String)> = BTreeSet::new();
    for (l, msg, held) in problems.into_iter().flatten() {
        if reported.insert((l.file.clone(), l.line, l.url.clone())) {
            diags.push(
                Diagnostic::error(codes::BROKEN_LINK, l.file.clone(), msg)
                    .at(l.line, 0)
                    .hint(match local_file(&l.url) {
                        Some(name) => msg!(m::LINK_LOCAL_FILE_HINT, name = name),
                        None if held.is_none() && is_image_path(&l.url) => {
                            msg!(m::LINK_MISSING_IMAGE_HINT, url = &l.url)
                        }
                        None => broken_hint(held),
                    }),
            );
        }
    }
    diags
}

/// Pages the model plans are link targets even when rendering one of them
/// failed: that failure is reported once, by the renderer, not again as a
/// broken link in every page that links to it.
fn planned_pages(site: &Site) -> Vec<String> {
    // A resized photo's original stays a link target: links to it are
    // sent to its largest JPEG.
    let originals = site
        .images
        .images
        .iter()
        .filter(|p| p.resize)
        .map(|p| p.url.clone());
    originals.chain(planned_urls(site)).collect()
}

fn planned_urls(site: &Site) -> Vec<String> {
    std::iter::once("/".to_string())
        .chain(site.articles.iter().map(|e| e.url.clone()))
        .chain(site.pages.iter().map(|p| p.url.clone()))
        .chain(site.categories.iter().map(|t| t.url.clone()))
        .chain(site.tags.iter().map(|t| t.url.clone()))
        .map(|u| crate::model::urls::index_path(&u))
        .collect()
}

/// What a link may point at.
struct Targets<'a> {
    files: HashSet<&'a str>,
    /// The ids of each HTML page, for anchors.
    ids: HashMap<&'a str, &'a str>,
    /// Articles held back by their schedule: a link to one is broken now,
    /// and the hint says when it will not be.
    held: HashMap<String, &'a HeldEntry>,
    /// The photo copies, by `path_hash`.
    photos: &'a crate::util::idhash::IdHashSet,
    prefix: &'a str,
}

impl<'a> Targets<'a> {
    fn new(site: &'a Site, rendered: &'a Rendered, planned: &'a [String]) -> Self {
        Targets {
            files: rendered
                .pages
                .iter()
                .map(|p| p.path.as_str())
                .chain(planned.iter().map(String::as_str))
                .collect(),
            ids: rendered
                .pages
                .iter()
                .map(|p| (p.path.as_str(), p.ids.as_str()))
                .collect(),
            held: site
                .held
                .iter()
                .map(|h| (crate::model::urls::index_path(&h.url), h))
                .collect(),
            photos: &rendered.photos,
            prefix: site.url_prefix(),
        }
    }

    /// The output file a site path maps to: a page, a file, a photo copy.
    fn file(&self, path: &str) -> Option<String> {
        file_for(path, &self.files).or_else(|| {
            let t = percent_decode(path.trim_start_matches('/'));
            self.photos.contains(&path_hash(&t)).then_some(t)
        })
    }

    /// What is wrong with a link written on `page`, if anything.
    fn problem(&self, l: &LinkRef, page: &str) -> Option<(Msg, Option<&'a HeldEntry>)> {
        if local_file(&l.url).is_some() {
            return Some((msg!(m::LINK_LOCAL_FILE, url = &l.url), None));
        }
        let (path, frag) = resolve(&l.url, page, self.prefix)?;
        match self.file(&path) {
            None => {
                let held = held_for(&path, &self.held);
                let msg = match held {
                    Some(h) => msg!(m::LINK_HELD, url = &l.url, source = h.source.display()),
                    None => msg!(m::LINK_BROKEN, url = &l.url),
                };
                Some((msg, held))
            }
            Some(f) => match frag {
                Some(fr) if !fr.is_empty() && f.ends_with(".html") => {
                    let ids = self.ids.get(f.as_str()).copied()?;
                    let want = percent_decode(&fr);
                    (!ids.lines().any(|id| id == want))
                        .then(|| (msg!(m::LINK_NO_ANCHOR, url = &l.url, anchor = &*fr), None))
                }
                _ => None,
            },
        }
    }
}

/// A path on the editor's own computer (`C:\\Users\\…\\anh.jpg`,
/// `file:///C:/…`, any backslash): never on the site. Its file name.
fn local_file(url: &str) -> Option<&str> {
    let u = url.trim();
    let b = u.as_bytes();
    let drive =
        b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/');
    let file = u.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("file:"));
    let scheme = u
        .split_once(':')
        .is_some_and(|(s, _)| !s.contains(['/', '\\', '?', '#']));
    let backslash = u.contains('\\') && (!scheme || drive);
    (drive || file || backslash).then(|| u.rsplit(['/', '\\']).next().unwrap_or(u))
}

/// `/images/x.jpg`: a site path to a photo.
fn is_image_path(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    url.starts_with('/')
        && [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// Front matter images and menu entries are links too; and which page each
/// source file becomes, for relative links.
fn own_links(site: &Site) -> (Vec<(LinkRef, &str)>, HashMap<&Path, &str>) {
    let mut own: Vec<(LinkRef, &str)> = Vec::new();
    let mut page_of: HashMap<&Path, &str> = HashMap::with_capacity(site.articles.len());
    for e in &site.articles {
        page_of.insert(&e.article.source, &e.url);
        if let Some(img) = &e.article.image {
            own.push((
                LinkRef {
                    url: img.clone(),
                    file: e.article.source.clone(),
                    line: e.article.image_loc.line,
                },
                &e.url,
            ));
        }
    }
    for p in &site.pages {
        page_of.insert(&p.page.source, &p.url);
    }
    for m in &site.config.menu {
        own.push((
            LinkRef {
                url: m.url.clone(),
                file: PathBuf::from(crate::load::config::FILE),
                line: m.line,
            },
            "/",
        ));
    }
    (own, page_of)
}

/// Old addresses resolve (their redirect pages exist), with a warning.
fn alias_warnings(site: &Site, refs: &[(&LinkRef, &str)], t: &Targets) -> Vec<Diagnostic> {
    let alias_of: HashMap<&str, &str> = site
        .aliases
        .iter()
        .map(|a| (a.path.as_str(), a.target.as_str()))
        .collect();
    let mut out = Vec::new();
    for (l, page) in refs.iter().filter(|_| !alias_of.is_empty()) {
        let Some((path, _)) = resolve(&l.url, page, t.prefix) else {
            continue;
        };
        if let Some(target) = file_for(&path, &t.files).and_then(|f| alias_of.get(f.as_str())) {
            out.push(
                Diagnostic::warning(
                    codes::LINK_TO_ALIAS,
                    l.file.clone(),
                    msg!(m::LINK_ALIAS, url = &l.url, target = *target),
                )
                .at(l.line, 0)
                .hint(msg!(m::LINK_ALIAS_HINT, target = *target)),
            );
        }
    }
    out
}

fn broken_hint(held: Option<&HeldEntry>) -> Msg {
    match held.map(|h| &h.why) {
        Some(Hold::Scheduled(at)) => msg!(m::LINK_SCHEDULED_HINT, at = at.rfc3339()),
        Some(Hold::Expired(at)) => msg!(m::LINK_EXPIRED_HINT, at = at.rfc3339()),
        None => msg!(m::LINK_BROKEN_HINT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_or_file_path_is_a_local_file() {
        assert_eq!(
            local_file("C:\\Users\\BTV\\Pictures\\anh.jpg"),
            Some("anh.jpg")
        );
        assert_eq!(local_file("file:///C:/Users/BTV/anh.jpg"), Some("anh.jpg"));
        assert_eq!(local_file("anh\\x.png"), Some("x.png"));
        assert_eq!(local_file("/images/anh.jpg"), None);
        assert_eq!(local_file("https://a.vn/x.jpg"), None);
        assert_eq!(local_file("mailto:a@b.vn"), None);
    }

    #[test]
    fn resolves_relative_absolute_and_external() {
        assert_eq!(resolve("https://x.vn/", "/a/", ""), None);
        assert_eq!(resolve("mailto:a@b", "/a/", ""), None);
        assert_eq!(resolve("/b/", "/a/", "").unwrap().0, "/b/");
        assert_eq!(resolve("../c/", "/a/b/", "").unwrap().0, "/a/c/");
        assert_eq!(resolve("/huyen/b/", "/a/", "/huyen").unwrap().0, "/b/");
        let (p, f) = resolve("#muc-1", "/a/b/", "").unwrap();
        assert_eq!((p.as_str(), f.as_deref()), ("/a/b/", Some("muc-1")));
    }
}
