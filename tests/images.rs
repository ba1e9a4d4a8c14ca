//! Photos (issue 11): derivatives and `<picture>` markup, metadata removed,
//! the cache, and every kind of bad image reported at the line that refers
//! to it. Fixture photos are small real ones (tests/fixtures/images/README.md);
//! bad files are made here.

mod common;

use common::{Site, fixtures, sel};
use std::path::Path;

const ARTICLE: &str = "content/articles/tin/anh.md";

/// The good fixture with one article whose lead image is `lead` (front
/// matter line 4) and whose body line 7 is `body`.
fn site_with(lead: &str, body: &str) -> Site {
    let s = Site::fixture("good");
    s.write(
        ARTICLE,
        format!(
            "---\ntitle: \"Ảnh\"\ndate: 2024-05-01T08:00:00+07:00\nimage: \"{lead}\"\nimage_caption: \"Ruộng bậc thang\"\n---\n{body}\n"
        ),
    );
    s
}

fn photo() -> Vec<u8> {
    std::fs::read(fixtures().join("images/gps-rotated.jpg")).unwrap()
}

fn article_html(s: &Site) -> scraper::Html {
    s.html("output/tin-tuc/anh/index.html")
}

/// "Exif" or a GPS tag anywhere in a file's bytes.
fn has_metadata(b: &[u8]) -> bool {
    b.windows(6).any(|w| w == b"Exif\0\0") || b.windows(8).any(|w| w == b"PhoneCam")
}

#[test]
fn a_photo_gets_webp_and_jpeg_widths_in_a_picture_with_sizes_and_no_metadata() {
    let s = site_with(
        "/images/anh.jpg",
        "Thân bài.\n\n![Bản Sin Suối Hồ](/images/anh.jpg)",
    );
    s.write("content/static/images/anh.jpg", photo());
    let out = s.run(&["build"]);
    out.assert_code(0);
    let html = article_html(&s);
    let pictures: Vec<_> = html.select(&sel("picture")).collect();
    assert_eq!(pictures.len(), 2, "lead and body photo");
    for (k, p) in pictures.iter().enumerate() {
        let source = p.select(&sel("source")).next().expect("a <source>");
        assert_eq!(source.attr("type"), Some("image/webp"));
        let img = p.select(&sel("img")).next().expect("an <img>");
        // EXIF orientation 6: stored 480×300, shown 300×480.
        assert_eq!(
            (img.attr("width"), img.attr("height")),
            (Some("300"), Some("480"))
        );
        assert!(
            img.attr("srcset")
                .unwrap()
                .contains("/anh-web/images/anh-300.jpg 300w")
        );
        assert!(img.attr("sizes").unwrap().contains("576px"));
        assert!(
            source
                .attr("srcset")
                .unwrap()
                .contains("/anh-web/images/anh-300.webp 300w")
        );
        if k == 0 {
            assert_eq!(img.attr("fetchpriority"), Some("high"));
            assert_eq!(img.attr("loading"), None);
            assert_eq!(img.attr("alt"), Some("Ruộng bậc thang"));
        } else {
            assert_eq!(img.attr("loading"), Some("lazy"));
            assert_eq!(img.attr("alt"), Some("Bản Sin Suối Hồ"));
        }
    }
    // Never upscaled: the photo is 300 wide, so 300 is the only width.
    assert!(!s.path("output/anh-web/images/anh-360.jpg").exists());
    // The original is not published; the derivatives carry no metadata and
    // are turned upright.
    assert!(!s.path("output/images/anh.jpg").exists());
    for f in ["anh-300.jpg", "anh-300.webp", "anh-og.jpg"] {
        let b = std::fs::read(s.path(&format!("output/anh-web/images/{f}"))).unwrap();
        assert!(!has_metadata(&b), "{f} carries metadata");
    }
    let jpg = image::open(s.path("output/anh-web/images/anh-300.jpg")).unwrap();
    assert_eq!((jpg.width(), jpg.height()), (300, 480));
    let webp = std::fs::read(s.path("output/anh-web/images/anh-300.webp")).unwrap();
    assert!(webp.starts_with(b"RIFF") && &webp[8..12] == b"WEBP");
}

#[test]
fn a_link_to_an_unpublished_original_goes_to_its_largest_jpeg() {
    let s = site_with("/images/anh.jpg", "[Ảnh gốc](/images/anh.jpg)");
    s.write("content/static/images/anh.jpg", photo());
    s.run(&["build"]).assert_code(0);
    let html = article_html(&s);
    let a = html
        .select(&sel("main a[href*='/images/']"))
        .next()
        .unwrap();
    assert_eq!(a.attr("href"), Some("/anh-web/images/anh-300.jpg"));
}

#[test]
fn publish_originals_true_publishes_the_original_too() {
    let s = site_with("/images/anh.jpg", "Thân bài.");
    s.write("content/static/images/anh.jpg", photo());
    let yaml = s.read("content/site.yaml");
    s.write(
        "content/site.yaml",
        format!("{yaml}\nimages: {{ publish_originals: true }}\n"),
    );
    s.run(&["build"]).assert_code(0);
    assert_eq!(
        std::fs::read(s.path("output/images/anh.jpg")).unwrap(),
        photo()
    );
}

#[test]
fn the_share_card_is_a_crop_of_the_lead_photo_centred_on_image_focus() {
    let s = site_with("/images/anh.jpg", "Thân bài.");
    let src = s
        .read(ARTICLE)
        .replace("image_caption:", "image_focus: [0.5, 0.2]\nimage_caption:");
    s.write(ARTICLE, src);
    s.write("content/static/images/anh.jpg", photo());
    s.run(&["build"]).assert_code(0);
    let html = article_html(&s);
    let og = |p: &str| {
        html.select(&sel(&format!("meta[property='{p}']")))
            .next()
            .and_then(|m| m.attr("content").map(str::to_string))
    };
    let url = og("og:image").unwrap();
    assert!(url.ends_with("/anh-web/images/anh-og-500-200.jpg"), "{url}");
    // 300 wide photo: the widest 1200:630 box is 300×157, kept at its size.
    assert_eq!(og("og:image:width").as_deref(), Some("300"));
    assert_eq!(og("og:image:height").as_deref(), Some("157"));
    let card = image::open(s.path("output/anh-web/images/anh-og-500-200.jpg")).unwrap();
    assert_eq!((card.width(), card.height()), (300, 157));
}

#[test]
fn image_focus_out_of_range_is_an_error_at_its_line() {
    let s = site_with("/images/anh.jpg", "x");
    s.write("content/static/images/anh.jpg", photo());
    let src = s
        .read(ARTICLE)
        .replace("image_caption:", "image_focus: [1.5, 0]\nimage_caption:");
    s.write(ARTICLE, src);
    s.run(&["check"])
        .assert_error("E0804", &format!("{ARTICLE}:5"));
}

#[test]
fn bad_widths_in_site_yaml_are_an_error() {
    let s = Site::fixture("good");
    let yaml = s.read("content/site.yaml");
    s.write(
        "content/site.yaml",
        format!("{yaml}\nimages: {{ widths: [0, 720] }}\n"),
    );
    let out = s.run(&["check"]);
    out.assert_code(1);
    assert!(
        out.diags()
            .iter()
            .any(|(_, c, l)| c == "E0804" && l.starts_with("content/site.yaml:"))
    );
}

#[test]
fn a_markdown_image_without_alt_text_warns_at_its_line() {
    let s = site_with("/images/anh.jpg", "![](/images/anh.jpg)");
    s.write("content/static/images/anh.jpg", photo());
    let out = s.run(&["check"]);
    out.assert_code(0);
    out.assert_diag("warning", "W0801", &format!("{ARTICLE}:7"));
}

#[test]
fn the_cache_makes_a_second_build_reuse_the_same_files_and_a_changing_build_prune_stale_entries() {
    let s = site_with("/images/anh.jpg", "x");
    s.write("content/static/images/anh.jpg", photo());
    s.run(&["build"]).assert_code(0);
    let cache = s.path(".chiso-cache/images");
    let entries: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_dir())
        .collect();
    assert_eq!(entries.len(), 1);
    let cached = entries[0].path().join("300.webp");
    let t0 = std::fs::metadata(&cached).unwrap().modified().unwrap();
    // A stale entry, old enough to prune.
    // Named like an entry: the cache prunes nothing else (issue 20).
    let stale = cache.join(format!("{}-{}", "0".repeat(32), "1".repeat(16)));
    std::fs::create_dir_all(&stale).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(30 * 24 * 3600);
    std::fs::File::open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    s.run(&["build"]).assert_code(0);
    assert_eq!(
        std::fs::metadata(&cached).unwrap().modified().unwrap(),
        t0,
        "re-encoded"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let out = std::fs::metadata(s.path("output/anh-web/images/anh-300.webp")).unwrap();
        // A copy, not a hard link: neither side can damage the other
        // (issue 20).
        assert_ne!(
            out.ino(),
            std::fs::metadata(&cached).unwrap().ino(),
            "hard-linked"
        );
    }
    // A rebuild that changes nothing in the cache leaves it alone; the
    // next one that does (a changed photo is a new entry) prunes.
    assert!(stale.exists(), "an unchanged rebuild touched the cache");
    let mut other = photo();
    other.extend_from_slice(b"\0");
    s.write("content/static/images/anh.jpg", other);
    s.run(&["build"]).assert_code(0);
    assert!(!stale.exists(), "stale entry pruned");
}

/// Inode change time of a file: a hard link made or removed changes it.
#[cfg(unix)]
fn ctime(p: &Path) -> (i64, i64) {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(p).unwrap();
    (m.ctime(), m.ctime_nsec())
}

/// Wait for the detached deleter of the last output to finish.
fn settle(s: &Site) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let parent = s.path("output");
    let parent = parent.parent().unwrap();
    while std::fs::read_dir(parent).unwrap().flatten().any(|e| {
        e.file_name()
            .to_string_lossy()
            .starts_with(".output.chiso-")
    }) && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_rebuild_carries_the_photo_folder_over_and_follows_added_changed_and_removed_photos() {
    let s = site_with("/images/anh.jpg", "![Ruộng](/images/hai.jpg)");
    s.write("content/static/images/anh.jpg", photo());
    s.write(
        "content/static/images/hai.jpg",
        std::fs::read(fixtures().join("images/cmyk.jpg")).unwrap(),
    );
    s.run(&["build"]).assert_code(0);
    let out = s.path("output");
    common::assert_named_images_exist(&out);
    let manifest = s.read("output/anh-web/.chiso-carried");
    assert!(
        manifest.contains("anh-web/images/hai-160.webp\t"),
        "{manifest}"
    );
    settle(&s);
    // Nothing changed: not one photo file is linked or unlinked again.
    #[cfg(unix)]
    let before = ctime(&s.path("output/anh-web/images/anh-300.webp"));
    s.run(&["build"]).assert_code(0);
    settle(&s);
    #[cfg(unix)]
    assert_eq!(
        ctime(&s.path("output/anh-web/images/anh-300.webp")),
        before,
        "the photo was written again"
    );
    // A changed photo, a removed one and a new one.
    let mut changed = photo();
    changed.extend_from_slice(b"\0");
    s.write("content/static/images/anh.jpg", changed);
    std::fs::remove_file(s.path("content/static/images/hai.jpg")).unwrap();
    s.write(
        "content/static/images/ba.jpg",
        std::fs::read(fixtures().join("images/cmyk.jpg")).unwrap(),
    );
    s.write(
        ARTICLE,
        s.read(ARTICLE).replace("/images/hai.jpg", "/images/ba.jpg"),
    );
    s.run(&["build"]).assert_code(0);
    common::assert_named_images_exist(&out);
    assert!(!s.path("output/anh-web/images/hai-160.webp").exists());
    assert!(!s.path("output/anh-web/images/hai-og.jpg").exists());
    assert_same_as_a_clean_build(&s);
}

#[test]
fn a_photo_folder_an_older_chiso_left_is_written_whole_not_trusted() {
    let s = site_with("/images/anh.jpg", "x");
    s.write("content/static/images/anh.jpg", photo());
    s.run(&["build"]).assert_code(0);
    settle(&s);
    // The form an older chiso wrote (a line per file, no head line), and
    // a copy of a photo since removed, which that manifest still lists.
    s.write("output/anh-web/images/cu-300.webp", "old");
    s.write(
        "output/anh-web/.chiso-carried",
        "anh-web/images/cu-300.webp\t00ff-11/300.webp\n",
    );
    s.run(&["build"]).assert_code(0);
    assert!(!s.path("output/anh-web/images/cu-300.webp").exists());
    assert!(
        s.read("output/anh-web/.chiso-carried")
            .starts_with("chiso-carried 2\n")
    );
    assert_same_as_a_clean_build(&s);
}

/// `output/` is the tree a build into an empty folder gives, manifest
/// included.
#[track_caller]
fn assert_same_as_a_clean_build(s: &Site) {
    let clean = tempfile::tempdir().unwrap();
    let fresh = clean.path().join("o");
    s.run(&["build", "--output", fresh.to_str().unwrap()])
        .assert_code(0);
    let out = s.path("output");
    common::assert_same_tree(&common::snapshot(&out), &common::snapshot(&fresh));
}

#[test]
fn nothing_but_photos_may_be_published_in_the_photo_folder() {
    let s = site_with("/images/anh.jpg", "x");
    s.write("content/static/images/anh.jpg", photo());
    s.write("content/static/anh-web/ghi-chu.txt", "x");
    let o = s.run(&["build"]);
    o.assert_code(1);
    o.assert_error("E0104", "content/static/anh-web/ghi-chu.txt");
    let yaml = s.read("content/site.yaml");
    std::fs::remove_file(s.path("content/static/anh-web/ghi-chu.txt")).unwrap();
    s.write(
        "content/site.yaml",
        format!("{yaml}keep_in_output: [\"CNAME\", \"anh-web\"]\n"),
    );
    let o = s.run(&["build"]);
    o.assert_code(1);
    let line = yaml.lines().count() + 1;
    o.assert_error("E0003", &format!("content/site.yaml:{line}"));
}

#[test]
fn two_photos_whose_copies_would_share_a_name_are_one_error_naming_both() {
    // `anh.jpg` and `anh.jpeg` would both be published as anh-300.webp,
    // anh-300.jpg and anh-og.jpg.
    let s = site_with("/images/anh.jpg", "x");
    s.write("content/static/images/anh.jpg", photo());
    s.run(&["build"]).assert_code(0);
    let before = common::snapshot(&s.path("output"));
    s.write("content/static/images/anh.jpeg", photo());
    for cmd in ["check", "build"] {
        let o = s.run(&[cmd]);
        o.assert_code(1);
        // In name order: anh.jpeg first, so the error is at anh.jpg.
        o.assert_error("E0104", "content/static/images/anh.jpg");
        assert!(
            o.stderr.contains("content/static/images/anh.jpeg"),
            "{}",
            o.stderr
        );
        assert_eq!(o.stderr.matches("E0104").count(), 1, "{}", o.stderr);
    }
    common::assert_same_tree(&before, &common::snapshot(&s.path("output")));
}

#[test]
fn check_plans_photos_without_encoding_them() {
    let s = site_with("/images/anh.jpg", "x");
    s.write("content/static/images/anh.jpg", photo());
    s.run(&["check"]).assert_code(0);
    assert!(!s.path(".chiso-cache").exists());
}

// ---- bad images: a diagnostic at the referring line, never a crash ----

/// Check and build both report `code` at the front-matter line (4) of an
/// article whose lead image is `name` with these bytes.
#[track_caller]
fn lead_fails(name: &str, bytes: &[u8], code: &str) -> common::Out {
    let s = site_with(&format!("/images/{name}"), "x");
    s.write(&format!("content/static/images/{name}"), bytes);
    let check = s.run(&["check"]);
    check.assert_code(1);
    check.assert_error(code, &format!("{ARTICLE}:4"));
    let build = s.run(&["build"]);
    build.assert_code(1);
    build.assert_error(code, &format!("{ARTICLE}:4"));
    build
}

#[test]
fn a_truncated_jpeg_is_an_error_at_the_line_that_uses_it() {
    let p = photo();
    lead_fails("cut.jpg", &p[..p.len() / 2], "E0801");
}

#[test]
fn a_corrupt_file_is_an_error_not_a_crash() {
    let mut p = photo();
    // A JPEG start, then noise.
    p.truncate(4);
    p.extend((0..4000u32).map(|i| (i * 7919 % 251) as u8));
    lead_fails("hong.jpg", &p, "E0801");
}

#[test]
fn a_photo_damaged_in_its_middle_is_reported_at_the_lines_that_use_it() {
    // Noise does not compress: the file is far longer than the head and
    // tail a probe reads, and its middle is damaged.
    let img = image::RgbImage::from_fn(300, 300, |x, y| {
        let v = (x * 7919 + y * 104_729) % 251;
        image::Rgb([v as u8, (v * 3 % 256) as u8, (v * 7 % 256) as u8])
    });
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    assert!(png.len() > 100_000);
    let mid = png.len() / 2;
    png[mid..mid + 64].fill(0x55);
    let s = site_with("/images/giua.png", "![Ruộng](/images/giua.png)");
    s.write("content/static/images/giua.png", &png);
    // check reads only heads and tails: nothing to see there.
    s.run(&["check"]).assert_code(0);
    let build = s.run(&["build"]);
    build.assert_code(1);
    build.assert_error("E0801", &format!("{ARTICLE}:4"));
    build.assert_error("E0801", &format!("{ARTICLE}:7"));
    assert!(
        !build.stderr.contains("--> content/static/images/giua.png"),
        "{}",
        build.stderr
    );
}

#[test]
fn a_png_claiming_100000_by_100000_pixels_is_refused_before_decoding() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(100_000u32.to_be_bytes());
    png.extend(100_000u32.to_be_bytes());
    png.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    png.extend(b"\0\0\0\0IEND\xaeB`\x82");
    let out = lead_fails("bom.png", &png, "E0802");
    assert!(out.stderr.contains("100000×100000"), "{}", out.stderr);
}

#[test]
fn heic_from_an_iphone_says_export_as_jpeg() {
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\0";
    let out = lead_fails("IMG_0001.HEIC", heic, "E0803");
    assert!(out.stderr.contains("export it as JPEG"), "{}", out.stderr);
}

#[test]
fn a_cmyk_jpeg_is_converted() {
    let s = site_with("/images/cmyk.jpg", "x");
    let cmyk = std::fs::read(fixtures().join("images/cmyk.jpg")).unwrap();
    s.write("content/static/images/cmyk.jpg", cmyk);
    s.run(&["build"]).assert_code(0);
    let img = image::open(s.path("output/anh-web/images/cmyk-160.jpg"))
        .unwrap()
        .to_rgb8();
    assert_eq!(img.dimensions(), (160, 100));
    // A ladybird on a leaf: not a black or inverted picture.
    let mean: u64 = img.pixels().map(|p| u64::from(p[1])).sum::<u64>() / (160 * 100);
    assert!((40..230).contains(&mean), "mean green {mean}");
}

#[test]
fn a_16_bit_png_is_converted() {
    let s = site_with("/images/sau-muoi-sau.png", "x");
    let img = image::ImageBuffer::from_fn(64, 40, |x, y| {
        image::Rgb([(x * 1000) as u16, (y * 1500) as u16, 40000u16])
    });
    let path = s.path("content/static/images/sau-muoi-sau.png");
    image::DynamicImage::ImageRgb16(img).save(&path).unwrap();
    s.run(&["build"]).assert_code(0);
    let out = image::open(s.path("output/anh-web/images/sau-muoi-sau-64.jpg")).unwrap();
    assert_eq!((out.width(), out.height()), (64, 40));
}

#[test]
fn an_animated_gif_is_published_as_it_is() {
    let s = site_with("/images/dong.gif", "x");
    let mut gif = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut gif);
        enc.set_repeat(image::codecs::gif::Repeat::Infinite)
            .unwrap();
        for k in 0..3u8 {
            let buf = image::RgbaImage::from_pixel(8, 8, image::Rgba([k * 80, 0, 0, 255]));
            enc.encode_frame(image::Frame::new(buf)).unwrap();
        }
    }
    s.write("content/static/images/dong.gif", &gif);
    s.run(&["build"]).assert_code(0);
    assert_eq!(
        std::fs::read(s.path("output/images/dong.gif")).unwrap(),
        gif
    );
}

#[test]
fn a_jpg_that_is_really_a_png_warns_and_is_used_as_png() {
    let s = site_with("/images/that-ra-png.jpg", "x");
    let img = image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 6, y as u8 * 8, 90]));
    img.save_with_format(
        s.path("content/static/images/that-ra-png.jpg"),
        image::ImageFormat::Png,
    )
    .unwrap();
    let out = s.run(&["build"]);
    out.assert_code(0);
    out.assert_diag("warning", "W0802", &format!("{ARTICLE}:4"));
    assert!(
        s.path("output/anh-web/images/that-ra-png-40.webp")
            .is_file()
    );
}

#[test]
fn an_svg_with_script_is_copied_as_it_is_with_a_warning() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(2)</script></svg>"#;
    let s = site_with(
        "/images/ban-do.svg",
        "Thân bài.\n\n![Bản đồ](/images/ban-do.svg)",
    );
    s.write("content/static/images/ban-do.svg", svg);
    let out = s.run(&["build"]);
    out.assert_code(0);
    out.assert_diag("warning", "W0803", &format!("{ARTICLE}:4"));
    out.assert_diag("warning", "W0803", &format!("{ARTICLE}:9"));
    assert_eq!(s.read("output/images/ban-do.svg"), svg);
}

#[test]
fn no_image_the_sample_site_publishes_carries_exif_or_gps() {
    let out = common::built_sample();
    let mut seen = 0;
    for e in walkdir::WalkDir::new(out).into_iter().flatten() {
        let p = e.path();
        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
        if ["jpg", "jpeg", "webp", "png"].contains(&ext) {
            let b = std::fs::read(p).unwrap();
            assert!(
                !b.windows(6).any(|w| w == b"Exif\0\0"),
                "{} has EXIF",
                p.display()
            );
            assert!(!contains_gps_ifd(&b), "{} has GPS", p.display());
            seen += 1;
        }
    }
    assert!(seen >= 10, "only {seen} images");
    assert!(
        Path::new(out)
            .join("anh-web/images/binh-minh-vung-cao-720.webp")
            .is_file()
    );
}

/// The GPS IFD pointer tag (0x8825) in either byte order.
fn contains_gps_ifd(b: &[u8]) -> bool {
    b.windows(4)
        .any(|w| w == [0x88, 0x25, 0, 4] || w == [0x25, 0x88, 4, 0])
}

#[test]
fn photos_in_pages_and_dataset_commentary_become_pictures_too() {
    let s = Site::fixture("sites/basic");
    s.write("content/static/images/anh.jpg", photo());
    s.write(
        "content/pages/anh.md",
        "---\ntitle: \"Ảnh trang\"\nslug: anh-trang\n---\n![Ruộng](/images/anh.jpg)\n",
    );
    let note = s.read("content/data/thu.md");
    s.write(
        "content/data/thu.md",
        format!("{note}\n![Biểu đồ chụp](/images/anh.jpg)\n"),
    );
    s.run(&["build"]).assert_code(0);
    let page = s.html("output/anh-trang/index.html");
    assert!(
        page.select(&sel("main picture source[type='image/webp']"))
            .next()
            .is_some()
    );
    let mut with_picture = 0;
    for (_, doc) in common::html_files(&s.path("output/chi-so")) {
        with_picture += doc.select(&sel("picture img[src$='anh-300.jpg']")).count();
    }
    assert!(with_picture >= 1, "the commentary's photo");
}

#[test]
fn photo_copies_are_byte_identical_with_1_and_4_threads() {
    let s = site_with(
        "/images/anh.jpg",
        "Thân bài.\n\n![Bản Sin Suối Hồ](/images/hai.jpg)",
    );
    s.write("content/static/images/anh.jpg", photo());
    s.write("content/static/images/hai.jpg", photo());
    let yaml = std::fs::read_to_string(s.path("content/site.yaml")).unwrap();
    let mut trees = Vec::new();
    for threads in ["1", "4"] {
        // A cache of its own each time, so both builds encode every photo.
        s.write(
            "content/site.yaml",
            format!("{yaml}\ncache_dir: cache-{threads}\n"),
        );
        let out = format!("out-{threads}");
        s.run_env(
            &["build", "--output", &out],
            &[("RAYON_NUM_THREADS", threads)],
        )
        .assert_code(0);
        trees.push(common::snapshot(&s.path(&out)));
    }
    let photos = |t: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>| {
        t.iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "webp" || e == "jpg"))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect::<Vec<_>>()
    };
    assert!(photos(&trees[0]).len() >= 4, "{:?}", trees[0].keys());
    assert_eq!(photos(&trees[0]), photos(&trees[1]));
    assert_eq!(trees[0], trees[1]);
}
