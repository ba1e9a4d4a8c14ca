//! Messages of the index datasets (content/data/*.yaml). The rules of
//! data/validate/ still write plain English (ported next; tests/i18n.rs
//! lists them).

messages! {
    DATA_YML "data.yml" { en: "dataset files must end in `.yaml`", vi: "tệp bộ dữ liệu phải có đuôi `.yaml`" }
    DATA_YML_HINT "data.yml.hint" {
        en: "rename the file to end in .yaml (it is not read otherwise)",
        vi: "Đổi đuôi tệp thành .yaml (nếu không, tệp sẽ không được đọc)",
    }
    DATA_BAD_NAME "data.bad_name" {
        en: "dataset file name `{slug}` is not a valid slug",
        vi: "tên tệp bộ dữ liệu `{slug}` không hợp lệ",
    }
    DATA_BAD_NAME_HINT "data.bad_name.hint" {
        en: "rename the file using lowercase ASCII letters, digits and hyphens, e.g. par-index.yaml",
        vi: "Đặt lại tên tệp bằng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ par-index.yaml",
    }
}
