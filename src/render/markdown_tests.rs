//! Unit tests of the Markdown passes, one group per pass, and small
//! snapshots of whole bodies (committed under `snapshots/`).

use super::*;

fn handler(call: &Call) -> Result<String, crate::diag::Msg> {
    match call.name.as_str() {
        "broken" => Err(crate::diag::catalog::msg!(
            crate::diag::catalog::SC_UNKNOWN,
            name = "broken"
        )),
        name => Ok(format!("<figure class=\"{name}\"></figure>")),
    }
}

fn ctx<'a>(raw_html: RawHtml, prefix: &'a str, shortcode: &'a ShortcodeFn<'a>) -> Context<'a> {
    Context {
        file: Path::new("content/bai.md"),
        line_offset: 3,
        raw_html,
        shortcode,
        prefix,
        plain_text: true,
    }
}

fn md(src: &str) -> Body {
    render(src, &ctx(RawHtml::Escape, "/huyen", &handler))
}

/// `line code message` per diagnostic, for compact assertions.
fn diags(r: &Body) -> Vec<String> {
    r.diagnostics
        .iter()
        .map(|d| format!("{}:{} {} {}", d.line, d.col, d.code, d.message))
        .collect()
}

// Locations.

#[test]
fn lines_give_line_and_column_in_characters() {
    let src = "ab\nđường x\n\nz";
    let lines = Lines::new(src);
    assert_eq!(lines.at(0, src), (1, 1));
    assert_eq!(lines.at(3, src), (2, 1));
    let x = src.find('x').unwrap();
    assert_eq!(
        lines.at(x, src),
        (2, 7),
        "columns count characters, not bytes"
    );
    assert_eq!(lines.at(src.len() - 1, src), (4, 1));
    let at = Locator {
        src,
        lines: &lines,
        line_offset: 3,
    };
    assert_eq!(at.line(x), 5, "front matter lines come first");
    let d = at.place(x, Diagnostic::error(codes::SHORTCODE, "f", "m"));
    assert_eq!((d.line, d.col), (5, 7));
}

#[test]
fn prefix_only_for_site_absolute_urls() {
    assert_eq!(&*with_prefix("/chi-so/".into(), "/huyen"), "/huyen/chi-so/");
    assert_eq!(&*with_prefix("/chi-so/".into(), ""), "/chi-so/");
    assert_eq!(
        &*with_prefix("//cdn.vn/a.png".into(), "/huyen"),
        "//cdn.vn/a.png"
    );
    assert_eq!(
        &*with_prefix("https://a.vn/".into(), "/huyen"),
        "https://a.vn/"
    );
    assert_eq!(&*with_prefix("bai-khac/".into(), "/huyen"), "bai-khac/");
}

// 1. Shortcodes.

#[test]
fn code_ranges_cover_code_and_raw_html() {
    let src = "a `{{ x() }}` b\n\n```\n{{ y() }}\n```\n\n<div>{{ z() }}</div>\n";
    let ranges = code_ranges(src);
    for inner in ["{{ x() }}", "{{ y() }}", "{{ z() }}"] {
        let at = src.find(inner).unwrap();
        assert!(
            ranges.iter().any(|r| r.contains(&at)),
            "{inner} in {ranges:?}"
        );
    }
    assert!(!ranges.iter().any(|r| r.contains(&0)));
}

#[test]
fn shortcodes_become_numbered_placeholders() {
    let src = "a {{ chart(data=\"x\") }} b\n{{ value(data=\"y\") }}\nc";
    let lines = Lines::new(src);
    let at = Locator {
        src,
        lines: &lines,
        line_offset: 0,
    };
    let mut d = Vec::new();
    let e = expand_shortcodes(src, &ctx(RawHtml::Escape, "", &handler), at, &mut d);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        e.source,
        format!(
            "a {} b\n{}\nc",
            shortcodes::placeholder(0),
            shortcodes::placeholder(1)
        )
    );
    assert_eq!(
        e.expansions,
        [
            "<figure class=\"chart\"></figure>",
            "<figure class=\"value\"></figure>"
        ]
    );
}

#[test]
fn shortcodes_in_code_stay_and_plain_text_is_borrowed() {
    let src = "`{{ chart() }}` and {{ chart() }}";
    let lines = Lines::new(src);
    let at = Locator {
        src,
        lines: &lines,
        line_offset: 0,
    };
    let mut d = Vec::new();
    let e = expand_shortcodes(src, &ctx(RawHtml::Escape, "", &handler), at, &mut d);
    assert_eq!(e.expansions.len(), 1);
    assert!(e.source.starts_with("`{{ chart() }}` and "));
    let e = expand_shortcodes("no braces", &ctx(RawHtml::Escape, "", &handler), at, &mut d);
    assert!(matches!(e.source, Cow::Borrowed("no braces")));
}

#[test]
fn failing_and_malformed_shortcodes_are_errors_at_their_place() {
    let r = md("x\n\nđ {{ broken() }}\n\n{{ chart(data=) }}\n");
    let d = diags(&r);
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(
        d.iter()
            .any(|d| d.starts_with("8:1 E0301 malformed shortcode")),
        "{d:?}"
    );
    assert!(
        d.iter()
            .any(|d| d == "6:3 E0301 unknown shortcode `broken`; shortcodes: chart, value"),
        "{d:?}"
    );
    assert!(!r.html.contains("broken"), "{}", r.html);
}

// 2a. Rewrites of single events.

fn rewritten(src: &str, raw_html: RawHtml) -> (Vec<Event<'_>>, Body) {
    let mut out = Body::default();
    let lines = Lines::new(src);
    let at = Locator {
        src,
        lines: &lines,
        line_offset: 0,
    };
    let c = ctx(raw_html, "/huyen", &handler);
    let mut rw = Rewrite::new(&c, at, &mut out);
    let events = Parser::new_ext(src, options())
        .into_offset_iter()
        .filter_map(|(e, r)| rw.event(e, r.start))
        .collect();
    (events, out)
}

#[test]
fn raw_html_escaped_with_a_warning_comments_dropped() {
    let (ev, out) = rewritten("<b>x</b>\n\n<!-- note -->\n\ny <i>z</i>\n", RawHtml::Escape);
    assert!(
        !ev.iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
    );
    assert!(ev.contains(&Event::Text("<i>".into())));
    assert!(
        !ev.iter()
            .any(|e| matches!(e, Event::Text(t) if t.contains("note")))
    );
    let lines: Vec<usize> = out.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [1, 1, 5, 5], "one warning per piece of raw HTML");
    assert!(out.diagnostics.iter().all(|d| d.code == codes::RAW_HTML));

    let (ev, out) = rewritten("<b>x</b>\n", RawHtml::Allow);
    assert!(ev.iter().any(|e| matches!(e, Event::InlineHtml(_))));
    assert!(out.diagnostics.is_empty());
}

#[test]
fn unsafe_link_dropped_with_its_end_tag_text_kept() {
    let (ev, out) = rewritten("[a](javascript:alert(1)) [b](/chi-so/)\n", RawHtml::Escape);
    let starts = ev
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::Link { .. })))
        .count();
    let ends = ev
        .iter()
        .filter(|e| matches!(e, Event::End(TagEnd::Link)))
        .count();
    assert_eq!((starts, ends), (1, 1));
    assert!(ev.contains(&Event::Text("a".into())));
    assert!(ev.iter().any(
        |e| matches!(e, Event::Start(Tag::Link { dest_url, .. }) if &**dest_url == "/huyen/chi-so/")
    ));
    assert_eq!(
        out.links,
        [("/chi-so/".to_string(), 1)],
        "recorded unprefixed"
    );
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(out.diagnostics[0].code, codes::UNSAFE_LINK);
}

#[test]
fn unsafe_image_loses_its_address() {
    let (ev, out) = rewritten(
        "![a](data:image/png;base64,AA)\n\n![b](/anh.png)\n",
        RawHtml::Escape,
    );
    let urls: Vec<&str> = ev
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Image { dest_url, .. }) => Some(&**dest_url),
            _ => None,
        })
        .collect();
    assert_eq!(urls, ["", "/huyen/anh.png"]);
    assert_eq!(out.links, [("/anh.png".to_string(), 3)]);
    assert_eq!(out.diagnostics.len(), 1);
}

#[test]
fn footnote_labels_get_a_prefix() {
    let (ev, _) = rewritten("a[^1]\n\n[^1]: b\n", RawHtml::Escape);
    assert!(ev.contains(&Event::FootnoteReference("fn-1".into())));
    assert!(ev.contains(&Event::Start(Tag::FootnoteDefinition("fn-1".into()))));
}

// 2a'. Raw HTML under `allow`: sanitised, each kind of removal warned once.

fn allowed(src: &str) -> Body {
    render(src, &ctx(RawHtml::Allow, "", &handler))
}

#[test]
fn allowed_raw_html_is_sanitised_with_a_warning_per_kind_at_its_line() {
    let r = allowed(concat!(
        "Mở đầu <b onclick=\"x()\">đậm</b>.\n\n",
        "<script>\nalert(1)\n</script>\n\n",
        "<div class=\"hop\">\n<iframe src=\"https://e.com/\"></iframe>\n</div>\n\n",
        "Lại <a href=\"javascript:alert(2)\">đây</a> và <i onclick=\"y\">nữa</i>.\n",
    ));
    assert_eq!(
        diags(&r)
            .iter()
            .map(|d| d.split(" removed").next().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["4:0 W0106", "6:0 W0106", "11:0 W0106", "14:0 W0106"],
        "the onclick of line 14 is not warned again: {:?}",
        diags(&r)
    );
    assert!(diags(&r)[1].contains("removed <script>"), "{:?}", diags(&r));
    assert_eq!(
        r.html,
        "<p>Mở đầu <b>đậm</b>.</p>\n\n<div class=\"hop\">\n\n</div>\n<p>Lại <a>đây</a> và <i>nữa</i>.</p>\n"
    );
}

#[test]
fn bodies_without_raw_html_skip_the_sanitiser() {
    let src = "# A\n\n- [ ] x\n\n---\n\n| a |\n|:-:|\n| 1 |\n";
    assert_eq!(allowed(src).html, md(src).html.replace("/huyen", ""));
    assert!(allowed(src).html.contains("<hr />"), "not re-serialised");
}

#[test]
fn chisos_own_html_is_spliced_in_after_the_sanitiser() {
    let r = allowed("<span>x</span>\n\n{{ chart() }}\n\n- [x] xong\n\n## Kết quả\n");
    assert_eq!(
        r.html,
        concat!(
            "<p><span>x</span></p>\n<figure class=\"chart\"></figure>\n",
            "<ul>\n<li><input disabled=\"\" type=\"checkbox\" checked=\"\"/>\nxong</li>\n</ul>\n",
            "<h2 id=\"ket-qua\">Kết quả</h2>\n"
        ),
        "the figure and the task box are not sanitised; the heading id is intact"
    );
    assert!(r.diagnostics.is_empty(), "{:?}", diags(&r));
}

#[test]
fn markdown_html_passes_the_sanitiser_unchanged() {
    let src = concat!(
        "# Kết quả {.lon}\n\nA[^1] ~~b~~ *c* **d** `e` [f](/g \"t\") ![h](/i.png \"j\")<br>\n\n",
        "3. k\n4. l\n\n- [ ] m\n\n> n\n\n```rust\no\n```\n\n| p | q |\n|:--|--:|\n| 1 | 2 |\n\n---\n\n",
        "[^1]: Ghi chú.\n",
    );
    let c = ctx(RawHtml::Allow, "/huyen", &handler);
    let tree = |h: &str| scraper::Html::parse_fragment(h).root_element().inner_html();
    let sanitised = render_with(src, &c, true).html;
    assert_ne!(sanitised, render_with(src, &c, false).html, "it ran");
    assert_eq!(tree(&sanitised), tree(&render_with(src, &c, false).html));
}

#[test]
fn heading_attributes_lose_event_handlers_in_every_mode() {
    for raw_html in [RawHtml::Escape, RawHtml::Allow] {
        let r = render(
            "x\n\n## Tin {#tin .lon onclick=alert(1) lang=vi}\n",
            &ctx(raw_html, "", &handler),
        );
        assert_eq!(
            r.html,
            "<p>x</p>\n<h2 id=\"tin\" class=\"lon\" lang=\"vi\">Tin</h2>\n"
        );
        assert_eq!(diags(&r).len(), 1, "{:?}", diags(&r));
        assert!(diags(&r)[0].starts_with("6:0 W0106 removed the onclick attribute"));
    }
}

// 2b. Heading ids.

fn ids(src: &str) -> Vec<String> {
    let mut h = HeadingIds::default();
    Parser::new_ext(src, options()).for_each(|e| h.push(e));
    h.ready
        .into_iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id, .. }) => id.map(|i| i.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn heading_ids_are_unique_slugs() {
    assert_eq!(
        ids("# Kết quả\n## Kết quả\n### Kết `quả`\n# !!!\n# !!!\n"),
        ["ket-qua", "ket-qua-1", "ket-qua-2", "muc", "muc-1"]
    );
}

#[test]
fn given_heading_ids_are_kept_and_reserve_their_name() {
    assert_eq!(
        ids("# A {#ket-qua}\n# Kết quả\n# B {#ket-qua}\n"),
        ["ket-qua", "ket-qua-1", "ket-qua"]
    );
}

#[test]
fn heading_events_keep_their_order_and_attributes() {
    let mut h = HeadingIds::default();
    let src = "x\n\n## *A* b {.lon}\n\ny\n";
    Parser::new_ext(src, options()).for_each(|e| h.push(e));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, h.ready.into_iter());
    assert_eq!(
        html,
        "<p>x</p>\n<h2 id=\"a-b\" class=\"lon\"><em>A</em> b</h2>\n<p>y</p>\n"
    );
}

// 3. Placeholders.

#[test]
fn placeholders_spliced_as_blocks_or_inline() {
    let p = shortcodes::placeholder;
    let html = format!("<p>{}</p>\n<p>a {} b</p>\n", p(0), p(1));
    let exp = ["<figure></figure>".to_string(), "<b>7</b>".to_string()];
    assert_eq!(
        splice_expansions(html, &exp),
        "<figure></figure>\n<p>a <b>7</b> b</p>\n"
    );
    let stray = format!("<p>{OPEN}9{CLOSE} x</p>");
    assert_eq!(splice_expansions(stray, &exp[..1]), "<p>9 x</p>");
    assert_eq!(splice_expansions("<p>x</p>".into(), &[]), "<p>x</p>");
}

// Whole bodies.

#[test]
fn render_markdown_is_the_stage_without_a_site() {
    assert_eq!(
        render_markdown("# A\n\n<div>x</div>\n", true),
        "<h1 id=\"a\">A</h1>\n<div>x</div>\n"
    );
    assert_eq!(
        render_markdown("<b>x</b>\n", false),
        "<p>&lt;b&gt;x&lt;/b&gt;</p>\n"
    );
    assert_eq!(render_markdown("{{ chart() }}\n", true), "\n");
}

#[test]
fn snapshot_article_body() {
    let r = md(concat!(
        "# Chỉ số CCHC năm 2022\n\n",
        "Phong Thổ xếp hạng 1[^nguon], xem [bảng](/chi-so/) và [đây](javascript:x).\n\n",
        "{{ chart(data=\"par-index\", kind=\"trend\") }}\n\n",
        "## Chỉ số CCHC năm 2022\n\n",
        "Giá trị: {{ value(data=\"par-index\") }} điểm. <script>x</script>\n\n",
        "[^nguon]: UBND tỉnh Lai Châu.\n",
    ));
    insta::assert_snapshot!("article_body_html", r.html);
    insta::assert_debug_snapshot!("article_body_diagnostics_and_links", (diags(&r), r.links));
}

#[test]
fn the_plain_text_for_search_comes_from_the_same_pass_without_markup_or_shortcodes() {
    let b = md(
        "# Tiêu đề\n\nMột *cửa* `x` {{ value(data=\"a\") }} hết[^1].\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>thô</b>\n\n[^1]: Chú thích.\n",
    );
    assert_eq!(b.text, "Tiêu đề Một cửa x hết. a b 1 2 thô Chú thích.");
    assert_eq!(plain_text("Dòng một\ndòng   hai"), "Dòng một dòng hai");
}
