//! The command line's own words: how diagnostics are labelled, summaries,
//! progress, `new`, `serve`, and the help of every command and flag (looked up
//! by key: `help.<command>` and `help.<command>.<flag>`, else `help.<flag>`).

messages! {
    WORD_ERROR "word.error" { en: "error", vi: "lỗi" }
    WORD_WARNING "word.warning" { en: "warning", vi: "cảnh báo" }
    WORD_HELP "word.help" { en: "help", vi: "gợi ý" }

    SUMMARY "cli.summary" {
        en: "{verb}: {pages} pages ({articles} articles, {charts} charts), {files} files in {secs} s{warnings}",
        vi: "{verb}: {pages} trang ({articles} bài viết, {charts} biểu đồ), {files} tệp trong {secs} giây{warnings}",
    }
    SUMMARY_WARNINGS "cli.summary.warnings" { en: ", {n} warning(s)", vi: ", {n} cảnh báo" }
    SUMMARY_BUILT "cli.summary.built" { en: "built {out}", vi: "Đã dựng xong {out}" }
    SUMMARY_CHECKED "cli.summary.checked" { en: "check passed", vi: "Kiểm tra xong, không có lỗi" }
    BUILD_FAILED "cli.build_failed" {
        en: "build failed: {n} error(s); the previous output was left untouched",
        vi: "Dựng trang web thất bại: {n} lỗi; bản đã xuất bản trước đó vẫn giữ nguyên",
    }
    CHECK_FAILED "cli.check_failed" { en: "check failed: {n} error(s)", vi: "Kiểm tra thấy {n} lỗi" }
    IMPORT_FAILED "cli.import_failed" {
        en: "import failed: {n} error(s); nothing was written",
        vi: "Nhập bảng thất bại: {n} lỗi; chưa ghi gì vào bộ dữ liệu",
    }
    IMPORTED "cli.imported" {
        en: "imported {units} units for {year} into {into}{new}",
        vi: "Đã nhập {units} đơn vị của năm {year} vào {into}{new}",
    }
    IMPORTED_NEW "cli.imported.new" { en: " (a new dataset)", vi: " (bộ dữ liệu mới)" }
    NO_CONTENT "cli.no_content" {
        en: "error: {root} has no content/ folder; run chiso in a site's root or pass --root",
        vi: "lỗi: {root} không có thư mục content/; hãy chạy chiso trong thư mục gốc của trang web hoặc ghi thêm --root",
    }
    CLI_ERROR "cli.error" { en: "error: {detail}", vi: "lỗi: {detail}" }
    SCHEDULE "cli.schedule" {
        en: "schedule: now is {now} (from {source}); {scheduled} article(s) held back until their publish_date, {expired} expired",
        vi: "Lịch đăng: bây giờ là {now} (theo {source}); {scheduled} bài viết chờ đến ngày đăng (publish_date), {expired} bài đã hết hạn",
    }
    NOW_CLOCK "cli.now.clock" { en: "the clock", vi: "đồng hồ máy" }
    NOW_BAD_FLAG "cli.now.bad_flag" {
        en: "--now `{value}` is not an RFC 3339 time with an offset, e.g. 2024-05-20T13:50:00+07:00: {detail}",
        vi: "--now `{value}` không phải thời điểm RFC 3339 có múi giờ, ví dụ 2024-05-20T13:50:00+07:00{detail}",
    }
    NOW_BAD_EPOCH "cli.now.bad_epoch" {
        en: "SOURCE_DATE_EPOCH `{value}` is not a whole number of seconds since 1970-01-01 UTC",
        vi: "SOURCE_DATE_EPOCH `{value}` không phải số giây nguyên tính từ 1970-01-01 UTC",
    }
    WAITING "cli.waiting" {
        en: "waiting for another chiso build (or serve) of {out} to finish…",
        vi: "Đang chờ một lần dựng (hoặc serve) khác của {out} chạy xong…",
    }

    NEW_WHAT "cli.new.what" {
        en: "error: say what to create: chiso new <site folder>, chiso new article \"Tiêu đề\" or chiso new dataset <slug>",
        vi: "lỗi: hãy cho biết cần tạo gì: chiso new <thư mục trang web>, chiso new article \"Tiêu đề\" hoặc chiso new dataset <slug>",
    }
    NEW_CREATED "cli.new.created" {
        en: "created a new site in {path}; preview it with: chiso serve --root {path}, build it with: chiso build --root {path}",
        vi: "Đã tạo trang web mới trong thư mục {path}; xem trước bằng lệnh: chiso serve --root {path}, dựng bằng lệnh: chiso build --root {path}",
    }
    NEW_NOT_EMPTY "new.not_empty" { en: "{path} exists and is not empty", vi: "{path} đã có và không trống" }
    NEW_WRITE "new.write" { en: "{path}: {reason}", vi: "{path}: {reason}" }
    NEW_EXISTS "new.exists" {
        en: "{path} already exists; chiso new never overwrites a file: choose another name or edit that file",
        vi: "{path} đã có; chiso new không bao giờ ghi đè lên tệp có sẵn: hãy chọn tên khác hoặc sửa thẳng tệp đó",
    }
    NEW_NO_CONTENT "new.no_content" {
        en: "{root} has no content/ folder; run chiso in a site's root or pass --root",
        vi: "{root} không có thư mục content/; hãy chạy chiso trong thư mục gốc của trang web hoặc ghi thêm --root",
    }
    NEW_BROKEN_SITE "new.broken_site" {
        en: "{path} cannot be read ({n} error(s)); run `chiso check` to see them",
        vi: "không đọc được {path} ({n} lỗi); chạy `chiso check` để xem chi tiết",
    }
    NEW_NO_TITLE "new.no_title" {
        en: "the title is empty or has no letters: write a title, e.g. chiso new article \"Phong Thổ đẩy mạnh cải cách hành chính\"",
        vi: "tiêu đề để trống hoặc không có chữ nào: hãy ghi tiêu đề, ví dụ chiso new article \"Phong Thổ đẩy mạnh cải cách hành chính\"",
    }
    NEW_BAD_SLUG "new.bad_slug" {
        en: "`{slug}` is not a dataset slug: use lowercase a–z, digits and hyphens, e.g. `{example}`",
        vi: "`{slug}` không dùng làm tên bộ dữ liệu được: chỉ dùng chữ thường a–z không dấu, chữ số và dấu gạch nối, ví dụ `{example}`",
    }

    SERVE_REBUILT "serve.rebuilt" {
        en: "rebuilt: {rendered} pages rendered, {written} files written, {removed} removed in {ms} ms",
        vi: "Đã dựng lại: {rendered} trang, ghi {written} tệp, xóa {removed} tệp trong {ms} ms",
    }
    SERVE_FAILED "serve.failed" {
        en: "build failed: {n} error(s); the preview still shows the last successful build",
        vi: "Dựng trang web thất bại: {n} lỗi; bản xem trước vẫn hiện lần dựng thành công gần nhất",
    }
    SERVE_NO_CONTENT "serve.no_content" {
        en: "error: {root} has no content/ folder; pass --root",
        vi: "lỗi: {root} không có thư mục content/; hãy ghi thêm --root",
    }
    SERVE_LISTEN "serve.listen" {
        en: "error: cannot listen on 127.0.0.1:{port}: {reason}",
        vi: "lỗi: không mở được bản xem trước ở cổng 127.0.0.1:{port}: {reason}",
    }
    SERVE_SERVING "serve.serving" {
        en: "the preview of {out} is running at http://127.0.0.1:{port}/ (Ctrl-C to stop)",
        vi: "Bản xem trước của {out} đang chạy tại http://127.0.0.1:{port}/ (bấm Ctrl-C để dừng)",
    }
    SERVE_CANNOT_WATCH "serve.cannot_watch" {
        en: "warning: cannot watch {path}: {reason}",
        vi: "cảnh báo: không theo dõi được thay đổi của {path}: {reason}",
    }

    HELP_ABOUT "help" {
        en: "Static-site generator for Vietnamese district and provincial news sites: Markdown articles and reform-index data (PAR Index, SIPAS, PAPI, PCI) in, a light static HTML site with accessible SVG charts out.",
        vi: "Công cụ dựng trang tĩnh cho cổng thông tin cấp huyện, cấp tỉnh: từ bài viết Markdown và số liệu chỉ số cải cách (PAR Index, SIPAS, PAPI, PCI) ra một trang HTML tĩnh, nhẹ, có biểu đồ SVG dễ đọc.",
    }
    HELP_USAGE "help.usage" { en: "Usage", vi: "Cách dùng" }
    HELP_OPTIONS "help.options" { en: "Options", vi: "Tùy chọn" }
    HELP_COMMANDS "help.commands" { en: "Commands", vi: "Các lệnh" }
    HELP_ARGUMENTS "help.arguments" { en: "Arguments", vi: "Tham số" }
    HELP_DEFAULT "help.default" { en: "[default: {value}]", vi: "[mặc định: {value}]" }
    HELP_HELP "help.help" { en: "Print help", vi: "In hướng dẫn này" }
    HELP_VERSION "help.version" { en: "Print version", vi: "In số phiên bản" }
    HELP_HELP_CMD "help.help_command" {
        en: "Print this message or the help of the given subcommand(s)",
        vi: "In hướng dẫn này, hoặc hướng dẫn của lệnh được nêu",
    }
    HELP_LANG "help.lang" {
        en: "Language of messages and help: vi or en [default: CHISO_LANG, else site.yaml's language, else the locale, else en]",
        vi: "Ngôn ngữ của thông báo và hướng dẫn: vi hoặc en [mặc định: theo CHISO_LANG, rồi theo language trong site.yaml, rồi theo ngôn ngữ của máy, cuối cùng là en]",
    }
    HELP_BUILD "help.build" {
        en: "Build the site into the output folder (atomically: a failed build leaves the previous output untouched).",
        vi: "Dựng trang web vào thư mục xuất bản (nếu dựng lỗi, bản đã xuất bản vẫn giữ nguyên, không hỏng nửa chừng).",
    }
    HELP_CHECK "help.check" {
        en: "Validate content, data, templates and internal links without writing. Exit code 0: clean; 1: content errors; 2: usage or I/O error.",
        vi: "Kiểm tra nội dung, số liệu, mẫu giao diện và liên kết nội bộ mà không ghi gì. Mã thoát 0: không lỗi; 1: nội dung có lỗi; 2: gõ lệnh sai hoặc lỗi đọc ghi tệp.",
    }
    HELP_SERVE "help.serve" {
        en: "Serve the site on 127.0.0.1 and rebuild on every change, reloading the open browser page.",
        vi: "Chạy bản xem trước của trang web tại 127.0.0.1, dựng lại sau mỗi lần sửa và tự tải lại trang đang mở trong trình duyệt.",
    }
    HELP_IMPORT "help.import" {
        en: "Import a table from a spreadsheet into a dataset.",
        vi: "Nhập một bảng từ tệp bảng tính vào bộ dữ liệu.",
    }
    HELP_IMPORT_DATA "help.import.data" {
        en: "Read one year of an index table from a spreadsheet (.xlsx, .xls, .ods, .csv) as the province publishes it, and write it into a dataset: a new file, or one year added to (or replaced in) an existing one, every other year left byte for byte as it was.",
        vi: "Đọc bảng chỉ số của một năm từ tệp bảng tính (.xlsx, .xls, .ods, .csv) đúng như tỉnh công bố, rồi ghi vào bộ dữ liệu: tạo tệp mới, hoặc thêm (hay thay) một năm trong tệp có sẵn, các năm khác giữ nguyên từng byte.",
    }
    HELP_NEW "help.new" {
        en: "Create a new site (`chiso new <path>` or `chiso new site <path>`), an article (`chiso new article \"Tiêu đề\"`) or a dataset (`chiso new dataset <slug>`).",
        vi: "Tạo trang web mới (`chiso new <thư mục>` hoặc `chiso new site <thư mục>`), bài viết mới (`chiso new article \"Tiêu đề\"`) hoặc bộ dữ liệu mới (`chiso new dataset <slug>`).",
    }
    HELP_NEW_SITE "help.new.site" {
        en: "Create a new site skeleton in a folder.",
        vi: "Tạo khung một trang web mới trong một thư mục.",
    }
    HELP_NEW_ARTICLE "help.new.article" {
        en: "Write content/articles/<year>/<slug>.md with its front matter filled in (date now, in the site's time zone; author from CHISO_AUTHOR) and print its path. Never overwrites a file.",
        vi: "Tạo tệp content/articles/<năm>/<slug>.md với phần khai báo đầu bài điền sẵn (ngày giờ hiện tại theo múi giờ của trang web; tác giả lấy từ CHISO_AUTHOR) rồi in đường dẫn tệp. Không bao giờ ghi đè tệp có sẵn.",
    }
    HELP_NEW_DATASET "help.new.dataset" {
        en: "Write content/data/<slug>.yaml: a commented skeleton of a dataset (DATA-SCHEMA), ready to fill in. Never overwrites a file.",
        vi: "Tạo tệp content/data/<slug>.yaml: khung bộ dữ liệu có chú thích, chỉ việc điền số liệu. Không bao giờ ghi đè tệp có sẵn.",
    }
    HELP_ROOT "help.root" {
        en: "Site root: the folder holding content/ and themes/.",
        vi: "Thư mục gốc của trang web: thư mục chứa content/ và themes/.",
    }
    HELP_OUTPUT "help.output" {
        en: "Output folder [default: <root>/output].",
        vi: "Thư mục xuất bản [mặc định: <thư mục gốc>/output].",
    }
    HELP_BASE_URL "help.base_url" {
        en: "Override site.yaml's base_url (for preview deploys).",
        vi: "Dùng địa chỉ này thay cho base_url trong site.yaml (khi đăng bản xem thử).",
    }
    HELP_DRAFTS "help.drafts" {
        en: "Include articles and pages marked `draft: true`.",
        vi: "Dựng cả bài viết và trang đang là bản nháp (`draft: true`).",
    }
    HELP_DENY_WARNINGS "help.deny_warnings" {
        en: "Treat warnings as errors (for CI).",
        vi: "Coi cảnh báo là lỗi (dùng khi kiểm tra tự động).",
    }
    HELP_ACCEPT_REMOVED "help.accept_removed" {
        en: "Addresses published before and gone now were removed on purpose: record their removal instead of warning (W0112).",
        vi: "Xác nhận rằng các địa chỉ từng đăng nay không còn là do bạn cố ý gỡ: chiso ghi nhận và không cảnh báo về chúng nữa (W0112).",
    }
    HELP_FORMAT "help.format" {
        en: "How to print diagnostics.",
        vi: "Cách in thông báo lỗi: human (dễ đọc), json (mỗi dòng một đối tượng JSON), github (chú thích GitHub Actions).",
    }
    HELP_NOW "help.now" {
        en: "Take this instant (RFC 3339, e.g. 2024-05-20T13:50:00+07:00) as now for publish_date and expiry_date [default: SOURCE_DATE_EPOCH, else the clock].",
        vi: "Lấy thời điểm này (RFC 3339, ví dụ 2024-05-20T13:50:00+07:00) làm \"bây giờ\" khi xét publish_date và expiry_date [mặc định: SOURCE_DATE_EPOCH, nếu không có thì theo đồng hồ máy].",
    }
    HELP_FUTURE "help.future" {
        en: "Build every article whatever its publish_date and expiry_date (previews).",
        vi: "Dựng mọi bài viết, bất kể publish_date và expiry_date (để xem trước).",
    }
    HELP_TIMINGS "help.timings" {
        en: "Print the time spent in each phase.",
        vi: "In thời gian của từng bước.",
    }
    HELP_SERVE_TIMINGS "help.serve.timings" {
        en: "Print the time of each phase of every rebuild.",
        vi: "In thời gian từng bước của mỗi lần dựng lại.",
    }
    HELP_NO_WAIT "help.no_wait" {
        en: "Fail at once (E0602) if another build is writing the same output folder, instead of waiting for it.",
        vi: "Báo lỗi ngay (E0602) nếu một lần dựng khác đang ghi vào cùng thư mục xuất bản, thay vì chờ.",
    }
    HELP_PORT "help.port" {
        en: "Port on 127.0.0.1 (0: any free port).",
        vi: "Cổng trên 127.0.0.1 (0: một cổng trống bất kỳ).",
    }
    HELP_FILE "help.file" { en: "The spreadsheet.", vi: "Tệp bảng tính." }
    HELP_INTO "help.into" {
        en: "The dataset to write: content/data/<slug>.yaml (new or existing).",
        vi: "Bộ dữ liệu cần ghi: content/data/<slug>.yaml (mới hoặc có sẵn).",
    }
    HELP_SHEET "help.sheet" {
        en: "The sheet to read [default: the first].",
        vi: "Trang tính cần đọc [mặc định: trang đầu tiên].",
    }
    HELP_YEAR "help.year" {
        en: "The year of the table [default: the one year its title names].",
        vi: "Năm của bảng [mặc định: năm ghi trong tiêu đề bảng].",
    }
    HELP_MAPS "help.maps" {
        en: "Say what a column holds: \"Cột 5=the-che\" (or \"E=the-che\"); the target is a field key, total, rank, unit or skip. Repeatable.",
        vi: "Chỉ rõ một cột chứa gì: \"Cột 5=the-che\" (hoặc \"E=the-che\"); đích là khóa của một lĩnh vực, total (tổng điểm), rank (xếp hạng), unit (đơn vị) hoặc skip (bỏ qua). Ghi được nhiều lần.",
    }
    HELP_ADD_UNITS "help.add_units" {
        en: "Add units the dataset does not have yet (otherwise each is an error).",
        vi: "Thêm các đơn vị mà bộ dữ liệu chưa có (nếu không, mỗi đơn vị lạ là một lỗi).",
    }
    HELP_NEW_PATH "help.new.path" {
        en: "Folder of the new site (must not exist or be empty); same as `chiso new site <path>`.",
        vi: "Thư mục của trang web mới (chưa có hoặc đang trống); giống `chiso new site <thư mục>`.",
    }
    HELP_NEW_SITE_PATH "help.new.site.path" {
        en: "Folder to create (must not exist or be empty).",
        vi: "Thư mục cần tạo (chưa có hoặc đang trống).",
    }
    HELP_TITLE "help.title" {
        en: "The article's title; the file name is made from it.",
        vi: "Tiêu đề bài viết; tên tệp được tạo từ tiêu đề.",
    }
    HELP_CATEGORY "help.category" {
        en: "The article's category [default: site.yaml's default_category].",
        vi: "Chuyên mục của bài viết [mặc định: default_category trong site.yaml].",
    }
    HELP_NEW_ROOT "help.new.root" {
        en: "Site root: the folder holding content/.",
        vi: "Thư mục gốc của trang web: thư mục chứa content/.",
    }
    HELP_NEW_NOW "help.new.article.now" {
        en: "Take this instant as now (RFC 3339) instead of SOURCE_DATE_EPOCH or the clock.",
        vi: "Lấy thời điểm này (RFC 3339) làm ngày giờ bài viết thay cho SOURCE_DATE_EPOCH hay đồng hồ máy.",
    }
    HELP_SLUG "help.slug" {
        en: "The dataset's slug (lowercase a–z, digits and hyphens).",
        vi: "Tên rút gọn (slug) của bộ dữ liệu (chữ thường a–z không dấu, chữ số và dấu gạch nối).",
    }
}
