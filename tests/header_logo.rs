//! The header's emblem (issue 22): a photo goes through the photo pipeline,
//! copied at the header's heights (40 and 64 px, each also at 2×); an SVG
//! is published as it is.

mod common;

use common::{Site, fixtures, sel};

fn with_logo(file: &str, bytes: &[u8]) -> Site {
    let s = Site::fixture("good");
    s.write(&format!("content/static/images/{file}"), bytes);
    let yaml = s.read("content/site.yaml");
    s.write(
        "content/site.yaml",
        format!("{yaml}logo: {{ url: \"/images/{file}\", alt: \"Biểu trưng\" }}\n"),
    );
    s
}

#[test]
fn a_photo_logo_is_copied_at_twice_the_headers_height_and_an_svg_as_it_is() {
    // gps-rotated.jpg is shown 300 × 480 (EXIF orientation 6): at 128 px
    // tall it is 80 px wide, at 40 px tall 25 px.
    let photo = std::fs::read(fixtures().join("images/gps-rotated.jpg")).unwrap();
    let s = with_logo("bieu-trung.jpg", &photo);
    s.run(&["build"]).assert_code(0);
    let home = s.html("output/index.html");
    let img = home
        .select(&sel(".site-title .logo-photo picture img"))
        .next()
        .expect("the emblem as a <picture>");
    let srcset = img.attr("srcset").unwrap_or("");
    for w in [25, 40, 50, 80] {
        let name = format!("/anh-web/images/bieu-trung-{w}.jpg {w}w");
        assert!(srcset.contains(&name), "{name} not in {srcset}");
        for ext in ["jpg", "webp"] {
            let f = s.path(&format!("output/anh-web/images/bieu-trung-{w}.{ext}"));
            assert!(f.is_file(), "{} missing", f.display());
        }
    }
    assert_eq!(img.attr("sizes"), Some("(min-width: 64em) 40px, 25px"));
    assert_eq!(
        img.attr("loading"),
        None,
        "the emblem is on the first screen"
    );

    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>";
    let s = with_logo("bieu-trung.svg", svg.as_bytes());
    s.run(&["build"]).assert_code(0);
    let home = s.html("output/index.html");
    let img = home
        .select(&sel(".site-title img.logo"))
        .next()
        .expect("the SVG emblem");
    assert_eq!(img.attr("src"), Some("/images/bieu-trung.svg"));
    assert_eq!(s.read("output/images/bieu-trung.svg"), svg);
}
