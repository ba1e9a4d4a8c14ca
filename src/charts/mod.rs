//! SVG charts of index data (plotters), independent of the data model.
//!
//! The caller maps a dataset into [`ChartMeta`] plus rows ([`Bar`],
//! [`TrendPoint`], [`FieldRow`], [`ChangeRow`]) and gets a [`Chart`]: a
//! standalone SVG document and an HTML `<figure>` embedding it, with the data
//! as a table. Every chart:
//!
//! - is drawn with plotters' `SVGBackend`, then given `role="img"`, a
//!   `<title>` and a `<desc>` stating every value in Vietnamese, a
//!   `viewBox` and `width="100%"` so it scales to the screen;
//! - is laid out for a 360 px phone (viewBox 400 wide, fonts ≥ 13 units, so
//!   ≥ 11.7 px), measuring labels by characters, not bytes;
//! - uses fixed Okabe–Ito colours and a fixed font stack: the same input gives
//!   byte-identical output;
//! - shows missing values as "không có số liệu", never as 0, and gaps in
//!   lines.
//!
//! Labels are normalised to NFC and escaped (plotters escapes SVG text
//! itself; titles, desc and HTML are escaped here).

mod change;
mod fields;
pub mod font;
mod ranking;
pub mod raster;
mod svg;
mod trend;

pub use change::change;
pub use fields::fields;
pub use ranking::ranking;
pub use trend::{trend, trend_across};

use crate::util::numfmt::{NO_DATA, format_number, format_with_unit};
use crate::util::text::{escape_html, nfc};
use svg::{
    Anchor, Canvas, FONT, MUTED, PAD, TEXT, TITLE_FONT, VERMILLION, VERMILLION_INK, W, Weight,
};

/// Text shown on illustrative (not official) data, in the SVG and the HTML.
pub const ILLUSTRATIVE: &str = "Số liệu minh họa";

/// What every chart needs besides its rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartMeta {
    /// Unique per page, e.g. `c3-par-index-ranking-2022`; prefixes every id
    /// inside the SVG and is the figure's id.
    pub id: String,
    /// Chart title (Vietnamese), drawn on the chart and used as `<title>`.
    pub title: String,
    /// Display unit: `điểm`, `%`, or empty.
    pub unit: String,
    /// Digits after the decimal comma.
    pub decimals: u8,
    pub scale_min: f64,
    pub scale_max: f64,
    pub higher_is_better: bool,
    /// Illustrative data: a visible "Số liệu minh họa" on chart and table.
    pub illustrative: bool,
    /// Source line under the figure, e.g. `Nguồn: UBND tỉnh Lai Châu`.
    pub source: String,
    /// What the chart shows, in a sentence; kept for callers, not repeated
    /// under the chart (the title says it).
    pub caption: String,
    /// The N in "hạng x/N" for a ranking, when the publisher gives it
    /// (`out_of`: 24/63 though only one province is listed). `None`: the
    /// number of bars or the largest rank.
    pub rank_of: Option<u32>,
    /// Address of the chart's standalone SVG file, linked under the figure.
    pub download: Option<String>,
    /// The page around the figure already says "Số liệu minh họa" (a
    /// dataset page's heading, or an earlier chart of the article): the SVG
    /// leaves its badge out, so the reader sees the flag once per page. Its
    /// `<desc>` still says it. Standalone files and cards never set this.
    pub page_flagged: bool,
    /// Absolute address printed under the figure with its source (print
    /// only: on paper the reader cannot follow a link).
    pub print_url: Option<String>,
}

/// One unit in a ranking; the caller gives them best-first.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub rank: Option<u32>,
    pub highlight: bool,
}

/// One year of a unit's trend; ascending years.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub year: i32,
    pub total: Option<f64>,
    pub rank: Option<u32>,
    /// N in "rank/N".
    pub of: Option<u32>,
}

/// A predecessor's own series in a trend chart across a reform: its name
/// and its points up to its end (never joined to the unit's line).
#[derive(Clone, Debug, PartialEq)]
pub struct TrendSeries {
    pub name: String,
    pub points: Vec<TrendPoint>,
}

/// One field (component area) against its maximum.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldRow {
    pub name: String,
    pub value: Option<f64>,
    pub max: f64,
}

/// One unit's rank in two years.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    pub label: String,
    pub from_rank: Option<u32>,
    pub to_rank: Option<u32>,
    pub highlight: bool,
    /// Set when the unit did not exist in one of the two years (a unit of
    /// a reform has no counterpart): shown instead of a change, e.g.
    /// `thành lập từ 1/7/2025`.
    pub absent: Option<String>,
}

/// A rendered chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// Standalone SVG document (with `xmlns`, without XML declaration).
    pub svg: String,
    /// `<figure class="chart chart-{kind}" id="{meta.id}">` with the inline
    /// SVG, the data table, caption and source.
    pub html: String,
    /// The title drawn at its top (NFC, cleaned): share cards say it again.
    pub title: String,
    /// Height of the viewBox (its width is always 400).
    pub height: i32,
    /// Height of the title lines at its top (from y = 0), which a share
    /// card leaves out because it sets the title larger beside the chart.
    pub title_height: i32,
}

// ---------------------------------------------------------------------------
// Shared helpers

/// NFC, control characters (invalid in XML) replaced by spaces, trimmed.
pub(crate) fn clean(s: &str) -> String {
    let s = nfc(s);
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A finite value or nothing.
pub(crate) fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// `72,10` with the meta's decimals.
pub(crate) fn num(meta: &ChartMeta, v: f64) -> String {
    format_number(v, meta.decimals)
}

/// `72,10 điểm`, or "không có số liệu".
pub(crate) fn num_unit(meta: &ChartMeta, v: Option<f64>) -> String {
    match finite(v) {
        Some(v) => format_with_unit(v, meta.decimals, meta.unit.trim()),
        None => NO_DATA.to_string(),
    }
}

/// A scale bound: no decimals when whole.
fn bound(v: f64, decimals: u8) -> String {
    if v.fract() == 0.0 {
        format_number(v, 0)
    } else {
        format_number(v, decimals)
    }
}

/// `thang 0–100 điểm`.
pub(crate) fn scale_text(meta: &ChartMeta) -> String {
    let (lo, hi) = scale(meta);
    let unit = meta.unit.trim();
    let range = format!("{}–{}", bound(lo, meta.decimals), bound(hi, meta.decimals));
    match unit {
        "" => format!("thang {range}"),
        "%" => format!("thang {range}%"),
        u => format!("thang {range} {u}"),
    }
}

/// Scale bounds, safe against an empty or reversed range.
pub(crate) fn scale(meta: &ChartMeta) -> (f64, f64) {
    let lo = if meta.scale_min.is_finite() {
        meta.scale_min
    } else {
        0.0
    };
    let hi = if meta.scale_max.is_finite() && meta.scale_max > lo {
        meta.scale_max
    } else {
        lo + 1.0
    };
    (lo, hi)
}

/// "điểm cao hơn là tốt hơn" / "điểm thấp hơn là tốt hơn".
pub(crate) fn direction_text(meta: &ChartMeta) -> &'static str {
    if meta.higher_is_better {
        "giá trị cao hơn là tốt hơn"
    } else {
        "giá trị thấp hơn là tốt hơn"
    }
}

/// Column header for values: `Điểm`, or `Điểm (%)` for another unit.
pub(crate) fn value_header(meta: &ChartMeta) -> String {
    match meta.unit.trim() {
        "" | "điểm" => "Điểm".to_string(),
        u => format!("Điểm ({u})"),
    }
}

/// The chart's heading block: wrapped title, subtitle lines, illustrative
/// badge. Computed first so the chart height is known before drawing.
pub(crate) struct Header {
    title: Vec<String>,
    sub: Vec<String>,
    illustrative: bool,
}

const TITLE_LINE: i32 = 20;
const SUB_LINE: i32 = 17;
const BADGE_H: i32 = 20;

impl Header {
    pub(crate) fn new(meta: &ChartMeta, subtitle: &str) -> Header {
        let max = f64::from(W - 2 * PAD);
        Header {
            title: svg::wrap(&clean(&meta.title), max, TITLE_FONT, Weight::Bold, 3),
            sub: svg::wrap(&clean(subtitle), max, FONT, Weight::Normal, 3),
            illustrative: meta.illustrative && !meta.page_flagged,
        }
    }

    /// Height of the padding and title lines only (not the subtitle or badge).
    pub(crate) fn title_height(&self) -> i32 {
        PAD + 2 + TITLE_LINE * self.title.len() as i32
    }

    /// Height including the space below it.
    pub(crate) fn height(&self) -> i32 {
        let mut h = PAD + 2;
        h += TITLE_LINE * self.title.len() as i32;
        h += SUB_LINE * self.sub.len() as i32;
        if self.illustrative {
            h += BADGE_H + 6;
        }
        h + 8
    }

    pub(crate) fn draw(&self, c: &mut Canvas<'_>) {
        let mut y = PAD + 2;
        for line in &self.title {
            c.text(
                line,
                PAD,
                y + TITLE_LINE / 2,
                TITLE_FONT,
                Anchor::Start,
                Weight::Bold,
                TEXT,
            );
            y += TITLE_LINE;
        }
        for line in &self.sub {
            c.text(
                line,
                PAD,
                y + SUB_LINE / 2,
                FONT,
                Anchor::Start,
                Weight::Normal,
                MUTED,
            );
            y += SUB_LINE;
        }
        if self.illustrative {
            y += 4;
            let w = svg::text_width(ILLUSTRATIVE, FONT, Weight::Bold).ceil() as i32 + 12;
            c.frame(PAD, y, PAD + w, y + BADGE_H, VERMILLION);
            c.text(
                ILLUSTRATIVE,
                PAD + 6,
                y + BADGE_H / 2,
                FONT,
                Anchor::Start,
                Weight::Bold,
                VERMILLION_INK,
            );
        }
    }
}

/// Start of every `<desc>`: title, kind, scale, illustrative note.
pub(crate) fn desc_intro(meta: &ChartMeta, what: &str) -> String {
    let mut d = clean(&meta.title);
    if !d.is_empty() && !d.ends_with('.') {
        d.push('.');
    }
    if !d.is_empty() {
        d.push(' ');
    }
    d.push_str(what);
    if meta.illustrative {
        d.push_str(&format!(" {ILLUSTRATIVE}."));
    }
    d
}

/// One table: caption, column headers, rows of cells. The first cell of a
/// row whose text is in `row_header` column becomes `<th scope="row">`.
pub(crate) struct Table {
    pub headers: Vec<String>,
    /// Index of the column holding row headers.
    pub row_header: usize,
    /// (cells, highlighted)
    pub rows: Vec<(Vec<String>, bool)>,
}

/// Marks where a figure's source line starts, so a page that names its
/// sources once (a dataset page) can leave it out: see [`without_source`].
pub const SOURCE_START: &str = "<p class=\"chart-source\">";

/// The `<figure>`: inline SVG (its title and, for illustrative data, the
/// one "Số liệu minh họa" label are drawn in it, so they travel with the
/// standalone file), the data table, and a figcaption holding what the SVG
/// does not say: the source and the download link. The caption is not
/// repeated: it would restate the title.
/// A drawn chart: its SVG, the `<figure>` around it, and what the PNG
/// cards need (title, height, the title lines' height).
pub(crate) fn chart(
    meta: &ChartMeta,
    kind: &str,
    svg: String,
    table: &Table,
    height: i32,
    header: &Header,
) -> Chart {
    Chart {
        html: figure(meta, kind, &svg, table),
        svg,
        title: clean(&meta.title),
        height,
        title_height: header.title_height(),
    }
}

pub(crate) fn figure(meta: &ChartMeta, kind: &str, svg: &str, table: &Table) -> String {
    let id = escape_html(&meta.id);
    let mut h = String::with_capacity(svg.len() + 2048);
    h.push_str(&format!(
        "<figure class=\"chart chart-{kind}\" id=\"{id}\">\n"
    ));
    h.push_str(svg.trim_end());
    h.push('\n');
    h.push_str("<details class=\"chart-data\"><summary>Bảng số liệu</summary>\n<table>\n");
    let title = clean(&meta.title);
    let cap = escape_html(&title);
    h.push_str(&format!("<caption>{cap}</caption>\n<thead><tr>"));
    for head in &table.headers {
        h.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(head)));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for (cells, highlight) in &table.rows {
        if *highlight {
            h.push_str("<tr class=\"chart-highlight\">");
        } else {
            h.push_str("<tr>");
        }
        for (i, cell) in cells.iter().enumerate() {
            let cell = escape_html(cell);
            if i == table.row_header {
                h.push_str(&format!("<th scope=\"row\">{cell}</th>"));
            } else {
                h.push_str(&format!("<td>{cell}</td>"));
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</details>\n");
    let source = clean(&meta.source);
    if !source.is_empty() || meta.download.is_some() || meta.print_url.is_some() {
        h.push_str("<figcaption>");
        if !source.is_empty() {
            h.push_str(&format!("{SOURCE_START}{}</p>", escape_html(&source)));
        }
        print_ref(&mut h, &source, meta.print_url.as_deref());
        if let Some(url) = &meta.download {
            h.push_str(&format!(
                "<p class=\"chart-download\"><a href=\"{}\" download>Tải biểu đồ (SVG)</a> · \
                 <a href=\"{}\" download>Tải ảnh (PNG)</a> · \
                 <a class=\"chart-card\" href=\"{}\" download>Ảnh chia sẻ (1200×630)</a></p>",
                escape_html(url),
                escape_html(&png_url(url)),
                escape_html(&card_url(url)),
            ));
        }
        h.push_str("</figcaption>\n");
    }
    h.push_str("</figure>\n");
    h
}

/// The source and address a printed figure carries beneath it, hidden on
/// screen (`print-only`); kept on dataset pages, which name their sources
/// once on screen.
fn print_ref(h: &mut String, source: &str, url: Option<&str>) {
    let mut parts: Vec<String> = Vec::new();
    if !source.is_empty() {
        parts.push(escape_html(source).into_owned());
    }
    if let Some(u) = url {
        parts.push(format!("Địa chỉ: {}", escape_html(u)));
    }
    if !parts.is_empty() {
        h.push_str(&format!(
            "<p class=\"chart-print-ref print-only\">{}</p>",
            parts.join(" · ")
        ));
    }
}

/// Address of a chart's PNG at twice its display size, beside its SVG:
/// `…/xep-hang-2022.svg` → `…/xep-hang-2022.png`.
pub fn png_url(svg_url: &str) -> String {
    format!("{}.png", svg_url.strip_suffix(".svg").unwrap_or(svg_url))
}

/// Address of a chart's share card made small for a teaser's thumbnail:
/// `…/xep-hang-2022-360x189.png`.
pub fn thumb_url(svg_url: &str) -> String {
    format!(
        "{}-360x189.png",
        svg_url.strip_suffix(".svg").unwrap_or(svg_url)
    )
}

/// Address of a chart's 1200×630 share card: `…/xep-hang-2022-1200x630.png`.
pub fn card_url(svg_url: &str) -> String {
    format!(
        "{}-1200x630.png",
        svg_url.strip_suffix(".svg").unwrap_or(svg_url)
    )
}

/// HTML without any chart source line: for pages that name their sources
/// once, in their own section (the dataset pages).
pub fn without_source(html: &str) -> String {
    if !html.contains(SOURCE_START) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(SOURCE_START) {
        let Some(j) = rest[i..].find("</p>") else {
            break;
        };
        out.push_str(&rest[..i]);
        rest = &rest[i + j + 4..];
    }
    out.push_str(rest);
    out.replace("<figcaption></figcaption>\n", "")
}

/// Page HTML with each distinct chart source line kept only where it first
/// appears: the same "Nguồn: …" under every chart is said once.
pub fn sources_once(html: &str) -> std::borrow::Cow<'_, str> {
    let many = memchr::memmem::find_iter(html.as_bytes(), SOURCE_START.as_bytes())
        .nth(1)
        .is_some();
    if !many {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut seen: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(SOURCE_START) {
        let Some(j) = rest[i..].find("</p>") else {
            break;
        };
        let para = &rest[i..i + j + 4];
        out.push_str(&rest[..i]);
        if !seen.contains(&para) {
            seen.push(para);
            out.push_str(para);
        }
        rest = &rest[i + j + 4..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out.replace("<figcaption></figcaption>\n", ""))
}

/// Cell text for an optional number.
pub(crate) fn cell_num(meta: &ChartMeta, v: Option<f64>) -> String {
    match finite(v) {
        Some(v) => num(meta, v),
        None => NO_DATA.to_string(),
    }
}

/// Cell text for an optional rank.
pub(crate) fn cell_rank(r: Option<u32>) -> String {
    match r {
        Some(r) => r.to_string(),
        None => NO_DATA.to_string(),
    }
}

#[cfg(test)]
pub(crate) mod testutil;

#[cfg(test)]
mod samples {
    /// Writes sample charts to /tmp/chiso-charts for looking at.
    #[test]
    #[ignore]
    fn write_samples() {
        let dir = std::path::Path::new("/tmp/chiso-charts");
        std::fs::create_dir_all(dir).unwrap();
        let all = [
            ("ranking8", super::ranking::tests::sample8()),
            ("ranking63", super::ranking::tests::sample63()),
            ("trend", super::trend::tests::sample()),
            ("fields", super::fields::tests::sample()),
            ("change", super::change::tests::sample()),
        ];
        let mut page = String::from(
            "<!doctype html><html lang=vi><meta charset=utf-8><meta name=viewport content='width=device-width'><style>body{margin:0;padding:0;font-family:sans-serif}figure{margin:0 0 2em}</style><body>",
        );
        for (name, chart) in &all {
            std::fs::write(dir.join(format!("{name}.svg")), &chart.svg).unwrap();
            std::fs::write(
                dir.join(format!("{name}.html")),
                format!("{}{}</body></html>", &page, chart.html),
            )
            .unwrap();
            let card = super::raster::card(
                chart,
                &super::raster::CardText {
                    source: "Nguồn: UBND tỉnh Lai Châu".into(),
                    site: "Báo Phong Thổ".into(),
                },
            )
            .unwrap();
            std::fs::write(dir.join(format!("{name}-card.png")), &card.bytes).unwrap();
            let png = super::raster::double(chart).unwrap();
            std::fs::write(dir.join(format!("{name}.png")), &png.bytes).unwrap();
            println!(
                "{name}: {} bytes svg, {} bytes png, {} bytes card",
                chart.svg.len(),
                png.bytes.len(),
                card.bytes.len()
            );
        }
        for (_, chart) in &all {
            page.push_str(&chart.html);
        }
        std::fs::write(dir.join("all.html"), page).unwrap();
        let t = std::time::Instant::now();
        for _ in 0..200 {
            std::hint::black_box(super::ranking::tests::sample8());
        }
        println!("ranking8: {:?} per chart", t.elapsed() / 200);
    }
}
