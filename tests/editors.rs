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
    for (name, line) in [
        ("___title___", 7),
        ("___publisher___", 16),
        ("___unit_name___", 55),
    ] {
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
