//! The index panel's value: a unit's latest score, rank and change in a
//! dataset (site.yaml `index_panel:`), read by `partials/index_panel.html`
//! in the sidebar and as the front page's `index` block.

use crate::model::site::Site;
use crate::model::urls;
use crate::util::numfmt;
use serde_json::{Value as Json, json};

/// The index panel: the unit of site.yaml `index_panel:` in its dataset's
/// latest year with a score: score, rank, the change since the year
/// before, links to the unit's and the dataset's pages. A partial
/// (`partials/index_panel.html`) shows it; it reads only this value.
pub fn index_panel(site: &Site, prefix: &str) -> Option<Json> {
    let cfg = site.config.portal.index_panel.as_ref()?;
    let ds = site.datasets.iter().find(|d| d.slug == cfg.data)?;
    let u = ds.unit_by_ref(&cfg.unit)?;
    let mut years = ds.years.iter().rev().filter_map(|y| {
        ds.score(u, y.year)
            .filter(|s| s.total.is_some())
            .map(|s| (y.year, s))
    });
    let (year, s) = years.next()?;
    let prev = years.next();
    let unit = &ds.units[u];
    let total = s.total?;
    let of = ds.rank_of(year);
    let change = match (prev.and_then(|p| p.1.rank), s.rank) {
        (Some(from), Some(to)) => Some(numfmt::format_rank_change(from, to)),
        _ => None,
    };
    let trend = match (prev.and_then(|p| p.1.rank), s.rank) {
        (Some(from), Some(to)) if to < from => "up",
        (Some(from), Some(to)) if to > from => "down",
        (Some(_), Some(_)) => "same",
        _ => "",
    };
    Some(json!({
        "dataset": ds.display_title(),
        "dataset_url": format!("{prefix}{}", urls::dataset_url(&ds.slug)),
        "unit": unit.name,
        "unit_url": format!("{prefix}{}", urls::dataset_unit_url(&ds.slug, &unit.slug)),
        "year": year,
        "score": numfmt::format_with_unit(total, ds.scale.decimals, &ds.scale.unit),
        "band": ds.band_of(total).map(|b| b.name.as_str()),
        "rank": s.rank.map(|r| numfmt::format_rank(r, of)),
        "change": change,
        "since": prev.map(|p| p.0),
        "trend": trend,
        "illustrative": matches!(ds.status, crate::data::Status::Illustrative),
    }))
}
