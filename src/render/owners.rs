//! Every output path has exactly one owner. Two jobs (or one job twice)
//! writing the same path is an error naming both sources, whatever made
//! them: articles, pages, list pages, datasets, feeds, static files.

use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::site::Site;
use crate::render::job::Job;
use crate::render::pages::list::ListKind;
use std::collections::HashMap;
use std::path::PathBuf;

/// Who wrote a file: a description for messages, and where it comes from.
#[derive(Debug, Clone)]
pub struct Owner {
    pub what: String,
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
    let chiso = |what: &str| Owner {
        what: what.to_string(),
        file: PathBuf::from("(chiso)"),
        line: 0,
        model_checked: false,
    };
    match job {
        Job::Article(i) => {
            let a = &site.articles[i].article;
            Owner {
                what: "the article".into(),
                file: a.source.clone(),
                line: a.slug_loc.line,
                model_checked: true,
            }
        }
        Job::Page(i) => {
            let p = &site.pages[i].page;
            Owner {
                what: "the page".into(),
                file: p.source.clone(),
                line: p.slug_loc.line,
                model_checked: true,
            }
        }
        Job::List(l) => {
            let (what, term) = match l.kind {
                ListKind::Home => return chiso("the home page"),
                ListKind::Category => ("category", &site.categories[l.term]),
                ListKind::Tag => ("tag", &site.tags[l.term]),
            };
            Owner {
                what: format!("the {what} \"{}\" (page {})", term.name, l.page),
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
            what: format!("the pages of dataset `{}`", site.datasets[d].slug),
            file: site.datasets[d].file.clone(),
            line: 0,
            model_checked: false,
        },
        Job::Static => Owner {
            what: "the static file".into(),
            file: copied.map_or_else(PathBuf::new, static_source),
            line: 0,
            model_checked: false,
        },
        Job::Alias(i) => {
            let a = &site.aliases[i];
            Owner {
                what: format!("the alias {}", a.url),
                file: a.source.clone(),
                line: a.line,
                model_checked: false,
            }
        }
        Job::Redirects => chiso("the redirect files"),
        Job::Image(i) => Owner {
            what: "a resized copy of the photo".into(),
            file: site.images.source_rel(&site.images.images[i].url),
            line: 0,
            model_checked: false,
        },
        Job::DataIndex => chiso("the list of datasets"),
        Job::NotFound => chiso("the 404 page"),
        Job::Feed => chiso("the RSS feed"),
        Job::Assets => chiso("the theme's assets"),
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
        let Some(&first_job) = self.seen.get(path) else {
            self.seen.insert(path, job);
            return;
        };
        let copied = |j: Job| (j == Job::Static).then_some(path);
        let first = owner(self.site, first_job, copied(first_job));
        let owner = owner(self.site, job, copied(job));
        diags.extend(clash(path, &first, &owner));
    }
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
                format!("{} would write two files to /{path}", owner.what),
            )
            .hint(
                "a unit's slug may not be a year or another unit's slug: \
                 give the unit another `slug:`",
            ),
        );
    }
    Some(
        Diagnostic::error(
            codes::DUPLICATE_URL,
            owner.file.clone(),
            format!(
                "{} would be written to /{path}, which {} in {} already writes",
                owner.what,
                first.what,
                first.at()
            ),
        )
        .at(owner.line, 0)
        .hint(
            "every address has one owner: give one of them another `slug:`, \
             or rename or move the file in content/static/",
        ),
    )
}

/// A static file where the sitemap goes (the sitemap is written after
/// every job, from the list of what they wrote).
pub fn sitemap_clash(path: &str) -> Diagnostic {
    Diagnostic::error(
        codes::DUPLICATE_URL,
        static_source(path),
        format!("this file would be written to /{path}, where chiso writes the sitemap"),
    )
    .hint("rename or move the file in content/static/")
}
