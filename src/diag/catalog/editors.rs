//! Messages for the mistakes a new editor or data officer makes (issue 23):
//! usage errors in the run's language, OS errors in words, near-miss names,
//! leftover placeholders, decimal commas, local image paths, curly quotes.

messages! {
    USAGE_UNKNOWN_COMMAND "usage.unknown_command" {
        en: "error: there is no command `{word}`",
        vi: "lỗi: không có lệnh `{word}`",
    }
    USAGE_UNKNOWN_FLAG "usage.unknown_flag" {
        en: "error: there is no option `{word}` here",
        vi: "lỗi: ở đây không có tùy chọn `{word}`",
    }
    USAGE_EXTRA_ARG "usage.extra_arg" {
        en: "error: `{word}` was not expected here",
        vi: "lỗi: không cần ghi `{word}` ở chỗ này",
    }
    USAGE_DID_YOU_MEAN "usage.did_you_mean" {
        en: "did you mean `{word}`?",
        vi: "có phải bạn muốn viết `{word}`?",
    }
    USAGE_MISSING "usage.missing" {
        en: "error: missing {what}",
        vi: "lỗi: còn thiếu {what}",
    }
    USAGE_BAD_VALUE "usage.bad_value" {
        en: "error: `{value}` is not a valid value for {flag}",
        vi: "lỗi: `{value}` không dùng được cho {flag}",
    }
    USAGE_BAD_VALUE_CHOICES "usage.bad_value.choices" {
        en: "error: `{value}` is not a valid value for {flag}; write one of: {choices}",
        vi: "lỗi: `{value}` không dùng được cho {flag}; hãy ghi một trong các giá trị: {choices}",
    }
    USAGE_NO_VALUE "usage.no_value" {
        en: "error: {flag} needs a value",
        vi: "lỗi: {flag} cần có giá trị đi kèm",
    }
    USAGE_CONFLICT "usage.conflict" {
        en: "error: {flag} cannot be used together with {other}",
        vi: "lỗi: không dùng {flag} cùng lúc với {other}",
    }
    USAGE_TWICE "usage.twice" {
        en: "error: {flag} is given more than once",
        vi: "lỗi: {flag} được ghi nhiều lần",
    }
    USAGE_OTHER "usage.other" {
        en: "error: the command is not written right: {detail}",
        vi: "lỗi: lệnh gõ chưa đúng{detail}",
    }
    USAGE_LINE "usage.line" { en: "usage: {usage}", vi: "Cách dùng: {usage}" }
    USAGE_MORE "usage.more" {
        en: "for more, run `{command} --help`",
        vi: "Gõ `{command} --help` để xem hướng dẫn đầy đủ.",
    }

    IO_ADDR_IN_USE "io.addr_in_use" {
        en: "the port is already used by another program (perhaps another chiso serve): stop it, or choose another port with --port",
        vi: "cổng này đang có chương trình khác dùng (có thể là một chiso serve khác): hãy tắt chương trình đó, hoặc chọn cổng khác bằng --port",
    }
    IO_ADDR_NOT_AVAILABLE "io.addr_not_available" {
        en: "this address is not available on this computer",
        vi: "máy này không có địa chỉ đó",
    }
    IO_IS_DIR "io.is_dir" { en: "it is a folder, not a file", vi: "đây là thư mục, không phải tệp" }
    IO_NOT_DIR "io.not_dir" { en: "it is a file, not a folder", vi: "đây là tệp, không phải thư mục" }
    IO_READ_ONLY "io.read_only" {
        en: "the disk is read-only",
        vi: "ổ đĩa chỉ cho đọc, không cho ghi",
    }
    IO_OS_CODE "io.os_code" {
        en: "{what} (os error {code})",
        vi: "{what} (mã lỗi hệ thống {code})",
    }
    DATA_PLACEHOLDER "data.placeholder" {
        en: "`{name}` is still the placeholder of `chiso new dataset`: it would be published as it is",
        vi: "`{name}` vẫn là chỗ trống của khung `chiso new dataset`: nếu để nguyên, nó sẽ hiện y như vậy trên trang web",
    }
    DATA_PLACEHOLDER_HINT "data.placeholder.hint" {
        en: "replace every ___…___ with the published figure or name (or delete the line if it is optional), then run chiso check again",
        vi: "Thay mọi chỗ ___…___ bằng số liệu hoặc tên đã công bố (dòng nào không bắt buộc thì xóa đi), rồi chạy lại chiso check",
    }
    DATA_DECIMAL_COMMA "data.decimal_comma" {
        en: "`{number}` is written with a decimal comma: YAML takes the comma for a separator, so the digits after it become another key",
        vi: "`{number}` viết dấu phẩy thập phân: trong YAML dấu phẩy dùng để ngăn cách các mục, nên phần sau dấu phẩy bị đọc thành một khóa khác",
    }
    DATA_DECIMAL_COMMA_HINT "data.decimal_comma.hint" {
        en: "write {fixed} (with a point); the site still shows it the Vietnamese way",
        vi: "Hãy viết {fixed} (dấu chấm thập phân); trang web vẫn hiện số theo kiểu Việt Nam, có dấu phẩy",
    }
    LINK_LOCAL_FILE "link.local_file" {
        en: "`{url}` is a file on this computer: readers of the site cannot open it",
        vi: "`{url}` là tệp nằm trên máy tính này: bạn đọc trang web không mở được",
    }
    LINK_LOCAL_FILE_HINT "link.local_file.hint" {
        en: "copy the file into content/static/images/ and write /images/{name}",
        vi: "Chép tệp vào thư mục content/static/images/ rồi ghi /images/{name}",
    }
    LINK_MISSING_IMAGE_HINT "link.missing_image.hint" {
        en: "put the photo in content/static{url}, or fix the path",
        vi: "Không tìm thấy ảnh `{url}`: hãy đặt ảnh vào content/static{url} hoặc sửa đường dẫn",
    }
    YAML_CURLY_QUOTE "yaml.curly_quote" {
        en: "curly quotation mark (pasted from Word) where YAML needs a straight one",
        vi: "dấu ngoặc kép cong (chép từ Word) — hãy dùng dấu \" thẳng",
    }
    YAML_CURLY_QUOTE_HINT "yaml.curly_quote.hint" {
        en: "write the value between straight quotes, e.g. title: \"Phong Thổ: họp\"; curly quotes inside it are fine",
        vi: "Đặt giá trị giữa hai dấu \" thẳng, ví dụ title: \"Phong Thổ: họp\"; dấu ngoặc cong nằm bên trong thì vẫn giữ được",
    }
    SERVE_CANNOT_CREATE "serve.cannot_create" {
        en: "error: cannot create the preview folder {path}: {reason}",
        vi: "lỗi: không tạo được thư mục xem trước {path}: {reason}",
    }
    DV_YEAR_FORMAT "dv.year_format" {
        en: "`year` is {value}: a year has four digits, e.g. 2022",
        vi: "`year` đang là {value}: năm phải có bốn chữ số, ví dụ 2022",
    }
    DV_YEAR_FORMAT_HINT "dv.year_format.hint" {
        en: "write the year with four digits and no quotes, e.g. year: 2023",
        vi: "Ghi năm bằng bốn chữ số, không có dấu nháy, ví dụ year: 2023",
    }
    YAML_UNKNOWN_KEY_NEAR "yaml.unknown_key.near" {
        en: "unknown field `{key}`: did you mean `{near}`? (expected {expected})",
        vi: "khóa `{key}` không có trong danh sách: có phải bạn muốn viết `{near}`? (các khóa được dùng: {expected})",
    }
    NEAR_CATEGORY "near.category" { en: "category", vi: "chuyên mục" }
    NEAR_TAG "near.tag" { en: "tag", vi: "thẻ" }
    NEAR_NAMES "near.names" {
        en: "{kind} \"{a}\" ({a_files}) is spelled almost like \"{b}\" ({b_files})",
        vi: "{kind} \"{a}\" ({a_files}) viết gần giống \"{b}\" ({b_files})",
    }
    NEAR_NAMES_HINT "near.names.hint" {
        en: "if they are the same, write \"{b}\" in both so the articles share one page; if they differ, ignore this warning",
        vi: "Nếu là một, hãy viết \"{b}\" ở cả hai nơi để các bài nằm chung một trang; nếu đúng là hai tên khác nhau thì bỏ qua cảnh báo này",
    }
    FS_UTF16 "fs.utf16" {
        en: "the file is saved as UTF-16 (\"Unicode\"): save it again as UTF-8",
        vi: "tệp lưu dạng UTF-16 (\"Unicode\"), hãy lưu lại dạng UTF-8",
    }
    FRONT_SUMMARY_SHORTCODE "front.summary_shortcode" {
        en: "a shortcode in `summary:` is not run: the sapo would show `{{ … }}` as it is",
        vi: "mã nhúng trong `summary:` không được thực hiện: sapo sẽ hiện nguyên dòng `{{ … }}`",
    }
    FRONT_SUMMARY_SHORTCODE_HINT "front.summary_shortcode.hint" {
        en: "write the figure itself in the sapo (e.g. 72,10 điểm), and keep {{ value(…) }} for the body",
        vi: "Ghi thẳng con số vào sapo (ví dụ 72,10 điểm), còn {{ value(…) }} thì dùng trong thân bài",
    }
    FRONT_PROSE "front.prose" {
        en: "this line is text, not a `key: value` of the front matter: the closing `---` seems to be missing above it",
        vi: "dòng này là nội dung bài, không phải một dòng `khóa: giá trị` của phần khai báo: có lẽ thiếu dòng `---` đóng phần khai báo ở phía trên",
    }
    FRONT_PROSE_HINT "front.prose.hint" {
        en: "write a line `---` right after the last front matter line (e.g. after summary:), before the text of the article",
        vi: "Thêm một dòng `---` ngay sau dòng khai báo cuối cùng (ví dụ sau summary:), trước nội dung bài",
    }
    WHY_MAX_ROW "why.max_row" {
        en: "the \"Điểm tối đa\" row under the header",
        vi: "lấy từ dòng \"Điểm tối đa\" dưới tiêu đề",
    }
}
