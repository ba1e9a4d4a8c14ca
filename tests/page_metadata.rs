//! Page metadata for sharing and search engines (issue 10, part 2): canonical
//! links, unique titles and descriptions, OpenGraph and Twitter cards, JSON-LD
//! (parsed and checked), favicon, robots.txt, sitemap dates and the feed.

mod common;

use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const BASE: &str = "https://phongtho.example.gov.vn/";

fn sample() -> &'static Path {
    common::built_sample()
}

/// Every HTML page: (its address, document).
fn every_page() -> Vec<(String, Html)> {
    let out = sample();
    let mut v = Vec::new();
    for e in walkdir::WalkDir::new(out).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(out)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let url = format!("{BASE}{}", rel.strip_suffix("index.html").unwrap_or(&rel));
        v.push((
            url,
            Html::parse_document(&std::fs::read_to_string(e.path()).unwrap()),
        ));
    }
    v
}

/// How many articles the sample has: one Markdown file each under
/// content/articles/ (none is a draft or scheduled).
fn sample_articles() -> usize {
    walkdir::WalkDir::new("content/articles")
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .count()
}

fn attr(doc: &Html, css: &str, name: &str) -> Option<String> {
    doc.select(&Selector::parse(css).unwrap())
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_string))
}

fn meta(doc: &Html, property: &str) -> Option<String> {
    attr(doc, &format!("meta[property=\"{property}\"]"), "content")
        .or_else(|| attr(doc, &format!("meta[name=\"{property}\"]"), "content"))
}

/// Every JSON-LD block of a page, parsed.
fn json_ld(doc: &Html) -> Vec<Value> {
    let sel = Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    doc.select(&sel)
        .map(|s| {
            let t: String = s.text().collect();
            serde_json::from_str(&t).unwrap_or_else(|e| panic!("JSON-LD {t}: {e}"))
        })
        .collect()
}

fn of_type<'a>(ld: &'a [Value], t: &str) -> Option<&'a Value> {
    ld.iter().find(|v| v["@type"] == t)
}

#[test]
fn every_page_has_a_canonical_link_to_its_own_address() {
    for (url, doc) in every_page() {
        assert_eq!(attr(&doc, "link[rel=canonical]", "href"), Some(url.clone()));
        assert_eq!(meta(&doc, "og:url"), Some(url));
    }
}

#[test]
fn titles_and_descriptions_are_unique_per_page() {
    let mut titles: BTreeMap<String, String> = BTreeMap::new();
    let mut descriptions: BTreeMap<String, String> = BTreeMap::new();
    for (url, doc) in every_page() {
        let t: String = doc
            .select(&Selector::parse("title").unwrap())
            .next()
            .unwrap()
            .text()
            .collect();
        let d = attr(&doc, "meta[name=description]", "content").unwrap();
        assert!(!d.trim().is_empty(), "{url}: empty description");
        if let Some(other) = titles.insert(t.clone(), url.clone()) {
            panic!("{url} and {other} share the title {t:?}");
        }
        if let Some(other) = descriptions.insert(d.clone(), url.clone()) {
            panic!("{url} and {other} share the description {d:?}");
        }
    }
}

#[test]
fn every_page_has_opengraph_and_a_twitter_card() {
    for (url, doc) in every_page() {
        for p in ["og:title", "og:description", "og:type", "og:site_name"] {
            assert!(meta(&doc, p).is_some_and(|v| !v.is_empty()), "{url}: {p}");
        }
        assert_eq!(meta(&doc, "og:locale").as_deref(), Some("vi_VN"), "{url}");
        assert_eq!(
            meta(&doc, "og:site_name").as_deref(),
            Some("Cổng thông tin điện tử huyện Phong Thổ")
        );
        let card = meta(&doc, "twitter:card").unwrap_or_default();
        if url.ends_with("404.html") {
            continue;
        }
        // The sample sets a share image: every page can be shared with one.
        assert_eq!(card, "summary_large_image", "{url}");
        let img = meta(&doc, "og:image").unwrap();
        assert!(img.starts_with(BASE), "{url}: {img}");
        assert!(meta(&doc, "og:image:width").is_some_and(|w| w.parse::<u32>().is_ok()));
        assert!(meta(&doc, "og:image:height").is_some_and(|h| h.parse::<u32>().is_ok()));
        assert!(meta(&doc, "og:image:alt").is_some_and(|a| !a.is_empty()));
    }
}

#[test]
fn og_image_is_the_site_share_image_where_the_article_has_none_or_an_svg() {
    let docs = every_page();
    let article = |slug: &str| &docs.iter().find(|(u, _)| u.ends_with(slug)).unwrap().1;
    // No image of its own, no chart.
    let d = article("/quoc-phong-an-ninh/canh-giac-voi-chieu-tro-viec-nhe-luong-cao-tren-mang/");
    assert_eq!(
        meta(d, "og:image").unwrap(),
        format!("{BASE}images/chia-se.png")
    );
    assert_eq!(meta(d, "og:image:width").as_deref(), Some("1200"));
    assert_eq!(meta(d, "og:image:height").as_deref(), Some("630"));
    assert_eq!(meta(d, "og:type").as_deref(), Some("article"));
}

#[test]
fn og_image_is_the_articles_own_photo_and_every_img_is_sized() {
    let site = common::Site::fixture("good");
    let png = std::fs::read(sample().join("images/chia-se.png")).unwrap();
    site.write("content/static/images/anh-bai.png", png);
    let md = "---\ntitle: \"Bài có ảnh\"\ndate: 2024-05-20\nsummary: \"Sapo bài có ảnh.\"\nimage: \"/images/anh-bai.png\"\nimage_caption: \"Ảnh của bài\"\n---\nThân bài.\n\n![Ảnh trong bài](/images/anh-bai.png)\n";
    site.write("content/articles/anh.md", md);
    site.run(&["build"]).assert_code(0);
    let doc = site.html("output/tin-tuc/bai-co-anh/index.html");
    // The share card cut from the photo (issue 11).
    assert_eq!(
        meta(&doc, "og:image").as_deref(),
        Some("https://thu.example.gov.vn/anh-web/images/anh-bai-og.jpg")
    );
    assert_eq!(meta(&doc, "og:image:alt").as_deref(), Some("Ảnh của bài"));
    assert_eq!(meta(&doc, "og:image:width").as_deref(), Some("1200"));
    let ld = json_ld(&doc);
    let a = of_type(&ld, "NewsArticle").unwrap();
    assert_eq!(
        a["image"][0],
        "https://thu.example.gov.vn/anh-web/images/anh-bai-og.jpg"
    );
    // The lead image and the image in the body, both sized from the file.
    let imgs: Vec<_> = doc.select(&Selector::parse("main img").unwrap()).collect();
    assert_eq!(imgs.len(), 2);
    for img in imgs {
        assert_eq!(img.value().attr("width"), Some("1200"));
        assert_eq!(img.value().attr("height"), Some("630"));
    }
}

#[test]
fn articles_carry_news_article_json_ld() {
    let mut n = 0;
    for (url, doc) in every_page() {
        if meta(&doc, "og:type").as_deref() != Some("article") {
            continue;
        }
        let ld = json_ld(&doc);
        let a = of_type(&ld, "NewsArticle").unwrap_or_else(|| panic!("{url}: {ld:?}"));
        assert_eq!(a["@context"], "https://schema.org");
        assert!(a["headline"].as_str().is_some_and(|h| !h.is_empty()));
        for k in ["datePublished", "dateModified"] {
            let d = a[k].as_str().unwrap();
            assert!(d.ends_with("+07:00") && d.len() == 25, "{url}: {k} {d}");
        }
        assert!(
            a["author"][0]["name"]
                .as_str()
                .is_some_and(|x| !x.is_empty()),
            "{url}"
        );
        assert!(
            a["image"][0].as_str().is_some_and(|x| x.starts_with(BASE)),
            "{url}"
        );
        assert_eq!(
            a["publisher"]["name"],
            "Cổng thông tin điện tử huyện Phong Thổ"
        );
        assert_eq!(a["mainEntityOfPage"], url.as_str());
        n += 1;
    }
    assert_eq!(n, sample_articles(), "articles of the sample");
}

#[test]
fn breadcrumb_list_json_ld_runs_from_home_to_the_page() {
    let mut n = 0;
    for (url, doc) in every_page() {
        let ld = json_ld(&doc);
        let Some(b) = of_type(&ld, "BreadcrumbList") else {
            continue;
        };
        let items = b["itemListElement"].as_array().unwrap();
        assert!(items.len() >= 2, "{url}");
        assert_eq!(items[0]["item"], BASE);
        for (i, it) in items.iter().enumerate() {
            assert_eq!(it["position"], i + 1);
            assert!(it["name"].as_str().is_some_and(|x| !x.is_empty()));
        }
        assert_eq!(items.last().unwrap()["item"], url.as_str(), "{url}");
        n += 1;
    }
    assert!(n >= 40, "{n} pages with breadcrumbs");
}

#[test]
fn dataset_pages_carry_dataset_json_ld() {
    let doc = every_page()
        .into_iter()
        .find(|(u, _)| u == &format!("{BASE}chi-so/chi-so-cchc-lai-chau/"))
        .unwrap()
        .1;
    let ld = json_ld(&doc);
    let d = of_type(&ld, "Dataset").expect("Dataset");
    assert!(d["name"].as_str().unwrap().contains("cải cách hành chính"));
    assert!(d["description"].as_str().unwrap().len() >= 50);
    let creators = d["creator"].as_array().unwrap();
    assert!(creators.iter().any(|c| c["name"] == "UBND tỉnh Lai Châu (kết quả của huyện Phong Thổ năm 2018, 2022)"), "{creators:?}");
    assert_eq!(d["temporalCoverage"], "2018/2022");
    let places = d["spatialCoverage"].as_array().unwrap();
    assert_eq!(places.len(), 8);
    assert!(places.iter().all(|p| p["@type"] == "Place"));
    let files = d["distribution"].as_array().unwrap();
    let mut formats = std::collections::BTreeMap::new();
    for f in files {
        let u = f["contentUrl"].as_str().unwrap();
        assert!(u.starts_with(BASE), "{u}");
        let rel = u.strip_prefix(BASE).unwrap();
        assert!(sample().join(rel).is_file(), "{rel} is not in the output");
        let ext = rel.rsplit('.').next().unwrap().to_string();
        let mime = f["encodingFormat"].as_str().unwrap().to_string();
        assert!(formats.insert(ext, mime.clone()).is_none_or(|m| m == mime));
    }
    // The open data first, then every chart as SVG and as PNG.
    assert_eq!(files[0]["encodingFormat"], "text/csv");
    assert_eq!(files[1]["encodingFormat"], "application/json");
    let want = [
        ("csv", "text/csv"),
        ("json", "application/json"),
        ("png", "image/png"),
        ("svg", "image/svg+xml"),
    ];
    let got: Vec<(&str, &str)> = formats
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn favicon_is_linked_and_shipped_and_theme_color_is_set() {
    for (url, doc) in every_page() {
        let href = attr(&doc, "link[rel=icon]", "href").unwrap_or_else(|| panic!("{url}"));
        assert!(
            sample().join(href.trim_start_matches('/')).is_file(),
            "{href}"
        );
        assert!(meta(&doc, "theme-color").is_some(), "{url}");
    }
}

#[test]
fn robots_txt_names_the_sitemap() {
    let robots = std::fs::read_to_string(sample().join("robots.txt")).unwrap();
    assert!(
        robots
            .lines()
            .any(|l| l == format!("Sitemap: {BASE}sitemap.xml")),
        "{robots}"
    );
    assert!(robots.contains("User-agent: *"));
}

#[test]
fn sitemap_lastmod_comes_from_content_dates() {
    let xml = std::fs::read_to_string(sample().join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let mut dates = BTreeMap::new();
    for u in doc.descendants().filter(|n| n.has_tag_name("url")) {
        let child = |t: &str| {
            u.children()
                .find(|c| c.has_tag_name(t))
                .and_then(|c| c.text())
                .map(str::to_string)
        };
        dates.insert(child("loc").unwrap(), child("lastmod"));
    }
    let pages = every_page();
    for (url, page) in &pages {
        if meta(page, "og:type").as_deref() == Some("article") {
            let when = attr(page, "article time", "datetime");
            assert_eq!(dates.get(url).cloned().flatten(), when, "{url}");
        }
    }
    // The home page changed when its newest article did.
    let newest = pages
        .iter()
        .filter_map(|(_, p)| attr(p, "article time", "datetime"))
        .max();
    assert_eq!(dates[BASE], newest);
}

#[test]
fn rss_items_have_category_and_author_and_the_feed_dates_from_its_newest_item() {
    let xml = std::fs::read_to_string(sample().join("rss.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let channel = doc
        .descendants()
        .find(|n| n.has_tag_name("channel"))
        .unwrap();
    let text = |n: roxmltree::Node, t: &str| {
        n.children()
            .find(|c| c.has_tag_name(t))
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    let items: Vec<roxmltree::Node> = channel
        .children()
        .filter(|c| c.has_tag_name("item"))
        .collect();
    assert_eq!(items.len(), sample_articles());
    for it in &items {
        assert!(text(*it, "category").is_some_and(|c| !c.is_empty()));
        let a = text(*it, "author").unwrap();
        assert!(a.starts_with("bbt@phongtho.example.gov.vn ("), "{a}");
    }
    assert_eq!(text(channel, "lastBuildDate"), text(items[0], "pubDate"));
}
