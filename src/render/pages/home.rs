//! The portal front page (page 1 of the home list): the featured story
//! with a large photo, the secondary stories, "Tin mới", "Tin nổi bật", a
//! block per category and the index panel, in the order site.yaml `home:`
//! gives. Which story goes where is decided here, from the model alone.

use crate::load::config::portal::Home;
use crate::model::site::Site;
use crate::render::renderer::{Renderer, Shared};
use serde_json::{Value as Json, json};
use tera::{Context, Value};

/// Which articles (indices into `site.articles`) each block shows.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Picks {
    /// The featured story: the newest `featured: true`, else the newest
    /// with a photo, else the newest.
    pub lead: Option<usize>,
    /// The next newest stories after the lead.
    pub secondary: Vec<usize>,
    /// "Tin nổi bật": other featured stories, then other stories with a
    /// photo, newest first, none shown above.
    pub highlights: Vec<usize>,
    /// "Tin mới": the newest stories shown in no block above.
    pub latest: Vec<usize>,
}

/// The front page's stories. `order` is the home list (newest first).
pub fn picks(site: &Site, order: &[usize], home: &Home) -> Picks {
    let a = |i: usize| &site.articles[i].article;
    let lead = order
        .iter()
        .copied()
        .find(|&i| a(i).featured)
        .or_else(|| order.iter().copied().find(|&i| a(i).image.is_some()))
        .or_else(|| order.first().copied());
    let mut shown: Vec<usize> = lead.into_iter().collect();
    let secondary: Vec<usize> = order
        .iter()
        .copied()
        .filter(|i| !shown.contains(i))
        .take(home.secondary)
        .collect();
    shown.extend(&secondary);
    let featured = order.iter().copied().filter(|&i| a(i).featured);
    let photo = order
        .iter()
        .copied()
        .filter(|&i| !a(i).featured && a(i).image.is_some());
    let highlights: Vec<usize> = featured
        .chain(photo)
        .filter(|i| !shown.contains(i))
        .take(home.highlights)
        .collect();
    shown.extend(&highlights);
    let latest = order
        .iter()
        .copied()
        .filter(|i| !shown.contains(i))
        .take(home.latest)
        .collect();
    Picks {
        lead,
        secondary,
        highlights,
        latest,
    }
}

/// The front page's values (`home`) for `index.html`.
pub fn insert(r: &Renderer, shared: &Shared, ctx: &mut Context) {
    let site = r.site;
    let cfg = &site.config.portal.home;
    let p = picks(site, &site.home.articles, cfg);
    let t = |i: &usize| shared.teaser(r, *i);
    let many = |v: &[usize]| Value::from(v.iter().map(t).collect::<Vec<_>>());
    let lead_photo = p.lead.and_then(|i| {
        let a = &site.articles[i].article;
        let u = a.image.as_deref()?;
        crate::render::picture::lead_sized(
            r,
            u,
            a.image_caption.as_deref().unwrap_or(""),
            crate::render::picture::HOME_LEAD_SIZES,
        )
    });
    let categories: Vec<Json> = site
        .categories
        .iter()
        .filter(|c| !c.articles.is_empty())
        .map(|c| {
            let n = cfg.per_category.min(c.articles.len());
            let items: Vec<Value> = c.articles[..n].iter().map(t).collect();
            json!({ "name": c.name, "url": r.url(&c.url), "slug": c.slug,
                    "articles": Value::from(items), "more": c.articles.len() > n })
        })
        .collect();
    let blocks: Vec<Json> = cfg.blocks.iter().map(|b| json!(b)).collect();
    ctx.insert(
        "home",
        &json!({
            "blocks": blocks,
            "lead": p.lead.map(|i| shared.teaser(r, i)),
            "lead_photo": lead_photo,
            "secondary": many(&p.secondary),
            "highlights": many(&p.highlights),
            "latest": many(&p.latest),
            "categories": categories,
        }),
    );
}
