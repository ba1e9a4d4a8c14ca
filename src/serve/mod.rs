//! `chiso serve`: a development server on 127.0.0.1 that watches `content/`
//! and the theme, re-renders only the pages an edit affects, writes the
//! changed files and tells open browser pages to reload (server-sent events).
//! A build error is shown as an overlay while the last good site stays up.

use crate::data::Dataset;
use crate::diag::Diagnostics;
use crate::load::config::SiteConfig;
use crate::load::content::{self, Article, Commentary, Loaded, Page};
use crate::load::theme::{Theme, names};
use crate::model::site::{Site, Term};
use crate::model::urls::{index_path, page_count, paginate_url};
use crate::output::sink::OutputFile;
use crate::pipeline::BuildOptions;
use crate::render::jobs::Job;
use crate::render::markdown;
use crate::render::pages::list::{ListKind, ListPage};
use crate::render::renderer::{RenderOptions, Renderer, Shared};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod http;

pub use http::run;

/// Injected before `</body>` in serve mode only.
pub const LIVE_RELOAD: &str = r#"<script>/* chiso serve: live reload */(function(){var es=new EventSource("/__chiso/events");es.addEventListener("reload",function(){location.reload()});es.addEventListener("error-report",function(e){var d=document.getElementById("chiso-overlay");if(!d){d=document.createElement("pre");d.id="chiso-overlay";d.style.cssText="position:fixed;inset:0;margin:0;padding:1em;overflow:auto;background:rgba(40,0,0,.93);color:#fff;font:14px/1.4 monospace;z-index:99999;white-space:pre-wrap";document.body.appendChild(d)}d.textContent=JSON.parse(e.data)});es.addEventListener("ok",function(){var d=document.getElementById("chiso-overlay");if(d)d.remove()})})();</script>"#;

fn hash<T: Hash + ?Sized>(v: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

/// What an edit touched.
#[derive(Debug, Default, Clone)]
pub struct Dirty {
    pub full: bool,
    pub articles: BTreeSet<PathBuf>,
    pub pages: bool,
    pub data: bool,
    pub statics: bool,
    /// Theme templates edited (names under `templates/`).
    pub templates: BTreeSet<String>,
}

impl Dirty {
    pub fn full() -> Self {
        Dirty {
            full: true,
            ..Default::default()
        }
    }

    /// Classify a changed path (relative to the root).
    pub fn add(&mut self, rel: &Path) {
        let s = rel.to_string_lossy().replace('\\', "/");
        if s.starts_with("content/articles/") {
            if s.ends_with(".md") {
                self.articles.insert(rel.to_path_buf());
            } else {
                self.full = true; // a folder moved: reload everything
            }
        } else if s.starts_with("content/pages/") {
            self.pages = true;
        } else if s.starts_with("content/data/") {
            self.data = true;
        } else if s.starts_with("content/static/") {
            self.statics = true;
        } else if let Some(rest) = s.strip_prefix("themes/") {
            // themes/<name>/templates/<template>: re-render its users only.
            match rest.split_once("/templates/") {
                Some((_, t)) if !t.is_empty() => {
                    self.templates.insert(t.to_string());
                }
                _ => self.full = true, // assets change every page's CSS link
            }
        } else if s.starts_with("content/") {
            self.full = true;
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.full
            && self.articles.is_empty()
            && !self.pages
            && !self.data
            && !self.statics
            && self.templates.is_empty()
    }
}

/// Everything kept between rebuilds.
pub struct State {
    pub opts: BuildOptions,
    pub out: PathBuf,
    config: Option<SiteConfig>,
    /// Shared so a rebuild renders with it while `self` is written to.
    theme: Option<Arc<Theme>>,
    articles: BTreeMap<PathBuf, Arc<Article>>,
    pages: Vec<Page>,
    commentary: Vec<Commentary>,
    static_files: Vec<(PathBuf, String)>,
    datasets: Vec<Dataset>,
    data_version: u64,
    /// Markdown bodies by source: (the article they were made from, data
    /// version, whether it uses shortcodes, body). An article is unchanged
    /// while its `Arc` is the same one.
    /// shortcodes, rendered).
    bodies: HashMap<PathBuf, (Arc<Article>, u64, bool, Arc<markdown::Rendered>)>,
    /// Teasers by source: (article, its category's name, teaser).
    teasers: HashMap<PathBuf, (Arc<Article>, String, tera::Value)>,
    /// Slugs of the tags of articles edited in this rebuild (before and after).
    touched_tags: BTreeSet<String>,
    /// Files on disk: path → hash of bytes.
    written: BTreeMap<String, u64>,
    /// The last good site, to compare the next one with.
    last: Option<Site>,
    /// Print each rebuild's phases (`serve --timings`).
    pub timings: bool,
    /// Articles whose last load failed: re-read on every rebuild so their
    /// error stays shown until fixed.
    broken: BTreeSet<PathBuf>,
}

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct Stats {
    pub rendered: usize,
    pub written: usize,
    pub removed: usize,
    pub elapsed: Duration,
}

impl State {
    pub fn new(opts: BuildOptions, out: PathBuf) -> Self {
        State {
            opts,
            out,
            config: None,
            theme: None,
            articles: BTreeMap::new(),
            pages: Vec::new(),
            commentary: Vec::new(),
            static_files: Vec::new(),
            datasets: Vec::new(),
            data_version: 0,
            bodies: HashMap::new(),
            touched_tags: BTreeSet::new(),
            teasers: HashMap::new(),
            written: BTreeMap::new(),
            last: None,
            timings: false,
            broken: BTreeSet::new(),
        }
    }

    fn reload_all(&mut self, diags: &mut Diagnostics) -> Result<(), ()> {
        let root = self.opts.root.clone();
        let config = match crate::load::config::load(&root, self.opts.base_url.as_deref()) {
            Ok(c) => c,
            Err(d) => {
                diags.extend(d);
                return Err(());
            }
        };
        match crate::load::theme::load(&root, &config.theme) {
            Ok(t) => self.theme = Some(Arc::new(t)),
            Err(d) => {
                diags.extend(d);
                return Err(());
            }
        }
        let loaded = content::load(&root, &config, self.opts.drafts, diags);
        self.articles = loaded
            .articles
            .into_iter()
            .map(|a| (a.source.clone(), a))
            .collect();
        self.pages = loaded.pages;
        self.commentary = loaded.commentary;
        self.static_files = loaded.static_files;
        self.config = Some(config);
        self.reload_datasets(diags);
        Ok(())
    }

    fn reload_datasets(&mut self, diags: &mut Diagnostics) {
        let root = &self.opts.root;
        let (ds, d) = crate::data::load_dir(&root.join("content/data"), root);
        diags.extend(d);
        self.datasets = ds;
        self.data_version += 1;
    }

    /// Datasets and their commentary (an edit under content/data/).
    fn reload_data(&mut self, diags: &mut Diagnostics) {
        self.reload_datasets(diags);
        self.commentary = content::load_commentary(&self.opts.root, diags);
    }

    fn reload_article(&mut self, rel: &Path, diags: &mut Diagnostics) {
        if let Some(old) = self.articles.get(rel) {
            self.touched_tags
                .extend(old.tags.iter().map(|t| crate::util::text::slugify(t)));
        }
        let abs = self.opts.root.join(rel);
        if !abs.is_file() {
            self.articles.remove(rel);
            return;
        }
        let cfg = self.config.as_ref().expect("config loaded");
        match content::load_article(&abs, rel, cfg) {
            Ok(a) if a.draft && !self.opts.drafts => {
                self.articles.remove(rel);
            }
            Ok(a) => {
                self.touched_tags
                    .extend(a.tags.iter().map(|t| crate::util::text::slugify(t)));
                self.articles.insert(rel.to_path_buf(), Arc::new(a));
            }
            Err(d) => {
                self.broken.insert(rel.to_path_buf());
                diags.extend(d);
            }
        }
    }

    /// Apply an edit and write what changed. On error, nothing is written.
    pub fn rebuild(&mut self, dirty: &Dirty) -> Result<Stats, Diagnostics> {
        let start = Instant::now();
        let mut diags = Diagnostics::new();
        let full = dirty.full || self.config.is_none();
        if full {
            if self.reload_all(&mut diags).is_err() {
                diags.sort();
                return Err(diags);
            }
        } else {
            let mut again: BTreeSet<PathBuf> = std::mem::take(&mut self.broken);
            again.extend(dirty.articles.iter().cloned());
            for a in &again {
                self.reload_article(a, &mut diags);
            }
            let root = self.opts.root.clone();
            // Only what was edited is read again, never all articles.
            if dirty.pages {
                self.pages = content::load_pages(&root, self.opts.drafts, &mut diags);
            }
            if dirty.statics {
                self.static_files = content::load_static(&root, &mut diags);
            }
            if dirty.data {
                self.reload_data(&mut diags);
            }
            if !dirty.templates.is_empty() {
                // Teasers hold the rendered teaser partial.
                self.teasers.clear();
                let name = self
                    .config
                    .as_ref()
                    .map(|c| c.theme.clone())
                    .unwrap_or_default();
                match crate::load::theme::load(&root, &name) {
                    Ok(t) => self.theme = Some(Arc::new(t)),
                    Err(d) => diags.extend(d),
                }
            }
        }
        let dbg = self.timings;
        let mut t0 = Instant::now();
        let mut phase = |name: &str| {
            if dbg {
                eprintln!("  {name}: {:.1} ms", t0.elapsed().as_secs_f64() * 1000.0);
                t0 = Instant::now();
            }
        };
        phase("reload");
        let loaded = Loaded {
            articles: self.articles.values().cloned().collect(),
            pages: self.pages.clone(),
            commentary: self.commentary.clone(),
            static_files: self.static_files.clone(),
        };
        let config = self.config.clone().expect("config loaded");
        let site = crate::model::site::build(config, loaded, self.datasets.clone(), &mut diags);
        phase("model");
        let theme = self.theme.clone().expect("theme loaded");
        let opts = RenderOptions {
            live_reload: LIVE_RELOAD.to_string(),
        };
        let r = Renderer::new(&site, &theme, &opts);
        let dv = self.data_version;
        let bodies = &self.bodies;
        let teasers = &self.teasers;
        let shared = Shared::with_cache(
            &r,
            |i| {
                let a = &site.articles[i].article;
                let (same, v, uses_data, b) = bodies.get(&a.source)?;
                (Arc::ptr_eq(same, a) && (!uses_data || *v == dv)).then(|| b.clone())
            },
            |i| {
                let e = &site.articles[i];
                let (same, cat, t) = teasers.get(&e.article.source)?;
                (Arc::ptr_eq(same, &e.article) && *cat == site.categories[e.category].name)
                    .then(|| t.clone())
            },
        );
        phase("shared");
        let jobs = self.affected_jobs(&site, dirty, full);
        phase("jobs");
        let sink = crate::output::sink::Collect::default();
        let (rendered, d) = crate::render::jobs::run_jobs(&r, &shared, &jobs, &sink);
        diags.extend(shared.diagnostics.iter().cloned());
        phase("render");
        diags.extend(d);
        if full {
            diags.extend(crate::render::links::check(&site, &rendered));
        }
        diags.sort();
        if diags.has_errors() {
            return Err(diags);
        }
        // Remember new bodies and teasers: after an article edit only the
        // edited ones are new; after a data or full rebuild, any may be.
        let candidates: Vec<usize> = if full || dirty.data {
            (0..site.articles.len()).collect()
        } else {
            (0..site.articles.len())
                .filter(|&i| dirty.articles.contains(&site.articles[i].article.source))
                .collect()
        };
        for i in candidates {
            let e = &site.articles[i];
            let fresh = self
                .bodies
                .get(&e.article.source)
                .is_none_or(|c| !Arc::ptr_eq(&c.0, &e.article) || c.1 != dv);
            if fresh {
                let uses_data = e.article.body.contains("{{");
                self.bodies.insert(
                    e.article.source.clone(),
                    (e.article.clone(), dv, uses_data, shared.body(&r, i)),
                );
            }
            let cat = &site.categories[e.category].name;
            let fresh = self
                .teasers
                .get(&e.article.source)
                .is_none_or(|c| !Arc::ptr_eq(&c.0, &e.article) || c.1 != *cat);
            if fresh {
                self.teasers.insert(
                    e.article.source.clone(),
                    (e.article.clone(), cat.clone(), shared.teasers[i].clone()),
                );
            }
        }
        if self.bodies.len() != self.articles.len() || self.teasers.len() != self.articles.len() {
            self.bodies.retain(|k, _| self.articles.contains_key(k));
            self.teasers.retain(|k, _| self.articles.contains_key(k));
        }
        self.touched_tags.clear();
        let mut files = sink.into_sorted();
        let pages_changed = full || dirty.pages || self.page_set_changed(&site, dirty);
        if pages_changed {
            let paths: BTreeSet<&str> = self
                .written
                .keys()
                .map(String::as_str)
                .chain(rendered.pages.iter().map(|p| p.path.as_str()))
                .collect();
            let sitemap = crate::render::feeds::sitemap(&site, paths.into_iter());
            files.push(sitemap);
        }
        let expected = if pages_changed {
            Some(expected_pages(&site))
        } else {
            None
        };
        let (written, removed) = self.write(&files, expected.as_ref(), full)?;
        phase("write");
        drop(shared);
        drop(r);
        // Freeing the previous site takes milliseconds: not on the edit's path.
        if let Some(old) = self.last.replace(site) {
            std::thread::spawn(move || drop(old));
        }
        Ok(Stats {
            rendered: jobs.len(),
            written,
            removed,
            elapsed: start.elapsed(),
        })
    }

    /// The jobs whose output may differ from the last build's. Unchanged
    /// articles keep their `Arc` between rebuilds, so comparing pointers
    /// tells whether a list page or a related-articles box changed.
    fn affected_jobs(&self, site: &Site, dirty: &Dirty, full: bool) -> Vec<Job> {
        let all = crate::render::jobs::all_jobs(site);
        let Some(old) = self.last.as_ref().filter(|_| !full) else {
            return all;
        };
        let old_index: HashMap<*const Article, usize> = old
            .articles
            .iter()
            .enumerate()
            .map(|(i, e)| (Arc::as_ptr(&e.article), i))
            .collect();
        let same = |new_i: usize, old_i: usize| {
            Arc::ptr_eq(&site.articles[new_i].article, &old.articles[old_i].article)
        };
        let old_terms = |kind: ListKind, slug: &str| -> Option<&Term> {
            match kind {
                ListKind::Home => Some(&old.home),
                ListKind::Category => old.categories.iter().find(|t| t.slug == slug),
                ListKind::Tag => old.tags.iter().find(|t| t.slug == slug),
            }
        };
        let mut by_template: BTreeSet<String> = BTreeSet::new();
        if let Some(theme) = &self.theme {
            for t in &dirty.templates {
                by_template.extend(theme.dependents(t));
            }
        }
        let uses_changed_template = |j: Job| match j {
            Job::Data(_) => [names::DATASET, names::DATASET_YEAR, names::DATASET_UNIT]
                .iter()
                .any(|t| by_template.contains(*t)),
            j => crate::render::jobs::template_of(site, j).is_some_and(|t| by_template.contains(t)),
        };
        let per = site.config.articles_per_page.max(1);
        let page_of = |t: &Term, p: usize| -> Vec<usize> {
            t.articles[((p - 1) * per).min(t.articles.len())..(p * per).min(t.articles.len())]
                .to_vec()
        };
        all.into_iter()
            .filter(|&j| {
                uses_changed_template(j)
                    || match j {
                        Job::Article(i) => {
                            let e = &site.articles[i];
                            let Some(&oi) = old_index.get(&Arc::as_ptr(&e.article)) else {
                                return true; // new or edited
                            };
                            (dirty.data && e.article.body.contains("{{"))
                                || e.related.len() != old.articles[oi].related.len()
                                || e.related
                                    .iter()
                                    .zip(&old.articles[oi].related)
                                    .any(|(&n, &o)| !same(n, o))
                        }
                        Job::List(ListPage { kind, term, page }) => {
                            let term = crate::render::jobs::list_term(site, kind, term);
                            let Some(old_term) = old_terms(kind, &term.slug) else {
                                return true;
                            };
                            let pages = |t: &Term| page_count(t.articles.len(), per);
                            let (new_p, old_p) = (page_of(term, page), page_of(old_term, page));
                            (dirty.data && kind == ListKind::Home)
                                || pages(term) != pages(old_term)
                                || term.name != old_term.name
                                || new_p.len() != old_p.len()
                                || new_p.iter().zip(&old_p).any(|(&n, &o)| !same(n, o))
                        }
                        Job::Page(_) => dirty.pages || dirty.data,
                        // Unit pages list the articles tagged with the unit.
                        Job::Data(d) => {
                            dirty.data
                                || site.datasets[d].units.iter().any(|u| {
                                    self.touched_tags.contains(&u.slug)
                                        || self
                                            .touched_tags
                                            .contains(&crate::util::text::slugify(&u.name))
                                        || self
                                            .touched_tags
                                            .contains(&crate::util::text::slugify(&u.short))
                                })
                        }
                        Job::DataIndex => dirty.data,
                        Job::Feed => !dirty.articles.is_empty(),
                        Job::Static => dirty.statics,
                        Job::NotFound | Job::Assets => false,
                    }
            })
            .collect()
    }

    /// Whether the set of pages may differ from the last build's: an article
    /// added, removed or moved, or a list gaining or losing a page.
    fn page_set_changed(&self, site: &Site, dirty: &Dirty) -> bool {
        let Some(old) = &self.last else { return true };
        let pages = |ts: &[Term]| -> usize {
            let per = site.config.articles_per_page.max(1);
            ts.iter().map(|t| page_count(t.articles.len(), per)).sum()
        };
        if old.articles.len() != site.articles.len()
            || old.categories.len() != site.categories.len()
            || old.tags.len() != site.tags.len()
            || pages(&old.categories) != pages(&site.categories)
            || pages(&old.tags) != pages(&site.tags)
        {
            return true;
        }
        dirty.articles.iter().any(|src| {
            let url = |s: &Site| {
                s.articles
                    .iter()
                    .find(|e| &e.article.source == src)
                    .map(|e| e.url.clone())
            };
            url(old) != url(site)
        })
    }

    /// Write changed files; remove pages that no longer exist.
    fn write(
        &mut self,
        files: &[OutputFile],
        expected: Option<&BTreeSet<String>>,
        full: bool,
    ) -> Result<(usize, usize), Diagnostics> {
        let mut n = 0;
        let mut produced: BTreeSet<&str> = BTreeSet::new();
        for f in files {
            produced.insert(&f.path);
            if !crate::output::staging::safe_rel(&f.path) {
                continue;
            }
            let h = hash(&f.bytes);
            if self.written.get(&f.path) == Some(&h) {
                continue;
            }
            let full_path = self.out.join(&f.path);
            if let Some(p) = full_path.parent() {
                std::fs::create_dir_all(p)
                    .map_err(|e| Diagnostics::from(crate::load::fs::io_error(p, &e)))?;
            }
            std::fs::write(&full_path, &f.bytes)
                .map_err(|e| Diagnostics::from(crate::load::fs::io_error(&full_path, &e)))?;
            self.written.insert(f.path.clone(), h);
            n += 1;
        }
        // Pages (index.html outside /chi-so/) that the site no longer has.
        let Some(expected) = expected else {
            return Ok((n, 0));
        };
        let stale: Vec<String> = self
            .written
            .keys()
            .filter(|p| {
                let page =
                    p.ends_with("index.html") && !p.starts_with(crate::model::urls::DATA_PREFIX);
                (page && !expected.contains(p.as_str())) || (full && !produced.contains(p.as_str()))
            })
            .cloned()
            .collect();
        for p in &stale {
            let _ = std::fs::remove_file(self.out.join(p));
            self.written.remove(p);
        }
        Ok((n, stale.len()))
    }
}

/// Every article, list and plain page the site has now.
fn expected_pages(site: &Site) -> BTreeSet<String> {
    let per = site.config.articles_per_page.max(1);
    let mut s: BTreeSet<String> = site.articles.iter().map(|e| index_path(&e.url)).collect();
    s.extend(site.pages.iter().map(|p| index_path(&p.url)));
    for t in std::iter::once(&site.home)
        .chain(&site.categories)
        .chain(&site.tags)
    {
        for p in 1..=page_count(t.articles.len(), per) {
            s.insert(index_path(&paginate_url(&t.url, p)));
        }
    }
    s
}
