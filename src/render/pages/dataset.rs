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
use crate::render::renderer::{Renderer, Shared};
use crate::util::numfmt::{NO_DATA, format_number, format_rank, format_rank_change};
use crate::util::text::{escape_html, slugify};
use std::fmt::Write as _;
use tera::{Context, Value};

fn dataset_url(ds: &Dataset) -> String {
    urls::dataset_url(&ds.slug)
}

fn year_url(ds: &Dataset, year: i32) -> String {
    urls::dataset_year_url(&ds.slug, year)
}

fn unit_url(ds: &Dataset, u: usize) -> String {
    urls::dataset_unit_url(&ds.slug, &ds.units[u].slug)
}

/// Figures without their source lines: the page's sources section names them once.
fn no_sources(charts: &[String]) -> Vec<String> {
    charts.iter().map(|c| without_source(c)).collect()
}

fn fmt_total(ds: &Dataset, v: Option<f64>) -> String {
    v.map(|v| format_number(v, ds.scale.decimals))
        .unwrap_or_else(|| NO_DATA.to_string())
}

/// A table: header cells, then rows of (cells, is-number flags).
struct DataTable {
    caption: String,
    head: Vec<String>,
    /// Short headers explained under the table: (short, full) — wide
    /// tables keep a header row of one or two lines on a phone.
    legend: Vec<(String, String)>,
    rows: Vec<Vec<(String, bool)>>,
}

impl DataTable {
    fn html(&self) -> String {
        let mut h = String::new();
        let _ = write!(
            h,
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\"><table class=\"data-table\">\n<caption>{0}</caption>\n<thead><tr>",
            escape_html(&self.caption),
        );
        for c in &self.head {
            match self.legend.iter().find(|(s, _)| s == c) {
                // The short header shows; screen readers hear the full name.
                Some((s, full)) => {
                    let _ = write!(
                        h,
                        "<th scope=\"col\" class=\"num\"><span aria-hidden=\"true\">{}</span><span class=\"visually-hidden\">{}</span></th>",
                        escape_html(s),
                        escape_html(full)
                    );
                }
                None => {
                    let _ = write!(h, "<th scope=\"col\">{}</th>", escape_html(c));
                }
            }
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            h.push_str("<tr>");
            for (i, (cell, num)) in row.iter().enumerate() {
                // Cells are pre-escaped HTML (they may hold links).
                match (i, num) {
                    (0, _) => {
                        let _ = write!(h, "<th scope=\"row\">{cell}</th>");
                    }
                    (_, true) => {
                        let _ = write!(h, "<td class=\"num\">{cell}</td>");
                    }
                    _ => {
                        let _ = write!(h, "<td>{cell}</td>");
                    }
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody></table></div>");
        if !self.legend.is_empty() {
            h.push_str("\n<dl class=\"table-legend\">");
            for (s, full) in &self.legend {
                let _ = write!(
                    h,
                    "<div><dt>{}</dt><dd>{}</dd></div>",
                    escape_html(s),
                    escape_html(full)
                );
            }
            h.push_str("</dl>");
        }
        h
    }
}

fn link(r: &Renderer, url: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        escape_html(&r.url(url)),
        escape_html(text)
    )
}

fn rank_cell(ds: &Dataset, year: i32, rank: Option<u32>) -> String {
    rank.map(|k| format_rank(k, ds.rank_of(year)))
        .unwrap_or_else(|| "–".to_string())
}

/// Every year of every unit: the dataset page's full table.
fn full_table(r: &Renderer, ds: &Dataset) -> DataTable {
    let mut head = vec!["Đơn vị".to_string()];
    head.extend(ds.years.iter().map(|y| format!("{} (điểm, hạng)", y.year)));
    let rows = units_sorted(ds)
        .into_iter()
        .map(|u| {
            let mut row = vec![(link(r, &unit_url(ds, u), &ds.units[u].short), false)];
            for y in &ds.years {
                // A published rank is shown even when the score is not.
                let cell = match ds.score(u, y.year) {
                    Some(s) if s.total.is_some() || s.rank.is_some() => format!(
                        "{} ({})",
                        fmt_total(ds, s.total),
                        rank_cell(ds, y.year, s.rank)
                    ),
                    _ => NO_DATA.to_string(),
                };
                row.push((cell, true));
            }
            row
        })
        .collect();
    DataTable {
        caption: format!("{}: điểm và thứ hạng các năm", ds.display_title()),
        head,
        legend: Vec::new(),
        rows,
    }
}

fn year_table(r: &Renderer, ds: &Dataset, year: i32) -> DataTable {
    let y = ds.year(year).expect("year of this dataset");
    let mut head = vec!["Đơn vị".to_string(), "Hạng".into(), "Tổng điểm".into()];
    if !ds.bands.is_empty() {
        head.push("Xếp loại".into());
    }
    let legend: Vec<(String, String)> = y
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (
                format!("LV{}", i + 1),
                format!("{} (tối đa {} điểm)", f.name, format_number(f.max, 0)),
            )
        })
        .collect();
    head.extend(legend.iter().map(|(s, _)| s.clone()));
    let rows = ds
        .ranking(year)
        .into_iter()
        .map(|s| {
            let mut row = vec![
                (
                    link(r, &unit_url(ds, s.unit), &ds.units[s.unit].short),
                    false,
                ),
                (rank_cell(ds, year, s.rank), true),
                (fmt_total(ds, s.total), true),
            ];
            if !ds.bands.is_empty() {
                let band = s
                    .total
                    .and_then(|t| ds.band_of(t))
                    .map(|b| b.name.as_str())
                    .unwrap_or("–");
                row.push((escape_html(band).into_owned(), false));
            }
            for v in &s.fields {
                row.push((fmt_total(ds, *v), true));
            }
            row
        })
        .collect();
    DataTable {
        caption: format!("{} năm {year}", ds.display_title()),
        head,
        legend,
        rows,
    }
}

fn unit_table(r: &Renderer, ds: &Dataset, u: usize) -> DataTable {
    let mut head = vec![
        "Năm".to_string(),
        "Tổng điểm".into(),
        "Hạng".into(),
        "Thay đổi".into(),
    ];
    if !ds.bands.is_empty() {
        head.push("Xếp loại".into());
    }
    let mut prev: Option<u32> = None;
    let rows = ds
        .years
        .iter()
        .map(|y| {
            let s = ds.score(u, y.year);
            let rank = s.and_then(|s| s.rank);
            let change = match (prev, rank) {
                (Some(a), Some(b)) => format_rank_change(a, b),
                _ => "–".into(),
            };
            if rank.is_some() {
                prev = rank;
            }
            let mut row = vec![
                (link(r, &year_url(ds, y.year), &y.year.to_string()), false),
                (fmt_total(ds, s.and_then(|s| s.total)), true),
                (rank_cell(ds, y.year, rank), true),
                (change, false),
            ];
            if !ds.bands.is_empty() {
                let band = s
                    .and_then(|s| s.total)
                    .and_then(|t| ds.band_of(t))
                    .map(|b| b.name.as_str())
                    .unwrap_or("–");
                row.push((escape_html(band).into_owned(), false));
            }
            row
        })
        .collect();
    DataTable {
        caption: format!("{}: {} qua các năm", ds.display_title(), ds.units[u].name),
        head,
        legend: Vec::new(),
        rows,
    }
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
        .map(|i| shared.teasers[i].clone())
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
        )];
        if i > 0 {
            let from = ds.years[i - 1].year;
            charts.push(chart_figure(
                r.chart_scope(),
                d,
                &ChartKind::Change { from, to: y.year },
                None,
                "bd-thay-doi",
            ));
        }
        ctx.insert(
            "year",
            &serde_json::json!({
                "year": y.year,
                "methodology": y.methodology,
                "prev": (i > 0).then(|| r.url(&year_url(ds, ds.years[i - 1].year))),
                "next": ds.years.get(i + 1).map(|n| r.url(&year_url(ds, n.year))),
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
            ));
        }
        ctx.insert("unit", &serde_json::json!({"name": unit.name, "short": unit.short, "slug": unit.slug, "key": unit.key}));
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
