//! The words of a usage line (`chiso build [OPTIONS]`): what clap writes in
//! English capitals, said in Vietnamese under `--lang vi` (cli/help.rs).
//! `value.<id>` names the value of the flag or argument `<id>`; its `en`
//! is the name clap shows in English (only that one is replaced).

messages! {
    USAGE_WORD_OPTIONS "usage_word.options" { en: "OPTIONS", vi: "tùy chọn" }
    USAGE_WORD_COMMAND "usage_word.command" { en: "COMMAND", vi: "lệnh" }
    VALUE_ROOT "value.root" { en: "ROOT", vi: "thư mục gốc" }
    VALUE_OUTPUT "value.output" { en: "OUTPUT", vi: "thư mục xuất bản" }
    VALUE_BASE_URL "value.base_url" { en: "BASE_URL", vi: "địa chỉ" }
    VALUE_CATEGORY "value.category" { en: "CATEGORY", vi: "chuyên mục" }
    VALUE_FILE "value.file" { en: "FILE", vi: "tệp" }
    VALUE_FORMAT "value.format" { en: "FORMAT", vi: "kiểu in" }
    VALUE_INTO "value.into" { en: "INTO", vi: "tệp dữ liệu" }
    VALUE_NOW "value.now" { en: "NOW", vi: "thời điểm" }
    VALUE_PATH "value.path" { en: "PATH", vi: "thư mục" }
    VALUE_PORT "value.port" { en: "PORT", vi: "cổng" }
    VALUE_SHEET "value.sheet" { en: "SHEET", vi: "trang tính" }
    VALUE_SLUG "value.slug" { en: "SLUG", vi: "slug" }
    VALUE_TITLE "value.title" { en: "TITLE", vi: "tiêu đề" }
    VALUE_YEAR "value.year" { en: "YEAR", vi: "năm" }
    VALUE_MAP "value.maps" { en: "COLUMN=TARGET", vi: "cột=đích" }
    VALUE_LINEAGE "value.lineage" { en: "FILE", vi: "tệp" }
    USAGE_MISSING_COMMAND "usage.missing_command" {
        en: "error: say which command to run: {commands}",
        vi: "lỗi: hãy ghi thêm lệnh cần chạy: {commands}",
    }
}
