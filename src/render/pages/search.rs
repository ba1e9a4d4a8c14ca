//! The search page `/tim-kiem/` and its index (`crate::search`), one job:
//! one owner for every file under /tim-kiem/. It runs after the other jobs
//! of a build, which hand it each article's plain text.

use crate::load::theme::{SEARCH_SCRIPT, names};
use crate::model::urls::{archive_url, index_path, search_url};
use crate::output::sink::OutputFile;
use crate::render::meta::Meta;
use crate::render::pages::JobOutput;
use crate::render::renderer::{Renderer, Shared};
use crate::search;
use rayon::prelude::*;

/// The plain text of each plain page's body and each dataset's
/// description, as `search::finish_site` takes them.
pub fn other_texts(site: &crate::model::site::Site) -> (Vec<String>, Vec<String>) {
    let plain = crate::render::markdown::plain_text;
    (
        site.pages.iter().map(|p| plain(&p.page.body)).collect(),
        site.datasets
            .iter()
            .map(|d| plain(d.description.as_deref().unwrap_or("")))
            .collect(),
    )
}

/// Articles whose texts are in memory at once when the index is made here.
pub const WAVE: usize = 512;

/// The whole index, articles a wave at a time: an article's text from
/// `given`, else from the bodies computed ahead, else rendered here.
fn index(r: &Renderer, shared: &Shared, mut given: Vec<Option<String>>) -> Vec<OutputFile> {
    let site = r.site;
    given.resize(site.articles.len(), None);
    let mut s = search::site_stream(site);
    let mut files = Vec::new();
    for (w, wave) in given.chunks_mut(WAVE).enumerate() {
        let first = w * WAVE;
        let texts: Vec<String> = wave
            .par_iter_mut()
            .enumerate()
            .map(|(k, t)| {
                let i = first + k;
                t.take()
                    .or_else(|| shared.bodies[i].as_ref().map(|b| b.text.clone()))
                    .unwrap_or_else(|| r.article_body(i).text)
            })
            .collect();
        files.extend(s.add_articles(site, first, &texts));
    }
    let (pages, datasets) = other_texts(site);
    search::finish_site(s, site, pages, datasets, |f| files.extend(f));
    files
}

/// The search page itself, `/tim-kiem/index.html`.
pub fn search_page(r: &Renderer) -> JobOutput {
    let site = r.site;
    let mut ctx = r.context();
    let script_version = r
        .theme
        .assets
        .get(SEARCH_SCRIPT)
        .map(|b| format!("{:08x}", search::fnv1a32(&String::from_utf8_lossy(b))))
        .unwrap_or_default();
    let cats: Vec<serde_json::Value> = search::categories(site)
        .into_iter()
        .enumerate()
        .map(|(i, name)| serde_json::json!({ "value": i, "name": name }))
        .collect();
    ctx.insert(
        "search",
        &serde_json::json!({
            "index": r.url(&search_url()),
            "script": r.url(&format!("/assets/{SEARCH_SCRIPT}?v={script_version}")),
            "archive": r.url(&archive_url()),
            "categories": cats,
            "years": search::years(site),
        }),
    );
    let meta = Meta::titled(
        site,
        "Tìm kiếm",
        format!("Tìm tin bài, trang và số liệu trên {}.", site.config.title),
        &search_url(),
    );
    ctx.insert("meta", &meta);
    JobOutput::file(index_path(&search_url()), r.render(names::SEARCH, &ctx))
}

/// The search job outside a build's stream (`render::jobs::run_jobs`
/// indexes a build's articles as their pages are made): the page and the
/// index, or in serve only the index files that changed.
pub fn search_job(r: &Renderer, shared: &Shared, texts_given: Vec<Option<String>>) -> JobOutput {
    let mut out = search_page(r);
    if let Some(cache) = &shared.search {
        let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
        out.files
            .extend(incremental(r, shared, texts_given, &mut cache));
        return out;
    }
    out.files.extend(index(r, shared, texts_given));
    out
}

/// serve: the index files that changed, through its cache. An article's
/// text is borrowed from its body, never copied, unless its document is new;
/// an article as at the last update is not even read (`Cache::update_site`).
fn incremental(
    r: &Renderer,
    shared: &Shared,
    mut given: Vec<Option<String>>,
    cache: &mut search::Cache,
) -> Vec<OutputFile> {
    let site = r.site;
    given.resize(site.articles.len(), None);
    let owned: Vec<Option<String>> = given
        .into_par_iter()
        .enumerate()
        .map(|(i, t)| t.or_else(|| shared.bodies[i].is_none().then(|| r.article_body(i).text)))
        .collect();
    let body = |i: usize| {
        let hash = shared.bodies[i].as_ref().map(|b| b.text_hash());
        let text = match (&owned[i], &shared.bodies[i]) {
            (Some(t), _) => t.as_str(),
            (None, Some(b)) => b.text.as_str(),
            (None, None) => "",
        };
        // serve keeps bodies: each one's text is hashed once, not per edit.
        search::BodyText { text, hash }
    };
    let (pages, datasets) = other_texts(site);
    let others = search::other_documents(site, pages, datasets);
    cache.update_site(site, body, others)
}
