//! Index-data glue: the `chart`/`value` shortcodes, and charts built from a
//! dataset (mapping the data model into the chart module's inputs). Charts
//! are rendered once per distinct request and reused through a cache; the
//! page-specific id is substituted on use.

use crate::charts::{self, Bar, ChangeRow, Chart, ChartMeta, FieldRow, TrendPoint, TrendSeries};
use crate::data::{Dataset, Status};
use crate::diag::Msg;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::model::site::Site;
use crate::model::urls;
use crate::render::shortcodes::{Arg, Call};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// Stand-in id inside cached charts, replaced by the page's own id.
const ID_TOKEN: &str = "chisochartid";

/// What to draw.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChartKind {
    Ranking { year: i32 },
    Trend { unit: usize },
    Fields { unit: usize, year: i32 },
    Change { from: i32, to: i32 },
}

impl ChartKind {
    fn name(&self) -> &'static str {
        match self {
            ChartKind::Ranking { .. } => "ranking",
            ChartKind::Trend { .. } => "trend",
            ChartKind::Fields { .. } => "fields",
            ChartKind::Change { .. } => "change",
        }
    }

    /// File name of the standalone SVG (under `/chi-so/<ds>/bieu-do/`).
    pub fn file_name(&self, ds: &Dataset) -> String {
        match self {
            ChartKind::Ranking { year } => format!("xep-hang-{year}.svg"),
            ChartKind::Trend { unit } => format!("xu-huong-{}.svg", ds.units[*unit].slug),
            ChartKind::Fields { unit, year } => {
                format!("linh-vuc-{}-{year}.svg", ds.units[*unit].slug)
            }
            ChartKind::Change { from, to } => format!("thay-doi-{from}-{to}.svg"),
        }
    }

    /// Whether the dataset pages write this chart as a standalone file.
    pub fn has_file(&self, ds: &Dataset) -> bool {
        match self {
            ChartKind::Change { from, to } => ds
                .years
                .windows(2)
                .any(|w| w[0].year == *from && w[1].year == *to),
            ChartKind::Fields { year, .. } => ds.year(*year).is_some_and(|y| !y.fields.is_empty()),
            _ => true,
        }
    }
}

/// What chart shortcodes and figures need: the site, the chart cache and
/// the URL prefix (the base URL's path).
#[derive(Clone, Copy)]
pub struct ChartScope<'a> {
    pub site: &'a Site,
    pub cache: &'a ChartCache,
    pub prefix: &'a str,
}

impl ChartScope<'_> {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }
}

/// (dataset index, what, highlighted unit, badge left to the page)
type ChartKey = (usize, ChartKind, Option<usize>, bool);

/// Cache of rendered charts, shared by all render threads.
#[derive(Default)]
pub struct ChartCache {
    map: Mutex<HashMap<ChartKey, Arc<Chart>>>,
}

impl ChartCache {
    /// The chart for dataset `d`, drawn on first use. Its ids are a stand-in:
    /// take the part you need with `html_with_id` or `svg_with_id`. Its
    /// SVG draws the "Số liệu minh họa" badge of illustrative data, as the
    /// standalone files and cards need.
    pub fn get(
        &self,
        scope: ChartScope,
        d: usize,
        kind: &ChartKind,
        highlight: Option<usize>,
    ) -> Arc<Chart> {
        self.get_in(scope, d, kind, highlight, false)
    }

    /// As [`ChartCache::get`], for a page that may already show the
    /// illustrative flag (`page_flagged`): then the SVG leaves its badge out.
    fn get_in(
        &self,
        scope: ChartScope,
        d: usize,
        kind: &ChartKind,
        highlight: Option<usize>,
        page_flagged: bool,
    ) -> Arc<Chart> {
        let ds = &scope.site.datasets[d];
        // Published data draws no badge: one drawing serves both.
        let page_flagged = page_flagged && ds.status == Status::Illustrative;
        let key = (d, kind.clone(), highlight, page_flagged);
        if let Some(c) = self.map.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return c;
        }
        let download = kind
            .has_file(ds)
            .then(|| scope.url(&chart_file_url(ds, kind)));
        let print_url = kind
            .has_file(ds)
            .then(|| scope.site.absolute(&chart_file_url(ds, kind)));
        let c = Arc::new(draw(
            ds,
            kind,
            highlight,
            ID_TOKEN,
            (download, print_url),
            page_flagged,
        ));
        if let Ok(mut m) = self.map.lock() {
            m.insert(key, c.clone());
        }
        c
    }
}

/// The figure of a cached chart, with the page's own id.
pub fn html_with_id(c: &Chart, id: &str) -> String {
    c.html.replace(ID_TOKEN, id)
}

/// The standalone SVG of a cached chart, with its own id.
pub fn svg_with_id(c: &Chart, id: &str) -> String {
    c.svg.replace(ID_TOKEN, id)
}

pub(crate) fn source_line(ds: &Dataset) -> String {
    let names: Vec<&str> = ds.sources.iter().map(|s| s.name.as_str()).collect();
    format!("Nguồn: {}", names.join("; "))
}

fn meta(
    ds: &Dataset,
    id: &str,
    title: String,
    caption: String,
    (download, print_url): Links,
    page_flagged: bool,
) -> ChartMeta {
    ChartMeta {
        id: id.to_string(),
        title,
        unit: ds.scale.unit.clone(),
        decimals: ds.scale.decimals,
        scale_min: ds.scale.min,
        scale_max: ds.scale.max,
        higher_is_better: ds.scale.higher_is_better,
        illustrative: ds.status == Status::Illustrative,
        source: source_line(ds),
        caption,
        rank_of: None,
        download,
        print_url,
        page_flagged,
    }
}

/// The chart file's address as linked (prefix-relative) and as printed
/// (absolute); `None` when the chart has no file.
pub type Links = (Option<String>, Option<String>);

/// Draw one chart of `ds`.
pub fn draw(
    ds: &Dataset,
    kind: &ChartKind,
    highlight: Option<usize>,
    id: &str,
    download: Links,
    page_flagged: bool,
) -> Chart {
    let t = ds.display_title();
    match *kind {
        ChartKind::Ranking { year } => {
            let bars: Vec<Bar> = ds
                .ranking(year)
                .into_iter()
                .map(|s| Bar {
                    label: ds.units[s.unit].short.clone(),
                    value: s.total,
                    rank: s.rank,
                    highlight: Some(s.unit) == highlight,
                })
                .collect();
            let title = format!("{t} năm {year}");
            let caption = format!("Xếp hạng {t} năm {year}");
            let meta = ChartMeta {
                rank_of: Some(ds.rank_of(year)).filter(|&n| n > 0),
                ..meta(ds, id, title, caption, download, page_flagged)
            };
            charts::ranking(&meta, year, &bars)
        }
        ChartKind::Trend { unit } => {
            let u = &ds.units[unit];
            let points = trend_points(ds, unit, false);
            let title = format!("{t}: {} qua các năm", u.short);
            let caption = format!("Điểm số và thứ hạng của {} qua các năm", u.name);
            let meta = meta(ds, id, title, caption, download, page_flagged);
            if u.formed_from.is_empty() {
                return charts::trend(&meta, &u.short, &points);
            }
            // Each predecessor is its own series, up to its last score.
            let preds: Vec<TrendSeries> = u
                .formed_from
                .iter()
                .map(|&p| TrendSeries {
                    name: ds.units[p].short.clone(),
                    points: trend_points(ds, p, true),
                })
                .collect();
            let since = u.since.map(|d| d.vi());
            charts::trend_across(&meta, &u.short, &points, &preds, since.as_deref())
        }
        ChartKind::Fields { unit, year } => {
            let u = &ds.units[unit];
            let y = ds.year(year);
            let s = ds.score(unit, year);
            let rows: Vec<FieldRow> = y
                .map(|y| {
                    y.fields
                        .iter()
                        .enumerate()
                        .map(|(i, f)| FieldRow {
                            name: f.name.clone(),
                            value: s.and_then(|s| s.fields.get(i).copied().flatten()),
                            max: f.max,
                        })
                        .collect()
                })
                .unwrap_or_default();
            let title = format!("{t}: {} năm {year} theo lĩnh vực", u.short);
            let caption = format!(
                "Điểm từng lĩnh vực của {} năm {year} so với điểm tối đa",
                u.name
            );
            charts::fields(
                &meta(ds, id, title, caption, download, page_flagged),
                &u.short,
                year,
                &rows,
            )
        }
        ChartKind::Change { from, to } => {
            let mut rows: Vec<ChangeRow> = ds
                .units
                .iter()
                .enumerate()
                .filter(|(_, u)| u.existed_in(from) || u.existed_in(to))
                .map(|(i, u)| ChangeRow {
                    label: u.short.clone(),
                    from_rank: ds.score(i, from).and_then(|s| s.rank),
                    to_rank: ds.score(i, to).and_then(|s| s.rank),
                    highlight: Some(i) == highlight,
                    absent: crate::data::no_counterpart(ds, i, from, to).map(|c| c.short()),
                })
                .collect();
            rows.sort_by(|a, b| {
                let key = |r: &ChangeRow| r.to_rank.unwrap_or(u32::MAX);
                key(a)
                    .cmp(&key(b))
                    .then_with(|| crate::util::collate::compare(&a.label, &b.label))
            });
            let title = format!("{t}: thay đổi thứ hạng {from}–{to}");
            let caption = format!("Thay đổi thứ hạng giữa năm {from} và năm {to}");
            charts::change(
                &meta(ds, id, title, caption, download, page_flagged),
                from,
                to,
                &rows,
            )
        }
    }
}

/// The points of a unit's trend: the years it existed, less an unscored
/// year it began or ended in (with `scored_only`, only years it has a
/// score in).
fn trend_points(ds: &Dataset, unit: usize, scored_only: bool) -> Vec<TrendPoint> {
    let of_year = |y: i32| Some(ds.rank_of(y)).filter(|&n| n > 0);
    ds.years
        .iter()
        .filter(|y| ds.units[unit].existed_in(y.year))
        .filter_map(|y| {
            let s = ds.score(unit, y.year);
            // A year the unit only began or ended in, without a score, is
            // not a gap in its series: it was not assessed as that unit.
            let u = &ds.units[unit];
            let edge = u.since.is_some_and(|d| d.year == y.year)
                || u.until.is_some_and(|d| d.year == y.year);
            if s.is_none() && (scored_only || edge) {
                return None;
            }
            Some(TrendPoint {
                year: y.year,
                total: s.and_then(|s| s.total),
                rank: s.and_then(|s| s.rank),
                of: of_year(y.year),
            })
        })
        .collect()
}

/// Menu entries for the datasets: (title, site-relative URL).
pub fn dataset_links(site: &Site) -> Vec<(&str, String)> {
    site.datasets
        .iter()
        .map(|d| (d.display_title(), urls::dataset_url(&d.slug)))
        .collect()
}

/// URL of a dataset's standalone chart file.
pub fn chart_file_url(ds: &Dataset, kind: &ChartKind) -> String {
    urls::chart_file_url(&ds.slug, &kind.file_name(ds))
}

/// A chart's figure HTML for a page, with a link to its standalone file.
/// `page_flagged`: the page already shows "Số liệu minh họa" (a dataset
/// page's heading), so the chart does not draw it again.
pub fn chart_figure(
    scope: ChartScope,
    d: usize,
    kind: &ChartKind,
    highlight: Option<usize>,
    id: &str,
    page_flagged: bool,
) -> String {
    html_with_id(
        &scope.cache.get_in(scope, d, kind, highlight, page_flagged),
        id,
    )
}

const CHART_ARGS: &[&str] = &["data", "kind", "year", "unit", "from", "to", "highlight"];
const VALUE_ARGS: &[&str] = &["data", "unit", "year", "what", "from"];

fn check_args(call: &Call, allowed: &[&str]) -> Result<(), Msg> {
    for k in call.args.keys() {
        if !allowed.contains(&k.as_str()) {
            return Err(msg!(
                m::SC_UNKNOWN_ARG,
                name = &call.name,
                key = k,
                allowed = allowed.join(", ")
            ));
        }
    }
    Ok(())
}

fn arg<'c>(call: &'c Call, key: &str) -> Result<&'c Arg, Msg> {
    call.args
        .get(key)
        .ok_or_else(|| msg!(m::SC_NEEDS, name = &call.name, key = key))
}

fn int_arg(call: &Call, key: &str) -> Result<i32, Msg> {
    arg(call, key)?
        .as_int()
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| msg!(m::SC_YEAR_ARG, key = key))
}

fn dataset<'s>(site: &'s Site, call: &Call) -> Result<(usize, &'s Dataset), Msg> {
    let slug = arg(call, "data")?.to_text();
    site.datasets
        .iter()
        .enumerate()
        .find(|(_, d)| d.slug == slug)
        .ok_or_else(|| {
            let names: Vec<&str> = site.datasets.iter().map(|d| d.slug.as_str()).collect();
            msg!(
                m::SC_NO_DATASET,
                slug = &slug,
                names = if names.is_empty() {
                    m::Arg::Msg(msg!(m::NONE))
                } else {
                    m::text(names.join(", "))
                }
            )
        })
}

fn unit(ds: &Dataset, call: &Call, key: &str) -> Result<usize, Msg> {
    let r = arg(call, key)?.to_text();
    ds.unit_by_ref(&r).ok_or_else(|| {
        let slugs: Vec<&str> = ds.units.iter().map(|u| u.slug.as_str()).collect();
        msg!(
            m::SC_NO_UNIT,
            dataset = &ds.slug,
            unit = &r,
            units = slugs.join(", ")
        )
    })
}

fn year(ds: &Dataset, call: &Call, key: &str) -> Result<i32, Msg> {
    let y = int_arg(call, key)?;
    ds.year(y).map(|_| y).ok_or_else(|| {
        let ys: Vec<String> = ds.years.iter().map(|y| y.year.to_string()).collect();
        msg!(
            m::SC_NO_YEAR,
            dataset = &ds.slug,
            year = y.to_string(),
            years = ys.join(", ")
        )
    })
}

/// Parse a `chart(...)` call into (dataset index, kind, highlight).
pub fn parse_chart(site: &Site, call: &Call) -> Result<(usize, ChartKind, Option<usize>), Msg> {
    check_args(call, CHART_ARGS)?;
    let (d, ds) = dataset(site, call)?;
    let kind_name = arg(call, "kind")?.to_text();
    let latest = || {
        ds.latest_year()
            .ok_or_else(|| msg!(m::SC_NO_RESULTS, dataset = &ds.slug))
    };
    let kind = match kind_name.as_str() {
        "ranking" => ChartKind::Ranking {
            year: if call.args.contains_key("year") {
                year(ds, call, "year")?
            } else {
                latest()?
            },
        },
        "trend" => ChartKind::Trend {
            unit: unit(ds, call, "unit")?,
        },
        "fields" => ChartKind::Fields {
            unit: unit(ds, call, "unit")?,
            year: if call.args.contains_key("year") {
                year(ds, call, "year")?
            } else {
                latest()?
            },
        },
        "change" => {
            let from = year(ds, call, "from")?;
            let to = year(ds, call, "to")?;
            if from >= to {
                return Err(msg!(
                    m::SC_FROM_TO,
                    from = from.to_string(),
                    to = to.to_string()
                ));
            }
            ChartKind::Change { from, to }
        }
        other => {
            return Err(msg!(m::SC_UNKNOWN_KIND, kind = other));
        }
    };
    if let ChartKind::Fields { year: y, .. } = kind {
        if ds.year(y).is_some_and(|r| r.fields.is_empty()) {
            return Err(msg!(
                m::SC_NO_FIELDS,
                dataset = &ds.slug,
                year = y.to_string()
            ));
        }
    }
    let highlight = if call.args.contains_key("highlight") {
        Some(unit(ds, call, "highlight")?)
    } else {
        None
    };
    Ok((d, kind, highlight))
}

/// Expand one shortcode; `n` numbers the shortcodes within a page.
/// `flagged`: the datasets whose "Số liệu minh họa" this page already
/// shows; the first chart of an illustrative dataset draws it, later ones
/// of the same dataset leave it out.
pub fn shortcode(
    scope: ChartScope,
    call: &Call,
    n: usize,
    flagged: &RefCell<BTreeSet<usize>>,
) -> Result<String, Msg> {
    match call.name.as_str() {
        "chart" => {
            let (d, kind, highlight) = parse_chart(scope.site, call)?;
            let id = format!("bd{n}-{}-{}", scope.site.datasets[d].slug, kind.name());
            let page_flagged = !flagged.borrow_mut().insert(d);
            Ok(chart_figure(scope, d, &kind, highlight, &id, page_flagged))
        }
        "value" => {
            check_args(call, VALUE_ARGS)?;
            let (_, ds) = dataset(scope.site, call)?;
            let u = arg(call, "unit")?.to_text();
            let y = year(ds, call, "year")?;
            let what = call.args.get("what").map(Arg::to_text).unwrap_or_default();
            let from = if call.args.contains_key("from") {
                Some(year(ds, call, "from")?)
            } else {
                None
            };
            let text = crate::data::value_text(ds, &u, y, &what, from)?;
            let html = crate::util::text::escape_html(&text).into_owned();
            // A number from the data links to where it comes from: the
            // unit's data page (which says whether the data is illustrative).
            match ds.unit_by_ref(&u) {
                Some(i) => Ok(format!(
                    "<a class=\"data-value\" href=\"{}\">{html}</a>",
                    crate::util::text::escape_html(
                        &scope.url(&urls::dataset_unit_url(&ds.slug, &ds.units[i].slug))
                    )
                )),
                None => Ok(html),
            }
        }
        other => Err(msg!(m::SC_UNKNOWN, name = other)),
    }
}

/// Every canonical chart of a dataset: what its pages show and write.
pub fn canonical_charts(ds: &Dataset) -> Vec<ChartKind> {
    let mut v: Vec<ChartKind> = ds
        .years
        .iter()
        .map(|y| ChartKind::Ranking { year: y.year })
        .collect();
    v.extend(ds.years.windows(2).map(|w| ChartKind::Change {
        from: w[0].year,
        to: w[1].year,
    }));
    for u in 0..ds.units.len() {
        v.push(ChartKind::Trend { unit: u });
        for y in &ds.years {
            if !y.fields.is_empty() && ds.score(u, y.year).is_some() {
                v.push(ChartKind::Fields {
                    unit: u,
                    year: y.year,
                });
            }
        }
    }
    v
}

/// A dataset's units in Vietnamese alphabetical order of their short names.
pub fn units_sorted(ds: &Dataset) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..ds.units.len()).collect();
    idx.sort_by(|&a, &b| crate::util::collate::compare(&ds.units[a].short, &ds.units[b].short));
    idx
}
