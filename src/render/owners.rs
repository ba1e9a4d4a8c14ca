//! Every output path has exactly one owner. Two jobs (or one job twice)
//! writing the same path is an error naming both sources, whatever made
//! them: articles, pages, list pages, datasets, feeds, static files.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics, Msg};
use crate::model::images::PHOTO_DIR;
use crate::model::site::Site;
use crate::output::sink::{CarriedGroup, path_hash};
use crate::render::job::Job;
use crate::render::pages::list::ListKind;
use crate::util::idhash::IdHashSet;
use std::collections::HashMap;
use std::path::PathBuf;

/// Who wrote a file: a description for messages, and where it comes from.
#[derive(Debug, Clone)]
pub struct Owner {
    pub what: Msg,
    pub file: PathBuf,
    pub line: usize,
    /// Articles, pages and category pages are checked against each other
    /// by the model already (serve renders only some jobs); a clash between
    /// two of them is not reported twice.
    pub model_checked: bool,
}

impl Owner {
    fn at(&self) -> String {
        if self.line > 0 {
            format!("{}:{}", self.file.display(), self.line)
        } else {
            self.file.display().to_string()
        }
    }
}

/// Where a static file written to `to` comes from, as diagnostics show it.
fn static_source(to: &str) -> PathBuf {
    PathBuf::from("content/static").join(to)
}

/// The owner of the files a job writes; `copied` is the output path of a
/// static file (the static job copies many).
pub fn owner(site: &Site, job: Job, copied: Option<&str>) -> Owner {
    let chiso = |what: Msg| Owner {
        what,
        file: PathBuf::from("(chiso)"),
        line: 0,
        model_checked: false,
    };
    match job {
        Job::Article(i) => {
            let a = &site.articles[i].article;
            Owner {
                what: msg!(m::WHAT_ARTICLE),
                file: a.source.clone(),
                line: a.slug_loc.line,
                model_checked: true,
            }
        }
        Job::Page(i) => {
            let p = &site.pages[i].page;
            Owner {
                what: msg!(m::WHAT_PAGE),
                file: p.source.clone(),
                line: p.slug_loc.line,
                model_checked: true,
            }
        }
        Job::List(l) => {
            let (what, term) = match l.kind {
                ListKind::Home => return chiso(msg!(m::WHAT_HOME)),
                ListKind::Category => (&m::WHAT_LIST_CATEGORY, &site.categories[l.term]),
                ListKind::Tag => (&m::WHAT_LIST_TAG, &site.tags[l.term]),
            };
            let what = Msg::new(
                what,
                vec![("name", m::text(&term.name)), ("page", m::text(l.page))],
            );
            Owner {
                what,
                file: term
                    .articles
                    .first()
                    .map(|&i| site.articles[i].article.source.clone())
                    .unwrap_or_default(),
                line: 0,
                model_checked: l.kind == ListKind::Category && l.page == 1,
            }
        }
        Job::Data(d) => Owner {
            what: msg!(m::WHAT_DATASET_PAGES, slug = &site.datasets[d].slug),
            file: site.datasets[d].file.clone(),
            line: 0,
            model_checked: false,
        },
        Job::Static => Owner {
            what: msg!(m::WHAT_STATIC),
            file: copied.map_or_else(PathBuf::new, static_source),
            line: 0,
            model_checked: false,
        },
        Job::Alias(i) => {
            let a = &site.aliases[i];
            Owner {
                what: msg!(m::WHAT_ALIAS, url = &a.url),
                file: a.source.clone(),
                line: a.line,
                model_checked: false,
            }
        }
        Job::Redirects => chiso(msg!(m::WHAT_REDIRECTS)),
        Job::DataIndex => chiso(msg!(m::WHAT_DATA_INDEX)),
        Job::NotFound => chiso(msg!(m::WHAT_404)),
        Job::Feed => chiso(msg!(m::WHAT_FEED)),
        Job::Assets => chiso(msg!(m::WHAT_ASSETS)),
        Job::Search => chiso(msg!(m::WHAT_SEARCH)),
        Job::Archive(_) => chiso(msg!(m::WHAT_ARCHIVE)),
        Job::Image(i) => Owner {
            what: msg!(m::WHAT_PHOTO_COPY),
            file: site.images.source_rel(&site.images.images[i].url),
            line: 0,
            model_checked: false,
        },
    }
}

/// Claims on output paths, in a fixed order; a second claim is an error.
/// A claim keeps only the job: the owner's words are made when two meet.
pub struct Owners<'a> {
    site: &'a Site,
    seen: HashMap<&'a str, Job>,
}

impl<'a> Owners<'a> {
    pub fn new(site: &'a Site, capacity: usize) -> Self {
        Owners {
            site,
            seen: HashMap::with_capacity(capacity),
        }
    }

    pub fn claim(&mut self, path: &'a str, job: Job, diags: &mut Diagnostics) {
        if !matches!(job, Job::Image(_)) && in_photo_dir(path) {
            let o = owner(self.site, job, (job == Job::Static).then_some(path));
            diags.push(
                Diagnostic::error(
                    codes::DUPLICATE_URL,
                    o.file.clone(),
                    msg!(
                        m::OWNERS_PHOTO_DIR,
                        what = o.what.clone(),
                        path = path,
                        dir = PHOTO_DIR
                    ),
                )
                .at(o.line, 0)
                .hint(msg!(m::OWNERS_PHOTO_DIR_HINT)),
            );
        }
        let Some(&first_job) = self.seen.get(path) else {
            self.seen.insert(path, job);
            return;
        };
        let copied = |j: Job| (j == Job::Static).then_some(path);
        let first = owner(self.site, first_job, copied(first_job));
        let owner = owner(self.site, job, copied(job));
        diags.extend(clash(path, &first, &owner));
    }

    /// Clashes that no two equal paths show, checked once every job has
    /// claimed its paths (so `check` finds them as `build` would): a file
    /// where another job needs a folder (`rss.xml` and `rss.xml/index.html`),
    /// two paths equal but for letter case (one file on Windows, macOS and
    /// many CDNs), and a name longer than file systems allow.
    pub fn check_shapes(&self, diags: &mut Diagnostics) {
        let mut paths: Vec<(&str, Job)> = self.seen.iter().map(|(p, j)| (*p, *j)).collect();
        paths.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let who = |p: &str, j: Job| owner(self.site, j, (j == Job::Static).then_some(p));
        let mut said: Vec<&str> = Vec::new();
        for &(p, job) in &paths {
            for (i, _) in p.match_indices('/') {
                let dir = &p[..i];
                let Some(&file_job) = self.seen.get(dir) else {
                    continue;
                };
                if said.contains(&dir) {
                    continue;
                }
                said.push(dir);
                let (file, inner) = (who(dir, file_job), who(p, job));
                diags.push(
                    Diagnostic::error(
                        codes::DUPLICATE_URL,
                        inner.file.clone(),
                        msg!(
                            m::OWNERS_FILE_FOLDER,
                            what = inner.what.clone(),
                            path = p,
                            dir = dir,
                            other_what = file.what.clone(),
                            other = file.at()
                        ),
                    )
                    .at(inner.line, 0)
                    .hint(msg!(m::OWNERS_FILE_FOLDER_HINT)),
                );
            }
        }
        let mut folded: HashMap<String, (&str, Job)> = HashMap::with_capacity(paths.len());
        for &(p, job) in &paths {
            match folded.entry(p.to_lowercase()) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert((p, job));
                }
                std::collections::hash_map::Entry::Occupied(o) => {
                    let (first_path, first_job) = *o.get();
                    let (first, this) = (who(first_path, first_job), who(p, job));
                    diags.push(
                        Diagnostic::error(
                            codes::DUPLICATE_URL,
                            this.file.clone(),
                            msg!(
                                m::OWNERS_CASE,
                                what = this.what.clone(),
                                path = p,
                                other_what = first.what.clone(),
                                other = first.at(),
                                other_path = first_path
                            ),
                        )
                        .at(this.line, 0)
                        .hint(msg!(m::OWNERS_CASE_HINT)),
                    );
                }
            }
        }
        for &(p, job) in &paths {
            if let Some(d) = name_too_long(p, &who(p, job)) {
                diags.push(d);
            }
        }
    }

    /// Claims on the photo copies, a group per photo. Only photo jobs
    /// write under `PHOTO_DIR` (`claim` refuses the others), so their
    /// thousands of paths are checked against each other only, by hash.
    /// Returns the hashes of every path (`Rendered::photos`).
    pub fn claim_photos<'g>(
        &self,
        groups: impl Iterator<Item = (Job, &'g CarriedGroup)>,
        diags: &mut Diagnostics,
    ) -> IdHashSet {
        let groups: Vec<(Job, &CarriedGroup)> = groups.collect();
        let n = groups.iter().map(|(_, g)| g.files.len()).sum();
        let mut seen = IdHashSet::with_capacity_and_hasher(n, Default::default());
        // Two photos clash in all their copies: one error says it.
        let mut said: Vec<(Job, Job)> = Vec::new();
        for (at, &(job, g)) in groups.iter().enumerate() {
            if let Some(to) = g.files.iter().find(|f| longest_name(f) > MAX_NAME) {
                diags.extend(name_too_long(to, &owner(self.site, job, None)));
            }
            for to in &g.files {
                if seen.insert(path_hash(to)) {
                    continue;
                }
                // Rare: find who had it (a hash alone is no proof).
                let has = |h: &CarriedGroup| h.files.iter().filter(|f| *f == to).count();
                let first = match groups[..at].iter().find(|(_, h)| has(h) > 0) {
                    Some(&(j, _)) => j,
                    None if has(g) > 1 => job,
                    None => continue,
                };
                if said.contains(&(first, job)) {
                    continue;
                }
                said.push((first, job));
                let (a, b) = (owner(self.site, first, None), owner(self.site, job, None));
                diags.extend(clash(to, &a, &b));
            }
        }
        seen
    }
}

/// The longest file or folder name most file systems allow, in bytes.
const MAX_NAME: usize = 255;

fn longest_name(path: &str) -> usize {
    path.split('/').map(str::len).max().unwrap_or(0)
}

/// E0103 if a name in `path` is longer than [`MAX_NAME`].
fn name_too_long(path: &str, o: &Owner) -> Option<Diagnostic> {
    let len = longest_name(path);
    (len > MAX_NAME).then(|| {
        Diagnostic::error(
            codes::BAD_SLUG,
            o.file.clone(),
            msg!(
                m::OWNERS_NAME_TOO_LONG,
                what = o.what.clone(),
                path = path,
                len = len,
                max = MAX_NAME
            ),
        )
        .at(o.line, 0)
        .hint(msg!(m::OWNERS_NAME_TOO_LONG_HINT))
    })
}

/// Whether `path` is inside the photo folder, which only photo jobs fill
/// (a build carries it over whole: anything else there would be lost).
fn in_photo_dir(path: &str) -> bool {
    path.strip_prefix(PHOTO_DIR)
        .is_some_and(|r| r.starts_with('/'))
}

fn clash(path: &str, first: &Owner, owner: &Owner) -> Option<Diagnostic> {
    if first.model_checked && owner.model_checked {
        return None;
    }
    if first.what == owner.what && first.file == owner.file {
        return Some(
            Diagnostic::error(
                codes::DUPLICATE_URL,
                owner.file.clone(),
                msg!(m::OWNERS_TWICE, what = owner.what.clone(), path = path),
            )
            .hint(msg!(m::OWNERS_TWICE_HINT)),
        );
    }
    Some(
        Diagnostic::error(
            codes::DUPLICATE_URL,
            owner.file.clone(),
            msg!(
                m::OWNERS_CLASH,
                what = owner.what.clone(),
                path = path,
                other_what = first.what.clone(),
                other = first.at()
            ),
        )
        .at(owner.line, 0)
        .hint(msg!(m::OWNERS_CLASH_HINT)),
    )
}

/// A static file where the sitemap goes (the sitemap is written after
/// every job, from the list of what they wrote).
pub fn sitemap_clash(path: &str) -> Diagnostic {
    Diagnostic::error(
        codes::DUPLICATE_URL,
        static_source(path),
        msg!(m::OWNERS_SITEMAP, path = path),
    )
    .hint(msg!(m::OWNERS_SITEMAP_HINT))
}
