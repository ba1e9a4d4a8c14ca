//! Chart PNGs in the browser (issue 11): every chart figure of the sample's
//! dataset page links a PNG at twice the chart's size and a 1200×630 share
//! card; Chromium loads both as images of those sizes, served as
//! image/png, and both have ink where the title is drawn.

use super::{Failures, enabled, env};
use serde_json::Value;

const DATASET_PAGE: &str = "/chi-so/chi-so-cchc-lai-chau/";

/// For each figure with downloads: its SVG file's viewBox size, and for its PNG
/// and its card: natural size, media type, and the share of dark pixels in
/// the top band (the title) and in the whole image.
const MEASURE: &str = r#"(async () => {
  const ink = async (url) => {
    const r = await fetch(url);
    const type = r.headers.get('content-type');
    const blob = await r.blob();
    const img = new Image();
    img.src = URL.createObjectURL(blob);
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth; c.height = img.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const dark = (y0, y1) => {
      const d = g.getImageData(0, y0, c.width, Math.max(1, y1 - y0)).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] + d[i + 1] + d[i + 2] < 300) n++;
      return n / (d.length / 4);
    };
    return { type, w: img.naturalWidth, h: img.naturalHeight,
             top: dark(0, Math.round(c.height * 0.12)), all: dark(0, c.height) };
  };
  const out = [];
  for (const f of document.querySelectorAll('figure.chart')) {
    const links = f.querySelectorAll('.chart-download a');
    if (links.length < 3) continue;
    // The PNG is drawn from the standalone SVG, which (for illustrative
    // data) keeps the badge the page's inline chart leaves to the heading.
    const file = new DOMParser().parseFromString(await (await fetch(links[0].href)).text(), 'image/svg+xml');
    const vb = file.documentElement.viewBox.baseVal;
    out.push({ id: f.id, vw: vb.width, vh: vb.height,
               label: links[1].textContent, card_label: links[2].textContent,
               png: await ink(links[1].href), card: await ink(links[2].href) });
  }
  return out;
})()"#;

#[test]
fn chart_pngs_load_at_twice_the_chart_and_at_share_size_with_their_title_drawn() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let b = &mut env.browser;
    let tab = b.new_tab().expect("tab");
    b.emulate(&tab, 1280, 900, false).expect("emulate");
    b.goto(&tab, &format!("{origin}{DATASET_PAGE}"))
        .expect("load");
    let figures = b.eval(&tab, MEASURE).expect("measure");
    b.close_tab(&tab).expect("close");
    let figures = figures.as_array().cloned().unwrap_or_default();
    assert!(figures.len() >= 2, "charts with downloads: {figures:?}");
    let mut f = Failures::default();
    let num = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    for fig in &figures {
        let id = fig["id"].as_str().unwrap_or("?").to_string();
        if fig["label"] != "Tải ảnh (PNG)" || fig["card_label"] != "Ảnh chia sẻ (1200×630)"
        {
            f.add(
                &id,
                format!("link texts {} / {}", fig["label"], fig["card_label"]),
            );
        }
        let (png, card) = (&fig["png"], &fig["card"]);
        for (what, p) in [("png", png), ("card", card)] {
            if p["type"] != "image/png" {
                f.add(&id, format!("{what} served as {}", p["type"]));
            }
            // A title is drawn: some ink in the top band, and the image is
            // not a blank page.
            if !(num(&p["top"]) > 0.002 && num(&p["all"]) > 0.005) {
                f.add(&id, format!("{what} looks blank: {p}"));
            }
        }
        let (vw, vh) = (num(&fig["vw"]), num(&fig["vh"]));
        if (num(&png["w"]), num(&png["h"])) != (2.0 * vw, 2.0 * vh) {
            f.add(
                &id,
                format!("PNG {}×{} for a {vw}×{vh} chart", png["w"], png["h"]),
            );
        }
        if (num(&card["w"]), num(&card["h"])) != (1200.0, 630.0) {
            f.add(&id, format!("card {}×{}", card["w"], card["h"]));
        }
    }
    f.assert_none("chart PNGs");
}
