//! Teasers held without their h2 copy (`Shared::list_teaser`).

use super::*;

fn field(v: &Value, key: &str) -> Option<String> {
    let m = v.as_map()?;
    let (_, f) = m.iter().find(|(k, _)| k.as_str() == Some(key))?;
    f.as_str().map(String::from)
}

fn shared(teasers: Vec<Value>) -> Shared {
    Shared {
        bodies: vec![None; teasers.len()],
        teasers,
        headline: String::new(),
        diagnostics: Vec::new(),
        search: None,
    }
}

#[test]
fn a_teaser_held_without_its_h2_copy_gives_templates_the_same_h2_html() {
    let h3 = r#"<article><h3 class="t"><a href="/a/">Tin h3</a></h3></article>"#;
    let h2 = r#"<article><h2 class="t"><a href="/a/">Tin h3</a></h2></article>"#;
    assert_eq!(h2_of(h3), h2);
    for s in [
        "",
        "h3",
        "<h3",
        "</h3>",
        "</h3",
        "<<h3>h3</h3></h3 <h33 </h3>>",
    ] {
        let old = s.replace("<h3", "<h2").replace("</h3>", "</h2>");
        assert_eq!(h2_of(s), old, "{s:?}");
    }
    let full = Value::from_serializable(&serde_json::json!({
        "title": "Tin h3", "html": h3, "html_h2": h2,
    }));
    let held = without_key(full, HTML_H2);
    assert_eq!(field(&held, HTML_H2), None, "the h2 copy is not held");
    let s = shared(vec![held]);
    assert_eq!(field(&s.list_teaser(0), HTML_H2).as_deref(), Some(h2));
    assert_eq!(field(&s.list_teaser(0), "html").as_deref(), Some(h3));
    assert_eq!(field(&s.list_teaser(0), "title").as_deref(), Some("Tin h3"));
}

#[test]
fn a_teaser_whose_h2_is_its_own_keeps_it() {
    let own = Value::from_serializable(&serde_json::json!({
        "html": "<h3>a</h3>", "html_h2": "<div class=\"lead\">a</div>",
    }));
    let s = shared(vec![own, Value::none()]);
    assert_eq!(
        field(&s.list_teaser(0), HTML_H2).as_deref(),
        Some("<div class=\"lead\">a</div>")
    );
    assert!(s.list_teaser(1).is_none(), "a failed teaser stays none");
}
