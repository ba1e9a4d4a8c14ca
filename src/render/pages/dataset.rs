//! Report pages of one dataset: `/chi-so/<ds>/`, `/chi-so/<ds>/<year>/`,
//! `/chi-so/<ds>/<unit-slug>/`, and its standalone chart files. Also the
//! `/chi-so/` index of datasets.

use crate::charts::without_source;
use crate::data::{Dataset, Status};
use crate::load::theme::names;
use crate::model::urls::{self, index_path};
use crate::output::sink::OutputFile;
use crate::render::datacharts::{
    ChartKind, canonical_charts, chart_figure, chart_file_url, units_sorted,
};
use crate::render::meta::{self, Meta};
use crate::render::pages::JobOutput;
use crate::render::pages::tables::{full_table, unit_table, unit_url, year_table, year_url};
use crate::render::renderer::{Renderer, Shared};
use crate::util::numfmt;
use crate::util::text::slugify;
use tera::{Context, Value};

fn dataset_url(ds: &Dataset) -> String {
    urls::dataset_url(&ds.slug)
}

/// Figures without their source lines: the page's sources section names them once.
fn no_sources(charts: &[String]) -> Vec<String> {
    charts.iter().map(|c| without_source(c)).collect()
}

fn dataset_value(r: &Renderer, ds: &Dataset) -> serde_json::Value {
    let description = ds
        .description
        .as_deref()
        .map(|d| r.markdown(d, &ds.file, 0).html)
        .unwrap_or_default();
    serde_json::json!({
        "slug": ds.slug,
        "title": ds.title,
        "short_title": ds.display_title(),
        "url": r.url(&dataset_url(ds)),
        "illustrative": ds.status == Status::Illustrative,
        "description": description,
        "unit": ds.scale.unit,
        "sources": ds.sources.iter().map(|s| serde_json::json!({"name": s.name, "url": s.url, "note": s.note})).collect::<Vec<_>>(),
        "years": ds.years.iter().map(|y| serde_json::json!({"year": y.year, "url": r.url(&year_url(ds, y.year)), "methodology": y.methodology})).collect::<Vec<_>>(),
        "units": units_sorted(ds).into_iter().map(|u| serde_json::json!({"name": ds.units[u].name, "short": ds.units[u].short, "url": r.url(&unit_url(ds, u))})).collect::<Vec<_>>(),
    })
}

fn commentary(r: &Renderer, ds: &Dataset, key: &str, out: &mut JobOutput) -> String {
    match r.site.commentary.get(&(ds.slug.clone(), key.to_string())) {
        Some(c) => {
            let body = r.markdown(&c.body, &c.source, 0);
            out.diagnostics.extend(body.diagnostics.iter().cloned());
            out.diagnostics
                .extend(crate::render::pages::image_diagnostics(r, &body, &c.source));
            for (url, line) in &body.links {
                out.links.push(crate::output::sink::LinkRef {
                    url: url.clone(),
                    file: c.source.clone(),
                    line: *line,
                });
            }
            without_source(&crate::render::picture::body_images(r, &body.html, None))
        }
        None => String::new(),
    }
}

fn page(r: &Renderer, out: &mut JobOutput, template: &str, url: &str, ctx: &Context) {
    match r.render(template, ctx) {
        Ok(html) => out.files.push(OutputFile {
            path: index_path(url),
            bytes: html,
        }),
        Err(d) => out.diagnostics.push(d),
    }
}

/// Articles tagged with a unit's name, short name or slug, newest first.
fn unit_articles(r: &Renderer, shared: &Shared, ds: &Dataset, u: usize) -> Vec<Value> {
    let unit = &ds.units[u];
    let wanted = [unit.slug.clone(), slugify(&unit.name), slugify(&unit.short)];
    let mut idx: Vec<usize> = r
        .site
        .tags
        .iter()
        .filter(|t| wanted.contains(&t.slug))
        .flat_map(|t| t.articles.iter().copied())
        .collect();
    idx.sort_unstable();
    idx.dedup();
    idx.into_iter()
        .take(10)
        .map(|i| shared.teaser(r, i))
        .collect()
}

/// All pages and chart files of dataset `d`.
/// What every page of one dataset is built from.
struct DataPages<'r, 'a> {
    r: &'r Renderer<'a>,
    d: usize,
    ds: &'a Dataset,
    /// The dataset as templates see it.
    dsv: serde_json::Value,
    short: &'a str,
    /// "các năm 2018–2022", for descriptions.
    span: String,
    data_index: String,
}

pub fn dataset_job(r: &Renderer, shared: &Shared, d: usize) -> JobOutput {
    let ds = &r.site.datasets[d];
    let span = match (ds.years.first(), ds.years.last()) {
        (Some(a), Some(b)) if a.year != b.year => format!("các năm {}–{}", a.year, b.year),
        (Some(a), _) => format!("năm {}", a.year),
        _ => String::new(),
    };
    let p = DataPages {
        r,
        d,
        ds,
        dsv: dataset_value(r, ds),
        short: ds.display_title(),
        span,
        data_index: urls::data_index_url(),
    };
    let mut out = JobOutput::default();
    let files = p.chart_files(&mut out);
    // Open data downloads (CSV, JSON).
    out.files.extend(crate::render::downloads::files(ds));
    p.dataset_page(&files, &mut out);
    for i in 0..ds.years.len() {
        p.year_page(i, &mut out);
    }
    for u in 0..ds.units.len() {
        p.unit_page(shared, u, &mut out);
    }
    out
}

impl DataPages<'_, '_> {
    /// The share image of a page showing chart `kind`: that chart's card
    /// (when written), else `fallback` (the site's default).
    fn card(&self, kind: &ChartKind, fallback: Option<meta::Image>) -> Option<meta::Image> {
        let (r, ds) = (self.r, self.ds);
        if !kind.has_file(ds) {
            return fallback;
        }
        let chart = r.charts.get(r.chart_scope(), self.d, kind, None);
        Some(meta::chart_card(
            r.site,
            &chart_file_url(ds, kind),
            &chart.title,
        ))
    }

    /// The standalone chart files: their addresses and media types.
    fn chart_files(&self, out: &mut JobOutput) -> Vec<(String, &'static str)> {
        let (r, d, ds) = (self.r, self.d, self.ds);
        let mut files: Vec<(String, &'static str)> = Vec::new();
        let kinds = canonical_charts(ds);
        for kind in &kinds {
            files.push((chart_file_url(ds, kind), "image/svg+xml"));
            let id = format!(
                "{}-{}",
                ds.slug,
                kind.file_name(ds).trim_end_matches(".svg")
            );
            let svg = crate::render::datacharts::svg_with_id(
                &r.charts.get(r.chart_scope(), d, kind, None),
                &id,
            );
            out.files.push(OutputFile {
                path: chart_file_url(ds, kind).trim_start_matches('/').to_string(),
                bytes: svg.into_bytes(),
            });
            out.charts += 1;
        }
        let pngs = crate::render::chartpngs::files(r.chart_scope(), &r.pngs, d, &kinds);
        files.extend(
            pngs.files
                .iter()
                .filter(|f| f.path.ends_with(".png"))
                .map(|f| (format!("/{}", f.path), "image/png")),
        );
        out.files.extend(pngs.files);
        out.diagnostics.extend(pngs.diagnostics);
        files
    }

    /// `/chi-so/<ds>/`.
    fn dataset_page(&self, files: &[(String, &'static str)], out: &mut JobOutput) {
        let (r, d, ds, dsv) = (self.r, self.d, self.ds, &self.dsv);
        let (site, short, span, data_index) = (r.site, self.short, &self.span, &self.data_index);
        let n_units = ds.units.len();
        let latest = ds.latest_year();
        let mut ctx = r.context();
        ctx.insert("dataset", &dsv);
        ctx.insert(
            "downloads",
            &serde_json::json!({
                "csv": r.url(&urls::dataset_csv_url(&ds.slug)),
                "json": r.url(&urls::dataset_json_url(&ds.slug)),
            }),
        );
        let mut charts: Vec<String> = Vec::new();
        if let Some(y) = latest {
            charts.push(chart_figure(
                r.chart_scope(),
                d,
                &ChartKind::Ranking { year: y },
                None,
                "bd-xep-hang",
                true,
            ));
            if let Some(w) = ds.years.windows(2).last() {
                charts.push(chart_figure(
                    r.chart_scope(),
                    d,
                    &ChartKind::Change {
                        from: w[0].year,
                        to: w[1].year,
                    },
                    None,
                    "bd-thay-doi",
                    true,
                ));
            }
        }
        ctx.insert("charts", &no_sources(&charts));
        ctx.insert("table", &full_table(r, ds).html());
        ctx.insert("commentary", &commentary(r, ds, "", out));
        let sources: Vec<&str> = ds.sources.iter().map(|s| s.name.as_str()).collect();
        let description = format!(
            "{}: điểm số và thứ hạng của {n_units} đơn vị {span}. Nguồn: {}.",
            ds.title,
            sources.join("; ")
        );
        let mut m = Meta::titled(site, &ds.title, description.clone(), &dataset_url(ds));
        if let Some(y) = latest {
            m.image = self.card(&ChartKind::Ranking { year: y }, m.image.take());
        }
        m.jsonld.push(meta::dataset(site, ds, &description, files));
        m.jsonld.push(meta::breadcrumbs(
            site,
            &[
                ("Chỉ số", data_index.as_str()),
                (short, dataset_url(ds).as_str()),
            ],
        ));
        ctx.insert("meta", &m);
        page(r, out, names::DATASET, &dataset_url(ds), &ctx);
    }

    /// `/chi-so/<ds>/<year>/`.
    fn year_page(&self, i: usize, out: &mut JobOutput) {
        let (r, d, ds, dsv) = (self.r, self.d, self.ds, &self.dsv);
        let (site, short, data_index) = (r.site, self.short, &self.data_index);
        let y = &ds.years[i];
        let mut ctx = r.context();
        ctx.insert("dataset", &dsv);
        let mut charts = vec![chart_figure(
            r.chart_scope(),
            d,
            &ChartKind::Ranking { year: y.year },
            None,
            "bd-xep-hang",
            true,
        )];
        if i > 0 {
            let from = ds.years[i - 1].year;
            charts.push(chart_figure(
                r.chart_scope(),
                d,
                &ChartKind::Change { from, to: y.year },
                None,
                "bd-thay-doi",
                true,
            ));
        }
        ctx.insert(
            "year",
            &serde_json::json!({
                "year": y.year,
                "methodology": y.methodology,
                "prev": (i > 0).then(|| r.url(&year_url(ds, ds.years[i - 1].year))),
                "next": ds.years.get(i + 1).map(|n| r.url(&year_url(ds, n.year))),
                "ranked": ds.rank_of(y.year),
                "count_note": count_note(ds, i),
            }),
        );
        ctx.insert("charts", &no_sources(&charts));
        let title = format!("{short} năm {}", y.year);
        let fields = if y.fields.is_empty() {
            String::new()
        } else {
            format!(" và điểm {} lĩnh vực", y.fields.len())
        };
        let mut m = Meta::titled(
            site,
            &title,
            format!(
                "{title}: xếp hạng, tổng điểm{fields} của {} đơn vị.",
                ds.ranking(y.year).len()
            ),
            &year_url(ds, y.year),
        );
        m.image = self.card(&ChartKind::Ranking { year: y.year }, m.image.take());
        m.jsonld.push(meta::breadcrumbs(
            site,
            &[
                ("Chỉ số", data_index.as_str()),
                (short, dataset_url(ds).as_str()),
                (title.as_str(), year_url(ds, y.year).as_str()),
            ],
        ));
        ctx.insert("meta", &m);
        ctx.insert("table", &year_table(r, ds, y.year).html());
        ctx.insert("commentary", &commentary(r, ds, &y.year.to_string(), out));
        page(r, out, names::DATASET_YEAR, &year_url(ds, y.year), &ctx);
    }

    /// `/chi-so/<ds>/<unit>/`.
    fn unit_page(&self, shared: &Shared, u: usize, out: &mut JobOutput) {
        let (r, d, ds, dsv) = (self.r, self.d, self.ds, &self.dsv);
        let (site, short, span, data_index) = (r.site, self.short, &self.span, &self.data_index);
        let unit = &ds.units[u];
        let mut ctx = r.context();
        ctx.insert("dataset", &dsv);
        let mut charts = vec![chart_figure(
            r.chart_scope(),
            d,
            &ChartKind::Trend { unit: u },
            None,
            "bd-xu-huong",
            true,
        )];
        let latest_fields = ds.years.iter().rev().find(|y| {
            !y.fields.is_empty()
                && ds
                    .score(u, y.year)
                    .is_some_and(|s| s.fields.iter().any(Option::is_some))
        });
        if let Some(y) = latest_fields {
            charts.push(chart_figure(
                r.chart_scope(),
                d,
                &ChartKind::Fields {
                    unit: u,
                    year: y.year,
                },
                None,
                "bd-linh-vuc",
                true,
            ));
        }
        ctx.insert("unit", &serde_json::json!({"name": unit.name, "short": unit.short, "slug": unit.slug, "key": unit.key}));
        ctx.insert("lineage", &lineage_value(r, ds, u));
        ctx.insert("charts", &no_sources(&charts));
        let mut m = Meta::titled(
            site,
            &format!("{} – {short}", unit.name),
            format!("{}: điểm số và thứ hạng {short} {span}.", unit.name),
            &unit_url(ds, u),
        );
        m.image = self.card(&ChartKind::Trend { unit: u }, m.image.take());
        m.jsonld.push(meta::breadcrumbs(
            site,
            &[
                ("Chỉ số", data_index.as_str()),
                (short, dataset_url(ds).as_str()),
                (unit.name.as_str(), unit_url(ds, u).as_str()),
            ],
        ));
        ctx.insert("meta", &m);
        ctx.insert("table", &unit_table(r, ds, u).html());
        ctx.insert_value("articles", Value::from(unit_articles(r, shared, ds, u)));
        ctx.insert("commentary", &commentary(r, ds, &unit.slug, out));
        page(r, out, names::DATASET_UNIT, &unit_url(ds, u), &ctx);
    }
}

/// A unit's place in a reform, for its page: `ended` (the day it stopped
/// and the units that took over its area) and `predecessors` (each with
/// its last result), or nulls.
fn lineage_value(r: &Renderer, ds: &Dataset, u: usize) -> serde_json::Value {
    let unit = &ds.units[u];
    let link =
        |i: usize| serde_json::json!({"name": ds.units[i].name, "url": r.url(&unit_url(ds, i))});
    let ended = unit
        .until
        .filter(|_| !unit.succeeded_by.is_empty())
        .map(|e| {
            serde_json::json!({
                "from": e.next().vi(),
                "successors": unit.succeeded_by.iter().map(|&i| link(i)).collect::<Vec<_>>(),
            })
        });
    let predecessors: Vec<serde_json::Value> = unit
        .formed_from
        .iter()
        .map(|&p| {
            let mut v = link(p);
            let last = ds
                .years
                .iter()
                .rev()
                .find_map(|y| ds.score(p, y.year).map(|s| (y.year, s)));
            if let Some((year, s)) = last {
                v["year"] = year.into();
                v["total"] = s
                    .total
                    .map_or(numfmt::NO_DATA.to_string(), |t| {
                        numfmt::format_with_unit(t, ds.scale.decimals, &ds.scale.unit)
                    })
                    .into();
                v["rank"] = s
                    .rank
                    .map(|k| numfmt::format_rank(k, ds.rank_of(year)))
                    .into();
            }
            v
        })
        .collect();
    serde_json::json!({
        "ended": ended,
        "since": unit.since.map(|d| d.vi()),
        "predecessors": predecessors,
    })
}

/// For the home page of a site whose own unit ended in a reform
/// (site.yaml `site_unit:`): per dataset that has the unit with
/// successors, the unit's history and each successor's latest result.
/// Null when `site_unit` is absent or no dataset has such a unit.
pub fn reform_panel(r: &Renderer) -> serde_json::Value {
    let Some((key, _)) = r.site.config.site_unit.as_ref() else {
        return serde_json::Value::Null;
    };
    let result = |ds: &Dataset, u: usize, y: i32| {
        let s = ds.score(u, y)?;
        Some(serde_json::json!({
            "year": y,
            "total": s.total.map(|t| numfmt::format_with_unit(t, ds.scale.decimals, &ds.scale.unit)),
            "rank": s.rank.map(|k| numfmt::format_rank(k, ds.rank_of(y))),
        }))
    };
    let panels: Vec<serde_json::Value> = r
        .site
        .datasets
        .iter()
        .filter_map(|ds| {
            let u = ds.unit_by_ref(key)?;
            let unit = &ds.units[u];
            if unit.succeeded_by.is_empty() {
                return None;
            }
            let history: Vec<_> = ds
                .years
                .iter()
                .filter_map(|y| result(ds, u, y.year))
                .collect();
            let successors: Vec<_> = unit
                .succeeded_by
                .iter()
                .map(|&s| {
                    let latest = ds.years.iter().rev().find_map(|y| result(ds, s, y.year));
                    serde_json::json!({
                        "name": ds.units[s].name,
                        "url": r.url(&unit_url(ds, s)),
                        "latest": latest,
                    })
                })
                .collect();
            Some(serde_json::json!({
                "dataset": ds.display_title(),
                "dataset_url": r.url(&dataset_url(ds)),
                "illustrative": ds.status == Status::Illustrative,
                "unit": unit.name,
                "unit_url": r.url(&unit_url(ds, u)),
                "ended_from": unit.until.map(|e| e.next().vi()),
                "history": history,
                "successors": successors,
            }))
        })
        .collect();
    if panels.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::Value::Array(panels)
    }
}

/// How many units year `i` ranks and, when that differs from the year
/// before, why: units that began or ended between the two.
fn count_note(ds: &Dataset, i: usize) -> Option<String> {
    let y = ds.years[i].year;
    let n = ds.rank_of(y);
    let prev = i.checked_sub(1).map(|j| ds.years[j].year)?;
    let m = ds.rank_of(prev);
    if n == m {
        return None;
    }
    let names = |f: &dyn Fn(&crate::data::Unit) -> bool| -> Vec<&str> {
        ds.units
            .iter()
            .filter(|u| f(u))
            .map(|u| u.name.as_str())
            .collect()
    };
    let ended = names(&|u| {
        u.until.is_some_and(|e| e.year >= prev && e.year <= y) && !u.succeeded_by.is_empty()
    });
    let began = names(&|u| u.since.is_some_and(|s| s.year > prev && s.year <= y));
    let mut s = format!("Số đơn vị khác năm {prev} ({m} đơn vị)");
    if ended.is_empty() && began.is_empty() {
        s.push('.');
        return Some(s);
    }
    s.push_str(" vì sắp xếp đơn vị hành chính");
    if !ended.is_empty() {
        s.push_str(&format!(": {} kết thúc hoạt động", ended.join(", ")));
    }
    if !began.is_empty() {
        s.push_str(&format!(
            "{}{} thành lập",
            if ended.is_empty() { ": " } else { "; " },
            began.join(", ")
        ));
    }
    s.push_str(". Thứ hạng hai năm được tính trong hai tập đơn vị khác nhau.");
    Some(s)
}

/// `/chi-so/`: the list of datasets.
pub fn index_job(r: &Renderer) -> JobOutput {
    let mut out = JobOutput::default();
    let list: Vec<serde_json::Value> = r
        .site
        .datasets
        .iter()
        .map(|ds| dataset_value(r, ds))
        .collect();
    let mut ctx = r.context();
    ctx.insert("datasets", &list);
    let titles: Vec<&str> = r.site.datasets.iter().map(|d| d.title.as_str()).collect();
    let mut m = Meta::titled(
        r.site,
        "Chỉ số",
        format!(
            "Các bộ chỉ số trên {}: {}.",
            r.site.config.title,
            titles.join("; ")
        ),
        &urls::data_index_url(),
    );
    let index = urls::data_index_url();
    m.jsonld
        .push(meta::breadcrumbs(r.site, &[("Chỉ số", index.as_str())]));
    ctx.insert("meta", &m);
    page(
        r,
        &mut out,
        names::DATA_INDEX,
        &urls::data_index_url(),
        &ctx,
    );
    out
}
