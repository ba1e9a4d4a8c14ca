use super::*;

/// A decoded PNG: width, height, RGB rows.
pub(crate) struct Image {
    pub w: u32,
    pub h: u32,
    rgb: Vec<u8>,
}

impl Image {
    pub(crate) fn decode(bytes: &[u8]) -> Image {
        let dec = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = dec.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        buf.truncate(info.buffer_size());
        Image {
            w: info.width,
            h: info.height,
            rgb: buf,
        }
    }

    pub(crate) fn luma(&self, x: u32, y: u32) -> u32 {
        let i = (y * self.w + x) as usize * 3;
        let p = &self.rgb[i..i + 3];
        (u32::from(p[0]) * 3 + u32::from(p[1]) * 6 + u32::from(p[2])) / 10
    }

    /// Pixels darker than mid-grey (text is #222/#595959) in a rectangle.
    pub(crate) fn dark_in(&self, x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
        let mut n = 0;
        for y in y0..y1.min(self.h) {
            for x in x0..x1.min(self.w) {
                if self.luma(x, y) < 110 {
                    n += 1;
                }
            }
        }
        n
    }
}

/// A one-line chart holding only `label` at (10, 40), 20 units high.
fn label_chart(label: &str) -> Chart {
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 60\" width=\"100%\" \
         font-family=\"system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif\">\
         <rect x=\"0\" y=\"0\" width=\"400\" height=\"60\" fill=\"#FFFFFF\"/>\
         <text x=\"10\" y=\"40\" font-size=\"20\" fill=\"#222222\">{label}</text></svg>"
    );
    Chart {
        svg,
        html: String::new(),
        title: label.to_string(),
        height: 60,
        title_height: 0,
    }
}

#[test]
fn png_draws_the_charts_font_stack_with_the_bundled_font() {
    // None of system-ui, Segoe UI, Roboto, Arial is loaded: without the
    // sans-serif mapping resvg would draw no text at all.
    let img = Image::decode(&double(&label_chart("Phong Thổ")).unwrap().bytes);
    assert_eq!((img.w, img.h), (800, 120));
    assert!(img.dark_in(0, 0, 800, 120) > 200);
}

#[test]
fn phong_tho_keeps_its_tone_mark_in_the_png() {
    let with = Image::decode(&double(&label_chart("Phong Thổ")).unwrap().bytes);
    let without = Image::decode(&double(&label_chart("Phong Tho")).unwrap().bytes);
    // At 2×: baseline y = 80, font 40 px; Noto's x-height is ~0.54 em, so
    // the o's top is near y = 58. The marks (circumflex, hook) sit above it.
    let mut differ = 0;
    let mut lowest = 0;
    for y in 0..with.h {
        for x in 0..with.w {
            if with.luma(x, y).abs_diff(without.luma(x, y)) > 60 {
                differ += 1;
                lowest = lowest.max(y);
            }
        }
    }
    assert!(differ > 30, "the marks changed {differ} pixels");
    assert!(lowest < 60, "a difference at y = {lowest}, not above the o");
}

#[test]
fn download_png_draws_title_and_labels_at_twice_the_size() {
    let chart = crate::charts::ranking::tests::sample8();
    let png = double(&chart).unwrap();
    assert_eq!((png.width, png.height), double_size(&chart));
    let img = Image::decode(&png.bytes);
    assert_eq!((img.w, img.h), (800, 2 * chart.height as u32));
    let title = 2 * chart.title_height as u32;
    assert!(img.dark_in(0, 0, 800, title) > 500, "title band empty");
    // Unit names are drawn left of the bars, in the bottom two thirds.
    let h = img.h;
    assert!(img.dark_in(0, h / 3, 200, h) > 500, "label area empty");
}

#[test]
fn the_thumbnail_card_is_the_share_card_at_360_by_189_and_the_same_every_time() {
    let chart = crate::charts::ranking::tests::sample8();
    let text = CardText {
        source: "Nguồn: UBND tỉnh Lai Châu".into(),
        site: "Báo Phong Thổ".into(),
    };
    let png = card_thumb(&chart, &text).unwrap();
    assert_eq!(png.bytes, card_thumb(&chart, &text).unwrap().bytes);
    let img = Image::decode(&png.bytes);
    assert_eq!((img.w, img.h), (THUMB_W, THUMB_H));
    // Scaled by 0.3: the title in the left column, the chart on the right.
    assert!(img.dark_in(14, 24, 128, 75) > 100, "no title");
    let inked = (0..THUMB_H)
        .flat_map(|y| (150..THUMB_W - 14).map(move |x| (x, y)))
        .filter(|&(x, y)| img.luma(x, y) < 240)
        .count();
    assert!(inked > 900, "chart area almost white: {inked}");
    assert!(png.bytes.len() < 25_000, "{} bytes", png.bytes.len());
}

#[test]
fn share_card_is_1200_by_630_with_title_left_and_chart_right() {
    let chart = crate::charts::ranking::tests::sample8();
    let text = CardText {
        source: "Nguồn: UBND tỉnh Lai Châu".into(),
        site: "Báo Phong Thổ".into(),
    };
    let png = card(&chart, &text).unwrap();
    let img = Image::decode(&png.bytes);
    assert_eq!((img.w, img.h), (CARD_W, CARD_H));
    // The title, large, in the left column's upper part.
    assert!(img.dark_in(48, 80, 428, 250) > 2000, "no title");
    // The source, at the column's foot.
    assert!(img.dark_in(48, 520, 428, 590) > 300, "no source line");
    // The chart on the right: labels and bars (not white).
    let inked = (0..CARD_H)
        .flat_map(|y| (500..CARD_W - 48).map(move |x| (x, y)))
        .filter(|&(x, y)| img.luma(x, y) < 240)
        .count();
    assert!(inked > 10_000, "chart area almost white: {inked}");
    // The chart's own title lines are left out (the card sets it larger):
    // the top margin above the chart stays white.
    assert_eq!(img.dark_in(0, 0, CARD_W, 40), 0);
}

#[test]
fn png_bytes_are_the_same_every_time() {
    let chart = crate::charts::change::tests::sample();
    let a = double(&chart).unwrap();
    let b = double(&chart).unwrap();
    assert_eq!(a.bytes, b.bytes);
    let t = CardText::default();
    assert_eq!(
        card(&chart, &t).unwrap().bytes,
        card(&chart, &t).unwrap().bytes
    );
}

#[test]
fn the_change_charts_arrows_are_in_the_font() {
    let chart = crate::charts::change::tests::sample();
    assert!(chart.svg.contains('→'));
    assert!(font::missing(&chart.svg).is_empty());
}

const LONG_SITE: &str = "Cổng thông tin điện tử huyện Phong Thổ, tỉnh Lai Châu";
const LONG_SOURCE: &str = "Nguồn: UBND tỉnh Lai Châu (kết quả của huyện Phong Thổ năm 2018, \
     2022), được nêu trong tin của Công đoàn huyện Phong Thổ, 20/05/2024; Ban biên tập (các số \
     liệu còn lại), số liệu minh họa";
const LONG_TITLE: &str = "Xếp hạng Chỉ số cải cách hành chính các huyện, thành phố tỉnh Lai \
     Châu năm 2022 theo tổng điểm của tám lĩnh vực";

/// Advance width of `s` at `size` px in the bundled font, from the font's
/// own glyph metrics (not the estimate the layout uses).
fn font_width(s: &str, size: f64, bold: bool) -> f64 {
    use skrifa::MetadataProvider as _;
    use skrifa::instance::{LocationRef, Size};
    let face = skrifa::FontRef::new(if bold { font::BOLD } else { font::REGULAR }).unwrap();
    let cmap = face.charmap();
    let m = face.glyph_metrics(Size::new(size as f32), LocationRef::default());
    s.chars()
        .map(|c| {
            let g = cmap.map(c).unwrap_or_else(|| panic!("no glyph for {c:?}"));
            f64::from(m.advance_width(g).unwrap_or(0.0))
        })
        .sum()
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

#[test]
fn share_card_text_fits_the_column_in_whole_words_by_the_fonts_advances() {
    let text = CardText {
        source: LONG_SOURCE.into(),
        site: LONG_SITE.into(),
    };
    let l = card_layout(LONG_TITLE, &text);
    for (block, input, bold) in [
        (&l.title, LONG_TITLE, true),
        (&l.source, LONG_SOURCE, false),
        (&l.site, LONG_SITE, true),
    ] {
        for line in &block.lines {
            let w = font_width(line, block.size, bold);
            assert!(w <= f64::from(COL_W), "{w:.1} px > {COL_W}: {line}");
            assert!(!line.contains('…'), "cut: {line}");
        }
        // Every word, in order, none cut or dropped.
        let joined = block.lines.join(" ");
        assert_eq!(words(&joined), words(input));
    }
    assert!(
        l.site.lines.len() <= 2 && l.source.lines.len() <= 4,
        "{l:?}"
    );
    // The title ends above the source, with room to spare.
    let last = TITLE_TOP + l.title.line * 0.75 + l.title.line * (l.title.lines.len() - 1) as f32;
    let foot_top = CARD_H as f32 - M - foot_height(&l.site, &l.source);
    assert!(
        last + 0.3 * l.title.size as f32 <= foot_top,
        "{last} vs {foot_top}"
    );
}

#[test]
fn share_card_never_draws_text_outside_its_column() {
    let chart = crate::charts::ranking::tests::sample8();
    let text = CardText {
        source: LONG_SOURCE.into(),
        site: LONG_SITE.into(),
    };
    let img = Image::decode(&card(&chart, &text).unwrap().bytes);
    let col_end = (M + COL_W) as u32;
    // Between the column and the chart, and below the foot: white.
    assert_eq!(img.dark_in(col_end + 1, 0, CHART_X as u32, CARD_H), 0);
    assert_eq!(img.dark_in(0, CARD_H - 36, CHART_X as u32, CARD_H), 0);
    // The site's name and the source are drawn (two and more lines).
    assert!(img.dark_in(48, 420, col_end, 590) > 1500, "no foot text");
}

#[test]
fn a_short_site_name_keeps_the_full_size() {
    let l = card_layout(
        "Điểm",
        &CardText {
            source: "Nguồn: UBND tỉnh".into(),
            site: "Báo Phong Thổ".into(),
        },
    );
    assert_eq!(
        (l.site.size, l.source.size, l.title.size),
        (SMALL, SMALL, TITLE_SIZE)
    );
    assert_eq!(l.site.lines, vec!["Báo Phong Thổ".to_string()]);
}
#[test]
fn a_ranking_of_400_units_is_drawn_smaller_not_refused() {
    use crate::charts::Bar;
    let bars: Vec<Bar> = (0..400)
        .map(|i| Bar {
            label: format!("Xã số {i}"),
            value: Some(100.0 - f64::from(i) * 0.2),
            rank: Some(i + 1),
            highlight: false,
        })
        .collect();
    let chart = crate::charts::ranking::ranking(
        &crate::charts::testutil::meta("c1-ranking-2022", true),
        2022,
        &bars,
    );
    assert!(2 * chart.height > 16_384, "{}", chart.height);
    let png = double(&chart).expect("drawn");
    assert_eq!((png.width, png.height), double_size(&chart));
    assert!(
        png.height <= 16_384 && png.height > 16_000,
        "{}",
        png.height
    );
}
