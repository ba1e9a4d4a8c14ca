//! The archive `/luu-tru/`: every article by year and month, newest first,
//! `ARCHIVE_PER_PAGE` a page. The search page's fallback without
//! JavaScript, and useful on its own.

use crate::load::theme::names;
use crate::model::urls::{ARCHIVE_PER_PAGE, archive_url, index_path, page_count, paginate_url};
use crate::render::meta::{self, Meta};
use crate::render::pages::JobOutput;
use crate::render::pages::list::pagination;
use crate::render::renderer::Renderer;
use serde::Serialize;

#[derive(Serialize)]
struct Item<'a> {
    title: &'a str,
    url: String,
    date_short: String,
    date_iso: String,
    category: &'a str,
}

#[derive(Serialize)]
struct Month<'a> {
    month: i8,
    /// "Tháng 3/2025"
    label: String,
    /// `thang-2025-03`, the heading's id.
    id: String,
    articles: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Year<'a> {
    year: i16,
    months: Vec<Month<'a>>,
}

/// Page `page` (from 1) of the archive.
pub fn archive(r: &Renderer, page: usize) -> JobOutput {
    let site = r.site;
    let total = page_count(site.articles.len(), ARCHIVE_PER_PAGE);
    let from = ((page - 1) * ARCHIVE_PER_PAGE).min(site.articles.len());
    let to = (page * ARCHIVE_PER_PAGE).min(site.articles.len());
    let mut years: Vec<Year> = Vec::new();
    for e in &site.articles[from..to] {
        let d = &e.article.date.local;
        let (y, m) = (d.year(), d.month());
        if years.last().is_none_or(|l| l.year != y) {
            years.push(Year {
                year: y,
                months: Vec::new(),
            });
        }
        let months = &mut years.last_mut().expect("pushed above").months;
        if months.last().is_none_or(|l| l.month != m) {
            months.push(Month {
                month: m,
                label: format!("Tháng {m}/{y}"),
                id: format!("thang-{y:04}-{m:02}"),
                articles: Vec::new(),
            });
        }
        months
            .last_mut()
            .expect("pushed above")
            .articles
            .push(Item {
                title: &e.article.title,
                url: r.url(&e.url),
                date_short: e.article.date.short_date(),
                date_iso: e.article.date.rfc3339(),
                category: &site.categories[e.category].name,
            });
    }
    let base = archive_url();
    let mut ctx = r.context();
    ctx.insert("years", &years);
    ctx.insert("pagination", &pagination(r, &base, page, total));
    let path = paginate_url(&base, page);
    let m = Meta::titled(
        site,
        &format!("Lưu trữ{}", meta::page_suffix(page)),
        format!("Mọi tin bài của {} theo năm và tháng.", site.config.title),
        &path,
    );
    ctx.insert("meta", &m);
    JobOutput::file(index_path(&path), r.render(names::ARCHIVE, &ctx))
}
