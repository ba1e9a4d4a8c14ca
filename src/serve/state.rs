//! What serve keeps between rebuilds, and one rebuild: apply the edit,
//! model, render the affected jobs, write the files whose bytes changed.

use crate::data::Dataset;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::body::Keep;
use crate::load::config::SiteConfig;
use crate::load::content::{self, Article, Commentary, Loaded, Page};
use crate::load::image_index::ImageIndex;
use crate::load::schedule::Hold;
use crate::load::theme::Theme;
use crate::model::site::Site;
use crate::output::sink::OutputFile;
use crate::pipeline::{self, BuildOptions};
use crate::render::chartpngs::{ChartPngs, PngMode};
use crate::render::renderer::{RenderOptions, Renderer};
use crate::serve::LIVE_RELOAD;
use crate::serve::affected::{
    Last, affected_jobs, changed_photos, expected_pages, is_page, moved, page_set_changed,
};
use crate::serve::dirty::Dirty;
use crate::util::idhash::IdHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn hash<T: Hash + ?Sized>(v: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

/// `serve --timings`: the time of each phase of a rebuild.
struct Phases {
    on: bool,
    since: Instant,
}

impl Phases {
    fn new(on: bool) -> Self {
        Phases {
            on,
            since: Instant::now(),
        }
    }

    fn mark(&mut self, name: &str) {
        if self.on {
            let ms = self.since.elapsed().as_secs_f64() * 1000.0;
            eprintln!("  {name}: {ms:.1} ms");
            self.since = Instant::now();
        }
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
    /// Articles held back by their schedule (at the "now" serve started with).
    held: BTreeMap<PathBuf, (Arc<Article>, Hold)>,
    pages: Vec<Page>,
    commentary: Vec<Commentary>,
    static_files: Vec<(PathBuf, String)>,
    datasets: Vec<Dataset>,
    data_version: u64,
    /// Markdown bodies by source. An article is unchanged while its `Arc`
    /// is the same one.
    bodies: IdHashMap<CachedBody>,
    /// Teasers by source.
    teasers: IdHashMap<CachedTeaser>,
    /// Slugs of the tags of articles edited in this rebuild (before and after).
    touched_tags: BTreeSet<String>,
    /// Files on disk: path → hash of bytes.
    written: BTreeMap<String, u64>,
    /// The last good site, to compare the next one with.
    last: Option<Site>,
    /// What the model said of the last good site.
    model_said: Vec<Diagnostic>,
    /// The last good site's bodies and teasers (`None` after a template edit).
    prev: Option<Prev>,
    /// Print each rebuild's phases (`serve --timings`).
    pub timings: bool,
    /// Articles whose last load failed: re-read on every rebuild so their
    /// error stays shown until fixed.
    broken: BTreeSet<PathBuf>,
    /// Articles read again in this rebuild (edited, or broken before).
    reloaded: BTreeSet<PathBuf>,
    /// The search index as last written: an edit re-indexes only the
    /// documents it changed and writes only the index files that changed.
    search: Arc<std::sync::Mutex<crate::search::Cache>>,
}

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct Stats {
    pub rendered: usize,
    pub written: usize,
    pub removed: usize,
    pub elapsed: Duration,
    /// Edited articles whose address changed: (old, new), with the base
    /// path, so an open page can follow its article.
    pub moved: Vec<(String, String)>,
}

impl State {
    pub fn new(opts: BuildOptions, out: PathBuf) -> Self {
        State {
            opts,
            out,
            config: None,
            theme: None,
            articles: BTreeMap::new(),
            held: BTreeMap::new(),
            pages: Vec::new(),
            commentary: Vec::new(),
            static_files: Vec::new(),
            datasets: Vec::new(),
            data_version: 0,
            bodies: IdHashMap::default(),
            touched_tags: BTreeSet::new(),
            teasers: IdHashMap::default(),
            written: BTreeMap::new(),
            last: None,
            model_said: Vec::new(),
            prev: None,
            timings: false,
            broken: BTreeSet::new(),
            reloaded: BTreeSet::new(),
            search: Arc::default(),
        }
    }

    /// Read everything again, through the pipeline's load functions.
    /// `false`: site.yaml or the theme failed, and nothing else was read.
    fn reload_all(&mut self, diags: &mut Diagnostics) -> bool {
        let root = self.opts.root.clone();
        let Some((config, Some(theme))) = pipeline::load_config_and_theme(&self.opts, diags) else {
            return false;
        };
        self.theme = Some(Arc::new(theme));
        let loaded = content::load(&root, &config, self.opts.include(), Keep::Held, diags);
        self.articles = loaded
            .articles
            .into_iter()
            .map(|a| (a.source.clone(), a))
            .collect();
        self.held = loaded
            .held
            .into_iter()
            .map(|(a, why)| (a.source.clone(), (a, why)))
            .collect();
        self.pages = loaded.pages;
        self.commentary = loaded.commentary;
        self.static_files = loaded.static_files;
        self.config = Some(config);
        self.reload_datasets(diags);
        true
    }

    fn reload_datasets(&mut self, diags: &mut Diagnostics) {
        self.datasets = pipeline::load_data(&self.opts.root, diags);
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
        self.held.remove(rel);
        let abs = self.opts.root.join(rel);
        if !abs.is_file() {
            self.articles.remove(rel);
            return;
        }
        // As the build's walk does: a link out of content/ is not read.
        let content = self.opts.root.join("content");
        if let Err(d) = crate::load::fs::check_inside(&self.opts.root, &abs, &content) {
            self.articles.remove(rel);
            self.broken.insert(rel.to_path_buf());
            diags.push(d);
            return;
        }
        let cfg = self.config.as_ref().expect("config loaded");
        match content::load_article(&abs, rel, cfg) {
            Ok(a) if a.draft && !self.opts.drafts => {
                self.articles.remove(rel);
            }
            Ok(a) if a.hold(self.opts.include().now).is_some() => {
                self.articles.remove(rel);
                let why = a.hold(self.opts.include().now).expect("checked");
                self.held.insert(rel.to_path_buf(), (Arc::new(a), why));
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

    /// The schedule line of the last good build (`None`: nothing held back).
    pub fn schedule_line(&self) -> Option<String> {
        let site = self.last.as_ref()?;
        pipeline::schedule_report(site, self.opts.now).line()
    }

    /// Apply an edit and write what changed. On error, nothing is written.
    pub fn rebuild(&mut self, dirty: &Dirty) -> Result<Stats, Diagnostics> {
        let start = Instant::now();
        let mut diags = Diagnostics::new();
        let full = dirty.full || self.config.is_none();
        if !self.apply(dirty, full, &mut diags) {
            diags.sort();
            return Err(diags);
        }
        let mut phase = Phases::new(self.timings);
        phase.mark("reload");
        let (site, said) = self.model(full, dirty, &mut diags);
        phase.mark("model");
        let theme = self.theme.clone().expect("theme loaded");
        // Chart PNGs are drawn through the site's cache (a dataset edit
        // draws only the charts it changed; other edits none).
        let cache = pipeline::png_cache_dir(&self.opts.root, &site.config);
        let opts = RenderOptions {
            live_reload: LIVE_RELOAD.to_string(),
            pngs: std::sync::Arc::new(ChartPngs::new(PngMode::Draw, Some(cache))),
            now: Some(self.opts.now.ts),
        };
        let r = Renderer::new(&site, &theme, &opts);
        // Photos replaced under their names: the teasers kept of the
        // stories showing them name the old sizes and copies.
        let photos = match self.last.as_ref() {
            Some(old) if !full => changed_photos(old, &site, dirty),
            _ => BTreeSet::new(),
        };
        self.forget_photos(&photos);
        let mut shared = self.shared(&r);
        if full {
            self.search_cache().reset(); // a full rebuild writes every file
        }
        shared.search = Some(self.search.clone());
        phase.mark("shared");
        let lookalike = if full {
            HashMap::new()
        } else {
            self.lookalike(&site, &shared, dirty)
        };
        // Articles that look as before list under the same tags: their
        // tags' unit pages are unchanged.
        let no_tags = BTreeSet::new();
        let all_lookalike = !lookalike.is_empty() && lookalike.len() == self.reloaded.len();
        let last = Last {
            site: self.last.as_ref(),
            theme: self.theme.as_deref(),
            touched_tags: if all_lookalike {
                &no_tags
            } else {
                &self.touched_tags
            },
            lookalike: &lookalike,
            cards_changed: !self.reloaded.is_empty() && !all_lookalike,
        };
        let jobs = affected_jobs(last, &site, dirty, full);
        phase.mark("jobs");
        let sink = crate::output::sink::Collect::default();
        let (rendered, d) = pipeline::render_jobs(&r, &shared, &jobs, &sink);
        diags.extend(d);
        phase.mark("render");
        if full {
            diags.extend(crate::render::links::check(&site, &rendered));
        }
        diags.sort();
        if diags.has_errors() {
            // Nothing is written: the next index is compared with the files on disk.
            self.search_cache().reset();
            return Err(diags);
        }
        self.remember(&r, &shared, dirty, full, &photos);
        self.touched_tags.clear();
        let moved = moved(self.last.as_ref(), &site, dirty);
        let (mut files, copies) = sink.into_sorted();
        let pages_changed =
            full || dirty.pages || page_set_changed(self.last.as_ref(), &site, dirty);
        // The sitemap also gives each article's date as its pages' lastmod.
        let dates_changed = !self.reloaded.is_empty() && !all_lookalike;
        let expected = if pages_changed || dates_changed {
            let expected = expected_pages(&site);
            // Not the pages about to be removed (an article that moved).
            let paths: BTreeSet<&str> = self
                .written
                .keys()
                .map(String::as_str)
                .chain(rendered.paths())
                .filter(|p| !is_page(p) || expected.contains(*p))
                .collect();
            files.push(crate::render::feeds::sitemap(&site, paths.into_iter()));
            pages_changed.then_some(expected)
        } else {
            None
        };
        let (written, removed) = self
            .write(&files, &copies, expected.as_ref(), full)
            .inspect_err(|_| self.search_cache().reset())?;
        let removed = removed + self.remove_gone_search_files();
        phase.mark("write");
        let old_prev = self.prev.replace(Prev {
            teasers: std::mem::take(&mut shared.teasers),
            bodies: std::mem::take(&mut shared.bodies),
            data_version: self.data_version,
        });
        drop(shared);
        drop(r);
        self.model_said = said;
        // Freeing the previous site takes milliseconds: not on the edit's path.
        let old = self.last.replace(site);
        std::thread::spawn(move || drop((old, old_prev)));
        Ok(Stats {
            rendered: jobs.len(),
            written,
            removed,
            elapsed: start.elapsed(),
            moved,
        })
    }

    fn search_cache(&self) -> std::sync::MutexGuard<'_, crate::search::Cache> {
        self.search.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Remove the index files the search index no longer has (fewer shards
    /// or documents). Returns how many.
    fn remove_gone_search_files(&mut self) -> usize {
        let gone = self.search_cache().take_gone();
        for p in &gone {
            if let Some(full) = crate::output::paths::real_inside(&self.out, p) {
                let _ = std::fs::remove_file(full);
            }
            self.written.remove(p);
        }
        gone.len()
    }

    /// Read again what the edit touched (everything when `full`). `false`:
    /// site.yaml or the theme failed to load.
    fn apply(&mut self, dirty: &Dirty, full: bool, diags: &mut Diagnostics) -> bool {
        self.reloaded.clear();
        if full {
            return self.reload_all(diags);
        }
        let mut again: BTreeSet<PathBuf> = std::mem::take(&mut self.broken);
        again.extend(dirty.articles.iter().cloned());
        for a in &again {
            self.reload_article(a, diags);
        }
        self.reloaded = again;
        let root = self.opts.root.clone();
        // Only what was edited is read again, never all articles.
        if dirty.pages {
            let from = self
                .config
                .as_ref()
                .map(|c| c.slug_from)
                .unwrap_or_default();
            self.pages = content::load_pages(&root, from, self.opts.include().drafts, diags);
        }
        if dirty.statics {
            self.static_files = content::load_static(&root, diags);
        }
        if dirty.data {
            self.reload_data(diags);
        }
        if !dirty.templates.is_empty() {
            // Teasers hold the rendered teaser partial.
            self.teasers.clear();
            self.prev = None;
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
        true
    }

    /// The model stage over what is loaded now, and what it said. After a
    /// save that touched only articles, each the model sees as before (a
    /// body edit), the last site with them swapped in (`model::patch`),
    /// saying what the last one said. Else the photo cache's index is read
    /// on a full rebuild only; otherwise each photo's probe comes from the
    /// last site's plan while its path, length and time are unchanged, so
    /// an edit that touches no photo opens none; when the watcher saw no
    /// change under content/static, photos are not even looked at.
    fn model(&self, full: bool, dirty: &Dirty, diags: &mut Diagnostics) -> (Site, Vec<Diagnostic>) {
        let config = self.config.clone().expect("config loaded");
        let only_articles = !(full || dirty.statics || dirty.data || dirty.pages);
        if let Some(last) = self.last.as_ref().filter(|_| only_articles) {
            let articles: Vec<Arc<Article>> = self.articles.values().cloned().collect();
            let held = self.held.values().cloned().collect();
            let patched = crate::model::patch::patch(
                last,
                config.clone(),
                &articles,
                held,
                self.datasets.clone(),
            );
            if let Some(site) = patched {
                diags.extend(self.model_said.iter().cloned());
                return (site, self.model_said.clone());
            }
        }
        let last = self.last.as_ref().map(|s| (s, !(full || dirty.statics)));
        let image_index = if full || last.is_none() {
            ImageIndex::read(&config.images.cache)
        } else {
            ImageIndex::default()
        };
        let loaded = Loaded {
            articles: self.articles.values().cloned().collect(),
            pages: self.pages.clone(),
            commentary: self.commentary.clone(),
            static_files: self.static_files.clone(),
            held: self.held.values().cloned().collect(),
            image_index,
        };
        let mut said = Diagnostics::new();
        let site = crate::model::site::build_reusing(
            config,
            loaded,
            self.datasets.clone(),
            last,
            &mut said,
        );
        let said: Vec<Diagnostic> = said.iter().cloned().collect();
        diags.extend(said.iter().cloned());
        (site, said)
    }

    /// Write changed files; remove pages that no longer exist.
    fn write(
        &mut self,
        files: &[OutputFile],
        copies: &[(PathBuf, String)],
        expected: Option<&BTreeSet<String>>,
        full: bool,
    ) -> Result<(usize, usize), Diagnostics> {
        let mut n = self.write_copies(copies)?;
        let mut produced: BTreeSet<&str> = copies.iter().map(|(_, to)| to.as_str()).collect();
        for f in files {
            produced.insert(&f.path);
            if !crate::output::staging::safe_rel(&f.path) {
                continue;
            }
            let h = xxhash_rust::xxh3::xxh3_64(&f.bytes);
            if self.written.get(&f.path) == Some(&h) {
                continue;
            }
            let full_path =
                crate::output::paths::unlinked_target(&self.out, &f.path).map_err(|e| {
                    Diagnostics::from(crate::load::fs::io_error(Path::new(&f.path), &e))
                })?;
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
                (is_page(p) && !expected.contains(p.as_str()))
                    || (full && !produced.contains(p.as_str()))
            })
            .cloned()
            .collect();
        for p in &stale {
            if let Some(full) = crate::output::paths::real_inside(&self.out, p) {
                let _ = std::fs::remove_file(full);
            }
            self.written.remove(p);
        }
        Ok((n, stale.len()))
    }

    /// Copy the files published as they are (static files, photo copies),
    /// streamed from their source, never held in memory; a file whose
    /// source has the same path, size and time as when it was last copied
    /// is not copied again. Returns how many were copied.
    fn write_copies(&mut self, copies: &[(PathBuf, String)]) -> Result<usize, Diagnostics> {
        let io = |p: &Path, e: std::io::Error| Diagnostics::from(crate::load::fs::io_error(p, &e));
        let mut n = 0;
        for (from, to) in copies {
            if !crate::output::staging::safe_rel(to) {
                continue;
            }
            let meta = std::fs::metadata(from).map_err(|e| io(from, e))?;
            let h = hash(&(from, meta.len(), meta.modified().ok()));
            if self.written.get(to) == Some(&h) {
                continue;
            }
            let dest = crate::output::paths::unlinked_target(&self.out, to)
                .map_err(|e| io(to.as_ref(), e))?;
            if let Some(p) = dest.parent() {
                std::fs::create_dir_all(p).map_err(|e| io(p, e))?;
            }
            std::fs::copy(from, &dest).map_err(|e| io(&dest, e))?;
            self.written.insert(to.clone(), h);
            n += 1;
        }
        Ok(n)
    }
}

#[path = "state_cache.rs"]
mod cache;
use cache::{CachedBody, CachedTeaser, Prev};

#[cfg(test)]
#[path = "state_search_tests.rs"]
mod search_tests;

#[cfg(test)]
#[path = "state_photo_tests.rs"]
mod photo_tests;

#[cfg(test)]
#[path = "state_reuse_tests.rs"]
mod reuse_tests;
