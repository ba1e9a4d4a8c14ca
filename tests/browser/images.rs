//! Photos in the browser (issue 11): a 3840×2160 photograph (Debian's
//! mate-backgrounds, installed by scripts/install-test-tools.sh) as an
//! article's lead, seen on a 360 px phone at DPR 2: its bytes, the page's
//! bytes, and no layout shift.

use super::cdp::Browser;
use super::server::StaticServer;
use super::{build, enabled, env};
use serde_json::Value;
use std::path::Path;

const PHOTO: &str = "/usr/share/backgrounds/mate/abstract/Elephants_3840x2160.jpg";

/// Bytes by kind after the page loaded and was scrolled to its end, and the
/// cumulative layout shift.
const MEASURE: &str = r#"new Promise(done => {
  let cls = 0;
  new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  const unsized = [...document.images].filter(i => !(i.getBoundingClientRect().height > 0)).length;
  window.scrollTo(0, document.body.scrollHeight);
  setTimeout(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    let images = 0, total = nav.encodedBodySize, list = [];
    for (const r of performance.getEntriesByType('resource')) {
      total += r.encodedBodySize;
      if (r.initiatorType === 'img') { images += r.encodedBodySize; list.push(r.name.split('/').pop() + ' ' + r.encodedBodySize); }
    }
    const lead = document.querySelector('.lead-image img');
    done({ images, total, cls, unsized, list, lead: lead ? lead.currentSrc : '' });
  }, 1500);
})"#;

#[test]
fn a_4k_photo_costs_at_most_80_kb_on_a_360px_phone_and_the_page_100_kb_without_layout_shift() {
    if !enabled() {
        return;
    }
    assert!(
        Path::new(PHOTO).is_file(),
        "{PHOTO} missing: run scripts/install-test-tools.sh"
    );
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    super::common::copy_tree(&super::common::fixtures().join("good"), &root);
    std::fs::copy(PHOTO, root.join("content/static/images/voi.jpg")).unwrap();
    std::fs::write(
        root.join("content/articles/tin/voi.md"),
        "---\ntitle: \"Ảnh lớn\"\ndate: 2024-05-01T08:00:00+07:00\nsummary: \"Một bức ảnh 3840×2160.\"\nimage: \"/images/voi.jpg\"\nimage_caption: \"Đàn voi (ảnh: Wyng Stancikaite, GPL-2+)\"\n---\nThân bài có vài dòng chữ.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    build(&root, &out);
    let server = StaticServer::start(&out).expect("server");
    let mut g = env();
    let b: &mut Browser = &mut g.as_mut().expect("browser env").browser;
    let tab = b.new_tab().expect("tab");
    b.emulate(&tab, 360, 800, true).expect("emulate");
    b.goto(&tab, &format!("{}/tin-tuc/anh-lon/", server.origin()))
        .expect("load");
    let m = b.eval(&tab, MEASURE).expect("measure");
    b.close_tab(&tab).expect("close");
    let n = |k: &str| m[k].as_f64().unwrap_or(f64::NAN);
    eprintln!(
        "360 px, DPR 2: image bytes {}, page total {}, CLS {}, lead {} ({:?})",
        n("images"),
        n("total"),
        n("cls"),
        m["lead"],
        m["list"]
    );
    assert!(
        m["lead"].as_str().is_some_and(|s| s.ends_with(".webp")),
        "{m}"
    );
    assert!(
        n("images") > 0.0 && n("images") <= 80.0 * 1024.0,
        "image bytes {}",
        n("images")
    );
    assert!(n("total") <= 100.0 * 1024.0, "page bytes {}", n("total"));
    assert_eq!(n("cls"), 0.0, "layout shift");
    assert_eq!(
        m["unsized"],
        Value::from(0),
        "images without a box before load"
    );
}
