//! CommonMark conformance (issue 8): every example of the CommonMark spec
//! goes through chiso's Markdown stage with raw HTML allowed and must give,
//! heading ids aside, exactly the HTML that plain pulldown-cmark gives with
//! the same options. So chiso's passes (heading ids, footnote prefixes,
//! link rewrites, shortcode placeholders) never change what Markdown means.
//!
//! Then again with the sanitiser on, as `markdown.raw_html: allow` renders
//! a page (issue 9, item 11): compared as parsed HTML, so re-serialisation
//! (`<br/>` → `<br>`, quotes, entities) is no difference, and every example
//! it changes is listed with what it loses.
//!
//! The examples are vendored from the npm package `commonmark-spec` 0.31.2
//! (CC-BY-SA 4.0, see `tests/fixtures/commonmark/LICENSE` and README.md).

use chiso::parsers::{markdown_options, render_markdown, render_markdown_unsanitised};
use pulldown_cmark::{Parser, html};

/// Spec examples that chiso changes on purpose, with what they lose. Each
/// entry is checked to really differ, so the list cannot go stale: when a
/// change is undone, its entry must go too. The spec has no `javascript:`,
/// `vbscript:` or `data:` links and no footnotes or `{{ … }}`, so nothing
/// is listed here; what the sanitiser removes is in `SANITISER_DIFFERENCES`.
const EXPECTED_DIFFERENCES: &[(u32, &str)] = &[];

/// Spec examples the sanitiser changes (raw HTML allowed), with what they
/// lose. Checked like `EXPECTED_DIFFERENCES`: each entry must really
/// differ, and an unlisted difference fails.
const SANITISER_DIFFERENCES: &[(u32, &str)] = &[
    (150, "the unknown tag <foo> (its content stays)"),
    (163, "the unknown tag <Warning> (its text stays)"),
    (169, "the unlisted attribute language= of <pre>"),
    (170, "the <script> and its code"),
    (171, "the <textarea> and what it held"),
    (172, "the <style> and its rules"),
    (
        173,
        "the unclosed <style> and the text after it, which it held",
    ),
    (176, "the <style> and its rule"),
    (177, "an HTML comment"),
    (178, "the <script> and its code"),
    (179, "an HTML comment"),
    (180, "a processing instruction (a comment to HTML parsers)"),
    (182, "a CDATA section (a comment to HTML parsers)"),
    (183, "an HTML comment"),
    (201, "the unknown tag <bar> (its text stays)"),
    (308, "an HTML comment"),
    (309, "an HTML comment"),
    (491, "the unknown tag <foo bar> (its text stays)"),
    (
        524,
        "the unknown tag <bar attr=…>, whose attribute holds the rest of the line",
    ),
    (
        536,
        "the unknown tag <bar attr=…>, whose attribute holds the rest of the line",
    ),
    (613, "the unknown tags <bab> and <c2c>"),
    (614, "the unknown tag <b2>"),
    (615, "the unknown tag <b2 data=…>"),
    (
        616,
        "the unlisted attributes foo=, bam=, _boolean and zoop:33= of <a>",
    ),
    (617, "the unknown tag <responsive-image src=…>"),
    (625, "an HTML comment"),
    (626, "two empty HTML comments"),
    (627, "a processing instruction (a comment to HTML parsers)"),
    (628, "a declaration (a comment to HTML parsers)"),
    (629, "a CDATA section's start (a comment to HTML parsers)"),
];

#[derive(serde::Deserialize)]
struct Example {
    example: u32,
    section: String,
    markdown: String,
}

fn examples() -> Vec<Example> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/commonmark/spec.json"
    );
    let text = std::fs::read_to_string(path).expect("vendored spec.json");
    serde_json::from_str(&text).expect("spec.json parses")
}

/// Plain pulldown-cmark with chiso's options.
fn plain(md: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(md, markdown_options()));
    out
}

/// `html` without the `id="…"` of its heading tags: chiso gives every
/// heading an id, plain pulldown-cmark only those written as `{#id}`.
fn without_heading_ids(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<h") {
        let (before, tag) = rest.split_at(i);
        out.push_str(before);
        let b = tag.as_bytes();
        let is_heading = b.len() > 3 && (b'1'..=b'6').contains(&b[2]) && b[3] == b' ';
        if is_heading && tag[3..].starts_with(" id=\"") {
            out.push_str(&tag[..3]);
            let value = &tag[8..];
            // pulldown-cmark escapes `"` in attribute values.
            let end = value.find('"').map_or(value.len(), |e| e + 1);
            rest = &value[end..];
        } else {
            out.push_str(&tag[..2]);
            rest = &tag[2..];
        }
    }
    out.push_str(rest);
    out
}

fn agrees(md: &str) -> bool {
    without_heading_ids(&render_markdown_unsanitised(md)) == without_heading_ids(&plain(md))
}

/// `html` parsed as a browser parses a fragment, and written out again.
fn parsed(html: &str) -> String {
    scraper::Html::parse_fragment(html)
        .root_element()
        .inner_html()
}

/// With the sanitiser: the same tree once parsed, heading ids aside.
fn agrees_sanitised(md: &str) -> bool {
    parsed(&without_heading_ids(&render_markdown(md, true))) == parsed(&plain(md))
}

#[test]
fn commonmark_examples_render_as_pulldown_cmark_does() {
    let examples = examples();
    assert_eq!(examples.len(), 652, "the spec 0.31.2 has 652 examples");
    let mut agree = 0;
    let mut report = String::new();
    let mut wrong = Vec::new();
    for ex in &examples {
        let listed = EXPECTED_DIFFERENCES.iter().find(|(n, _)| *n == ex.example);
        let md = &ex.markdown;
        match (agrees(md), listed) {
            (true, None) => agree += 1,
            (false, Some(_)) => {}
            (true, Some((_, loses))) => {
                wrong.push(ex.example);
                report.push_str(&format!(
                    "example {} ({}): listed as losing {loses}, but chiso now agrees; \
                     remove it from EXPECTED_DIFFERENCES\n",
                    ex.example, ex.section
                ));
            }
            (false, None) => {
                wrong.push(ex.example);
                report.push_str(&format!(
                    "example {} ({}): {md:?}\n  chiso: {:?}\n  plain: {:?}\n",
                    ex.example,
                    ex.section,
                    render_markdown_unsanitised(md),
                    plain(md)
                ));
            }
        }
    }
    println!(
        "commonmark: {agree} of {} agree, {} differ on purpose",
        examples.len(),
        EXPECTED_DIFFERENCES.len()
    );
    assert!(wrong.is_empty(), "examples {wrong:?} disagree:\n{report}");
}

#[test]
fn expected_differences_are_spec_examples() {
    let examples = examples();
    for (n, loses) in EXPECTED_DIFFERENCES {
        assert!(
            examples.iter().any(|ex| ex.example == *n),
            "no example {n} ({loses})"
        );
        assert!(!loses.trim().is_empty(), "example {n}: say what it loses");
    }
}

/// The comparison can see a difference: chiso's deliberate changes, on
/// inputs of its own, do not agree with plain pulldown-cmark.
#[test]
fn the_comparison_sees_chisos_changes() {
    for md in [
        "[click](javascript:alert(1))\n",
        "![x](data:image/png;base64,AAAA)\n",
        "a[^1]\n\n[^1]: note\n",
    ] {
        assert!(!agrees(md), "{md:?} should differ");
    }
    assert!(
        agrees("# Tiêu đề\n\n## Tiêu đề\n"),
        "heading ids are set aside"
    );
    assert_eq!(
        without_heading_ids("<h2 id=\"a-b\">x</h2>\n<hr />\n<h1>y</h1>"),
        "<h2>x</h2>\n<hr />\n<h1>y</h1>"
    );
}

#[test]
fn commonmark_examples_through_the_sanitiser_lose_only_what_is_listed() {
    let examples = examples();
    let mut report = String::new();
    let mut wrong = Vec::new();
    for ex in &examples {
        let listed = SANITISER_DIFFERENCES.iter().find(|(n, _)| *n == ex.example);
        let md = &ex.markdown;
        match (agrees_sanitised(md), listed) {
            (true, None) | (false, Some(_)) => {}
            (true, Some((_, loses))) => {
                wrong.push(ex.example);
                report.push_str(&format!(
                    "example {} ({}): listed as losing {loses}, but the sanitiser now keeps \
                     it; remove it from SANITISER_DIFFERENCES\n",
                    ex.example, ex.section
                ));
            }
            (false, None) => {
                wrong.push(ex.example);
                report.push_str(&format!(
                    "example {} ({}): {md:?}\n  chiso: {:?}\n  plain: {:?}\n",
                    ex.example,
                    ex.section,
                    parsed(&without_heading_ids(&render_markdown(md, true))),
                    parsed(&plain(md))
                ));
            }
        }
    }
    println!(
        "commonmark with the sanitiser: {} of {} change, all listed",
        SANITISER_DIFFERENCES.len(),
        examples.len()
    );
    assert!(wrong.is_empty(), "examples {wrong:?}:\n{report}");
}

#[test]
fn sanitiser_differences_are_spec_examples_listed_once() {
    let examples = examples();
    for (i, (n, loses)) in SANITISER_DIFFERENCES.iter().enumerate() {
        assert!(
            examples.iter().any(|ex| ex.example == *n),
            "no example {n} ({loses})"
        );
        assert!(!loses.trim().is_empty(), "example {n}: say what it loses");
        assert!(
            SANITISER_DIFFERENCES[..i].iter().all(|(m, _)| m < n),
            "example {n}: keep the list in order, each once"
        );
    }
}

/// The sanitised comparison sees what the sanitiser removes, and nothing
/// in what it keeps.
#[test]
fn the_sanitised_comparison_sees_removals_only() {
    for md in [
        "<script>alert(1)</script>\n",
        "a <b onclick=\"x\">b</b>\n",
        "<form><input name=\"q\"></form>\n",
        "<iframe src=\"https://e.com/\"></iframe>\n",
    ] {
        assert!(!agrees_sanitised(md), "{md:?} should differ");
    }
    for md in [
        "<div class='hop'>\n\n*x*\n\n</div>\n",
        "a<br/>b &copy; <span title=\"t\">c</span>\n",
        "| a |\n|--:|\n| <b>1</b> |\n",
    ] {
        assert!(agrees_sanitised(md), "{md:?} should agree");
    }
}
