//! A chart's SVG as PNG images (resvg, pure Rust, with the bundled font):
//! at twice its display size, for printed reports, and as a 1200×630 share
//! card for Facebook and Zalo. Pure functions: SVG in, PNG bytes out; the
//! same input gives the same bytes (resvg draws on one thread, the PNG
//! encoder has no clock or randomness).

use super::Chart;
use super::font;
use super::svg::{self, W, Weight};
use crate::util::text::escape_html;
use resvg::tiny_skia::{Color, Pixmap, PixmapPaint, Transform};
use resvg::usvg;

/// Changes whenever the drawing or encoding here changes, so that cached
/// PNGs of an older chiso are not reused (part of every cache key).
pub const RENDERER: &str = "chiso-chart-png 2; resvg 0.49; png 0.18 balanced rgb";

/// Share card size (Facebook's and Zalo's 1.91:1).
pub const CARD_W: u32 = 1200;
pub const CARD_H: u32 = 630;
/// The download PNG is this many times the chart's display size.
pub const SCALE: u32 = 2;
/// Tallest PNG drawn (a ranking of several hundred units).
const MAX_SIDE: u32 = 16_384;

/// A PNG image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// What a share card says besides the chart: the source line and the site.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CardText {
    pub source: String,
    pub site: String,
}

/// How much the download PNG enlarges `chart`: [`SCALE`], or less for a
/// chart so tall (a ranking of several hundred units) that twice its height
/// would pass [`MAX_SIDE`]: it is then drawn smaller, never refused.
fn double_scale(chart: &Chart) -> f32 {
    let h = chart.height.max(1) as f32;
    (SCALE as f32).min(MAX_SIDE as f32 / h)
}

/// Size of the download PNG of `chart`.
pub fn double_size(chart: &Chart) -> (u32, u32) {
    let s = double_scale(chart);
    let h = chart.height.max(1) as f32;
    (
        ((W as f32 * s).round() as u32).max(1),
        ((h * s).floor() as u32).clamp(1, MAX_SIDE),
    )
}

/// The chart at twice its display size (800 px wide), or as large as
/// fits in [`MAX_SIDE`].
pub fn double(chart: &Chart) -> Result<Png, String> {
    let tree = parse(&sized(chart))?;
    let (w, h) = double_size(chart);
    let mut pm = pixmap(w, h)?;
    let s = double_scale(chart);
    resvg::render(&tree, Transform::from_scale(s, s), &mut pm.as_mut());
    encode(&pm)
}

// Card layout, in pixels: a left column with the title, source and site
// name; the chart (without its title lines) fitted to the right.
const M: f32 = 48.0;
const COL_W: f32 = 380.0;
const CHART_X: f32 = M + COL_W + 40.0;
const TITLE_SIZE: f64 = 36.0;
const SMALL: f64 = 21.0;
const BLUE: &str = "#0072B2";
const INK: &str = "#222222";
const MUTED: &str = "#595959";

/// The share card made small for a teaser's thumbnail (an article
/// without a photo), 360×189: a phone's third of the column at 3×, the
/// desktop list's 240 px at 1.5×.
pub const THUMB_W: u32 = 360;
pub const THUMB_H: u32 = 189;

/// The 1200×630 share card: white, the title large on the left, the chart
/// body letterboxed on the right.
pub fn card(chart: &Chart, text: &CardText) -> Result<Png, String> {
    encode(&card_pixmap(chart, text)?)
}

/// The share card scaled down to [`THUMB_W`]×[`THUMB_H`] (bicubic).
pub fn card_thumb(chart: &Chart, text: &CardText) -> Result<Png, String> {
    let big = card_pixmap(chart, text)?;
    let mut small = pixmap(THUMB_W, THUMB_H)?;
    let s = THUMB_W as f32 / CARD_W as f32;
    let paint = PixmapPaint {
        quality: resvg::tiny_skia::FilterQuality::Bicubic,
        ..PixmapPaint::default()
    };
    small.draw_pixmap(
        0,
        0,
        big.as_ref(),
        &paint,
        Transform::from_scale(s, s),
        None,
    );
    encode(&small)
}

fn card_pixmap(chart: &Chart, text: &CardText) -> Result<Pixmap, String> {
    let mut pm = pixmap(CARD_W, CARD_H)?;
    let words = parse(&card_text_svg(&chart.title, text))?;
    resvg::render(&words, Transform::identity(), &mut pm.as_mut());

    let tree = parse(&sized(chart))?;
    let top = chart.title_height.clamp(0, chart.height - 1) as f32;
    let body_h = chart.height as f32 - top;
    let (area_w, area_h) = (CARD_W as f32 - CHART_X - M, CARD_H as f32 - 2.0 * M);
    let s = (area_w / W as f32).min(area_h / body_h);
    let (cw, ch) = ((W as f32 * s).round(), (body_h * s).round());
    let mut sub = pixmap(cw.max(1.0) as u32, ch.max(1.0) as u32)?;
    resvg::render(
        &tree,
        Transform::from_row(s, 0.0, 0.0, s, 0.0, -top * s),
        &mut sub.as_mut(),
    );
    let x = CHART_X + (area_w - cw) / 2.0;
    let y = M + (area_h - ch) / 2.0;
    pm.draw_pixmap(
        x.round() as i32,
        y.round() as i32,
        sub.as_ref(),
        &PixmapPaint::default(),
        Transform::identity(),
        None,
    );
    Ok(pm)
}

/// A block of the card's text set to fit the column: its font size, the
/// distance between baselines, and its lines (whole words only).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    pub size: f64,
    pub line: f32,
    pub lines: Vec<String>,
}

/// Where the card's words go: the title from the top of the column, the
/// source and then the site's name at its foot.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CardLayout {
    pub title: Block,
    pub source: Block,
    pub site: Block,
}

/// First title baseline's distance below the blue rule's top.
const TITLE_TOP: f32 = M + 28.0;
/// Space kept between the title and the source.
const GAP: f32 = 24.0;

/// Set `s` at the largest size from `from` down to `min` (1 px steps) at
/// which it wraps into at most `max_lines` lines of `width` without cutting
/// a word. When even `min` needs more lines, it takes them: a word is never
/// cut unless it alone is wider than the column at `min`.
fn set(s: &str, width: f64, (from, min): (f64, f64), weight: Weight, max_lines: usize) -> Block {
    let block = |size: f64, lines| Block {
        size,
        line: (size * 1.3).round() as f32,
        lines,
    };
    let mut size = from;
    while size >= min {
        if let Some(lines) = svg::wrap_whole(s, width, size, weight, max_lines) {
            return block(size, lines);
        }
        size -= 1.0;
    }
    let lines = svg::wrap_whole(s, width, min, weight, usize::MAX)
        .unwrap_or_else(|| svg::wrap(s, width, min, weight, usize::MAX));
    block(min, lines)
}

/// The card's text fitted to the left column: the site's name (up to two
/// lines) and the source (up to four) at the foot, shrinking from 21 to
/// 15 px when they are long; the title (36 px down to 22, up to seven
/// lines) in the height left above them.
pub(crate) fn card_layout(title: &str, text: &CardText) -> CardLayout {
    let col = f64::from(COL_W);
    let site = set(&text.site, col, (SMALL, 15.0), Weight::Bold, 2);
    let source = set(&text.source, col, (SMALL, 15.0), Weight::Normal, 4);
    let foot = foot_height(&site, &source);
    let room = CARD_H as f32 - M - foot - GAP - TITLE_TOP;
    let mut size = TITLE_SIZE;
    let title = loop {
        let line = (size * 1.28).round() as f32;
        // The first line's baseline sits 0.75 of a line below TITLE_TOP.
        let fits = ((room - 0.75 * line) / line).floor().max(0.0) as usize + 1;
        let max_lines = fits.min(7);
        if let Some(lines) = svg::wrap_whole(title, col, size, Weight::Bold, max_lines) {
            break Block { size, line, lines };
        }
        if size <= 22.0 {
            break set(title, col, (22.0, 22.0), Weight::Bold, max_lines);
        }
        size -= 1.0;
    };
    CardLayout {
        title,
        source,
        site,
    }
}

/// Height of the site's name and the source at the column's foot, from the
/// last baseline up to the top of the first line.
fn foot_height(site: &Block, source: &Block) -> f32 {
    let lines = |b: &Block| b.lines.len() as f32 * b.line;
    let between = if site.lines.is_empty() { 0.0 } else { 6.0 };
    lines(site) + between + lines(source)
}

/// The card's words as an SVG: a blue rule, the title, and at the foot of
/// the column the source and the site's name, each set by `card_layout`.
fn card_text_svg(title: &str, text: &CardText) -> String {
    let l = card_layout(title, text);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CARD_W}\" height=\"{CARD_H}\" \
         viewBox=\"0 0 {CARD_W} {CARD_H}\" font-family=\"{}\">\n\
         <rect x=\"{M}\" y=\"{M}\" width=\"96\" height=\"8\" fill=\"{BLUE}\"/>\n",
        font::FAMILY
    );
    let mut y = TITLE_TOP + l.title.line * 0.75;
    for line in &l.title.lines {
        s.push_str(&text_el(line, y, l.title.size, true, INK));
        y += l.title.line;
    }
    let mut y = CARD_H as f32 - M;
    for line in l.site.lines.iter().rev() {
        s.push_str(&text_el(line, y, l.site.size, true, BLUE));
        y -= l.site.line;
    }
    if !l.site.lines.is_empty() {
        y -= 6.0;
    }
    for line in l.source.lines.iter().rev() {
        s.push_str(&text_el(line, y, l.source.size, false, MUTED));
        y -= l.source.line;
    }
    s.push_str("</svg>\n");
    s
}

fn text_el(line: &str, baseline: f32, size: f64, bold: bool, fill: &str) -> String {
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    format!(
        "<text x=\"{M}\" y=\"{baseline}\" font-size=\"{size}\"{weight} fill=\"{fill}\">{}</text>\n",
        escape_html(line)
    )
}

/// The chart's SVG with a fixed size instead of `width="100%"`.
fn sized(chart: &Chart) -> String {
    chart.svg.replacen(
        " width=\"100%\"",
        &format!(" width=\"{W}\" height=\"{}\"", chart.height.max(1)),
        1,
    )
}

fn parse(svg: &str) -> Result<usvg::Tree, String> {
    let opt = usvg::Options {
        font_family: font::FAMILY.to_string(),
        languages: vec!["vi".to_string()],
        fontdb: font::database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &opt).map_err(|e| e.to_string())
}

fn pixmap(w: u32, h: u32) -> Result<Pixmap, String> {
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(format!(
            "{w}×{h} pixels is larger than {MAX_SIDE} on a side"
        ));
    }
    let mut pm = Pixmap::new(w, h).ok_or_else(|| format!("no {w}×{h} image"))?;
    pm.fill(Color::WHITE);
    Ok(pm)
}

/// Opaque RGB PNG (the pixmap is filled white first, so its premultiplied
/// colours are the colours).
fn encode(pm: &Pixmap) -> Result<Png, String> {
    let (w, h) = (pm.width(), pm.height());
    let mut rgb = Vec::with_capacity(w as usize * h as usize * 3);
    for px in pm.data().chunks_exact(4) {
        rgb.extend_from_slice(&px[..3]);
    }
    let mut bytes = Vec::with_capacity(rgb.len() / 8);
    {
        let mut enc = png::Encoder::new(&mut bytes, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Balanced);
        let mut wr = enc.write_header().map_err(|e| e.to_string())?;
        wr.write_image_data(&rgb).map_err(|e| e.to_string())?;
        wr.finish().map_err(|e| e.to_string())?;
    }
    Ok(Png {
        bytes,
        width: w,
        height: h,
    })
}

#[cfg(test)]
#[path = "raster_tests.rs"]
mod tests;
