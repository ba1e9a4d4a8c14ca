//! Issue 23: the mistakes a new Vietnamese editor or data officer makes, each
//! caught at its line in natural Vietnamese (`--lang vi`), one test per
//! defect, named after what it guards.

mod common;

use common::{BIN, Site, fixtures};
use std::path::Path;
use std::process::Command;

/// `chiso ARGS…` in `dir`, in Vietnamese.
fn vi(dir: &Path, args: &[&str]) -> common::Out {
    let o = Command::new(BIN)
        .args(args)
        .env("CHISO_LANG", "vi")
        .current_dir(dir)
        .output()
        .unwrap();
    common::Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn tmp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("chiso-editors-")
        .tempdir()
        .unwrap()
}

/// A one-year CSV table whose total column is headed `total`.
fn table(total: &str) -> String {
    format!(
        "KẾT QUẢ CHỈ SỐ CCHC NĂM 2022\n\
         STT,Tên đơn vị,Cải cách thể chế (10),Cải cách thủ tục hành chính (16),{total},Xếp hạng\n\
         1,Thành phố Lai Châu,8.81,13.10,82.70,1\n\
         2,Huyện Phong Thổ,7.18,11.38,72.10,2\n"
    )
}

#[test]
fn a_port_in_the_serve_line_is_never_grouped_like_a_number() {
    use chiso::i18n::{Lang, Msg, catalog};
    let m = Msg::new(
        &catalog::SERVE_SERVING,
        vec![
            ("out", chiso::i18n::text("output")),
            ("port", chiso::i18n::IntoArg::into_arg(18437u16)),
        ],
    );
    let t = m.render(Lang::Vi);
    assert!(t.contains("http://127.0.0.1:18437/"), "{t}");
    assert!(
        t.starts_with("Bản xem trước của output đang chạy tại"),
        "{t}"
    );
}

#[test]
fn every_usual_total_header_is_found() {
    for header in [
        "Tổng điểm",
        "Điểm tổng",
        "Tổng số điểm",
        "Tổng cộng",
        "Điểm đạt được",
        "Tổng điểm đạt được (100)",
    ] {
        let dir = tmp();
        std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
        std::fs::write(dir.path().join("t.csv"), table(header)).unwrap();
        let out = vi(
            dir.path(),
            &["import", "data", "t.csv", "--into", "content/data/t.yaml"],
        );
        out.assert_code(0);
        let yaml = std::fs::read_to_string(dir.path().join("content/data/t.yaml")).unwrap();
        assert!(yaml.contains("total: 82.7"), "{header}: {yaml}");
    }
}

#[test]
fn an_unknown_total_header_gets_a_hint_naming_its_real_column() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    std::fs::write(dir.path().join("t.csv"), table("Điểm chung cuộc")).unwrap();
    let out = vi(
        dir.path(),
        &["import", "data", "t.csv", "--into", "content/data/t.yaml"],
    );
    out.assert_code(1);
    let e = &out.stderr;
    assert!(
        e.contains(
            "Nếu cột E \"Điểm chung cuộc\" là tổng điểm, hãy nhập lại với --map \"E=total\""
        ),
        "{e}"
    );
    assert!(
        e.contains("--map \"E=<đích>\""),
        "the other error agrees: {e}"
    );
    assert!(!e.contains("Cột 3"), "no fixed column: {e}");
}

#[test]
fn placeholders_of_a_new_dataset_are_errors_in_every_field() {
    let site = Site::fixture("good");
    vi(site.root(), &["new", "dataset", "thu"]).assert_code(0);
    let out = site.run_env(&["check"], &[("CHISO_LANG", "vi")]);
    out.assert_code(1);
    let written = std::fs::read_to_string(site.root().join("content/data/thu.yaml")).unwrap();
    for name in ["___title___", "___publisher___", "___unit_name___"] {
        // The first line that holds it and is not a comment.
        let line = 1 + written
            .lines()
            .position(|l| l.contains(name) && !l.trim_start().starts_with('#'))
            .unwrap_or_else(|| panic!("{name} is in the skeleton"));
        assert!(
            out.stderr.contains(&format!(
                "`{name}` vẫn là chỗ trống của khung `chiso new dataset`"
            )),
            "{name}: {}",
            out.stderr
        );
        let at = format!("--> content/data/thu.yaml:{line}:");
        assert!(out.stderr.contains(&at), "{at}: {}", out.stderr);
    }
}

#[test]
fn a_decimal_comma_inside_braces_says_write_a_point() {
    let site = Site::fixture("good");
    let ds = std::fs::read_to_string(fixtures().join("data/lai-chau-cchc.yaml")).unwrap();
    let ds = ds.replace(
        "{ total: 72.10, rank: 2, fields: { chi-dao: 8.5, the-che: 7.25 } }",
        "{ total: 82,35, rank: 2, fields: { chi-dao: 8,5, the-che: 7.25 } }",
    );
    site.write("content/data/lai-chau-cchc.yaml", ds);
    let out = site.run_env(&["check"], &[("CHISO_LANG", "vi")]);
    out.assert_code(1);
    let e = &out.stderr;
    assert!(e.contains("`82,35` viết dấu phẩy thập phân"), "{e}");
    assert!(e.contains("Hãy viết 82.35"), "{e}");
    assert!(e.contains("Hãy viết 8.5"), "{e}");
    assert!(
        !e.contains("khóa `35`") && !e.contains("`5` không phải"),
        "{e}"
    );
    assert!(e.contains("lỗi[E0401]"), "{e}");
    assert!(
        e.contains("--> content/data/lai-chau-cchc.yaml:32:23"),
        "{e}"
    );
}

/// An article of the good site with `front` as its front matter lines and
/// `body`, checked in Vietnamese.
fn check_article(front: &str, body: &str) -> common::Out {
    let site = Site::fixture("good");
    site.write(
        "content/articles/tin/moi.md",
        format!("---\n{front}\ndate: 2024-05-21T08:00:00+07:00\nsummary: \"Sapo.\"\n---\n{body}\n"),
    );
    site.run_env(&["check"], &[("CHISO_LANG", "vi")])
}

#[test]
fn windows_and_file_image_paths_are_errors_with_a_copy_hint() {
    let out = check_article(
        "title: \"Ảnh từ máy\"",
        "![Ảnh](C:\\Users\\BTV\\Pictures\\anh.jpg)\n\n![Ảnh 2](file:///C:/Users/BTV/hop.png)",
    );
    out.assert_code(1);
    let e = &out.stderr;
    assert!(
        e.contains("`C:\\Users\\BTV\\Pictures\\anh.jpg` là tệp nằm trên máy tính này"),
        "{e}"
    );
    assert!(
        e.contains("Chép tệp vào thư mục content/static/images/ rồi ghi /images/anh.jpg"),
        "{e}"
    );
    assert!(e.contains("rồi ghi /images/hop.png"), "{e}");
    assert!(e.contains("--> content/articles/tin/moi.md:6"), "{e}");
}

#[test]
fn a_missing_image_says_where_to_put_it() {
    let out = check_article("title: \"Thiếu ảnh\"", "![Ảnh](/images/x.jpg)");
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("Không tìm thấy ảnh `/images/x.jpg`: hãy đặt ảnh vào content/static/images/x.jpg hoặc sửa đường dẫn"),
        "{}",
        out.stderr
    );
}

#[test]
fn word_curly_quotes_in_front_matter_are_named() {
    for title in [
        "title: “Phong Thổ: họp”",
        "title: \"Phong Thổ: họp”",
        "title: “Phong Thổ họp”",
    ] {
        let out = check_article(title, "Nội dung.");
        out.assert_code(1);
        assert!(
            out.stderr
                .contains("dấu ngoặc kép cong (chép từ Word) — hãy dùng dấu \" thẳng"),
            "{title}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains("--> content/articles/tin/moi.md:2:"),
            "at its own line: {}",
            out.stderr
        );
    }
    // Curly quotes inside a straight-quoted title are text.
    let out = check_article("title: \"Bà nói “xin chào”\"", "Nội dung.");
    out.assert_code(0);
}

#[test]
fn a_new_site_checks_clean_and_its_article_reads_naturally() {
    let dir = tmp();
    let out = vi(dir.path(), &["new", "site", "trang-huyen"]);
    out.assert_code(0);
    assert!(
        out.stderr
            .contains("Đã tạo trang web mới trong thư mục trang-huyen"),
        "{}",
        out.stderr
    );
    let root = dir.path().join("trang-huyen");
    let check = vi(&root, &["check"]);
    check.assert_code(0);
    assert!(!check.stderr.contains("W0105"), "{}", check.stderr);
    assert!(!check.stderr.contains("cảnh báo"), "{}", check.stderr);
    let article =
        std::fs::read_to_string(root.join("content/articles/bai-viet-dau-tien.md")).unwrap();
    assert!(!article.contains("viết viết"), "{article}");
}

#[test]
fn a_misspelt_category_is_a_warning_naming_both_and_their_files() {
    let site = Site::fixture("good");
    let mot = site.read("content/articles/tin/mot.md");
    site.write(
        "content/articles/tin/mot.md",
        mot.replace("category: \"Kinh tế\"", "category: \"Cải cách hành chính\""),
    );
    let hai = site.read("content/articles/tin/hai.md");
    let hai = match hai.find("category:") {
        Some(_) => hai
            .lines()
            .map(|l| {
                if l.starts_with("category:") {
                    "category: \"Cải cách hành chánh\""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        None => hai.replacen("---\n", "---\ncategory: \"Cải cách hành chánh\"\n", 1),
    };
    site.write("content/articles/tin/hai.md", hai);
    let out = site.run_env(&["check"], &[("CHISO_LANG", "vi")]);
    out.assert_code(0);
    let e = &out.stderr;
    assert!(e.contains("cảnh báo[W0114]"), "{e}");
    assert!(
        e.contains(
            "chuyên mục \"Cải cách hành chánh\" (content/articles/tin/hai.md) viết gần giống \"Cải cách hành chính\" (content/articles/tin/mot.md)"
        ),
        "{e}"
    );
}

#[test]
fn a_misspelt_key_asks_did_you_mean() {
    let out = check_article("title: \"Khóa sai\"\ncatgory: \"Kinh tế\"", "Nội dung.");
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("khóa `catgory` không có trong danh sách: có phải bạn muốn viết `category`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_year_written_as_text_asks_for_four_digits() {
    let site = Site::fixture("good");
    let ds = std::fs::read_to_string(fixtures().join("data/lai-chau-cchc.yaml")).unwrap();
    let first_year = ds.find("- year: ").unwrap();
    let end = first_year + ds[first_year..].find('\n').unwrap();
    let ds = format!("{}- year: \"năm 2022\"{}", &ds[..first_year], &ds[end..]);
    site.write("content/data/lai-chau-cchc.yaml", ds);
    let out = site.run_env(&["check"], &[("CHISO_LANG", "vi")]);
    out.assert_code(1);
    let e = &out.stderr;
    assert!(
        e.contains("`year` đang là \"năm 2022\": năm phải có bốn chữ số, ví dụ 2022"),
        "{e}"
    );
    assert!(e.contains("Ghi năm bằng bốn chữ số"), "{e}");
    assert!(!e.contains("72.10") && !e.contains("this year"), "{e}");
}

#[test]
fn a_rank_total_conflict_names_units_and_writes_vietnamese_numbers() {
    let site = Site::fixture("good");
    let ds = std::fs::read_to_string(fixtures().join("data/lai-chau-cchc.yaml")).unwrap();
    site.write(
        "content/data/lai-chau-cchc.yaml",
        ds.replace(
            "\"105\": { total: null }",
            "\"105\": { total: 60, rank: 1 }",
        ),
    );
    let out = site.run_env(&["check"], &[("CHISO_LANG", "vi")]);
    out.assert_code(1);
    let e = &out.stderr;
    assert!(
        e.contains("Thành phố Lai Châu xếp hạng 1 nhưng chỉ có 60,00 điểm, kém hơn Huyện Phong Thổ (hạng 2, 72,10 điểm)"),
        "{e}"
    );
}

#[test]
fn a_utf16_article_is_named_as_utf16() {
    let site = Site::fixture("good");
    let text = "---\ntitle: \"Lưu nhầm\"\ndate: 2024-05-21T08:00:00+07:00\n---\nNội dung.\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    site.write("content/articles/tin/utf16.md", bytes);
    let out = site.run_env(&["check"], &[("CHISO_LANG", "vi")]);
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("tệp lưu dạng UTF-16 (\"Unicode\"), hãy lưu lại dạng UTF-8"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--> content/articles/tin/utf16.md:1:1"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_shortcode_in_the_summary_is_reported_at_its_line() {
    let site = Site::fixture("good");
    site.write(
        "content/articles/tin/sapo.md",
        "---\ntitle: \"Sapo có mã nhúng\"\ndate: 2024-05-21T08:00:00+07:00\nsummary: \"Phong Thổ đạt {{ value(data=\\\"x\\\", unit=\\\"109\\\", year=2022) }} điểm.\"\n---\nNội dung.\n",
    );
    let out = site.run_env(&["check"], &[("CHISO_LANG", "vi")]);
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("mã nhúng trong `summary:` không được thực hiện"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--> content/articles/tin/sapo.md:4"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_closing_dashes_before_a_rule_says_so_at_the_first_text_line() {
    let site = Site::fixture("good");
    site.write(
        "content/articles/tin/thieu.md",
        "---\ntitle: \"Thiếu dấu đóng\"\ndate: 2024-05-21T08:00:00+07:00\nsummary: \"Sapo.\"\nĐoạn đầu của bài viết.\n\n---\n\nĐoạn sau đường kẻ.\n",
    );
    let out = site.run_env(&["check"], &[("CHISO_LANG", "vi")]);
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("có lẽ thiếu dòng `---` đóng phần khai báo ở phía trên"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--> content/articles/tin/thieu.md:5:1"),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("kiểu"),
        "no hint about value types: {}",
        out.stderr
    );
}

#[test]
fn the_import_summary_says_the_max_came_from_the_max_row() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    std::fs::write(
        dir.path().join("t.csv"),
        "KẾT QUẢ CHỈ SỐ CCHC NĂM 2022\n\
         STT,Tên đơn vị,Cải cách thể chế,Tổng điểm,Xếp hạng\n\
         ,Điểm tối đa,10,100,\n\
         1,Thành phố Lai Châu,8.81,82.70,1\n\
         2,Huyện Phong Thổ,7.18,72.10,2\n",
    )
    .unwrap();
    let out = vi(
        dir.path(),
        &["import", "data", "t.csv", "--into", "content/data/t.yaml"],
    );
    out.assert_code(0);
    assert!(
        out.stderr
            .contains("tối đa 100 (lấy từ dòng \"Điểm tối đa\" dưới tiêu đề)"),
        "{}",
        out.stderr
    );
}
