//! The portal theme's layout in the browser (issue 22, second part): the
//! multi-year table folds into cards on a phone and stays a table on a
//! desktop; images, charts and text share one measure in an article.

use super::portal::{SIZES, num, open};
use super::{Failures, enabled, env};

/// At 360 px the dataset page's multi-year table scrolls nowhere and shows
/// every year's value of every unit inside the column; at 1280 px it is a
/// table whose header row sits over its columns, every year in view.
#[test]
fn the_multi_year_table_becomes_one_card_per_unit_on_a_phone() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let mut f = Failures::default();
    let pages = [
        "/chi-so/chi-so-cchc-lai-chau/",
        "/chi-so/chi-so-cchc-xa-phong-tho/",
        "/chi-so/par-index-lai-chau/",
    ];
    for size in SIZES {
        for page in pages {
            let tab = open(&mut env.browser, &origin, page, size);
            let v = env
                .browser
                .eval(
                    &tab,
                    r#"(() => {
                      const t = document.querySelector('main table.stack');
                      if (!t) return { found: false };
                      const w = t.closest('.table-wrap'), box = w.getBoundingClientRect();
                      const years = [...t.querySelectorAll('thead th')].slice(1).map(th => th.textContent.trim().slice(0, 4));
                      const bad = [];
                      [...t.tBodies[0].rows].forEach(tr => {
                        const unit = tr.cells[0].textContent.trim();
                        const cells = [...tr.cells].slice(1);
                        if (cells.length !== years.length) bad.push(unit + ': ' + cells.length + ' cells');
                        cells.forEach((td, k) => {
                          const r = td.getBoundingClientRect();
                          const label = getComputedStyle(td, '::before').content.replace(/"/g, '');
                          const shown = r.width > 0 && r.height > 0 && td.scrollWidth <= td.clientWidth + 1;
                          const inside = r.left >= box.left - 1 && r.right <= box.right + 1 && r.right <= innerWidth;
                          if (!shown || !inside) bad.push(unit + ' ' + years[k] + ' not wholly visible');
                          if (innerWidth < 640 && label !== years[k]) bad.push(unit + ' ' + years[k] + ' labelled ' + label);
                        });
                      });
                      const head = t.tHead.rows[0], row = t.tBodies[0].rows[0];
                      const aligned = [...head.cells].every((th, k) =>
                        Math.abs(th.getBoundingClientRect().left - row.cells[k].getBoundingClientRect().left) <= 1);
                      return { found: true, display: getComputedStyle(t).display, scrolls: w.scrollWidth > w.clientWidth + 1,
                               page_scrolls: document.documentElement.scrollWidth > innerWidth, bad, aligned,
                               head_shown: head.getBoundingClientRect().height > 10 };
                    })()"#,
                )
                .unwrap();
            let at = format!("{page} at {}px", size.0);
            if v["found"] != true {
                f.add(&at, "no multi-year table (table.stack)");
                env.browser.close_tab(&tab).unwrap();
                continue;
            }
            let phone = size.0 < 640;
            if phone {
                if v["display"] == "table" || v["scrolls"] != false || v["page_scrolls"] != false {
                    f.add(&at, format!("still a scrolling table: {v}"));
                }
                for b in v["bad"].as_array().into_iter().flatten() {
                    f.add(&at, b.as_str().unwrap_or(""));
                }
            } else if v["display"] != "table"
                || v["aligned"] != true
                || v["head_shown"] != true
                || v["scrolls"] != false
            {
                f.add(&at, format!("not a whole table with its header row: {v}"));
            }
            env.browser.close_tab(&tab).unwrap();
        }
    }
    f.assert_none("multi-year tables");
}

/// In an article with a lead photo and a chart, a paragraph, the photo and
/// the chart's figure (and its drawing) are one width, at 1280 px and 360 px.
#[test]
fn text_photos_and_charts_share_one_measure_in_an_article() {
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
        .expect("the sample article with a photo and a chart");
    let mut f = Failures::default();
    for size in SIZES {
        let tab = open(&mut env.browser, &origin, &article, size);
        let v = env
            .browser
            .eval(
                &tab,
                r#"(() => {
                  const w = s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().width : -1; };
                  return { text: w('.article-body > p'), photo: w('.lead-image img'),
                           chart: w('.article-body figure.chart'), drawing: w('.article-body figure.chart svg') };
                })()"#,
            )
            .unwrap();
        let at = format!("{article} at {}px", size.0);
        let text = num(&v["text"]);
        if text < 300.0 {
            f.add(&at, format!("no paragraph: {v}"));
        }
        for k in ["photo", "chart", "drawing"] {
            if (num(&v[k]) - text).abs() > 2.0 {
                f.add(&at, format!("{k} is {} px wide, the text {text} px", v[k]));
            }
        }
        env.browser.close_tab(&tab).unwrap();
    }
    f.assert_none("one measure");
}

/// The `sizes` of the article's and the front page's lead photos and of a
/// list's thumbnails say the width each is shown at (±3 px), at 360, 800
/// and 1280 px, so the browser fetches the copy it needs.
#[test]
fn photo_sizes_say_the_width_the_photo_is_shown_at() {
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
        .expect("the sample article with a photo");
    let mut f = Failures::default();
    let sizes = [SIZES[0], (800, 800, false), SIZES[1]];
    for size in sizes {
        for (page, img) in [
            (article.as_str(), ".lead-image img"),
            ("/", ".lead-story img"),
            ("/cai-cach-hanh-chinh/", ".teaser-thumb picture img"),
        ] {
            let tab = open(&mut env.browser, &origin, page, size);
            let v = env
                .browser
                .eval(
                    &tab,
                    &format!(
                        r#"(() => {{
                      const img = document.querySelector('{img}');
                      if (!img) return null;
                      // The first entry of sizes whose media matches, as a length.
                      const entry = img.getAttribute('sizes').split(',').map(s => s.trim()).find(s => {{
                        const m = s.match(/^(\(.*\))\s+(.+)$/);
                        return !m || matchMedia(m[1]).matches;
                      }});
                      const len = entry.replace(/^\(.*\)\s+/, '');
                      const probe = document.createElement('div');
                      probe.style.cssText = 'position:absolute;visibility:hidden;width:' + len;
                      document.body.appendChild(probe);
                      const said = probe.getBoundingClientRect().width;
                      probe.remove();
                      return {{ said, shown: img.getBoundingClientRect().width, entry }};
                    }})()"#
                    ),
                )
                .unwrap();
            let at = format!("{page} {img} at {}px", size.0);
            if v.is_null() {
                f.add(&at, "no photo");
            } else if (num(&v["said"]) - num(&v["shown"])).abs() > 3.0 {
                f.add(&at, format!("sizes says {v}"));
            }
            env.browser.close_tab(&tab).unwrap();
        }
    }
    f.assert_none("sizes");
}
