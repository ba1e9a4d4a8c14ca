//! Helpers shared by the chart tests.

use super::ChartMeta;

pub(crate) const ILLUSTRATIVE_TEXT: &str = super::ILLUSTRATIVE;

pub(crate) fn meta(id: &str, illustrative: bool) -> ChartMeta {
    ChartMeta {
        id: id.to_string(),
        title: "Xếp hạng Chỉ số CCHC cấp huyện năm 2022".to_string(),
        unit: "điểm".to_string(),
        decimals: 2,
        scale_min: 0.0,
        scale_max: 100.0,
        higher_is_better: true,
        illustrative,
        source: "Nguồn: UBND tỉnh Lai Châu".to_string(),
        caption: "Phong Thổ tăng 6 bậc so với năm 2018.".to_string(),
        rank_of: None,
        download: None,
        page_flagged: false,
        print_url: None,
    }
}

/// Parse as XML and check the accessibility frame every chart must have.
pub(crate) fn check_svg<'a>(svg: &'a str, id: &str) -> roxmltree::Document<'a> {
    assert!(!svg.starts_with("<?xml"));
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("width"), Some("100%"));
    assert_eq!(root.attribute("height"), None);
    let vb: Vec<f64> = root
        .attribute("viewBox")
        .expect("viewBox")
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(vb.len(), 4);
    assert!(vb[2] >= 360.0 && vb[2] <= 640.0);
    let labelled = root.attribute("aria-labelledby").unwrap();
    assert_eq!(labelled, format!("{id}-title {id}-desc"));
    let first: Vec<_> = root.children().filter(|n| n.is_element()).take(2).collect();
    assert_eq!(first[0].tag_name().name(), "title");
    assert_eq!(
        first[0].attribute("id"),
        Some(format!("{id}-title").as_str())
    );
    assert_eq!(first[1].tag_name().name(), "desc");
    assert_eq!(
        first[1].attribute("id"),
        Some(format!("{id}-desc").as_str())
    );
    assert!(!first[1].text().unwrap_or("").is_empty());
    // Every id is prefixed.
    for n in doc.descendants().filter(|n| n.is_element()) {
        if let Some(i) = n.attribute("id") {
            assert!(i.starts_with(id), "id {i} not prefixed");
        }
    }
    // Fonts stay legible at 360 px: ≥ 11 px after scaling.
    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let size = attr_f(&n, "font-size");
        assert!(size * 360.0 / vb[2] >= 11.0, "font-size {size} too small");
    }
    doc
}

pub(crate) fn attr_f(n: &roxmltree::Node<'_, '_>, name: &str) -> f64 {
    n.attribute(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .unwrap()
}

pub(crate) fn desc_text(doc: &roxmltree::Document<'_>) -> String {
    doc.descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap_or("")
        .to_string()
}

pub(crate) fn svg_texts(doc: &roxmltree::Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect()
}

/// The data table as rows of cell texts (header row first).
pub(crate) fn table_rows(html: &str) -> Vec<Vec<String>> {
    let frag = scraper::Html::parse_fragment(html);
    let tr = scraper::Selector::parse("table tr").unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    frag.select(&tr)
        .map(|row| {
            row.select(&cell)
                .map(|c| c.text().collect::<String>())
                .collect()
        })
        .collect()
}

/// Figure frame: class, id, inline svg, caption, source, badge, table caption.
pub(crate) fn check_figure(html: &str, id: &str, kind: &str, illustrative: bool) {
    let frag = scraper::Html::parse_fragment(html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let fig = frag.select(&sel("figure")).next().expect("figure");
    assert_eq!(fig.value().attr("id"), Some(id));
    assert_eq!(
        fig.value().attr("class"),
        Some(format!("chart chart-{kind}").as_str())
    );
    assert!(frag.select(&sel("figure > svg[role=img]")).next().is_some());
    let last = fig
        .children()
        .filter_map(scraper::ElementRef::wrap)
        .last()
        .unwrap();
    assert_eq!(last.value().name(), "figcaption");
    let source: String = frag
        .select(&sel("figcaption p.chart-source"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(source, "Nguồn: UBND tỉnh Lai Châu");
    assert!(frag.select(&sel("table caption")).next().is_some());
    for th in frag.select(&sel("thead th")) {
        assert_eq!(th.value().attr("scope"), Some("col"));
    }
    for th in frag.select(&sel("tbody th")) {
        assert_eq!(th.value().attr("scope"), Some("row"));
    }
    // The illustrative label is said once, inside the SVG.
    let label = sel("svg text");
    let labels = frag
        .select(&label)
        .filter(|t| t.text().collect::<String>() == ILLUSTRATIVE_TEXT)
        .count();
    assert_eq!(labels, usize::from(illustrative));
    assert_eq!(
        html.matches(ILLUSTRATIVE_TEXT).count(),
        usize::from(illustrative) * 2,
        "label in svg text and desc only"
    );
    assert!(frag.select(&sel("figure > p")).next().is_none());
    assert!(!html.contains("<?xml"));
}
