//! Drawing surface over plotters' `SVGBackend`, text measurement, and the
//! post-processing that makes plotters' output accessible and responsive.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use unicode_normalization::char::decompose_canonical;

use crate::util::text::escape_html;

/// viewBox width of every chart. Shown 360 px wide, 1 unit = 0.9 px, so the
/// smallest font (13) is 11.7 px on a phone.
pub(crate) const W: i32 = 400;
/// Outer padding.
pub(crate) const PAD: i32 = 10;
/// Regular label size.
pub(crate) const FONT: f64 = 13.0;
/// Title size.
pub(crate) const TITLE_FONT: f64 = 16.0;
/// Font stack set once on the root element.
pub(crate) const FONT_FAMILY: &str =
    "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif";

// Okabe–Ito colours (colour-blind safe) and greys with enough contrast on white.
pub(crate) const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub(crate) const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub(crate) const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
pub(crate) const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub(crate) const MUTED: RGBColor = RGBColor(0x59, 0x59, 0x59);
pub(crate) const AXIS: RGBColor = RGBColor(0x76, 0x76, 0x76);
pub(crate) const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
pub(crate) const TRACK: RGBColor = RGBColor(0xE6, 0xE6, 0xE6);
/// Text of the "Số liệu minh họa" badge: vermillion darkened to 6.5:1 on
/// white (#D55E00 itself is 3.87:1, too light for 13-unit text, WCAG 1.4.3).
pub(crate) const VERMILLION_INK: RGBColor = RGBColor(0xA0, 0x40, 0x00);
const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// Horizontal text anchor.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// Font weight / style of one text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Weight {
    Normal,
    Bold,
    Italic,
}

/// Advance widths (em) of a–z and A–Z, after DejaVu Sans: the widest common
/// sans-serif (Linux default), so labels fit with Roboto, Arial or SF too.
const LOWER: [f64; 26] = [
    0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974,
    0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
];
const UPPER: [f64; 26] = [
    0.684, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863,
    0.748, 0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685,
];

/// Estimated advance of one character in em. Counts characters, not bytes:
/// a Vietnamese letter with two marks measures like its base letter.
fn char_em(c: char) -> f64 {
    let mut base = c;
    decompose_canonical(c, |d| {
        if base == c && d != c {
            base = d;
        }
    });
    match base {
        'a'..='z' => LOWER[(base as u8 - b'a') as usize],
        'A'..='Z' => UPPER[(base as u8 - b'A') as usize],
        'đ' => 0.635,
        'Đ' => 0.780,
        '0'..='9' => 0.636,
        ' ' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.32,
        '-' | '(' | ')' | '[' | ']' | '/' | '"' => 0.40,
        '<' | '>' | '=' | '+' | '~' => 0.838,
        '…' | '–' | '—' | '→' | '←' | '%' | '@' | '&' => 1.0,
        c if c.is_uppercase() => 0.78,
        c if c.is_alphabetic() => 0.64,
        c if c.is_ascii() => 0.64,
        _ => 1.0,
    }
}

/// Estimated width of `s` at `size`, generous so labels are never cut.
pub(crate) fn text_width(s: &str, size: f64, weight: Weight) -> f64 {
    let em: f64 = s.chars().map(char_em).sum();
    let k = if weight == Weight::Bold { 1.1 } else { 1.0 };
    em * size * k
}

/// `s` itself when it fits in `max` units, else shortened with "…".
pub(crate) fn fit(s: &str, max: f64, size: f64, weight: Weight) -> String {
    if text_width(s, size, weight) <= max {
        return s.to_string();
    }
    let mut chars: Vec<char> = s.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let cut: String = chars.iter().collect();
        let cut = cut.trim_end_matches([' ', ',', '-', '.', ';', ':']);
        let candidate = format!("{cut}…");
        if text_width(&candidate, size, weight) <= max {
            return candidate;
        }
    }
    "…".to_string()
}

/// Greedy word wrap into at most `max_lines` lines of `max` units.
pub(crate) fn wrap(s: &str, max: f64, size: f64, weight: Weight, max_lines: usize) -> Vec<String> {
    let mut lines = greedy_lines(s, max, size, weight);
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
    }
    let n = lines.len();
    for (i, line) in lines.iter_mut().enumerate() {
        if i + 1 == n || text_width(line, size, weight) > max {
            *line = fit(line, max, size, weight);
        }
    }
    lines
}

/// Greedy word wrap that never cuts a word: `None` when a word alone is
/// wider than `max` or the text needs more than `max_lines` lines.
pub(crate) fn wrap_whole(
    s: &str,
    max: f64,
    size: f64,
    weight: Weight,
    max_lines: usize,
) -> Option<Vec<String>> {
    if s.split_whitespace()
        .any(|word| text_width(word, size, weight) > max)
    {
        return None;
    }
    let lines = greedy_lines(s, max, size, weight);
    (lines.len() <= max_lines).then_some(lines)
}

/// Words filled greedily into lines of at most `max` units (a word wider
/// than `max` stands alone on its line).
fn greedy_lines(s: &str, max: f64, size: f64, weight: Weight) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in s.split_whitespace() {
        let trial = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if cur.is_empty() || text_width(&trial, size, weight) <= max {
            cur = trial;
        } else {
            lines.push(std::mem::replace(&mut cur, word.to_string()));
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A drawing surface in viewBox units (plotters backend coordinates).
pub(crate) struct Canvas<'a> {
    be: SVGBackend<'a>,
}

impl Canvas<'_> {
    /// Filled rectangle from (x0, y0) to (x1, y1).
    pub(crate) fn rect(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, color: RGBColor) {
        // Drawing into a String cannot fail.
        let _ = self.be.draw_rect((x0, y0), (x1, y1), &color, true);
    }

    /// Outline of a rectangle.
    pub(crate) fn frame(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, color: RGBColor) {
        let _ = self.be.draw_rect((x0, y0), (x1, y1), &color, false);
    }

    /// A polyline.
    pub(crate) fn line(&mut self, points: &[(i32, i32)], color: RGBColor, width: u32) {
        let style = ShapeStyle::from(&color).stroke_width(width);
        let _ = self.be.draw_path(points.iter().copied(), &style);
    }

    /// A filled circle.
    pub(crate) fn dot(&mut self, x: i32, y: i32, r: u32, color: RGBColor) {
        let _ = self.be.draw_circle((x, y), r, &color, true);
    }

    /// A muted italic note left-aligned at (`x`, `y`), e.g. "không có số liệu"
    /// where a bar would be.
    pub(crate) fn note(&mut self, s: &str, x: i32, y: i32, size: f64) {
        self.text(s, x, y, size, Anchor::Start, Weight::Italic, MUTED);
    }

    /// One line of text, vertically centred on `y`. plotters escapes it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn text(
        &mut self,
        s: &str,
        x: i32,
        y: i32,
        size: f64,
        anchor: Anchor,
        weight: Weight,
        color: RGBColor,
    ) {
        let style = match weight {
            Weight::Normal => FontStyle::Normal,
            Weight::Bold => FontStyle::Bold,
            Weight::Italic => FontStyle::Italic,
        };
        let h = match anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        // plotters writes font-size = size / 1.24; the exact value is
        // rewritten in `finish` from the marker size below.
        let font = FontDesc::new(FontFamily::SansSerif, size * 1.24, style);
        let ts = TextStyle::from(font)
            .color(&color)
            .pos(Pos::new(h, VPos::Center));
        let _ = self.be.draw_text(s, &ts, (x, y));
    }
}

/// Render a `w`×`h` chart: `draw` paints on a white canvas; the result is a
/// standalone SVG document with role, title, desc and a responsive viewBox.
pub(crate) fn render(
    id: &str,
    title: &str,
    desc: &str,
    h: i32,
    draw: impl FnOnce(&mut Canvas<'_>),
) -> String {
    let h = h.max(1);
    let mut buf = String::with_capacity(8192);
    {
        let mut canvas = Canvas {
            be: SVGBackend::with_string(&mut buf, (W as u32, h as u32)),
        };
        canvas.rect(0, 0, W, h, BACKGROUND);
        draw(&mut canvas);
        let _ = canvas.be.present();
    }
    finish(&buf, id, title, desc, h)
}

/// Replace plotters' root element, add `<title>`/`<desc>`, drop redundant
/// attributes (opacity 1, font-family on every text) and fix font sizes.
fn finish(raw: &str, id: &str, title: &str, desc: &str, h: i32) -> String {
    let body = match raw.find(">\n") {
        Some(i) if raw.starts_with("<svg") => &raw[i + 2..],
        _ => raw,
    };
    let id = escape_html(id);
    let mut out = String::with_capacity(raw.len() + desc.len() + 512);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {h}\" width=\"100%\" \
         preserveAspectRatio=\"xMidYMin meet\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT_FAMILY}\">\n"
    ));
    out.push_str(&format!(
        "<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape_html(title),
        escape_html(desc)
    ));
    push_cleaned(&mut out, body);
    out
}

/// Strip per-element defaults, rewrite font sizes, trim text content.
fn push_cleaned(out: &mut String, body: &str) {
    let s = body
        .replace(" opacity=\"1\"", "")
        .replace(" font-family=\"sans-serif\"", "")
        .replace(" stroke=\"none\"", "")
        .replace("\n</text>", "</text>");
    // plotters puts a newline after every opening tag, text included.
    let s = strip_text_newlines(&s);
    // font-size="X" where X = size·1.24/1.24 with float noise: round it.
    let mut rest = s.as_str();
    const KEY: &str = "font-size=\"";
    while let Some(i) = rest.find(KEY) {
        let (head, tail) = rest.split_at(i + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(0);
        let v: f64 = tail[..end].parse().unwrap_or(FONT);
        let r = (v * 10.0).round() / 10.0;
        out.push_str(&format!("{r}"));
        rest = &tail[end..];
    }
    out.push_str(rest);
}

/// `<text …>\nabc` → `<text …>abc`.
fn strip_text_newlines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("<text ") {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        match tail.find(">\n") {
            Some(j) => {
                out.push_str(&tail[..=j]);
                rest = &tail[j + 2..];
            }
            None => {
                rest = tail;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every colour the chart code writes text in, and every surface text may
    /// stand on: each pair must reach 4.5:1 (tested below).
    const TEXT_COLOURS: &[RGBColor] = &[TEXT, MUTED, VERMILLION_INK];
    const SURFACES: &[RGBColor] = &[BACKGROUND, GRID, TRACK];

    /// WCAG 2.1 contrast ratio of two colours.
    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        fn lum(c: RGBColor) -> f64 {
            let ch = |v: u8| {
                let v = f64::from(v) / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
        }
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn width_counts_chars_not_bytes() {
        let vi = text_width("Phong Thổ", FONT, Weight::Normal);
        let ascii = text_width("Phong Tho", FONT, Weight::Normal);
        assert!((vi - ascii).abs() < 0.01);
    }

    #[test]
    fn fit_truncates_with_ellipsis() {
        let long = "Cải cách tổ chức bộ máy hành chính nhà nước các cấp";
        let f = fit(long, 100.0, FONT, Weight::Normal);
        assert!(f.ends_with('…'));
        assert!(text_width(&f, FONT, Weight::Normal) <= 100.0);
        assert_eq!(fit("Sìn Hồ", 100.0, FONT, Weight::Normal), "Sìn Hồ");
    }

    #[test]
    fn wrap_respects_width() {
        let lines = wrap(
            "Xếp hạng Chỉ số cải cách hành chính cấp huyện của tỉnh Lai Châu năm 2022",
            200.0,
            FONT,
            Weight::Bold,
            3,
        );
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(text_width(l, FONT, Weight::Bold) <= 200.0, "{l}");
        }
    }

    #[test]
    fn every_text_colour_reaches_4_5_to_1_on_every_surface() {
        for &t in TEXT_COLOURS {
            for &s in SURFACES {
                let r = contrast(t, s);
                assert!(r >= 4.5, "text {t:?} on {s:?}: {r:.2}:1");
            }
        }
    }

    /// Every `fill` of every `<text>` in charts of each kind (illustrative,
    /// so the badge is drawn) is one of the tested text colours.
    #[test]
    fn charts_write_text_only_in_the_tested_colours() {
        let hex = |c: &RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        let allowed: Vec<String> = TEXT_COLOURS.iter().map(hex).collect();
        let all = [
            crate::charts::ranking::tests::sample8(),
            crate::charts::ranking::tests::sample63(),
            crate::charts::trend::tests::sample(),
            crate::charts::fields::tests::sample(),
            crate::charts::change::tests::sample(),
        ];
        let mut seen = 0;
        for chart in &all {
            for part in chart.svg.split("<text ").skip(1) {
                let tag = &part[..part.find('>').unwrap_or(part.len())];
                let fill = tag
                    .split("fill=\"")
                    .nth(1)
                    .and_then(|f| f.split('"').next())
                    .unwrap_or("#000000")
                    .to_ascii_uppercase();
                assert!(allowed.contains(&fill), "text in {fill}: <text {tag}>");
                seen += 1;
            }
        }
        assert!(seen > 50, "{seen} texts");
    }

    #[test]
    fn font_sizes_are_clean() {
        let svg = render("x", "t", "d", 40, |c| {
            c.text("a", 1, 1, 13.0, Anchor::Start, Weight::Normal, TEXT);
            c.text("b", 1, 1, 16.0, Anchor::Start, Weight::Bold, TEXT);
        });
        assert!(svg.contains("font-size=\"13\""), "{svg}");
        assert!(svg.contains("font-size=\"16\""), "{svg}");
        assert!(!svg.contains("opacity=\"1\""));
    }
}
