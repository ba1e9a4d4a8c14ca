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
pub const RENDERER: &str = "chiso-chart-png 1; resvg 0.49; png 0.18 balanced rgb";

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
const TITLE_LINE: f32 = 46.0;
const SMALL: f64 = 21.0;
const SMALL_LINE: f32 = 28.0;
const BLUE: &str = "#0072B2";
const INK: &str = "#222222";
const MUTED: &str = "#595959";

/// The 1200×630 share card: white, the title large on the left, the chart
/// body letterboxed on the right.
pub fn card(chart: &Chart, text: &CardText) -> Result<Png, String> {
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
    encode(&pm)
}

/// The card's words as an SVG: a blue rule, the title (wrapped, up to 7
/// lines), and at the foot of the column the source and the site's name.
fn card_text_svg(title: &str, text: &CardText) -> String {
    let col = f64::from(COL_W);
    let title_lines = svg::wrap(title, col, TITLE_SIZE, Weight::Bold, 7);
    let source = svg::wrap(&text.source, col, SMALL, Weight::Normal, 3);
    let site = svg::fit(&text.site, col, SMALL, Weight::Bold);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CARD_W}\" height=\"{CARD_H}\" \
         viewBox=\"0 0 {CARD_W} {CARD_H}\" font-family=\"{}\">\n\
         <rect x=\"{M}\" y=\"{M}\" width=\"96\" height=\"8\" fill=\"{BLUE}\"/>\n",
        font::FAMILY
    );
    let mut y = M + 28.0 + TITLE_LINE * 0.75;
    for line in &title_lines {
        s.push_str(&text_el(line, y, TITLE_SIZE, true, INK));
        y += TITLE_LINE;
    }
    let mut y = CARD_H as f32 - M;
    if !site.is_empty() {
        s.push_str(&text_el(&site, y, SMALL, true, BLUE));
        y -= SMALL_LINE + 6.0;
    }
    for line in source.iter().rev() {
        s.push_str(&text_el(line, y, SMALL, false, MUTED));
        y -= SMALL_LINE;
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
