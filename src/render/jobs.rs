//! Jobs: one per output page (or group of files). `render_site` runs all
//! of them in parallel; `serve` runs only those an edit affects.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::config::StaticFiles;
use crate::load::theme::names;
use crate::model::site::{Site, Term};
use crate::model::urls::{ARCHIVE_PER_PAGE, ROBOTS_PATH, page_count};
use crate::output::sink::{OutputFile, Rendered, Sink, Written};
use crate::render::job::Job;
use crate::render::owners::Owners;
use crate::render::pages::list::{ListKind, ListPage};
use crate::render::pages::{self, JobOutput, links_of};
use crate::render::renderer::{Renderer, Shared};
use crate::render::splice::ids_of;
use rayon::prelude::*;

/// The template a job renders with (`None`: no template).
pub fn template_of(site: &Site, job: Job) -> Option<&str> {
    Some(match job {
        Job::Article(i) => site.articles[i]
            .article
            .template
            .as_ref()
            .map_or(names::ARTICLE, |t| t.0.as_str()),
        Job::List(ListPage {
            kind: ListKind::Home,
            ..
        }) => names::HOME,
        Job::List(_) => names::LIST,
        Job::Page(i) => site.pages[i]
            .page
            .template
            .as_ref()
            .map_or(names::PAGE, |t| t.0.as_str()),
        Job::NotFound => names::NOT_FOUND,
        Job::Data(_) => names::DATASET,
        Job::DataIndex => names::DATA_INDEX,
        Job::Search => names::SEARCH,
        Job::Archive(_) => names::ARCHIVE,
        Job::Feed | Job::Assets | Job::Static | Job::Alias(_) | Job::Redirects | Job::Image(_) => {
            return None;
        }
    })
}

/// Every job of a full build, in a fixed order.
pub fn all_jobs(site: &Site) -> Vec<Job> {
    let mut jobs: Vec<Job> = (0..site.articles.len()).map(Job::Article).collect();
    jobs.extend(list_pages(site, ListKind::Home, 0));
    for i in 0..site.categories.len() {
        jobs.extend(list_pages(site, ListKind::Category, i));
    }
    for i in 0..site.tags.len() {
        jobs.extend(list_pages(site, ListKind::Tag, i));
    }
    jobs.extend((0..site.pages.len()).map(Job::Page));
    jobs.extend((0..site.datasets.len()).map(Job::Data));
    if !site.datasets.is_empty() {
        jobs.push(Job::DataIndex);
    }
    jobs.extend((0..site.aliases.len()).map(Job::Alias));
    if !site.config.redirect_files.is_empty() {
        jobs.push(Job::Redirects);
    }
    if site.config.search.enabled {
        jobs.push(Job::Search);
    }
    jobs.extend((1..=page_count(site.articles.len(), ARCHIVE_PER_PAGE)).map(Job::Archive));
    jobs.extend([Job::NotFound, Job::Feed, Job::Assets, Job::Static]);
    jobs.extend(
        (0..site.images.images.len())
            .filter(|&i| site.images.images[i].resize)
            .map(Job::Image),
    );
    jobs
}

/// Every page of one list (home, a category or a tag).
pub fn list_pages(site: &Site, kind: ListKind, term: usize) -> impl Iterator<Item = Job> {
    let n = page_count(
        list_term(site, kind, term).articles.len(),
        site.config.articles_per_page,
    );
    (1..=n).map(move |page| Job::List(ListPage { kind, term, page }))
}

/// The articles a list shows.
pub fn list_term(site: &Site, kind: ListKind, term: usize) -> &Term {
    match kind {
        ListKind::Home => &site.home,
        ListKind::Category => &site.categories[term],
        ListKind::Tag => &site.tags[term],
    }
}

pub fn run_job(r: &Renderer, shared: &Shared, job: Job) -> JobOutput {
    let site = r.site;
    match job {
        Job::Article(i) => {
            let body = shared.body(r, i);
            let mut out = pages::article::article(r, shared, i, &body.html);
            out.diagnostics.extend(body.diagnostics.iter().cloned());
            let source = &site.articles[i].article.source;
            out.diagnostics
                .extend(pages::image_diagnostics(r, &body, source));
            out.links.extend(links_of(&body, source));
            // The body is this job's own in a build: its text moves, uncopied.
            out.text =
                Some(std::sync::Arc::try_unwrap(body).map_or_else(|b| b.text.clone(), |b| b.text));
            out
        }
        Job::List(l) => pages::list::list(r, shared, l, list_term(site, l.kind, l.term)),
        Job::Page(i) => pages::page::page(r, i),
        Job::NotFound => pages::page::not_found(r),
        Job::Feed => {
            let mut files = vec![crate::render::feeds::rss(site)];
            // A robots.txt of the site's own (content/static/) wins.
            if !site.static_files.iter().any(|(_, u)| u == ROBOTS_PATH) {
                files.push(crate::render::feeds::robots(site));
            }
            JobOutput {
                files,
                ..Default::default()
            }
        }
        Job::Assets => pages::page::assets(r),
        Job::Static => JobOutput {
            // Resized photos' originals only when asked for.
            copies: site
                .static_files
                .iter()
                .filter(|(_, u)| site.images.copies_original(u))
                .cloned()
                .collect(),
            ..Default::default()
        },
        // `run_jobs` knows its sink (does it keep files, does its last
        // output hold a photo's); here, for serve's single jobs, encode.
        Job::Image(i) => crate::render::imagejob::image_job(r, i, None),
        Job::Data(d) => pages::dataset::dataset_job(r, shared, d),
        Job::DataIndex => pages::dataset::index_job(r),
        Job::Alias(i) => pages::alias::redirect_page(site, &site.aliases[i]),
        Job::Redirects => pages::alias::redirect_files(site),
        Job::Search => pages::search::search_job(r, shared, Vec::new()),
        Job::Archive(n) => pages::archive::archive(r, n),
    }
}

/// Run jobs in parallel, handing every file to `sink` as soon as it is made.
pub fn run_jobs(
    r: &Renderer,
    shared: &Shared,
    jobs: &[Job],
    sink: &dyn Sink,
) -> (Rendered, Diagnostics) {
    let outs = if shared.search.is_none() && jobs.contains(&Job::Search) {
        run_streamed(r, shared, jobs, sink)
    } else {
        run_all(r, shared, jobs, sink)
    };
    let mut rendered = Rendered::default();
    let mut diags = Diagnostics::new();
    {
        let n = outs.iter().map(|(w, u, _)| w.len() + u.len()).sum();
        let mut owners = Owners::new(r.site, n);
        for (&job, (written, unwritten, _)) in jobs.iter().zip(&outs) {
            for w in written {
                owners.claim(&w.path, job, &mut diags);
            }
            for p in unwritten {
                owners.claim(p, job, &mut diags);
            }
        }
        owners.check_shapes(&mut diags);
        let photos = jobs
            .iter()
            .zip(&outs)
            .filter_map(|(&job, (_, _, o))| Some((job, o.photo.as_ref()?)));
        rendered.photos = owners.claim_photos(photos, &mut diags);
    }
    // Two owners of one path, or a file where a folder must be, also make
    // the writes fail: the clash is the cause, and what `check` reports.
    let clashed = diags.has_errors();
    let mut write_errors: Vec<Diagnostic> = Vec::new();
    let mut failed_photos: Vec<(usize, Vec<Diagnostic>)> = Vec::new();
    for (&job, (written, _, mut o)) in jobs.iter().zip(outs) {
        if let Job::Image(i) = job {
            if !o.diagnostics.is_empty() {
                failed_photos.push((i, std::mem::take(&mut o.diagnostics)));
            }
        }
        write_errors.append(&mut o.write_errors);
        rendered.pages.extend(written);
        rendered.links.extend(o.links);
        rendered.charts += o.charts;
        diags.extend(o.diagnostics);
    }
    for (i, found) in failed_photos {
        diags.extend(at_referring_lines(r.site, i, found, &rendered.links));
    }
    // A full disk fails every file alike: one error says it, not thousands.
    let more = write_errors.len().saturating_sub(1);
    if clashed {
        write_errors.clear();
    }
    if let Some(mut first) = write_errors.into_iter().next() {
        if more > 0 {
            first.message = msg!(m::JOBS_MORE_FAILED, first = first.message, more = more).into();
        }
        diags.push(first);
    }
    rendered.pages.sort();
    (rendered, diags)
}

/// One job (not the search job, not an article's of a streamed build).
fn run_one(r: &Renderer, shared: &Shared, sink: &dyn Sink, j: Job) -> Outcome {
    let out = match j {
        Job::Image(i) => crate::render::imagejob::image_job(r, i, Some(sink)),
        _ => run_job(r, shared, j),
    };
    write_out(r, sink, out)
}

/// Every job at once; the search job after the others, with the texts of
/// their bodies (serve: its cache updates the index).
fn run_all(r: &Renderer, shared: &Shared, jobs: &[Job], sink: &dyn Sink) -> Vec<Outcome> {
    let mut outs: Vec<Outcome> = jobs
        .par_iter()
        .map(|&j| match j {
            Job::Search => Outcome::default(),
            _ => run_one(r, shared, sink, j),
        })
        .collect();
    if let Some(s) = jobs.iter().position(|&j| j == Job::Search) {
        let mut texts: Vec<Option<String>> = vec![None; r.site.articles.len()];
        for (&job, (_, _, o)) in jobs.iter().zip(outs.iter_mut()) {
            if let Job::Article(i) = job {
                texts[i] = o.text.take();
            }
        }
        outs[s] = write_out(r, sink, pages::search::search_job(r, shared, texts));
    }
    outs
}

/// A build with search (issue 21): the articles' jobs run a wave at a time
/// in article order, and each wave's texts are indexed (while the next wave
/// renders) and dropped, its result fragments written at once; then the
/// other jobs, then the rest of the index. No article's text waits for the
/// end, and no index file is held for long.
fn run_streamed(r: &Renderer, shared: &Shared, jobs: &[Job], sink: &dyn Sink) -> Vec<Outcome> {
    use crate::render::pages::search::{WAVE, other_texts, search_page};
    let site = r.site;
    let n = site.articles.len();
    let mut slot: Vec<Option<usize>> = vec![None; n];
    for (p, &j) in jobs.iter().enumerate() {
        if let Job::Article(i) = j {
            slot[i] = Some(p);
        }
    }
    let mut outs: Vec<Option<Outcome>> = (0..jobs.len()).map(|_| None).collect();
    // A wave's outcomes (by job position) and texts; an article without a
    // job in `jobs` has its text all the same.
    let render = |first: usize| -> (Vec<(usize, Outcome)>, Vec<String>) {
        let done: Vec<(Option<(usize, Outcome)>, String)> = (first..(first + WAVE).min(n))
            .into_par_iter()
            .map(|i| match slot[i] {
                Some(p) => {
                    let mut out = run_job(r, shared, jobs[p]);
                    let text = out.text.take().unwrap_or_default();
                    (Some((p, write_out(r, sink, out))), text)
                }
                None => (None, shared.body(r, i).text.clone()),
            })
            .collect();
        let (outcomes, texts): (Vec<_>, Vec<_>) = done.into_iter().unzip();
        (outcomes.into_iter().flatten().collect(), texts)
    };
    let mut stream = crate::search::site_stream(site);
    let mut index = Outcome::default();
    let mut pending: Option<(usize, Vec<String>)> = None;
    let mut first = 0;
    loop {
        let (rendered, indexed) = rayon::join(
            || (first < n).then(|| render(first)),
            || {
                let (at, texts) = pending.take()?;
                let files = stream.add_articles(site, at, &texts);
                let out = JobOutput {
                    files,
                    ..Default::default()
                };
                Some(write_out(r, sink, out))
            },
        );
        if let Some(o) = indexed {
            merge(&mut index, o);
        }
        let Some((done, texts)) = rendered else { break };
        for (p, o) in done {
            outs[p] = Some(o);
        }
        pending = Some((first, texts));
        first += WAVE;
    }
    let rest: Vec<(usize, Outcome)> = (0..jobs.len())
        .into_par_iter()
        .filter(|&p| outs[p].is_none() && jobs[p] != Job::Search)
        .map(|p| (p, run_one(r, shared, sink, jobs[p])))
        .collect();
    for (p, o) in rest {
        outs[p] = Some(o);
    }
    let (pages, datasets) = other_texts(site);
    merge(&mut index, write_out(r, sink, search_page(r)));
    crate::search::finish_site(stream, site, pages, datasets, |files| {
        let out = JobOutput {
            files,
            ..Default::default()
        };
        merge(&mut index, write_out(r, sink, out));
    });
    if let Some(s) = jobs.iter().position(|&j| j == Job::Search) {
        outs[s] = Some(index);
    }
    outs.into_iter().map(Option::unwrap_or_default).collect()
}

/// One job's outcome from several hands to the sink.
fn merge(into: &mut Outcome, (written, unwritten, o): Outcome) {
    into.0.extend(written);
    into.1.extend(unwritten);
    into.2.diagnostics.extend(o.diagnostics);
    into.2.write_errors.extend(o.write_errors);
}

/// A photo that fails only when decoded (damaged in the middle, which its
/// head and tail do not show) is reported where content uses it: each
/// `image:` line and Markdown image naming it; at the photo itself when
/// nothing does.
fn at_referring_lines(
    site: &Site,
    i: usize,
    found: Vec<Diagnostic>,
    links: &[crate::output::sink::LinkRef],
) -> Vec<Diagnostic> {
    let url = format!("/{}", site.images.images[i].url);
    let mut places: Vec<(&std::path::Path, usize)> = site
        .articles
        .iter()
        .filter(|e| e.article.image.as_deref() == Some(url.as_str()))
        .map(|e| (e.article.source.as_path(), e.article.image_loc.line))
        .chain(
            links
                .iter()
                .filter(|l| l.url == url)
                .map(|l| (l.file.as_path(), l.line)),
        )
        .collect();
    places.sort_unstable();
    places.dedup();
    if places.is_empty() {
        return found;
    }
    found
        .iter()
        .flat_map(|d| {
            places.iter().map(move |&(file, line)| {
                let mut d = d.clone();
                d.file = file.to_path_buf();
                d.at(line, 0)
            })
        })
        .collect()
}

/// Hand a job's files to the sink; what reached it, and the job's output
/// with the sink's errors added.
/// What a job wrote, the paths it could not write (claimed all the same, so
/// that a clash is reported as `check` reports it, not as a write error),
/// and the rest of its output.
type Outcome = (Vec<Written>, Vec<String>, JobOutput);

/// Files of one job from which they are written in parallel.
const PARALLEL_FILES: usize = 64;

/// What became of one file handed to the sink.
enum Put {
    Done(Written),
    TooLong(Diagnostic),
    Failed(Diagnostic, String),
}

fn write_out(r: &Renderer, sink: &dyn Sink, mut o: JobOutput) -> Outcome {
    let mut failed = Vec::new();
    let mut unwritten: Vec<String> = Vec::new();
    let mut written = Vec::with_capacity(o.files.len() + o.copies.len());
    let put = |f: OutputFile| {
        let ids = if f.path.ends_with(".html") {
            ids_of(&f.bytes)
        } else {
            String::new()
        };
        let path = f.path.clone();
        if let Some(d) = too_long(&path) {
            return Put::TooLong(d);
        }
        match sink.put(f) {
            Ok(()) => Put::Done(Written { path, ids }),
            Err(d) => Put::Failed(d, path),
        }
    };
    let files = std::mem::take(&mut o.files);
    // A job of many files (the search index: thousands) writes them in
    // parallel, in order.
    let puts: Vec<Put> = if files.len() >= PARALLEL_FILES {
        files.into_par_iter().map(put).collect()
    } else {
        files.into_iter().map(put).collect()
    };
    for p in puts {
        match p {
            Put::Done(w) => written.push(w),
            Put::TooLong(d) => o.diagnostics.push(d),
            Put::Failed(d, path) => {
                failed.push(d);
                unwritten.push(path);
            }
        }
    }
    // A name no disk takes is not tried: the owners' check reports it at
    // its source, in `check` too.
    let copies = std::mem::take(&mut o.copies);
    let (copies, long): (Vec<_>, Vec<_>) = copies
        .into_iter()
        .partition(|(_, to)| too_long(to).is_none());
    unwritten.extend(long.into_iter().map(|(_, to)| to));
    // Static files can number in the thousands: copy in parallel.
    let link = r.site.config.static_files == StaticFiles::Link;
    let copied: Vec<Result<String, Box<(Diagnostic, String)>>> = copies
        .into_par_iter()
        .map(|(from, to)| {
            let done = if link {
                sink.link(&from, &to)
            } else {
                sink.copy(&from, &to)
            };
            match done {
                Ok(()) => Ok(to),
                Err(d) => Err(Box::new((d, to))),
            }
        })
        .collect();
    for c in copied {
        match c {
            Ok(path) => written.push(Written {
                path,
                ids: String::new(),
            }),
            Err(e) => {
                let (d, to) = *e;
                failed.push(d);
                unwritten.push(to);
            }
        }
    }
    // A photo's copies are accounted as one group (`Rendered::photos`).
    let photo_too_long = o
        .photo
        .as_ref()
        .is_some_and(|g| g.files.iter().any(|f| too_long(f).is_some()));
    if photo_too_long {
        // Kept for `claim_photos`, which reports it; nothing is written.
    } else if let Some(Err(d)) = o.photo.as_ref().map(|g| sink.carry(g)) {
        failed.push(d);
        o.photo = None;
    }
    o.write_errors = failed;
    (written, unwritten, o)
}

/// Longest file or folder name the file systems chiso writes to accept
/// (ext4, NTFS: 255 bytes).
const MAX_NAME_BYTES: usize = 255;

/// An output path no disk would take: found here so that `check`, which
/// writes nothing, reports it as `build` would.
fn too_long(path: &str) -> Option<Diagnostic> {
    let long = path.split('/').find(|c| c.len() > MAX_NAME_BYTES)?;
    Some(
        Diagnostic::error(
            codes::BAD_SLUG,
            path,
            msg!(m::JOBS_LONG_NAME, len = long.len(), max = MAX_NAME_BYTES),
        )
        .hint(msg!(m::JOBS_LONG_NAME_HINT)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_part_longer_than_a_file_name_is_an_error_before_writing() {
        let ok = format!("{}/index.html", "a".repeat(255));
        assert!(too_long(&ok).is_none());
        let bad = format!("tin/{}/index.html", "a".repeat(256));
        assert_eq!(too_long(&bad).map(|d| d.code), Some(codes::BAD_SLUG));
    }
}
