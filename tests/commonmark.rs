//! CommonMark conformance (issue 8): every example of the CommonMark spec
//! goes through chiso's Markdown stage with raw HTML allowed and must give,
//! heading ids aside, exactly the HTML that plain pulldown-cmark gives with
//! the same options. So chiso's passes (heading ids, footnote prefixes,
//! link rewrites, shortcode placeholders) never change what Markdown means.
//!
//! The examples are vendored from the npm package `commonmark-spec` 0.31.2
//! (CC-BY-SA 4.0, see `tests/fixtures/commonmark/LICENSE` and README.md).

use chiso::parsers::{markdown_options, render_markdown};
use pulldown_cmark::{Parser, html};

/// Spec examples that chiso changes on purpose, with what they lose. Each
/// entry is checked to really differ, so the list cannot go stale: when a
/// change is undone, its entry must go too. The spec has no `javascript:`,
/// `vbscript:` or `data:` links and no footnotes or `{{ … }}`, so nothing
/// is listed today; a sanitiser would add its entries here.
const EXPECTED_DIFFERENCES: &[(u32, &str)] = &[];

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
    without_heading_ids(&render_markdown(md, true)) == without_heading_ids(&plain(md))
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
                    render_markdown(md, true),
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
