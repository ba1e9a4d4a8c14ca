//! What the audit of issue 10 saw on the sample site, as HTML a reader gets:
//! figure structure, heading order, the illustrative label, the lead image,
//! the home page, data numbers, captions and sources, related articles, the
//! footer, the menu and the site's contact. The sample site is built once.

mod common;

use scraper::{ElementRef, Html, Selector};
use std::path::Path;

fn sample() -> &'static Path {
    common::built_sample()
}

fn page(rel: &str) -> Html {
    let p = sample().join(rel);
    Html::parse_document(&std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{rel}: {e}")))
}

/// Every HTML page of the sample site: (relative path, document).
fn every_page() -> Vec<(String, Html)> {
    let out = sample();
    walkdir::WalkDir::new(out)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let doc = Html::parse_document(&std::fs::read_to_string(e.path()).unwrap());
            (rel, doc)
        })
        .collect()
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css)).map(text).collect()
}

#[test]
fn chart_figures_hold_no_paragraph_outside_their_figcaption() {
    for (rel, doc) in every_page() {
        for fig in doc.select(&sel("figure")) {
            let kids: Vec<ElementRef> = fig.children().filter_map(ElementRef::wrap).collect();
            for k in &kids {
                assert_ne!(k.value().name(), "p", "{rel}: <p> directly in <figure>");
            }
            if let Some(i) = kids.iter().position(|k| k.value().name() == "figcaption") {
                assert!(
                    i == 0 || i + 1 == kids.len(),
                    "{rel}: figcaption is neither first nor last in its figure"
                );
            }
        }
    }
}

#[test]
fn every_page_has_one_h1_and_headings_never_skip_a_level() {
    for (rel, doc) in every_page() {
        let levels: Vec<(u8, String)> = doc
            .select(&sel("h1, h2, h3, h4, h5, h6"))
            .map(|h| (h.value().name().as_bytes()[1] - b'0', text(h)))
            .collect();
        assert_eq!(
            levels.iter().filter(|(l, _)| *l == 1).count(),
            1,
            "{rel}: {levels:?}"
        );
        assert_eq!(levels[0].0, 1, "{rel}: first heading is not the h1");
        for w in levels.windows(2) {
            assert!(w[1].0 <= w[0].0 + 1, "{rel}: {:?} follows {:?}", w[1], w[0]);
        }
    }
}

const LABEL: &str = "Số liệu minh họa";

/// Elements whose own text is exactly the label (SVG `<text>` included).
fn labels(e: ElementRef) -> usize {
    e.select(&sel("*"))
        .filter(|x| {
            let own: String = x
                .children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect();
            own.trim() == LABEL
        })
        .count()
}

/// The label outside what editors wrote (the dataset's description,
/// commentary).
fn page_labels(main: ElementRef) -> usize {
    let authored: usize = main
        .select(&sel(".dataset-description, .commentary"))
        .map(labels)
        .sum();
    labels(main) - authored
}

#[test]
fn illustrative_label_shows_once_per_data_page_and_charts_leave_it_to_the_header() {
    let mut checked = 0;
    for (rel, doc) in every_page() {
        if !rel.starts_with("chi-so/chi-so-cchc-lai-chau/") {
            continue;
        }
        let main = doc.select(&sel("main")).next().unwrap();
        let figures: Vec<ElementRef> = main.select(&sel("figure.chart")).collect();
        for f in &figures {
            assert_eq!(labels(*f), 0, "{rel}: figure {:?}", f.value().attr("id"));
            // Screen readers still hear it in the chart's description.
            let desc = f.select(&sel("svg desc")).next().map(text);
            assert!(desc.unwrap_or_default().contains(LABEL), "{rel}: <desc>");
        }
        let header = main.select(&sel("h1")).next().unwrap();
        assert_eq!(labels(header), 1, "{rel}: the page header");
        assert_eq!(page_labels(main), 1, "{rel}: the label once per page");
        checked += 1;
    }
    assert!(checked >= 10, "{checked} illustrative pages");
}

#[test]
fn an_article_with_two_illustrative_charts_shows_the_label_once() {
    let (rel, doc) = every_page()
        .into_iter()
        .find(|(rel, _)| rel.contains("sau-sap-nhap-doc-chi-so-cai-cach-hanh-chinh-cua-phong-tho"))
        .expect("the sample's article with two charts");
    let main = doc.select(&sel("main")).next().unwrap();
    let figures: Vec<usize> = main.select(&sel("figure.chart")).map(labels).collect();
    assert_eq!(figures, [1, 0], "{rel}: the first chart says it");
    assert_eq!(page_labels(main), 1, "{rel}");
}

#[test]
fn downloaded_chart_svgs_of_illustrative_data_keep_their_label() {
    let dir = sample().join("chi-so/chi-so-cchc-lai-chau/bieu-do");
    let mut checked = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().and_then(|x| x.to_str()) != Some("svg") {
            continue;
        }
        let svg = std::fs::read_to_string(&p).unwrap();
        let doc = Html::parse_fragment(&svg);
        let drawn = doc
            .select(&sel("text"))
            .filter(|t| text(*t) == LABEL)
            .count();
        assert_eq!(drawn, 1, "{}", p.display());
        checked += 1;
    }
    assert!(checked >= 5, "{checked} standalone charts");
}

#[test]
fn lead_image_loads_eagerly_with_its_intrinsic_size() {
    let doc = page(
        "cai-cach-hanh-chinh/phong-tho-gan-phong-trao-thi-dua-lao-dong-gioi-lao-dong-sang-tao-voi-cai-cach-hanh-chinh/index.html",
    );
    let img = doc.select(&sel("main img")).next().expect("lead image");
    let a = img.value();
    assert_ne!(a.attr("loading"), Some("lazy"));
    assert_eq!(a.attr("fetchpriority"), Some("high"));
    // content/static/images/binh-minh-vung-cao.jpg: 1600×1067, the largest
    // copy.
    assert_eq!(
        (a.attr("width"), a.attr("height")),
        (Some("1600"), Some("1067"))
    );
    assert_eq!(
        a.attr("src"),
        Some("/anh-web/images/binh-minh-vung-cao-1600.jpg")
    );
}

#[test]
fn every_img_carries_width_and_height() {
    for (rel, doc) in every_page() {
        for img in doc.select(&sel("img")) {
            let a = img.value();
            for k in ["width", "height"] {
                let v = a.attr(k).unwrap_or("");
                assert!(
                    v.parse::<u32>().is_ok_and(|n| n > 0),
                    "{rel}: <img src={:?}> {k}={v:?}",
                    a.attr("src")
                );
            }
        }
    }
}

#[test]
fn home_page_opens_with_the_featured_story_under_a_visible_site_h1() {
    let doc = page("index.html");
    let h1 = doc.select(&sel("h1")).next().unwrap();
    assert_eq!(text(h1), "Cổng thông tin điện tử huyện Phong Thổ");
    assert!(!h1.value().classes().any(|c| c == "visually-hidden"));
    let h2 = texts(&doc, "main h2");
    assert_eq!(
        h2.first().map(String::as_str),
        Some("Tin tiêu điểm"),
        "{h2:?}"
    );
    // The first thing in main is news, not a chart or a badge.
    let main = doc.select(&sel("main")).next().unwrap();
    let html = main.html();
    let lead = html.find("class=\"lead-story\"").expect("a featured story");
    let chart = html.find("<figure").expect("the headline chart");
    assert!(lead < chart, "the headline chart comes before the news");
}

#[test]
fn the_front_page_has_a_featured_photo_story_secondary_stories_and_a_block_per_category() {
    let doc = page("index.html");
    // `featured: true` picks the lead, shown with its photo.
    let lead = texts(&doc, ".lead-story .lead-title");
    assert_eq!(lead.len(), 1);
    assert!(
        lead[0].starts_with("Phong Thổ gắn phong trào thi đua"),
        "{lead:?}"
    );
    assert!(doc.select(&sel(".lead-story picture img")).next().is_some());
    assert!(doc.select(&sel(".secondary .teaser")).count() >= 3);
    let h2 = texts(&doc, "main h2");
    assert!(h2.iter().any(|h| h == "Tin mới"), "{h2:?}");
    // Every category with stories has a block and a "Xem tất cả" link to its page.
    let blocks = doc.select(&sel(".cat-block")).count();
    let more = doc
        .select(&sel(".cat-block .more a"))
        .filter(|a| text(*a).starts_with("Xem tất cả"))
        .count();
    assert!(
        blocks >= 4 && more == blocks,
        "{blocks} blocks, {more} links"
    );
    // The index panel: the site's unit, its score, rank and change, a link.
    let panel = texts(&doc, ".index-panel");
    assert_eq!(panel.len(), 1, "one panel on the home page");
    for want in ["Huyện Phong Thổ", "điểm", "/8", "Xem bộ số liệu"] {
        assert!(panel[0].contains(want), "{want}: {panel:?}");
    }
}

#[test]
fn the_menu_marks_the_current_section_and_the_header_searches_the_site() {
    let doc = page("kinh-te/index.html");
    let cur: Vec<_> = doc
        .select(&sel("nav.menu a[aria-current]"))
        .map(|a| {
            (
                text(a),
                a.value().attr("aria-current").unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(cur, [("Kinh tế".to_string(), "page".to_string())]);
    let form = doc
        .select(&sel("header form[role=search]"))
        .next()
        .expect("a search form");
    assert_eq!(form.value().attr("action"), Some("/tim-kiem/"));
    assert_eq!(form.value().attr("method"), Some("get"));
    assert!(
        doc.select(&sel("header form input[name=q]"))
            .next()
            .is_some()
    );
    // A category's teasers do not repeat its name; its breadcrumb leads home.
    assert!(
        doc.select(&sel(".list-category .teaser-cat"))
            .next()
            .is_some()
    );
    let crumbs = texts(&doc, ".breadcrumb li");
    assert_eq!(crumbs, ["Trang chủ", "Kinh tế"]);
}

#[test]
fn data_numbers_in_text_link_to_the_units_data_page() {
    let doc = page(
        "cai-cach-hanh-chinh/phong-tho-gan-phong-trao-thi-dua-lao-dong-gioi-lao-dong-sang-tao-voi-cai-cach-hanh-chinh/index.html",
    );
    assert!(
        doc.select(&sel(".value-illustrative, .article-body span[title]"))
            .next()
            .is_none()
    );
    let links: Vec<(String, String)> = doc
        .select(&sel(".article-body a.data-value"))
        .map(|a| (text(a), a.value().attr("href").unwrap_or("").to_string()))
        .collect();
    assert!(
        links
            .iter()
            .any(|(t, h)| t == "72,10 điểm" && h == "/chi-so/chi-so-cchc-lai-chau/phong-tho/"),
        "{links:?}"
    );
}

#[test]
fn chart_captions_do_not_repeat_titles_and_sources_are_said_once() {
    for (rel, doc) in every_page() {
        let figures: Vec<ElementRef> = doc.select(&sel("figure.chart")).collect();
        for f in &figures {
            let title = f
                .select(&sel("svg > title"))
                .next()
                .map(text)
                .unwrap_or_default();
            for c in f.select(&sel("figcaption")).map(text) {
                assert!(
                    !c.contains(&title),
                    "{rel}: caption {c:?} repeats {title:?}"
                );
            }
        }
        // The print-only line under each figure aside: on screen it is hidden.
        let sources = texts(&doc, "main p:not(.print-only), main li");
        let mut seen = std::collections::BTreeMap::<String, usize>::new();
        for s in sources.into_iter().filter(|s| s.starts_with("Nguồn")) {
            *seen.entry(s).or_default() += 1;
        }
        for (s, n) in seen {
            assert_eq!(n, 1, "{rel}: {s:?} is said {n} times");
        }
        if rel.starts_with("chi-so/") && doc.select(&sel("section.sources")).next().is_some() {
            assert!(
                doc.select(&sel("figure .chart-source")).next().is_none(),
                "{rel}: figures repeat the sources section"
            );
        }
    }
}

/// Issue 22: "the source and URL print under each figure": every chart
/// figure carries its source and its file's absolute address in a line the
/// stylesheet shows only in print.
#[test]
fn every_chart_figure_carries_a_print_only_source_and_address() {
    let css = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/style.css"),
    )
    .unwrap();
    let screen = css.split("@media print").next().unwrap();
    assert!(
        screen.contains(".print-only{display:none}"),
        "hidden on screen"
    );
    let print = css.split("@media print").nth(1).unwrap_or_default();
    assert!(
        print.contains(".print-only{display:block}"),
        "shown in print"
    );
    let mut checked = 0;
    for (rel, doc) in every_page() {
        for f in doc.select(&sel("main figure.chart")) {
            let id = f.value().attr("id").unwrap_or_default();
            let line = f
                .select(&sel("figcaption p.chart-print-ref.print-only"))
                .next()
                .map(text)
                .unwrap_or_else(|| panic!("{rel}: figure {id} has no print line"));
            assert!(line.starts_with("Nguồn: "), "{rel} {id}: {line:?}");
            assert!(line.contains("Địa chỉ: http"), "{rel} {id}: {line:?}");
            assert!(
                line.contains("/bieu-do/") && line.ends_with(".svg"),
                "{line:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "{checked} figures");
}

/// Issue 22: "Tin liên quan" lists only stories that share a tag carried by
/// fewer than half the articles, or the category (the first path segment);
/// the sample's "Phong Thổ" tag, on most stories, links nothing by itself.
#[test]
fn related_articles_share_a_rare_tag_or_the_category() {
    let pages = every_page();
    let tags_of = |doc: &Html| -> Vec<String> {
        doc.select(&sel("a[rel=tag]"))
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect()
    };
    let articles: Vec<(&String, Vec<String>)> = pages
        .iter()
        .map(|(rel, doc)| (rel, tags_of(doc)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let n = articles.len();
    let df = |tag: &String| articles.iter().filter(|(_, t)| t.contains(tag)).count();
    let mut checked = 0;
    for (rel, doc) in &pages {
        let Some((_, mine)) = articles.iter().find(|(r, _)| *r == rel) else {
            continue;
        };
        for a in doc.select(&sel("section.related h3 a")) {
            let href = a.value().attr("href").unwrap();
            let other = format!("{}index.html", href.trim_start_matches('/'));
            let (_, theirs) = articles.iter().find(|(r, _)| **r == other).unwrap();
            let rare = mine.iter().any(|t| theirs.contains(t) && 2 * df(t) < n);
            let same_category = rel.split('/').next() == other.split('/').next();
            assert!(rare || same_category, "{rel} lists {other}");
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} related links");
    let scam =
        page("quoc-phong-an-ninh/canh-giac-voi-chieu-tro-viec-nhe-luong-cao-tren-mang/index.html");
    let listed: Vec<&str> = scam
        .select(&sel("section.related h3 a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        listed,
        [
            "/cai-cach-hanh-chinh/chuyen-doi-so-o-ban-vung-cao-to-cong-nghe-so-cong-dong-den-tung-nha/"
        ]
    );
}

#[test]
fn footer_names_the_site_once_and_gives_the_contact() {
    for (rel, doc) in every_page() {
        let footer = doc.select(&sel("footer")).next().unwrap();
        let t = text(footer);
        let n = t.matches("Cổng thông tin điện tử huyện Phong Thổ").count();
        assert!(n <= 1, "{rel}: footer {t:?}");
        let hrefs: Vec<&str> = footer
            .select(&sel("a"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            hrefs.iter().any(|h| h.starts_with("mailto:")),
            "{rel}: {hrefs:?}"
        );
        assert!(
            hrefs.iter().any(|h| h.starts_with("tel:")),
            "{rel}: {hrefs:?}"
        );
    }
}

#[test]
fn menu_lists_every_category_of_the_sample() {
    let doc = page("index.html");
    let menu = texts(&doc, "nav.menu a");
    for c in [
        "Cải cách hành chính",
        "Kinh tế",
        "Văn hóa - Xã hội",
        "Quốc phòng - An ninh",
    ] {
        assert!(menu.iter().any(|m| m == c), "{c} missing from {menu:?}");
    }
}

#[test]
fn closed_comments_notice_links_the_editors_email_and_phone() {
    let doc = page("kinh-te/che-shan-tuyet-phong-tho-vao-mua-thu-hai/index.html");
    let notice = doc.select(&sel(".comments-notice")).next().unwrap();
    let hrefs: Vec<&str> = notice
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        hrefs.contains(&"mailto:bbt@phongtho.example.gov.vn"),
        "{hrefs:?}"
    );
    assert!(hrefs.contains(&"tel:02133895123"), "{hrefs:?}");
}

#[test]
fn check_warns_when_the_site_gives_no_contact() {
    let site = common::Site::fixture("good");
    let out = site.run(&["check"]);
    assert!(!out.stderr.contains("W0105"), "{}", out.stderr);
    let yaml = site.read("content/site.yaml");
    let without: String = yaml
        .lines()
        .filter(|l| !l.starts_with("contact:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("content/site.yaml", without);
    let out = site.run(&["check"]);
    out.assert_code(0);
    out.assert_diag("warning", "W0105", "content/site.yaml");
}

/// Lists and the front page: a story with a photo shows it as a thumbnail;
/// a story without one shows its first chart's share card at 360×189 (a
/// file of the site); a story with neither shows no thumbnail.
#[test]
fn an_article_without_a_photo_shows_its_first_charts_card_as_thumbnail() {
    let mut cards = 0;
    let lists = [
        "index.html",
        "cai-cach-hanh-chinh/index.html",
        "kinh-te/index.html",
    ];
    for list in lists {
        let doc = page(list);
        for t in doc.select(&sel("main .teaser")) {
            let href = t
                .select(&sel(".teaser-title a"))
                .next()
                .and_then(|a| a.attr("href"))
                .expect("a teaser links its story");
            let story = page(&format!("{}index.html", href.trim_start_matches('/')));
            let has_photo = story.select(&sel(".lead-image")).next().is_some();
            let card = story
                .select(&sel("main a.chart-card"))
                .next()
                .and_then(|a| a.attr("href"));
            let thumb = t.select(&sel(".teaser-thumb img")).next();
            match (has_photo, card, thumb) {
                (true, _, Some(img)) => assert!(
                    !img.value().classes().any(|c| c == "chart-thumb"),
                    "{list}: {href} has a photo but shows a chart"
                ),
                (false, Some(card), Some(img)) => {
                    // The share card made small (360×189) beside it.
                    let small = card.replace("-1200x630.png", "-360x189.png");
                    assert_eq!(img.attr("class"), Some("chart-thumb"), "{list}: {href}");
                    assert_eq!(img.attr("src"), Some(small.as_str()), "{list}: {href}");
                    assert_eq!(img.attr("alt"), Some(""), "{list}: {href}");
                    let png = std::fs::read(sample().join(small.trim_start_matches('/')))
                        .unwrap_or_else(|e| panic!("{list}: {href}: {small}: {e}"));
                    // PNG header: width and height at bytes 16..24.
                    let wh = |k: usize| u32::from_be_bytes(png[k..k + 4].try_into().unwrap());
                    assert_eq!((wh(16), wh(20)), (360, 189), "{small}");
                    cards += 1;
                }
                (false, None, None) => {}
                (p, c, t) => panic!(
                    "{list}: {href}: photo {p}, chart card {c:?}, thumbnail {:?}",
                    t.map(|i| i.html())
                ),
            }
        }
    }
    assert!(cards >= 3, "only {cards} chart-card thumbnails");
}
