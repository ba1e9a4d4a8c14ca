//! The search page `/tim-kiem/` and its index (`render::search`), one job:
//! one owner for every file under /tim-kiem/.

use crate::load::theme::{SEARCH_SCRIPT, names};
use crate::model::urls::{archive_url, index_path, search_url};
use crate::render::meta::Meta;
use crate::render::pages::JobOutput;
use crate::render::renderer::Renderer;
use crate::render::search;

pub fn search_job(r: &Renderer) -> JobOutput {
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
    let mut out = JobOutput::file(index_path(&search_url()), r.render(names::SEARCH, &ctx));
    out.files.extend(search::index_files(site));
    out
}
