//! The portal theme in the browser (issue 22), at 360 px (phone, DPR 2) and
//! 1280 px: the header's height and search form, the front page's first
//! screen, thumbnails, tap targets, table titles and headers, and print.

use super::cdp::{Browser, Tab};
use super::{Failures, enabled, env};
use serde_json::{Value, json};

pub(super) const SIZES: [(u32, u32, bool); 2] = [(360, 800, true), (1280, 800, false)];

/// A tab at one size on a page of the sample site.
pub(super) fn open(
    b: &mut Browser,
    origin: &str,
    page: &str,
    (w, h, mobile): (u32, u32, bool),
) -> Tab {
    let tab = b.new_tab().expect("tab");
    b.emulate(&tab, w, h, mobile).expect("emulate");
    b.goto(&tab, &format!("{origin}{page}")).expect("load");
    tab
}

/// Standard base64 (CDP's PDF data); padding and other bytes are skipped.
fn base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let (mut out, mut acc, mut bits) = (Vec::with_capacity(s.len() * 3 / 4), 0u32, 0);
    for v in s.bytes().filter_map(val) {
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

pub(super) fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

#[test]
fn the_header_takes_at_most_a_quarter_of_a_phone_and_searches_the_site() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let mut f = Failures::default();
    for size in SIZES {
        for page in ["/", "/kinh-te/", "/chi-so/"] {
            let tab = open(&mut env.browser, &origin, page, size);
            let v = env
                .browser
                .eval(
                    &tab,
                    r#"(() => {
                      const h = document.querySelector('.site-header').getBoundingClientRect().height;
                      const form = document.querySelector('header form[role=search]');
                      const q = form && form.querySelector('input[name=q]');
                      const r = q ? q.getBoundingClientRect() : {width: 0, height: 0};
                      return { h, action: form ? new URL(form.action).pathname : '', method: form ? form.method : '',
                               input: r.width > 0 && r.height >= 24,
                               menu: !!document.querySelector('header nav.menu') };
                    })()"#,
                )
                .unwrap();
            let at = format!("{page} at {}px", size.0);
            if num(&v["h"]) > 200.0 {
                f.add(&at, format!("header is {} px tall (at most 200)", v["h"]));
            }
            if v["action"] != "/tim-kiem/" || v["method"] != "get" || v["input"] != true {
                f.add(&at, format!("header search form: {v}"));
            }
            if v["menu"] != true {
                f.add(&at, "no menu");
            }
            env.browser.close_tab(&tab).unwrap();
        }
    }
    f.assert_none("headers");
}

/// A search from the header lands on the search page with its words typed in.
#[test]
fn a_search_typed_in_the_header_reaches_the_search_page() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let b = &mut env.browser;
    let tab = open(b, &origin, "/", SIZES[0]);
    b.eval(
        &tab,
        "document.querySelector('#tim-nhanh').value = 'một cửa'; document.querySelector('header form[role=search]').submit(); true",
    )
    .unwrap();
    let _ = b.pump_until(std::time::Duration::from_secs(3), |_| false);
    let v = b
        .eval(&tab, "[location.pathname, document.querySelector('#tu-khoa') ? document.querySelector('#tu-khoa').value : '']")
        .unwrap();
    assert_eq!(v, json!(["/tim-kiem/", "một cửa"]));
    b.close_tab(&tab).unwrap();
}

#[test]
fn the_front_page_shows_a_photo_and_three_headlines_on_its_first_screen() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let mut f = Failures::default();
    for size in SIZES {
        let tab = open(&mut env.browser, &origin, "/", size);
        let v = env
            .browser
            .eval(
                &tab,
                r#"(() => {
                  const fold = innerHeight;
                  const img = document.querySelector('.lead-story img');
                  const r = img ? img.getBoundingClientRect() : null;
                  const heads = [...document.querySelectorAll('main .lead-title a, main .teaser-title a')]
                    .filter(a => { const b = a.getBoundingClientRect(); return b.height > 0 && b.bottom <= fold; });
                  return { photo: !!r && r.top < fold && r.bottom <= fold && r.width >= 0.5 * document.querySelector('main').clientWidth * 0.5 && img.complete && img.naturalWidth > 0,
                           headlines: heads.length };
                })()"#,
            )
            .unwrap();
        let at = format!("/ at {}px", size.0);
        if v["photo"] != true {
            f.add(&at, "no loaded photo wholly above the fold");
        }
        if num(&v["headlines"]) < 3.0 {
            f.add(&at, format!("{} headlines above the fold", v["headlines"]));
        }
        env.browser.close_tab(&tab).unwrap();
    }
    f.assert_none("front page");
}

#[test]
fn list_thumbnails_sit_beside_their_titles_at_a_third_of_the_column_or_less() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let mut f = Failures::default();
    for size in SIZES {
        let tab = open(&mut env.browser, &origin, "/cai-cach-hanh-chinh/", size);
        let v = env
            .browser
            .eval(
                &tab,
                r#"[...document.querySelectorAll('.teaser.has-thumb')].map(t => {
                  const i = t.querySelector('.teaser-thumb img').getBoundingClientRect();
                  const h = t.querySelector('.teaser-title').getBoundingClientRect();
                  const col = t.getBoundingClientRect().width;
                  return { w: i.width, h: i.height, beside: h.left >= i.right && Math.abs(h.top - i.top) < 12, share: i.width / col };
                })"#,
            )
            .unwrap();
        let at = format!("/cai-cach-hanh-chinh/ at {}px", size.0);
        let thumbs = v.as_array().cloned().unwrap_or_default();
        if thumbs.is_empty() {
            f.add(&at, "no thumbnail");
        }
        for t in thumbs {
            if num(&t["w"]) < 80.0
                || num(&t["h"]) < 50.0
                || t["beside"] != true
                || num(&t["share"]) > 0.4
            {
                f.add(&at, format!("thumbnail {t}"));
            }
        }
        env.browser.close_tab(&tab).unwrap();
    }
    f.assert_none("thumbnails");
}

/// Links and buttons of the header, menu (opened on a phone), sidebar,
/// breadcrumbs, pagination and "more" links: at least 24 px tall.
#[test]
fn tap_targets_are_at_least_24px_tall() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let pages: Vec<String> = [
        "/",
        "/kinh-te/",
        "/chi-so/chi-so-cchc-lai-chau/",
        "/luu-tru/",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(
        env.pages
            .iter()
            .filter(|p| p.matches('/').count() == 3 && p.starts_with("/cai-cach-hanh-chinh/"))
            .take(1)
            .cloned(),
    )
    .collect();
    let mut f = Failures::default();
    for size in SIZES {
        for page in &pages {
            let tab = open(&mut env.browser, &origin, page, size);
            let v = env
                .browser
                .eval(
                    &tab,
                    r#"(() => {
                      const d = document.querySelector('.menu-toggle');
                      if (d && getComputedStyle(d).display !== 'none') d.open = true;
                      const sel = 'header a, header button, header summary, header input, nav a, .sidebar a, .breadcrumb a, .pagination a, .more a, .panel-more a, .chart-download a, .chart-data summary, .search-more';
                      return [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length)
                        .map(e => [e.textContent.trim().slice(0, 30), Math.round(e.getBoundingClientRect().height)])
                        .filter(x => x[1] < 24);
                    })()"#,
                )
                .unwrap();
            for small in v.as_array().cloned().unwrap_or_default() {
                f.add(
                    &format!("{page} at {}px", size.0),
                    format!("tap target {small}"),
                );
            }
            env.browser.close_tab(&tab).unwrap();
        }
    }
    f.assert_none("tap targets");
}

/// Every dataset page: table titles wholly visible, and after a sideways
/// scroll each header cell still sits over its column.
#[test]
fn table_titles_are_never_clipped_and_headers_stay_over_their_columns_when_scrolled() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let pages: Vec<String> = env
        .pages
        .iter()
        .filter(|p| p.starts_with("/chi-so/") && p.len() > 8)
        .cloned()
        .collect();
    let mut f = Failures::default();
    for size in SIZES {
        for page in &pages {
            let tab = open(&mut env.browser, &origin, page, size);
            let v = env
                .browser
                .eval(
                    &tab,
                    r#"(() => {
                      const out = [];
                      document.querySelectorAll('.table-title').forEach(t => {
                        const r = t.getBoundingClientRect();
                        if (t.scrollWidth > t.clientWidth + 1 || r.right > innerWidth + 1 || r.left < -1) out.push('title clipped: ' + t.textContent);
                      });
                      document.querySelectorAll('.table-wrap').forEach(w => {
                        // A table folded into cards on a phone has no header row to align.
                        if (getComputedStyle(w.querySelector('table')).display !== 'table') return;
                        w.scrollLeft = 200;
                        const head = [...w.querySelectorAll('thead tr')].pop();
                        const row = w.querySelector('tbody tr');
                        if (!head || !row || head.cells.length !== row.cells.length) return;
                        [...head.cells].forEach((th, k) => {
                          const a = th.getBoundingClientRect(), b = row.cells[k].getBoundingClientRect();
                          if (Math.abs(a.left - b.left) > 1) out.push('header "' + th.textContent.trim() + '" is ' + Math.round(a.left - b.left) + ' px off its column');
                        });
                        w.scrollLeft = 0;
                      });
                      return out;
                    })()"#,
                )
                .unwrap();
            for p in v.as_array().cloned().unwrap_or_default() {
                f.add(&format!("{page} at {}px", size.0), p.as_str().unwrap_or(""));
            }
            env.browser.close_tab(&tab).unwrap();
        }
    }
    f.assert_none("tables");
}

/// What printing shows: the PDF's page size (from Page.printToPDF), its
/// page count and text (`pdf_text`), and, under print media, that
/// navigation is hidden, every table column fits the page and every chart
/// prints its source and address.
fn print(b: &mut Browser, tab: &Tab) -> (String, usize, Value) {
    let r = b
        .tab_call(
            tab,
            "Page.printToPDF",
            json!({ "preferCSSPageSize": true, "printBackground": false }),
        )
        .expect("printToPDF");
    let pdf = base64(r["data"].as_str().unwrap_or(""));
    let words = pdf_text(&pdf);
    let text = String::from_utf8_lossy(&pdf);
    let media = text
        .split("/MediaBox [")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .unwrap_or("")
        .to_string();
    let pages = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page/").count()
        + text.matches("/Type /Page ").count();
    b.tab_call(
        tab,
        "Emulation.setEmulatedMedia",
        json!({ "media": "print" }),
    )
    .unwrap();
    let v = b
        .eval(
            tab,
            r#"(() => {
              const shown = s => [...document.querySelectorAll(s)].some(e => e.getClientRects().length);
              const cut = [...document.querySelectorAll('table')].filter(t => {
                const w = t.closest('.table-wrap') || t.parentElement;
                return t.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || w.scrollWidth > w.clientWidth + 1;
              }).length;
              // Each chart's source and address print beneath its drawing.
              const unsourced = [...document.querySelectorAll('main figure.chart')].filter(f => {
                const r = f.querySelector('.chart-print-ref'), svg = f.querySelector('svg');
                return !r || !r.getClientRects().length || !svg ||
                  r.getBoundingClientRect().top < svg.getBoundingClientRect().bottom - 1;
              }).length;
              const years = [...new Set([...document.querySelectorAll('main table th[scope=col]')]
                .map(t => ((t.querySelector('[aria-hidden]') || t).textContent.trim().replace(/\s+/g, ' ')))
                .filter(t => /^(19|20)[0-9][0-9]\b/.test(t)))];
              return { years, h1: (document.querySelector('h1') || {}).textContent || '', nav: shown('nav.menu, .menu-toggle, .header-search, .sidebar, .site-footer, .comments'), cut,
                       unsourced, figures: document.querySelectorAll('main figure.chart').length,
                       title_first: !!document.querySelector('h1') };
            })()"#,
        )
        .unwrap();
    b.tab_call(tab, "Emulation.setEmulatedMedia", json!({ "media": "" }))
        .unwrap();
    let mut v = v;
    v["pdf_text"] = Value::String(words);
    v["screen_print_only"] = b
        .eval(
            tab,
            "[...document.querySelectorAll('.print-only')].some(e => e.getClientRects().length)",
        )
        .unwrap();
    (media, pages, v)
}

/// The PDF's text, through poppler's `pdftotext` (Debian poppler-utils,
/// installed by scripts/install-test-tools.sh). Its absence fails the test:
/// the browser tests are on, so print is to be checked in full.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("page.pdf");
    std::fs::write(&file, pdf).expect("write the PDF");
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("pdftotext ({e}): run scripts/install-test-tools.sh (poppler-utils)")
        });
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Navigation, header and footer text that a printed page leaves out.
const NOT_PRINTED: &[&str] = &[
    "Bỏ qua, đến nội dung chính",
    "Đường dây nóng",
    "Tìm kiếm trên trang",
    "Lưu trữ tin bài",
    "Ảnh chia sẻ",
];

/// What the PDF says: every year column of the page's tables, the title,
/// and none of the navigation.
fn check_pdf_text(f: &mut Failures, page: &str, v: &Value) {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = squash(v["pdf_text"].as_str().unwrap_or(""));
    for y in v["years"].as_array().into_iter().flatten() {
        let y = y.as_str().unwrap_or("");
        if !text.contains(y) {
            f.add(page, format!("year column {y} missing from the PDF text"));
        }
    }
    let h1 = squash(v["h1"].as_str().unwrap_or(""));
    let first: String = h1.split(' ').take(3).collect::<Vec<_>>().join(" ");
    if first.is_empty() || !text.contains(&first) {
        f.add(page, format!("title {first:?} missing from the PDF text"));
    }
    for nav in NOT_PRINTED {
        if text.contains(nav) {
            f.add(page, format!("{nav:?} printed"));
        }
    }
}

#[test]
fn pages_print_on_a4_without_navigation_and_with_every_table_column() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let article = env
        .pages
        .iter()
        .find(|p| p.starts_with("/cai-cach-hanh-chinh/phong-tho-gan"))
        .cloned()
        .expect("the sample article");
    let mut f = Failures::default();
    for page in [
        "/chi-so/chi-so-cchc-lai-chau/",
        "/chi-so/chi-so-cchc-lai-chau/2022/",
        article.as_str(),
    ] {
        let tab = open(&mut env.browser, &origin, page, SIZES[1]);
        let (media, pages, v) = print(&mut env.browser, &tab);
        let dims: Vec<f64> = media
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        // A4 is 595 × 842 points.
        if dims.len() != 4 || (dims[2] - 595.0).abs() > 2.0 || (dims[3] - 842.0).abs() > 2.0 {
            f.add(page, format!("page size {media:?}, not A4"));
        }
        if pages == 0 || pages > 4 {
            f.add(page, format!("{pages} pages"));
        }
        if v["nav"] != false {
            f.add(page, "navigation, sidebar or footer printed");
        }
        if num(&v["unsourced"]) > 0.0 {
            f.add(
                page,
                format!(
                    "{} of {} figures print no source and address beneath",
                    v["unsourced"], v["figures"]
                ),
            );
        }
        check_pdf_text(&mut f, page, &v);
        if page == "/chi-so/chi-so-cchc-lai-chau/"
            && v["years"].as_array().is_none_or(|a| a.len() < 2)
        {
            f.add(
                page,
                format!("year columns {:?}: the table was not found", v["years"]),
            );
        }
        if v["screen_print_only"] != false {
            f.add(page, "a print-only line shows on screen");
        }
        if num(&v["cut"]) > 0.0 {
            f.add(page, format!("{} tables cut at the page edge", v["cut"]));
        }
        env.browser.close_tab(&tab).unwrap();
    }
    f.assert_none("print");
}
