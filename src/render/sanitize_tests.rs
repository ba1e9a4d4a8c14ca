//! Unit tests of the sanitiser's lists and of the removals it reports.

use super::*;

fn kinds(raw: &str) -> Vec<(usize, String)> {
    removals(raw)
        .into_iter()
        .map(|r| (r.line, r.kind))
        .collect()
}

#[test]
fn active_content_is_removed() {
    let html = clean(concat!(
        "<p onclick=\"x()\">a<script>alert(1)</script></p>",
        "<form action=\"/g\"><input name=\"q\"><button>Gửi</button><textarea>t</textarea></form>",
        "<iframe src=\"https://e.com\">khung</iframe><object data=\"x.swf\">o</object><embed src=\"x\">",
        "<a href=\"javascript:alert(1)\">j</a><a href=\" JaVaScRiPt:x\">k</a><a href=\"vbscript:x\">v</a>",
        "<img src=\"data:image/png;base64,AA\"><svg><script>x</script></svg>",
    ));
    assert_eq!(html, "<p>a</p><a>j</a><a>k</a><a>v</a><img>");
}

#[test]
fn newsroom_html_is_kept_as_written() {
    for html in [
        "<table border=\"1\" cellpadding=\"2\"><tbody><tr><td colspan=\"2\" align=\"right\">1</td></tr></tbody></table>",
        "<figure><img src=\"/a.png\" alt=\"Ảnh\" width=\"10\" height=\"5\" loading=\"lazy\"><figcaption>Chú thích</figcaption></figure>",
        "<details open=\"\"><summary>Tóm tắt</summary>Nội dung</details>",
        "H<sub>2</sub>O x<sup>2</sup> <abbr title=\"Ủy ban nhân dân\">UBND</abbr> <mark>m</mark><br>",
        "<div class=\"hop\"><span class=\"nho\" id=\"nho\">chữ</span></div>",
        "<a href=\"https://x.vn/\" title=\"t\">l</a> <a href=\"/chi-so/\">i</a> <a href=\"#muc\">m</a> <a href=\"mailto:a@b.vn\">e</a>",
        "<video src=\"/video/hop.mp4\" poster=\"/anh/hop.jpg\" controls=\"\" width=\"640\"></video>",
        "<p style=\"text-align: center; color: #333\">căn giữa</p>",
        "<h2 id=\"ket-qua\" class=\"lon\">Kết quả</h2>",
    ] {
        assert_eq!(clean(html), html);
    }
}

#[test]
fn risky_styles_and_foreign_media_lose_their_attribute() {
    for style in [
        "background: url(https://x.com/a.png)",
        "width: expression(alert(1))",
        "background-image: URL ( x )",
        "color: r\\65 d",
        "-moz-binding: x",
        "position: fixed; top: 0",
    ] {
        assert!(style_risk(style).is_some(), "{style}");
        assert_eq!(clean(&format!("<p style=\"{style}\">x</p>")), "<p>x</p>");
    }
    assert_eq!(style_risk("text-align: left"), None);
    assert_eq!(
        clean(
            "<video src=\"https://x.com/v.mp4\" controls></video><video src=\"//x.com/v\"></video>"
        ),
        "<video controls=\"\"></video><video></video>"
    );
    assert_eq!(
        clean("<a href=\"ftp://x.vn/f\">f</a><blockquote cite=\"javascript:x\">q</blockquote>"),
        "<a>f</a><blockquote>q</blockquote>"
    );
}

#[test]
fn placeholders_typed_into_attributes_are_removed() {
    let html = format!("<span title=\"a{OPEN}0{CLOSE}\">{OPEN}1{CLOSE}</span>");
    assert_eq!(
        clean(&html),
        format!("<span title=\"a0\">{OPEN}1{CLOSE}</span>"),
        "text keeps them, attributes do not"
    );
}

#[test]
fn removals_name_each_kind_at_its_line() {
    let raw = "<div onclick=\"x\">\n<script>\nvar a = '<iframe>';\n</script>\n<form><input>\n<a href=\"javascript:x\">l</a><font>f</font>\n</div>\n";
    assert_eq!(
        kinds(raw),
        [
            (1, "onclick".to_string()),
            (2, "<script>".to_string()),
            (5, "<form>".to_string()),
            (5, "<input>".to_string()),
            (
                6,
                "href: a javascript:, vbscript: or data: address".to_string()
            ),
            (6, "<font>".to_string()),
        ],
        "nothing inside the script is read as tags"
    );
    let r = removals("<script>x</script>");
    assert!(r[0].active);
    assert!(r[0].message.contains("never published"), "{}", r[0].message);
    assert!(!removals("<font>x</font>")[0].active);
}

#[test]
fn removals_skip_what_an_element_removed_with_content_holds() {
    assert_eq!(
        kinds(
            "<object data=\"x\"><param name=\"a\"><embed src=\"y\"></object><b onclick=\"z\">b</b>"
        ),
        [(1, "<object>".to_string()), (1, "onclick".to_string())]
    );
    assert_eq!(
        kinds("<svg><svg></svg><script>x</script></svg><i>i</i>"),
        [(1, "<svg>".to_string())]
    );
}

#[test]
fn harmless_html_reports_nothing() {
    assert!(kinds("<table border=\"1\"><tr><td align=\"left\">1</td></tr></table>").is_empty());
    assert!(
        kinds("<img src=\"/a.png\" alt=\"a\" width=\"1\"> <span class=\"x\">y</span>").is_empty()
    );
    assert!(kinds("</div>").is_empty());
    assert!(kinds("<!-- ghi chú -->").is_empty());
}

#[test]
fn heading_attributes_are_judged_like_html() {
    assert!(attribute_removal("h2", "onclick", "x").is_some_and(|r| r.2));
    assert!(attribute_removal("h2", "OnMouseOver", "x").is_some());
    assert!(attribute_removal("h2", "style", "background:url(x)").is_some());
    assert!(attribute_removal("h2", "href", "x").is_some_and(|r| !r.2));
    assert_eq!(attribute_removal("h2", "lang", "vi"), None);
}
