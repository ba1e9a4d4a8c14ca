//! Plain pages (`content/pages/`), the 404 page and the theme's assets.

use crate::load::theme::{SEARCH_SCRIPT, names};
use crate::model::urls::{ASSETS_PREFIX, index_path};
use crate::output::sink::OutputFile;
use crate::render::meta::{Meta, breadcrumbs};
use crate::render::pages::{JobOutput, links_of, missing_template};
use crate::render::renderer::Renderer;

pub fn page(r: &Renderer, i: usize) -> JobOutput {
    let p = &r.site.pages[i];
    let body = r.markdown(&p.page.body, &p.page.source, p.page.body_line_offset);
    let mut ctx = r.context();
    ctx.insert(
        "page",
        &serde_json::json!({
            "title": p.page.title,
            "summary": p.page.summary,
            "url": r.url(&p.url),
            "content": crate::render::picture::body_images(r, &body.html, None),
        }),
    );
    let description = if p.page.summary.is_empty() {
        format!("{} – {}", p.page.title, r.site.config.title)
    } else {
        p.page.summary.clone()
    };
    let mut meta = Meta::titled(r.site, &p.page.title, description, &p.url);
    meta.jsonld.push(breadcrumbs(
        r.site,
        &[(p.page.title.as_str(), p.url.as_str())],
    ));
    ctx.insert("meta", &meta);
    let template = p
        .page
        .template
        .as_ref()
        .map(|t| t.0.as_str())
        .unwrap_or(names::PAGE);
    let rendered = r.render(template, &ctx).map_err(|d| {
        missing_template(
            r,
            d,
            template,
            names::PAGE,
            &p.page.source,
            &p.page.template,
        )
    });
    let mut out = JobOutput::file(index_path(&p.url), rendered);
    out.diagnostics.extend(body.diagnostics.iter().cloned());
    out.diagnostics
        .extend(crate::render::pages::image_diagnostics(
            r,
            &body,
            &p.page.source,
        ));
    out.links.extend(links_of(&body, &p.page.source));
    out
}

pub fn not_found(r: &Renderer) -> JobOutput {
    let mut ctx = r.context();
    let mut meta = Meta::titled(
        r.site,
        "Không tìm thấy trang",
        format!("Trang bạn tìm không có trên {}.", r.site.config.title),
        "/404.html",
    );
    meta.image = None;
    ctx.insert("meta", &meta);
    JobOutput::file("404.html".into(), r.render(names::NOT_FOUND, &ctx))
}

pub fn assets(r: &Renderer) -> JobOutput {
    JobOutput {
        files: r
            .theme
            .assets
            .iter()
            .filter(|(name, _)| r.site.config.search.enabled || name.as_str() != SEARCH_SCRIPT)
            .map(|(name, bytes)| OutputFile {
                path: format!("{ASSETS_PREFIX}/{name}"),
                bytes: bytes.clone(),
            })
            .collect(),
        ..Default::default()
    }
}
