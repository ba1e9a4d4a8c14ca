//! Paginated lists: the home page, category pages and tag pages.

use crate::load::theme::names;
use crate::model::site::Term;
use crate::model::urls::{index_path, page_count, paginate_url};
use crate::render::meta::{self, Meta};
use crate::render::pages::JobOutput;
use crate::render::renderer::{Renderer, Shared};
use serde::Serialize;
use tera::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKind {
    Home,
    Category,
    Tag,
}

#[derive(Serialize)]
struct PageNo {
    number: usize,
    url: String,
    current: bool,
    /// A gap (…) comes before this number.
    gap_before: bool,
}

#[derive(Serialize)]
pub struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    /// First, last and the two either side of the current page.
    pages: Vec<PageNo>,
}

pub fn pagination(r: &Renderer, base: &str, page: usize, total: usize) -> Pagination {
    let mut shown: Vec<usize> = vec![1, total];
    shown.extend(page.saturating_sub(2).max(1)..=(page + 2).min(total));
    shown.sort_unstable();
    shown.dedup();
    let mut prev_n = 0;
    Pagination {
        current: page,
        total,
        prev: (page > 1).then(|| r.url(&paginate_url(base, page - 1))),
        next: (page < total).then(|| r.url(&paginate_url(base, page + 1))),
        pages: shown
            .into_iter()
            .map(|n| {
                let p = PageNo {
                    number: n,
                    url: r.url(&paginate_url(base, n)),
                    current: n == page,
                    gap_before: prev_n != 0 && n > prev_n + 1,
                };
                prev_n = n;
                p
            })
            .collect(),
    }
}

/// One page of a list: which list, which of its terms, which page (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ListPage {
    pub kind: ListKind,
    /// Index into the site's categories or tags (0 for the home page).
    pub term: usize,
    pub page: usize,
}

pub fn list(r: &Renderer, shared: &Shared, at: ListPage, term: &Term) -> JobOutput {
    let per = r.site.config.articles_per_page.max(1);
    let page = at.page;
    let total = page_count(term.articles.len(), per);
    let from = ((page - 1) * per).min(term.articles.len());
    let to = (page * per).min(term.articles.len());
    let items: Vec<Value> = term.articles[from..to]
        .iter()
        .map(|&i| shared.list_teaser(i))
        .collect();
    let mut ctx = r.context();
    ctx.insert_value("articles", Value::from(items));
    ctx.insert("pagination", &pagination(r, &term.url, page, total));
    let kind_name = match at.kind {
        ListKind::Home => "home",
        ListKind::Category => "category",
        ListKind::Tag => "tag",
    };
    ctx.insert(
        "list",
        &serde_json::json!({ "title": term.name, "kind": kind_name, "url": r.url(&term.url) }),
    );
    let site = &r.site.config.title;
    let suffix = meta::page_suffix(page);
    let path = paginate_url(&term.url, page);
    let page_note = if page > 1 {
        format!(", trang {page}")
    } else {
        String::new()
    };
    let mut m = match at.kind {
        ListKind::Home => Meta::new(
            r.site,
            format!("{site}{suffix}"),
            if page > 1 {
                format!("Tin cũ hơn trên {site}{page_note}.")
            } else {
                r.site.config.description.clone()
            },
            &path,
        ),
        ListKind::Category => Meta::titled(
            r.site,
            &format!("{}{suffix}", term.name),
            format!("Tin bài chuyên mục {} của {site}{page_note}.", term.name),
            &path,
        ),
        ListKind::Tag => Meta::titled(
            r.site,
            &format!("Từ khóa: {}{suffix}", term.name),
            format!("Tin bài có từ khóa “{}” trên {site}{page_note}.", term.name),
            &path,
        ),
    };
    if at.kind != ListKind::Home {
        let name = if at.kind == ListKind::Tag {
            format!("Từ khóa: {}", term.name)
        } else {
            term.name.clone()
        };
        // Page 2 and on end their trail at themselves ("Trang 2").
        let page_name = format!("Trang {page}");
        let mut trail = vec![(name.as_str(), term.url.as_str())];
        if page > 1 {
            trail.push((page_name.as_str(), path.as_str()));
        }
        m.jsonld.push(meta::breadcrumbs(r.site, &trail));
    }
    ctx.insert("meta", &m);
    let template = if at.kind == ListKind::Home {
        ctx.insert("headline", &shared.headline);
        ctx.insert("reform_panel", &super::dataset::reform_panel(r));
        if page == 1 {
            crate::render::pages::home::insert(r, shared, &mut ctx);
        }
        names::HOME
    } else {
        names::LIST
    };
    JobOutput::file(
        index_path(&paginate_url(&term.url, page)),
        r.render(template, &ctx),
    )
}
