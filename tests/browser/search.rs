//! The search page `/tim-kiem/` in Chromium (issue 12): results as the
//! reader types, Vietnamese matching, the relevance set
//! (tests/fixtures/search/queries.yaml) run through the page's own ranking,
//! no request off the site, axe with results open, the no-JavaScript text.

use super::cdp::{Browser, Tab, load_problems};
use super::{AXE, AXE_RUN, Failures, enabled, env, repo};
use serde_json::Value;
use std::time::{Duration, Instant};

/// Poll `expr` until it is true, keeping the tab's events for the caller.
fn wait_true(b: &mut Browser, tab: &Tab, what: &str, expr: &str, events: &mut Vec<Value>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if b.eval(tab, expr).ok() == Some(Value::Bool(true)) {
            return;
        }
        let _ = b.pump_until(Duration::from_millis(50), |_| false);
        events.extend(b.take_events(tab));
    }
    panic!("timed out waiting for {what}");
}

/// Type `q` into the search box as a reader would (one input event per
/// character) and wait until the status line answers it.
fn type_query(b: &mut Browser, tab: &Tab, q: &str, events: &mut Vec<Value>) {
    let js = format!(
        r#"(() => {{ const i = document.getElementById('tu-khoa'); i.value = '';
        for (const ch of {q}) {{ i.value += ch; i.dispatchEvent(new Event('input')); }} return true; }})()"#,
        q = serde_json::to_string(q).unwrap()
    );
    b.eval(tab, &js).expect("type");
    let answered = format!(
        "(() => {{ const s = document.getElementById('trang-thai').textContent; \
         return s.includes({q}) && !s.startsWith('Đang'); }})()",
        q = serde_json::to_string(&format!("“{q}”")).unwrap()
    );
    wait_true(b, tab, &format!("results for {q}"), &answered, events);
    // The results' fragments arrive after the status line.
    wait_true(
        b,
        tab,
        "result items",
        "(() => { const n = document.querySelectorAll('#ket-qua li').length; \
         return n > 0 || document.getElementById('trang-thai').textContent.startsWith('Không'); })()",
        events,
    );
}

fn result_urls(b: &mut Browser, tab: &Tab) -> Vec<String> {
    let v = b
        .eval(
            tab,
            "[...document.querySelectorAll('#ket-qua li h2 a')].map(a => new URL(a.href).pathname)",
        )
        .expect("results");
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The search page opened in a fresh tab, with its load events.
fn open_search(b: &mut Browser, origin: &str) -> (Tab, Vec<Value>) {
    let tab = b.new_tab().expect("tab");
    b.emulate(&tab, 360, 800, true).expect("emulate");
    let events = b
        .goto(&tab, &format!("{origin}/tim-kiem/"))
        .expect("search page");
    (tab, events)
}

const PHONG_THO_ARTICLE: &str = "/cai-cach-hanh-chinh/phong-tho-gan-phong-trao-thi-dua-lao-dong-gioi-lao-dong-sang-tao-voi-cai-cach-hanh-chinh/";

#[test]
fn typing_without_marks_finds_articles_and_unit_pages_and_says_when_nothing_matches() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let b = &mut env.browser;
    let (tab, mut events) = open_search(b, &origin);
    let mut f = Failures::default();

    type_query(b, &tab, "cai cach", &mut events);
    let urls = result_urls(b, &tab);
    if !urls.iter().take(3).any(|u| u == PHONG_THO_ARTICLE) {
        f.add(
            "cai cach",
            format!("Phong Thổ article not in the first three: {urls:?}"),
        );
    }
    let marks = b
        .eval(
            &tab,
            "[...document.querySelectorAll('#ket-qua mark')].map(m => m.textContent.toLowerCase())",
        )
        .unwrap_or_default();
    if !marks
        .as_array()
        .is_some_and(|m| m.iter().any(|x| x == "cải"))
    {
        f.add("cai cach", format!("excerpt highlights no “cải”: {marks}"));
    }

    type_query(b, &tab, "phong tho", &mut events);
    let urls = result_urls(b, &tab);
    if !urls
        .iter()
        .any(|u| u == "/chi-so/chi-so-cchc-lai-chau/phong-tho/")
    {
        f.add("phong tho", format!("unit page not found: {urls:?}"));
    }

    type_query(b, &tab, "tàu ngầm", &mut events);
    let status = b
        .eval(&tab, "document.getElementById('trang-thai').textContent")
        .unwrap_or_default();
    if !status
        .as_str()
        .unwrap_or("")
        .starts_with("Không tìm thấy kết quả nào")
    {
        f.add("tàu ngầm", format!("no-match message missing: {status}"));
    }
    if !result_urls(b, &tab).is_empty() {
        f.add("tàu ngầm", "results shown for a query that matches nothing");
    }

    // The year filter keeps only that year's documents.
    type_query(b, &tab, "ban", &mut events);
    b.eval(
        &tab,
        "(() => { const y = document.getElementById('nam'); y.value = '2023'; y.dispatchEvent(new Event('change')); return true; })()",
    )
    .unwrap();
    let _ = b.pump_until(Duration::from_millis(300), |_| false);
    let mut urls = result_urls(b, &tab);
    urls.sort();
    let expected = [
        "/kinh-te/cho-phien-dao-san-ba-con-mang-nong-san-xuong-nui-ban/",
        "/van-hoa-xa-hoi/xa-nam-xe-uu-tien-nguon-luc-cho-cac-ban-dac-biet-kho-khan/",
    ];
    if urls != expected {
        f.add("ban, year 2023", format!("{urls:?}"));
    }

    events.extend(b.take_events(&tab));
    for p in load_problems(&events, &origin) {
        f.add("/tim-kiem/", p);
    }
    b.close_tab(&tab).unwrap();
    f.assert_none("search page");
}

#[test]
fn search_page_with_results_open_has_no_axe_violations() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let b = &mut env.browser;
    let (tab, mut events) = open_search(b, &origin);
    type_query(b, &tab, "một cửa", &mut events);
    b.eval(&tab, AXE).expect("axe inject");
    let v = b.eval(&tab, AXE_RUN).expect("axe run");
    assert_eq!(v, Value::Array(vec![]), "axe violations with results open");
    b.close_tab(&tab).unwrap();
}

#[test]
fn search_page_without_javascript_says_so_and_offers_the_archive() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let b = &mut env.browser;
    let tab = b.new_tab().expect("tab");
    b.tab_call(
        &tab,
        "Emulation.setScriptExecutionDisabled",
        serde_json::json!({ "value": true }),
    )
    .unwrap();
    b.goto(&tab, &format!("{origin}/tim-kiem/")).unwrap();
    let text = b.eval(&tab, "document.body.innerText").unwrap_or_default();
    let text = text.as_str().unwrap_or("");
    assert!(text.contains("Tìm kiếm cần JavaScript"), "{text}");
    let form_shown = b
        .eval(
            &tab,
            "getComputedStyle(document.getElementById('tim-kiem')).display !== 'none'",
        )
        .unwrap();
    assert_eq!(
        form_shown,
        Value::Bool(false),
        "a search box that cannot work"
    );
    let archive = b
        .eval(&tab, "[...document.querySelectorAll('main a')].some(a => new URL(a.href).pathname === '/luu-tru/')")
        .unwrap();
    assert_eq!(archive, Value::Bool(true), "link to the archive");
    b.close_tab(&tab).unwrap();
}

/// One relevance-set entry's checks against the ranked addresses.
fn passes(q: &Value, ranked: &[String]) -> bool {
    let list = |k: &str| -> Vec<String> {
        q[k].as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let top3 = &ranked[..ranked.len().min(3)];
    q["first"]
        .as_str()
        .is_none_or(|u| ranked.first().is_some_and(|r| r == u))
        && list("top3").iter().all(|u| top3.contains(u))
        && list("not_top3").iter().all(|u| !top3.contains(u))
        && list("found").iter().all(|u| ranked.contains(u))
        && list("absent").iter().all(|u| !ranked.contains(u))
        && (q["none"] != Value::Bool(true) || ranked.is_empty())
}

#[test]
fn relevance_set_scores_at_least_90_percent_with_and_without_marks() {
    if !enabled() {
        return;
    }
    let text = std::fs::read_to_string(repo().join("tests/fixtures/search/queries.yaml")).unwrap();
    let set: Value = serde_saphyr::from_str(&text).expect("queries.yaml");
    let queries = set["queries"].as_array().expect("queries").clone();
    assert!(queries.len() >= 40, "the set has {} queries", queries.len());
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let b = &mut env.browser;
    let (tab, _) = open_search(b, &origin);
    // (passed, total) with marks, without.
    let mut score = [(0usize, 0usize); 2];
    let mut failed = Vec::new();
    for q in &queries {
        let query = q["q"].as_str().expect("q");
        let js = format!(
            "window.chisoSearch({}).then(r => r.map(x => x.url))",
            serde_json::to_string(query).unwrap()
        );
        let ranked: Vec<String> = b
            .eval(&tab, &js)
            .expect("chisoSearch")
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        let s = &mut score[usize::from(q["marks"] != Value::Bool(true))];
        s.1 += 1;
        if passes(q, &ranked) {
            s.0 += 1;
        } else {
            failed.push(format!("{query}: {:?}", &ranked[..ranked.len().min(3)]));
        }
    }
    b.close_tab(&tab).unwrap();
    let pct = |(p, t): (usize, usize)| 100.0 * p as f64 / t.max(1) as f64;
    println!(
        "search relevance (top 3): with marks {}/{} = {:.1} %, without marks {}/{} = {:.1} %",
        score[0].0,
        score[0].1,
        pct(score[0]),
        score[1].0,
        score[1].1,
        pct(score[1])
    );
    for f in &failed {
        println!("  missed: {f}");
    }
    assert!(
        pct(score[0]) >= 90.0 && pct(score[1]) >= 90.0,
        "relevance below 90 %: {failed:#?}"
    );
}

#[test]
fn page_folds_vietnamese_as_the_index_does() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let b = &mut env.browser;
    let (tab, _) = open_search(b, &origin);
    // The same words and folds as search::fold's unit tests, including
    // stacked marks typed decomposed.
    let js = r#"["Cải cách hành chính", "Điện Biên", "Thổ", "Nậm", "Mường", "ưu tiên",
      "Tho\u0302\u0309", "bản bán ban"].map(w => window.chisoSearch.fold(w))"#;
    let v = b.eval(&tab, js).expect("fold");
    assert_eq!(
        v,
        serde_json::json!([
            "cai cach hanh chinh",
            "dien bien",
            "tho",
            "nam",
            "muong",
            "uu tien",
            "tho",
            "ban ban ban"
        ])
    );
    b.close_tab(&tab).unwrap();
}
