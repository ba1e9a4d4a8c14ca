//! Stable diagnostic codes. Each is documented in the README's table; a test
//! keeps the two in step. Never reuse or renumber a code.

macro_rules! codes {
    ($($name:ident = $code:literal : $what:literal $(/ $vi:literal)?;)*) => {
        $(pub const $name: &str = $code;)*
        /// Every code with a one-line description, in order.
        pub const ALL: &[(&str, &str)] = &[$(($code, $what)),*];
        /// Every code with its description in Vietnamese (docs/huong-dan.md's
        /// table); None for a code added without one (tests/i18n.rs flags it).
        pub const ALL_VI: &[(&str, Option<&str>)] = &[$(($code, codes!(@vi $($vi)?))),*];
    };
    (@vi $vi:literal) => { Some($vi) };
    (@vi) => { None };
}

codes! {
    IO = "E0001": "a file or folder could not be read or written" / "không đọc hoặc ghi được một tệp hay thư mục";
    UTF8 = "E0002": "a file is not valid UTF-8" / "tệp không phải văn bản UTF-8";
    YAML = "E0003": "YAML syntax error, wrong type, unknown or duplicate key" / "YAML viết sai cú pháp, sai kiểu giá trị, khóa lạ hoặc khóa lặp lại";
    TOO_LARGE = "E0004": "a content file is larger than the limit" / "tệp nội dung lớn quá giới hạn";
    SYMLINK = "E0005": "a symbolic link leads out of its folder or loops" / "liên kết tượng trưng (symlink) trỏ ra ngoài thư mục của nó hoặc trỏ vòng";
    CONTROL_CHAR = "E0006": "text holds an invisible control character" / "văn bản có ký tự điều khiển không nhìn thấy";
    CHANGED_DURING_BUILD = "E0007": "a content file changed while the build was reading it" / "một tệp nội dung bị sửa trong lúc đang dựng trang";
    FRONT_MATTER = "E0101": "front matter missing, unterminated or empty" / "thiếu phần khai báo đầu bài (front matter), chưa đóng hoặc để trống";
    BAD_DATE = "E0102": "a date that cannot be read" / "ngày tháng không đọc được";
    BAD_SLUG = "E0103": "a slug that is empty or could escape the output folder" / "đường dẫn rút gọn (slug) để trống hoặc có thể thoát ra ngoài thư mục xuất bản";
    DUPLICATE_URL = "E0104": "two pages would be written to the same URL" / "hai trang sẽ được ghi vào cùng một địa chỉ";
    COMMENTS = "E0105": "comments were asked for: this site has no comment backend" / "yêu cầu mở bình luận: trang web tĩnh này không có hệ thống bình luận";
    MISSING_FIELD = "E0106": "a required front matter value is empty" / "một trường bắt buộc của phần khai báo đầu bài để trống";
    BAD_URL = "E0107": "base_url is not an absolute http(s) URL" / "base_url không phải địa chỉ http(s) đầy đủ";
    UNSAFE_URL = "E0108": "a javascript: or data: address in front matter or site.yaml" / "địa chỉ javascript: hoặc data: trong phần khai báo đầu bài hay site.yaml";
    EXPIRES_BEFORE_PUBLISHED = "E0109": "an article's expiry_date is not after its publish_date" / "ngày hết hạn (expiry_date) của bài viết không sau ngày đăng (publish_date)";
    TEMPLATE = "E0201": "a template does not parse or fails to render" / "mẫu giao diện (template) viết sai hoặc không hiển thị được";
    MISSING_TEMPLATE = "E0202": "a template named by content does not exist" / "mẫu giao diện được nội dung gọi tới không tồn tại";
    SHORTCODE = "E0301": "a shortcode is malformed or names something unknown" / "mã nhúng (shortcode) viết sai hoặc gọi tới thứ không có";
    DATA = "E0401": "an index dataset breaks a rule of the data schema" / "bộ dữ liệu chỉ số sai một quy tắc của định dạng số liệu";
    BROKEN_LINK = "E0501": "an internal link, image or file does not exist" / "liên kết nội bộ, ảnh hoặc tệp không tồn tại";
    OUTPUT_DIR = "E0601": "the output folder is unsafe to write (/, the root, content/, a mount point, or not ours)" / "thư mục xuất bản không an toàn để ghi (/, thư mục gốc, content/, điểm gắn kết, hoặc không phải của chiso)";
    OUTPUT_BUSY = "E0602": "another build or serve is writing the same output folder (--no-wait)" / "một lần dựng (build) hoặc serve khác đang ghi vào cùng thư mục xuất bản (--no-wait)";
    CACHE_DIR = "E0603": "cache_dir is a folder of the site itself (the root, content/, themes/ or the output)" / "cache_dir trỏ vào chính thư mục của trang web (thư mục gốc, content/, themes/ hoặc thư mục xuất bản)";
    IMPORT = "E0701": "a spreadsheet cannot be imported: a column, cell or unit it cannot place" / "bảng tính không nhập được: có cột, ô hoặc đơn vị không xác định được";
    BAD_IMAGE = "E0801": "an image file is truncated, corrupt or of a kind chiso cannot publish" / "tệp ảnh bị cắt cụt, hỏng hoặc thuộc loại chiso không đăng được";
    IMAGE_TOO_BIG = "E0802": "an image claims more pixels than a build may decode (a decompression bomb)" / "ảnh khai báo nhiều điểm ảnh hơn mức cho phép giải nén (có thể là \"bom giải nén\")";
    HEIF_IMAGE = "E0803": "an image is HEIC/HEIF (iPhone): export it as JPEG" / "ảnh ở định dạng HEIC/HEIF (iPhone): hãy xuất lại thành JPEG";
    IMAGE_SETTING = "E0804": "site.yaml images: or front matter image_focus: is out of range" / "giá trị images: trong site.yaml hoặc image_focus: của bài viết nằm ngoài khoảng cho phép";
    CHART_PNG = "E0850": "a chart's PNG image could not be drawn" / "không vẽ được ảnh PNG của một biểu đồ";
    NO_SUMMARY = "W0101": "an article has no summary (sapo)" / "bài viết chưa có sapo";
    NO_CAPTION = "W0102": "an image has no caption" / "ảnh chưa có chú thích";
    UNSAFE_LINK = "W0103": "a javascript: or data: link was dropped" / "một liên kết javascript: hoặc data: đã bị bỏ";
    RAW_HTML = "W0104": "raw HTML in Markdown was escaped (markdown.raw_html: escape)" / "mã HTML viết trong Markdown được hiển thị thành chữ (markdown.raw_html: escape)";
    NO_CONTACT = "W0105": "site.yaml gives no contact (email or phone) for readers" / "site.yaml chưa ghi cách liên hệ (email hoặc điện thoại) cho bạn đọc";
    SANITIZED = "W0106": "raw HTML lost what is never published: a script, form, frame, event handler, unsafe address or unlisted tag" / "mã HTML bị lược bỏ phần không bao giờ được đăng: script, biểu mẫu, khung, sự kiện, địa chỉ không an toàn hoặc thẻ ngoài danh sách";
    NOT_MARKDOWN = "W0110": "a file in content/articles or content/pages is not Markdown" / "một tệp trong content/articles hoặc content/pages không phải Markdown";
    EXTERNAL_IMAGE = "W0111": "an image is loaded from another site" / "ảnh được tải từ trang web khác";
    REMOVED_URL = "W0112": "an address the site published is now neither a page nor an alias" / "một địa chỉ trang đã đăng nay không còn là trang hay địa chỉ chuyển hướng";
    LINK_TO_ALIAS = "W0113": "a link goes to an old address (an alias) instead of the page" / "liên kết trỏ tới địa chỉ cũ (địa chỉ chuyển hướng) thay vì trang";
    NEAR_NAME = "W0114": "a category or tag is spelled almost like another one" / "một chuyên mục hoặc thẻ viết gần giống một chuyên mục, thẻ khác";
    SOURCE_PLACEHOLDER = "W0401": "a dataset's source is still the placeholder that `chiso import data` wrote" / "nguồn của bộ dữ liệu vẫn là dòng tạm mà `chiso import data` đã ghi";
    SITE_UNIT = "W0402": "site.yaml's site_unit names no unit of any dataset" / "site_unit trong site.yaml không trỏ tới đơn vị nào của các bộ dữ liệu";
    INDEX_PANEL = "W0403": "site.yaml's index_panel names no dataset, or no unit of its dataset" / "index_panel trong site.yaml không trỏ tới bộ dữ liệu nào, hoặc tới đơn vị nào của bộ dữ liệu đó";
    NO_ALT = "W0801": "an image has no alt text (no caption and no alt)" / "ảnh chưa có lời mô tả (không có chú thích, cũng không có alt)";
    IMAGE_MISNAMED = "W0802": "an image's name says one format, its bytes another" / "đuôi tên tệp ảnh ghi một định dạng nhưng nội dung là định dạng khác";
    SVG_SCRIPT = "W0803": "an SVG image contains script or event handlers" / "ảnh SVG có chứa mã script hoặc trình xử lý sự kiện";
    CHART_FONT = "W0850": "a chart uses characters the bundled font cannot draw in its PNG images" / "biểu đồ có ký tự mà phông chữ đi kèm không vẽ được trong ảnh PNG";
    CHART_CACHE = "W0851": "the chart image cache folder cannot be written" / "không ghi được vào thư mục đệm ảnh biểu đồ";
}
