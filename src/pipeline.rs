//! The one pipeline: load → validate → model → render → write.
//!
//! `build` renders into a staging folder and swaps it in; `check` renders
//! into nothing; `serve` calls the same stage functions (`load_*`,
//! `model::site::build`, `render_jobs`, `links::check`) with its caches.

use crate::data::Dataset;
use crate::diag::Diagnostics;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::load::config::SiteConfig;
use crate::load::schedule::{Hold, Include};
use crate::load::theme::Theme;
use crate::model::site::Site;
use crate::output::sink::{Rendered, Sink};
use crate::render::chartpngs::{ChartPngs, PngMode};
use crate::render::job::Job;
use crate::render::renderer::{RenderOptions, Renderer, Shared};
use crate::util::dates::{Now, NowSource};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `<root>/output`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub deny_warnings: bool,
    /// `build --no-wait`: fail (E0602) instead of waiting when another build
    /// holds the output's lock.
    pub no_wait: bool,
    /// `--accept-removed`: addresses gone since the last build are removed
    /// on purpose; record that instead of warning.
    pub accept_removed: bool,
    pub render: RenderOptions,
    /// The instant `publish_date` and `expiry_date` are compared with,
    /// resolved once by the command line (`--now`, `SOURCE_DATE_EPOCH`, the
    /// clock). Nothing in the library reads the clock.
    pub now: Now,
    /// `--future`: build every article whatever its `publish_date` and
    /// `expiry_date` (previews).
    pub future: bool,
}

impl BuildOptions {
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("output"))
    }

    /// Which articles and pages this build includes.
    pub fn include(&self) -> Include {
        Include {
            drafts: self.drafts,
            now: (!self.future).then_some(self.now.ts),
        }
    }
}

/// What the schedule held back (`publish_date`, `expiry_date`).
#[derive(Debug, Clone, Default)]
pub struct ScheduleReport {
    /// Articles whose `publish_date` is still to come.
    pub scheduled: usize,
    /// Articles whose `expiry_date` has passed.
    pub expired: usize,
    /// The build's "now" in the site's zone (RFC 3339).
    pub now: String,
    pub source: NowSource,
}

/// Per-phase wall times (`--timings`).
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub phases: Vec<(&'static str, Duration)>,
}

impl Timings {
    fn mark(&mut self, name: &'static str, since: &mut Instant) {
        let now = Instant::now();
        self.phases.push((name, now - *since));
        *since = now;
    }
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub pages: usize,
    pub files: usize,
    pub charts: usize,
    pub articles: usize,
    pub timings: Timings,
    /// Warnings (a successful build may have some).
    pub warnings: Diagnostics,
    pub schedule: ScheduleReport,
}

/// What a build made: the site, the list of written files and the
/// diagnostics. `build` and `check` make it with `prepare`; `serve` calls
/// the same stage functions, keeping its caches between edits.
pub struct Prepared {
    pub site: Site,
    pub rendered: Rendered,
    pub diagnostics: Diagnostics,
    pub timings: Timings,
}

/// Load: site.yaml and the theme. Both are read even when one fails, so
/// that every error of both is reported. `None`: site.yaml failed (nothing
/// else can be loaded); a theme of `None`: the theme failed.
pub fn load_config_and_theme(
    opts: &BuildOptions,
    diags: &mut Diagnostics,
) -> Option<(SiteConfig, Option<Theme>)> {
    let root = opts.root.as_path();
    let config = crate::load::config::load(root, opts.base_url.as_deref());
    let theme_name = config
        .as_ref()
        .map(|c| c.theme.clone())
        .unwrap_or_else(|_| "default".into());
    let theme = crate::load::theme::load(root, &theme_name).map_err(|d| diags.extend(d));
    match config {
        Ok(c) => {
            diags.extend(crate::load::config::warnings(&c));
            // site.yaml's line names the default output; `--output` is
            // known only here.
            let clash =
                crate::load::config::cache_dir_clash(root, &c.images.cache, &opts.output_dir());
            if let Some(place) = clash {
                diags.push(
                    crate::diag::Diagnostic::error(
                        codes::CACHE_DIR,
                        crate::load::config::FILE,
                        msg!(
                            m::TRUST_CACHE_DIR,
                            dir = c.images.cache.display(),
                            place = crate::diag::Msg::new(place, Vec::new())
                        ),
                    )
                    .hint(msg!(m::TRUST_CACHE_DIR_HINT)),
                );
            }
            Some((c, theme.ok()))
        }
        Err(d) => {
            diags.extend(d);
            None
        }
    }
}

/// Load: the datasets under `content/data/`.
pub fn load_data(root: &Path, diags: &mut Diagnostics) -> Vec<Dataset> {
    let (datasets, d) = crate::data::load_dir(&root.join("content/data"), root);
    diags.extend(d);
    for ds in &datasets {
        placeholder_source(root, ds, diags);
    }
    datasets
}

/// W0402 when site.yaml's `site_unit` is the key or slug of no dataset's unit
/// (the home page would silently lack its panel).
fn site_unit_known(
    config: &crate::load::config::SiteConfig,
    datasets: &[Dataset],
    diags: &mut Diagnostics,
) {
    let Some((unit, line)) = &config.site_unit else {
        return;
    };
    if datasets.iter().any(|ds| ds.unit_by_ref(unit).is_some()) {
        return;
    }
    diags.push(
        crate::diag::Diagnostic::warning(
            crate::diag::codes::SITE_UNIT,
            "content/site.yaml",
            msg!(m::SITE_UNIT_UNKNOWN, unit = unit),
        )
        .at(*line, 0)
        .hint(msg!(m::SITE_UNIT_UNKNOWN_HINT)),
    );
}

/// W0403 when site.yaml's `index_panel` names no dataset, or no unit of
/// its dataset (the panel would silently not be shown).
fn index_panel_known(config: &SiteConfig, datasets: &[Dataset], diags: &mut Diagnostics) {
    let Some(p) = &config.portal.index_panel else {
        return;
    };
    let text = match datasets.iter().find(|ds| ds.slug == p.data) {
        None => msg!(m::INDEX_PANEL_NO_DATA, data = &p.data),
        Some(ds) if ds.unit_by_ref(&p.unit).is_none() => {
            msg!(m::INDEX_PANEL_NO_UNIT, unit = &p.unit, data = &p.data)
        }
        Some(_) => return,
    };
    diags.push(
        crate::diag::Diagnostic::warning(codes::INDEX_PANEL, "content/site.yaml", text)
            .at(p.line, 0)
            .hint(msg!(m::INDEX_PANEL_HINT)),
    );
}

/// W0401 while a dataset still names the source `chiso import data` wrote
/// for the publisher to fill in.
fn placeholder_source(root: &Path, ds: &Dataset, diags: &mut Diagnostics) {
    use crate::util::text::SOURCE_PLACEHOLDER;
    if !ds.sources.iter().any(|s| s.name == SOURCE_PLACEHOLDER) {
        return;
    }
    let text = crate::load::fs::read_text_as(
        &root.join(&ds.file),
        &ds.file,
        crate::load::fs::FileKind::Data,
    )
    .unwrap_or_default();
    let line = text
        .lines()
        .position(|l| l.contains(SOURCE_PLACEHOLDER))
        .map_or(0, |i| i + 1);
    diags.push(
        crate::diag::Diagnostic::warning(
            crate::diag::codes::SOURCE_PLACEHOLDER,
            ds.file.clone(),
            msg!(m::IMP_NO_SOURCE, dataset = &ds.slug),
        )
        .at(line, 0)
        .hint(msg!(m::IMP_NO_SOURCE_HINT)),
    );
}

/// Render: run `jobs` in parallel into `sink`; the diagnostics of the
/// pages and of the shared values together.
pub fn render_jobs(
    r: &Renderer,
    shared: &Shared,
    jobs: &[Job],
    sink: &dyn Sink,
) -> (Rendered, Diagnostics) {
    let (rendered, mut diags) = crate::render::jobs::run_jobs(r, shared, jobs, sink);
    diags.extend(shared.diagnostics.iter().cloned());
    (rendered, diags)
}

/// Load, validate, model and render, handing files to `sink` as they are
/// made. Any error means the sink's files must not be published.
pub fn prepare(opts: &BuildOptions, sink: &dyn Sink) -> Result<Prepared, Diagnostics> {
    let root = opts.root.as_path();
    let mut timings = Timings::default();
    let mut t = Instant::now();
    let mut diags = Diagnostics::new();

    let Some((config, theme)) = load_config_and_theme(opts, &mut diags) else {
        return Err(finish(diags));
    };
    let loaded = crate::load::content::load(
        root,
        &config,
        opts.include(),
        crate::load::body::Keep::OnDisk,
        &mut diags,
    );
    let datasets = load_data(root, &mut diags);
    site_unit_known(&config, &datasets, &mut diags);
    index_panel_known(&config, &datasets, &mut diags);
    timings.mark("load", &mut t);

    let site = crate::model::site::build(config, loaded, datasets, &mut diags);
    timings.mark("model", &mut t);

    let Some(theme) = theme else {
        return Err(finish(diags));
    };
    let pngs = chart_pngs(opts, &site.config);
    let render = RenderOptions {
        pngs: pngs.clone(),
        now: Some(opts.now.ts),
        ..opts.render.clone()
    };
    let r = Renderer::new(&site, &theme, &render);
    let shared = Shared::compute(&r);
    let jobs = crate::render::jobs::all_jobs(&site);
    let (mut rendered, render_diags) = render_jobs(&r, &shared, &jobs, sink);
    // Files that could not be written (a full disk) are said once; the link
    // check would only call every unwritten page a broken link.
    let write_failed = render_diags.iter().any(|d| d.code == codes::IO);
    diags.extend(render_diags);
    let sitemap = crate::render::feeds::sitemap(&site, rendered.paths());
    if rendered.contains(&sitemap.path) {
        diags.push(crate::render::owners::sitemap_clash(&sitemap.path));
    }
    rendered.add(&sitemap.path);
    if let Err(d) = sink.put(sitemap) {
        if !write_failed {
            diags.push(d);
        }
    }
    drop(shared);
    if sink.keeps() && !diags.has_errors() {
        r.images.finish(&site.images);
    }
    drop(r);
    timings.mark("render+write", &mut t);

    if !write_failed {
        diags.extend(crate::render::links::check(&site, &rendered));
    }
    // Only a site that builds says which addresses it lost: an article that
    // failed to load has not lost its address.
    if !write_failed && !diags.has_errors() {
        let previous =
            crate::load::published::read_with_cache(&opts.output_dir(), &site.config.images.cache);
        let (gone, list) = crate::render::published::check(&site, &previous, opts.accept_removed);
        diags.extend(gone);
        rendered.add(&list.path);
        if let Err(d) = sink.put(list) {
            diags.push(d);
        }
    }
    timings.mark("links", &mut t);

    if opts.deny_warnings {
        diags.deny_warnings();
    }
    let diags = finish(diags);
    if diags.has_errors() {
        return Err(diags);
    }
    if pngs.mode == PngMode::Draw {
        pngs.cache.prune(crate::output::chart_cache::PRUNE_AFTER);
    }
    Ok(Prepared {
        site,
        rendered,
        diagnostics: diags,
        timings,
    })
}

/// Where chart PNGs are cached: `<cache_dir>/charts`, the cache folder
/// relative to the site root unless absolute.
pub fn png_cache_dir(root: &Path, config: &SiteConfig) -> PathBuf {
    root.join(&config.cache_dir).join("charts")
}

/// How this run makes chart PNGs: as `opts` asks (`check`: paths only),
/// through the site's cache when drawn.
fn chart_pngs(opts: &BuildOptions, config: &SiteConfig) -> Arc<ChartPngs> {
    let mode = opts.render.pngs.mode;
    let cache = (mode == PngMode::Draw).then(|| png_cache_dir(&opts.root, config));
    Arc::new(ChartPngs::new(mode, cache))
}

fn finish(mut d: Diagnostics) -> Diagnostics {
    d.sort();
    d
}

impl ScheduleReport {
    /// The line a build prints when it held any article back: which "now"
    /// it used, from where, and how many.
    pub fn line(&self) -> Option<String> {
        (self.scheduled + self.expired > 0).then(|| {
            let source = match self.source {
                crate::util::dates::NowSource::Clock => m::Arg::Msg(msg!(m::NOW_CLOCK)),
                s => m::text(s.describe()),
            };
            msg!(
                m::SCHEDULE,
                now = &self.now,
                source = source,
                scheduled = self.scheduled,
                expired = self.expired
            )
            .render(crate::diag::lang::current())
        })
    }
}

/// How many articles the schedule held back, and the "now" it used.
pub fn schedule_report(site: &Site, now: Now) -> ScheduleReport {
    let scheduled = site
        .held
        .iter()
        .filter(|h| matches!(h.why, Hold::Scheduled(_)))
        .count();
    ScheduleReport {
        scheduled,
        expired: site.held.len() - scheduled,
        now: crate::util::dates::from_timestamp(now.ts, &site.config.timezone).rfc3339(),
        source: now.source,
    }
}

impl Report {
    fn new(p: &Prepared, timings: Timings, now: Now) -> Report {
        Report {
            pages: p.rendered.html_pages(),
            files: p.rendered.files(),
            charts: p.rendered.charts,
            articles: p.site.articles.len(),
            timings,
            warnings: p.diagnostics.clone(),
            schedule: schedule_report(&p.site, now),
        }
    }
}

/// `chiso build`: render into a staging folder, swap it in on success.
pub fn build(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    // Refuse an unsafe output folder before any work.
    let mut staging =
        crate::output::staging::Staging::create(&opts.root, &opts.output_dir(), opts.no_wait)
            .map_err(Diagnostics::from)?;
    staging.carry_folder(crate::model::images::PHOTO_DIR);
    let p = match prepare(opts, &staging) {
        Ok(p) => p,
        Err(d) => {
            staging.abandon();
            return Err(d);
        }
    };
    let mut timings = p.timings.clone();
    let mut t = Instant::now();
    staging
        .commit(&p.site.config.keep_in_output)
        .map_err(Diagnostics::from)?;
    timings.mark("swap", &mut t);
    // The published list also goes where CI keeps things (the cache
    // folder), so the next run warns of a lost address (W0112) even when
    // it starts from an empty output. Failing costs only that warning.
    use crate::load::published::{CACHED, FILE};
    if let Ok(list) = std::fs::read(opts.output_dir().join(FILE)) {
        let _ = crate::output::atomic::write_in(&p.site.config.images.cache, CACHED, &list);
    }
    let report = Report::new(&p, timings, opts.now);
    // Freeing the site and the list of what was written is a tenth of a
    // second on one thread at 10,000 articles: `chiso build` exits without
    // waiting for it; a caller that lives on frees it in the background.
    std::thread::spawn(move || drop(p));
    Ok(report)
}

/// `chiso check`: everything `build` validates, writing nothing.
pub fn check(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    crate::output::staging::check_target(&opts.root, &opts.output_dir())
        .and_then(|()| crate::output::staging::not_a_mount_point(&opts.output_dir()))
        .map_err(Diagnostics::from)?;
    // Chart PNGs: their paths are claimed and the font checked, nothing drawn.
    let mut opts = opts.clone();
    opts.render.pngs = Arc::new(ChartPngs::new(PngMode::PathsOnly, None));
    let p = prepare(&opts, &crate::output::sink::Discard)?;
    Ok(Report::new(&p, p.timings.clone(), opts.now))
}
