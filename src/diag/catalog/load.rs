//! Messages of reading the site: files, front matter, site.yaml, themes.

messages! {
    IO_NOT_FOUND "io.not_found" { en: "it does not exist", vi: "không tồn tại" }
    IO_PERMISSION "io.permission" { en: "permission denied", vi: "không có quyền truy cập" }
    IO_EXISTS "io.exists" { en: "it already exists", vi: "đã có sẵn" }
    IO_FULL "io.full" { en: "the disk is full", vi: "ổ đĩa đã đầy" }
    IO_OTHER "io.other" { en: "{detail}", vi: "lỗi hệ thống ({detail})" }

    FS_TOO_LARGE "fs.too_large" {
        en: "the file is {mb} MB; content files are limited to {limit} MB",
        vi: "tệp nặng {mb} MB; tệp nội dung chỉ được tối đa {limit} MB",
    }
    FS_TOO_LARGE_HINT "fs.too_large.hint" {
        en: "split the text into several articles, or move large data out of Markdown",
        vi: "Chia nội dung thành nhiều bài viết, hoặc đưa phần dữ liệu lớn ra khỏi tệp Markdown",
    }
    FS_DATA_TOO_LARGE "fs.data_too_large" {
        en: "dataset file is {len} bytes, more than the limit of {limit}",
        vi: "tệp bộ dữ liệu nặng {len} byte, vượt giới hạn {limit} byte",
    }
    FS_DATA_TOO_LARGE_HINT "fs.data_too_large.hint" {
        en: "a dataset is a few kilobytes: check that this is the right file",
        vi: "Một bộ dữ liệu chỉ nặng vài KB: hãy xem lại có đúng tệp không",
    }
    FS_NOT_UTF8 "fs.not_utf8" { en: "the file is not valid UTF-8", vi: "tệp không được lưu ở dạng UTF-8" }
    FS_UTF8_HINT "fs.not_utf8.hint" {
        en: "save the file as UTF-8 (in most editors: Save with encoding → UTF-8)",
        vi: "Lưu lại tệp với bảng mã UTF-8 (trong phần lớn trình soạn thảo: Lưu với bảng mã → UTF-8)",
    }
    FS_UTF8_DATA_HINT "fs.not_utf8.data_hint" {
        en: "save the file as UTF-8 (not Windows-1258 or UTF-16)",
        vi: "Lưu lại tệp với bảng mã UTF-8 (không dùng Windows-1258 hay UTF-16)",
    }
    FS_CONTROL_CHAR "fs.control_char" {
        en: "the text holds an invisible control character (U+{code})",
        vi: "văn bản có một ký tự điều khiển không nhìn thấy (U+{code})",
    }
    FS_CONTROL_CHAR_HINT "fs.control_char.hint" {
        en: "delete the character (it often comes from copying out of Word or a PDF) and type the text again",
        vi: "Xóa ký tự đó rồi gõ lại đoạn chữ (ký tự này hay lẫn vào khi chép từ Word hoặc PDF)",
    }
    BODY_CHANGED "fs.body_changed" {
        en: "the file changed while the build was running: its text is no longer what was checked a moment ago",
        vi: "tệp đã bị sửa trong lúc đang dựng trang: nội dung bây giờ khác với lúc vừa kiểm tra",
    }
    BODY_CHANGED_HINT "fs.body_changed.hint" {
        en: "save the file, wait for the editor or sync tool to finish, and build again",
        vi: "Lưu tệp, chờ trình soạn thảo hoặc công cụ đồng bộ ghi xong rồi dựng lại",
    }
    FS_CANNOT_READ "fs.cannot_read" { en: "cannot read: {reason}", vi: "không đọc được tệp: {reason}" }
    FS_CANNOT_READ_HINT "fs.cannot_read.hint" {
        en: "check that the file exists and is readable",
        vi: "Kiểm tra tệp có tồn tại và có quyền đọc không",
    }
    FS_CANNOT_READ_DIR "fs.cannot_read_dir" {
        en: "cannot read folder: {reason}",
        vi: "không đọc được thư mục: {reason}",
    }
    FS_CANNOT_READ_DIR_HINT "fs.cannot_read_dir.hint" {
        en: "check the folder's permissions",
        vi: "Kiểm tra quyền truy cập của thư mục",
    }
    FS_SYMLINK_OUTSIDE "fs.symlink_outside" {
        en: "symbolic link points outside the site: {target}",
        vi: "liên kết tượng trưng (symlink) trỏ ra ngoài thư mục trang web: {target}",
    }
    FS_SYMLINK_OUTSIDE_HINT "fs.symlink_outside.hint" {
        en: "copy the file into content/ instead of linking to it",
        vi: "Chép hẳn tệp vào content/ thay vì tạo liên kết tới nó",
    }
    FS_SYMLINK_BROKEN "fs.symlink_broken" {
        en: "broken or looping symbolic link: {reason}",
        vi: "liên kết tượng trưng (symlink) bị hỏng hoặc trỏ vòng{reason}",
    }
    FS_SYMLINK_BROKEN_HINT "fs.symlink_broken.hint" {
        en: "remove the link or point it at a real file inside the site",
        vi: "Xóa liên kết đó, hoặc cho nó trỏ tới một tệp có thật trong thư mục trang web",
    }

    FRONT_EMPTY "front.empty" { en: "the front matter is empty", vi: "phần khai báo đầu bài (front matter) để trống" }
    FRONT_EMPTY_HINT "front.empty.hint" {
        en: "add at least `title:` and `date:` between the `---` lines",
        vi: "Ghi ít nhất `title:` (tiêu đề) và `date:` (ngày đăng) giữa hai dòng `---`",
    }
    FRONT_MISSING "front.missing" {
        en: "the file does not start with front matter",
        vi: "tệp không mở đầu bằng phần khai báo đầu bài (front matter)",
    }
    FRONT_MISSING_HINT "front.missing.hint" {
        en: "begin the file with a line `---`, then `title:` and `date:`, then another `---` line",
        vi: "Mở đầu tệp bằng một dòng `---`, tiếp theo là `title:` và `date:`, rồi thêm một dòng `---` nữa",
    }
    FRONT_UNCLOSED "front.unclosed" {
        en: "the front matter is not closed",
        vi: "phần khai báo đầu bài (front matter) chưa được đóng",
    }
    FRONT_UNCLOSED_HINT "front.unclosed.hint" {
        en: "add a line `---` after the last front matter key, before the article text",
        vi: "Thêm một dòng `---` sau khóa khai báo cuối cùng, trước phần nội dung bài viết",
    }
    FRONT_COMMENTS "front.comments" { en: "comments cannot be turned on", vi: "không thể mở bình luận" }
    FRONT_COMMENTS_HINT "front.comments.hint" {
        en: "the site is static and has no comment backend: comment sections are always closed; remove `comments:`",
        vi: "Trang web tĩnh không có hệ thống bình luận nên mục bình luận luôn đóng; hãy xóa dòng `comments:`",
    }
    FRONT_BAD_SLUG "front.bad_slug" { en: "slug `{slug}` is not allowed", vi: "đường dẫn rút gọn `{slug}` không hợp lệ" }
    FRONT_BAD_SLUG_HINT "front.bad_slug.hint" {
        en: "a slug has only lowercase a–z, digits and hyphens, e.g. `{example}`",
        vi: "Đường dẫn rút gọn (slug) chỉ gồm chữ thường a–z không dấu, chữ số và dấu gạch nối, ví dụ `{example}`",
    }
    FRONT_NO_SLUG "front.no_slug" {
        en: "no address can be made from this file's name",
        vi: "không tạo được địa chỉ trang từ tên tệp này",
    }
    FRONT_NO_SLUG_HINT "front.no_slug.hint" {
        en: "rename the file with letters or digits, e.g. duong-le-loi.md, or add `slug:`",
        vi: "Đặt lại tên tệp bằng chữ hoặc số, ví dụ duong-le-loi.md, hoặc thêm dòng `slug:`",
    }
    FRONT_BAD_ALIAS "front.bad_alias" {
        en: "the alias `{alias}` is not an address chiso can redirect from",
        vi: "địa chỉ cũ `{alias}` không chuyển hướng được",
    }
    FRONT_BAD_ALIAS_HINT "front.bad_alias.hint" {
        en: "write the old address's path, starting with `/`, e.g. aliases: [\"/tin-tuc/123/\", \"/old/bai-viet.html\"]",
        vi: "Ghi phần đường dẫn của địa chỉ cũ, bắt đầu bằng `/`, ví dụ aliases: [\"/tin-tuc/123/\", \"/old/bai-viet.html\"]",
    }
    FRONT_NO_SUMMARY "front.no_summary" { en: "the article has no summary (sapo)", vi: "bài viết chưa có sapo" }
    FRONT_NO_SUMMARY_HINT "front.no_summary.hint" {
        en: "write one or two sentences after `summary:` (add the line if it is missing): it is shown under the title, in lists and in the feed",
        vi: "Viết một hai câu tóm tắt sau `summary:` (chưa có dòng này thì thêm vào): sapo hiện dưới tiêu đề, trong danh sách bài và trong RSS",
    }
    FRONT_EXTERNAL_IMAGE "front.external_image" {
        en: "the image is loaded from another site: {url}",
        vi: "ảnh được lấy từ trang web khác: {url}",
    }
    FRONT_EXTERNAL_IMAGE_HINT "front.external_image.hint" {
        en: "readers' phones would fetch it from there, and the page breaks if it moves: save the photo in content/static/images/ and write image: /images/<file>",
        vi: "Máy của bạn đọc sẽ phải tải ảnh từ trang web đó, và bài sẽ mất ảnh nếu trang web kia đổi địa chỉ: hãy lưu ảnh vào content/static/images/ rồi ghi image: /images/<tên tệp>",
    }
    FRONT_NO_CAPTION "front.no_caption" { en: "the image has no caption", vi: "ảnh chưa có chú thích" }
    FRONT_NO_CAPTION_HINT "front.no_caption.hint" {
        en: "add `image_caption:` describing the photo: readers and screen readers see it",
        vi: "Thêm dòng `image_caption:` mô tả ảnh: bạn đọc và phần mềm đọc màn hình cho người khiếm thị đều dùng đến",
    }
    FRONT_NAME_TOO_LONG "front.name_too_long" {
        en: "the {what} name is {n} characters long; at most {max} are allowed",
        vi: "tên {what} dài {n} ký tự; tối đa chỉ được {max} ký tự",
    }
    FRONT_NAME_TOO_LONG_HINT "front.name_too_long.hint" {
        en: "shorten the {what} name: it becomes part of the page address",
        vi: "Rút gọn tên {what}: tên này trở thành một phần địa chỉ trang",
    }
    WHAT_CATEGORY "what.category" { en: "category", vi: "chuyên mục" }
    WHAT_TAG "what.tag" { en: "tag", vi: "thẻ" }
    FRONT_EMPTY_TITLE "front.empty_title" {
        en: "the title is empty or has no letters",
        vi: "tiêu đề để trống hoặc không có chữ nào",
    }
    FRONT_EMPTY_TITLE_HINT "front.empty_title.hint" {
        en: "write a title, e.g. title: \"Phong Thổ đẩy mạnh cải cách hành chính\"",
        vi: "Ghi tiêu đề bài viết, ví dụ title: \"Phong Thổ đẩy mạnh cải cách hành chính\"",
    }

    CONTENT_EXPIRES_FIRST "content.expires_first" {
        en: "the article expires ({expiry}) before it is published ({publish}): it would never be built",
        vi: "bài viết hết hạn ({expiry}) trước cả khi được đăng ({publish}) nên sẽ không bao giờ xuất hiện",
    }
    CONTENT_EXPIRES_FIRST_HINT "content.expires_first.hint" {
        en: "set expiry_date: after publish_date, or remove one of them",
        vi: "Đặt expiry_date (ngày hết hạn) sau publish_date (ngày đăng), hoặc bỏ một trong hai dòng",
    }
    CONTENT_UNSAFE_IMAGE "content.unsafe_image" {
        en: "the image address is not allowed",
        vi: "địa chỉ ảnh không được phép dùng",
    }
    CONTENT_UNSAFE_IMAGE_HINT "content.unsafe_image.hint" {
        en: "javascript:, data: and vbscript: addresses are not allowed; put the image in content/static/ and write image: /images/anh.jpg",
        vi: "Không dùng địa chỉ javascript:, data: hay vbscript:; hãy đặt ảnh vào content/static/ rồi ghi image: /images/anh.jpg",
    }
    CONTENT_COMMENTARY_PLACE "content.commentary_place" {
        en: "commentary files sit at content/data/<dataset>.md or content/data/<dataset>/<year or unit>.md",
        vi: "tệp bình luận số liệu phải nằm ở content/data/<bộ dữ liệu>.md hoặc content/data/<bộ dữ liệu>/<năm hoặc đơn vị>.md",
    }
    CONTENT_COMMENTARY_PLACE_HINT "content.commentary_place.hint" {
        en: "move the file up to one of those places",
        vi: "Chuyển tệp về một trong hai chỗ đó",
    }
    CONTENT_NOT_MARKDOWN "content.not_markdown" {
        en: "this file is not Markdown (.md) and is not published",
        vi: "tệp này không phải Markdown (.md) nên không được đăng",
    }
    CONTENT_NOT_MARKDOWN_HINT "content.not_markdown.hint" {
        en: "write articles and pages as .md files; put photos and documents in content/static/",
        vi: "Bài viết và trang phải là tệp .md; ảnh và tài liệu đặt trong content/static/",
    }

    DATE_CANNOT_READ "date.cannot_read" {
        en: "cannot read the date `{value}`: {detail}",
        vi: "không đọc được ngày `{value}`{detail}",
    }
    DATE_CANNOT_READ_HINT "date.cannot_read.hint" {
        en: "write the date as 2024-05-20T13:50:00+07:00 or 2024-05-20 13:50 (Vietnam time)",
        vi: "Ghi ngày theo dạng 2024-05-20T13:50:00+07:00 hoặc 2024-05-20 13:50 (giờ Việt Nam)",
    }
    DATE_KEY_CANNOT_READ "date.key_cannot_read" {
        en: "cannot read {key}: `{value}`: {detail}",
        vi: "không đọc được {key}: `{value}`{detail}",
    }
    DATE_KEY_CANNOT_READ_HINT "date.key_cannot_read.hint" {
        en: "write {key}: as 2024-05-20T13:50:00+07:00 or 2024-05-20 13:50 (in the site's time zone, like date:)",
        vi: "Ghi {key}: theo dạng 2024-05-20T13:50:00+07:00 hoặc 2024-05-20 13:50 (theo múi giờ của trang web, như date:)",
    }

    CONFIG_EMPTY "config.empty" { en: "site.yaml is empty", vi: "tệp site.yaml để trống" }
    CONFIG_EMPTY_HINT "config.empty.hint" {
        en: "write at least `title:` and `base_url:`, e.g. base_url: \"https://phongtho.laichau.gov.vn/\"",
        vi: "Ghi ít nhất `title:` (tên trang web) và `base_url:` (địa chỉ trang web), ví dụ base_url: \"https://phongtho.laichau.gov.vn/\"",
    }
    CONFIG_PERMALINK_HINT "config.permalink.hint" {
        en: "for example article: \"/:category/:slug/\" or \"/tin-tuc/:slug-:file.html\"",
        vi: "Ví dụ article: \"/:category/:slug/\" hoặc \"/tin-tuc/:slug-:file.html\"",
    }
    CONFIG_UNSAFE_MENU "config.unsafe_menu" {
        en: "menu entry `{name}` has an unsafe address",
        vi: "mục trình đơn `{name}` có địa chỉ không an toàn",
    }
    CONFIG_UNSAFE_MENU_HINT "config.unsafe_menu.hint" {
        en: "javascript:, data: and vbscript: addresses are not allowed; link to a page, e.g. url: \"/gioi-thieu/\"",
        vi: "Không dùng địa chỉ javascript:, data: hay vbscript:; hãy liên kết tới một trang, ví dụ url: \"/gioi-thieu/\"",
    }
    CONFIG_BASE_URL_FLAG "config.base_url_flag" {
        en: "--base-url `{url}` {problem}",
        vi: "địa chỉ --base-url `{url}` {problem}",
    }
    CONFIG_BASE_URL "config.base_url" { en: "base_url `{url}` {problem}", vi: "địa chỉ base_url `{url}` {problem}" }
    CONFIG_BASE_URL_HINT "config.base_url.hint" {
        en: "write the full address, e.g. https://phongtho.laichau.gov.vn/",
        vi: "Ghi đầy đủ địa chỉ trang web, ví dụ https://phongtho.laichau.gov.vn/",
    }
    URL_NOT_ABSOLUTE "url.not_absolute" {
        en: "is not an absolute http(s) URL",
        vi: "không phải địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://",
    }
    URL_NO_HOST "url.no_host" {
        en: "has no valid host name after the scheme",
        vi: "thiếu tên miền hợp lệ sau http(s)://",
    }
    URL_BAD_CHARS "url.bad_chars" {
        en: "holds characters an address cannot have (quotes, spaces, control characters, ?, #)",
        vi: "có ký tự không được dùng trong địa chỉ (dấu nháy, dấu cách, ký tự điều khiển, ?, #)",
    }
    URL_DOTS "url.dots" { en: "has `.` or `..` in its path", vi: "có `.` hoặc `..` trong đường dẫn" }
    CONFIG_TIMEZONE "config.timezone" {
        en: "unknown time zone `{zone}`: {detail}",
        vi: "không có múi giờ `{zone}`{detail}",
    }
    CONFIG_TIMEZONE_HINT "config.timezone.hint" {
        en: "use an IANA zone name such as Asia/Ho_Chi_Minh",
        vi: "Dùng tên múi giờ chuẩn IANA, ví dụ Asia/Ho_Chi_Minh",
    }
    CONFIG_BAD_EMAIL "config.bad_email" {
        en: "contact email `{email}` is not an email address",
        vi: "`{email}` không phải địa chỉ email",
    }
    CONFIG_BAD_EMAIL_HINT "config.bad_email.hint" {
        en: "write one address, e.g. email: \"bbt@phongtho.laichau.gov.vn\"",
        vi: "Ghi một địa chỉ email, ví dụ email: \"bbt@phongtho.laichau.gov.vn\"",
    }
    CONFIG_BAD_PHONE "config.bad_phone" {
        en: "contact phone `{phone}` is not a phone number",
        vi: "`{phone}` không phải số điện thoại",
    }
    CONFIG_BAD_PHONE_HINT "config.bad_phone.hint" {
        en: "digits, spaces, dots, dashes, parentheses and a leading +, e.g. phone: \"0213 3895 123\"",
        vi: "Chỉ ghi chữ số, dấu cách, dấu chấm, gạch nối, ngoặc đơn và dấu + ở đầu, ví dụ phone: \"0213 3895 123\"",
    }
    CONFIG_BAD_SHARE_IMAGE "config.bad_share_image" {
        en: "share_image url `{url}` is not a usable address",
        vi: "địa chỉ ảnh chia sẻ (share_image) `{url}` không dùng được",
    }
    CONFIG_BAD_SHARE_IMAGE_HINT "config.bad_share_image.hint" {
        en: "name a file of content/static/, e.g. share_image: { url: \"/images/chia-se.png\", alt: \"…\" }",
        vi: "Ghi một tệp trong content/static/, ví dụ share_image: { url: \"/images/chia-se.png\", alt: \"…\" }",
    }
    CONFIG_COMMENTS "config.comments" {
        en: "comments: `{value}` cannot be turned on",
        vi: "comments: `{value}`: không thể mở bình luận",
    }
    CONFIG_COMMENTS_HINT "config.comments.hint" {
        en: "this site is static and has no comment backend; comments are always closed (write `comments: closed` or remove the key)",
        vi: "Trang web tĩnh không có hệ thống bình luận nên bình luận luôn đóng (ghi `comments: closed` hoặc xóa dòng này)",
    }
    CONFIG_PER_PAGE "config.per_page" {
        en: "articles_per_page must be at least 1",
        vi: "articles_per_page (số bài mỗi trang) phải từ 1 trở lên",
    }
    CONFIG_PER_PAGE_HINT "config.per_page.hint" { en: "set articles_per_page: 10", vi: "Ghi articles_per_page: 10" }
    CONFIG_THEME_NAME "config.theme_name" {
        en: "theme `{theme}` is not a folder name",
        vi: "`{theme}` không phải tên thư mục giao diện hợp lệ",
    }
    CONFIG_THEME_NAME_HINT "config.theme_name.hint" {
        en: "name a folder under themes/, e.g. theme: default",
        vi: "Ghi tên một thư mục trong themes/, ví dụ theme: default",
    }
    CONFIG_KEEP "config.keep" {
        en: "keep_in_output entry `{name}` is not a plain top-level name",
        vi: "mục `{name}` của keep_in_output không phải tên tệp hay thư mục đơn giản",
    }
    CONFIG_KEEP_HINT "config.keep.hint" {
        en: "name files or folders directly inside the output, without `/` or `..`, e.g. keep_in_output: [\".git\", \"CNAME\"]",
        vi: "Ghi tên tệp hoặc thư mục nằm ngay trong thư mục xuất bản, không có `/` hay `..`, ví dụ keep_in_output: [\".git\", \"CNAME\"]",
    }
    CONFIG_KEEP_PHOTOS "config.keep.photos" {
        en: "keep_in_output entry `{name}` is chiso's photo folder",
        vi: "mục `{name}` của keep_in_output là thư mục ảnh của chiso",
    }
    CONFIG_KEEP_PHOTOS_HINT "config.keep.photos.hint" {
        en: "remove it: chiso writes that folder itself and carries its photos from one build to the next",
        vi: "Bỏ mục này: chiso tự viết thư mục đó và giữ ảnh của nó từ lần dựng này sang lần sau",
    }
    CONFIG_NO_CONTACT "config.no_contact" {
        en: "the site gives no contact for its editors",
        vi: "trang web chưa ghi cách liên hệ với ban biên tập",
    }
    CONFIG_NO_CONTACT_HINT "config.no_contact.hint" {
        en: "comments are closed, so readers need another way to reach you: add contact: { email: \"bbt@…\", phone: \"0213 …\", address: \"…\" }",
        vi: "Bình luận luôn đóng nên bạn đọc cần cách khác để liên hệ: thêm contact: { email: \"bbt@…\", phone: \"0213 …\", address: \"…\" }",
    }

    PATTERN_START "pattern.start" {
        en: "the pattern `{pattern}` must start with `/`",
        vi: "mẫu địa chỉ `{pattern}` phải bắt đầu bằng `/`",
    }
    PATTERN_END "pattern.end" {
        en: "the pattern `{pattern}` must end in `/` (a folder with index.html) or in `.html`",
        vi: "mẫu địa chỉ `{pattern}` phải kết thúc bằng `/` (thư mục chứa index.html) hoặc `.html`",
    }
    PATTERN_TOKEN "pattern.token" {
        en: "unknown token `:{token}` in `{pattern}`; the tokens are {tokens}",
        vi: "mẫu `{pattern}` có từ khóa lạ `:{token}`; các từ khóa được dùng: {tokens}",
    }
    PATTERN_CHAR "pattern.char" {
        en: "`{ch}` cannot stand in an address pattern (`{pattern}`): use a–z, 0–9, -, _, . and /",
        vi: "ký tự `{ch}` không được dùng trong mẫu địa chỉ (`{pattern}`): chỉ dùng a–z, 0–9, -, _, . và /",
    }
    PATTERN_PARTS "pattern.parts" {
        en: "the pattern `{pattern}` has an empty, `.` or `..` part",
        vi: "mẫu địa chỉ `{pattern}` có đoạn trống, `.` hoặc `..`",
    }

    THEME_NOT_FOUND "theme.not_found" {
        en: "theme `{theme}` not found: no folder themes/{theme}",
        vi: "không thấy giao diện `{theme}`: không có thư mục themes/{theme}",
    }
    THEME_NOT_FOUND_HINT "theme.not_found.hint" {
        en: "create the folder, or set `theme: default`",
        vi: "Tạo thư mục đó, hoặc ghi `theme: default`",
    }
    TEMPLATE_ERROR "template.error" { en: "template error: {detail}", vi: "lỗi mẫu giao diện: `{detail}`" }
    TEMPLATE_UNDEFINED_HINT "template.undefined.hint" {
        en: "check the variable's name in the README's template reference, or guard it with {% if x is defined %}",
        vi: "Kiểm tra tên biến theo bảng mẫu giao diện trong README, hoặc bọc nó trong {% if x is defined %}",
    }
    TEMPLATE_SYNTAX_HINT "template.syntax.hint" {
        en: "check the template syntax at this line",
        vi: "Kiểm tra cú pháp mẫu giao diện ở dòng này",
    }
    TEMPLATE_NOT_FOUND "template.not_found" {
        en: "template `{name}` not found",
        vi: "không thấy mẫu giao diện `{name}`",
    }
    TEMPLATE_NOT_FOUND_HINT "template.not_found.hint" {
        en: "add the template to themes/<theme>/templates/ or fix its name",
        vi: "Thêm mẫu đó vào themes/<giao diện>/templates/ hoặc sửa lại tên",
    }
    TEMPLATE_NO_PARENT "template.no_parent" {
        en: "template extends `{parent}`, which does not exist",
        vi: "mẫu giao diện kế thừa `{parent}` nhưng mẫu này không tồn tại",
    }
    TEMPLATE_NO_PARENT_HINT "template.no_parent.hint" {
        en: "fix the name in {% extends %}",
        vi: "Sửa lại tên trong {% extends %}",
    }

    YAML_TAG "yaml.tag" {
        en: "YAML tags (such as !!binary or !custom) are not used by chiso",
        vi: "chiso không dùng nhãn kiểu dữ liệu của YAML (như !!binary hay !custom)",
    }
    YAML_TAG_HINT "yaml.tag.hint" {
        en: "write the value as plain text, a number, a list or a mapping, without `!`",
        vi: "Ghi giá trị dưới dạng chữ, số, danh sách hoặc bảng khóa–giá trị, không có dấu `!`",
    }
    YAML_INVALID "yaml.invalid" { en: "invalid YAML: {detail}", vi: "YAML viết sai: {detail}" }
    YAML_UNKNOWN_KEY "yaml.unknown_key" {
        en: "unknown field `{key}`, expected {expected}",
        vi: "khóa `{key}` không có trong danh sách; các khóa được dùng: {expected}",
    }
    YAML_UNKNOWN_VALUE "yaml.unknown_value" {
        en: "unknown variant `{value}`, expected {expected}",
        vi: "giá trị `{value}` không được chấp nhận; chỉ dùng: {expected}",
    }
    YAML_DUPLICATE "yaml.duplicate" {
        en: "duplicate field `{key}`",
        vi: "khóa `{key}` được ghi hai lần",
    }
    YAML_MISSING "yaml.missing" { en: "missing field `{key}`", vi: "thiếu khóa `{key}`" }
    YAML_TYPE "yaml.type" {
        en: "invalid type: {found}, expected {expected}",
        vi: "sai kiểu giá trị: đang là {found}, cần {expected}",
    }
    YAML_EXPECTED "yaml.expected" {
        en: "expected {expected}",
        vi: "ở đây cần {expected}",
    }
    YAML_OTHER "yaml.other" {
        en: "{detail}",
        vi: "cú pháp không đúng (chi tiết kỹ thuật: `{detail}`)",
    }
    YAML_TOO_DEEP "yaml.too_deep" { en: "the YAML is nested too deeply", vi: "YAML lồng nhau quá sâu" }
    YAML_TOO_MANY "yaml.too_many" {
        en: "the YAML expands to too many values (aliases repeated too often?) [{detail}]",
        vi: "YAML sinh ra quá nhiều giá trị (có lẽ do dùng lại một giá trị đã đặt tên, kiểu `*ten`, quá nhiều lần) [`{detail}`]",
    }
    YAML_DUPLICATE_HINT "yaml.duplicate.hint" {
        en: "each key may appear only once in a mapping: remove or rename the repeated one",
        vi: "Mỗi khóa chỉ được ghi một lần: xóa hoặc đổi tên khóa bị lặp",
    }
    YAML_UNKNOWN_HINT "yaml.unknown.hint" {
        en: "check the spelling against the reference in the README; unknown keys are not ignored",
        vi: "Kiểm tra chính tả theo bảng tra cứu trong README (hoặc docs/huong-dan.md); khóa lạ không bị bỏ qua mà báo lỗi",
    }
    YAML_DEEP_HINT "yaml.deep.hint" {
        en: "the YAML is too deeply nested or expands too many aliases; write the values out plainly",
        vi: "YAML lồng quá sâu hoặc dùng lại giá trị đã đặt tên (`&ten`, `*ten`) quá nhiều; hãy ghi thẳng từng giá trị ra",
    }
    YAML_TYPE_HINT "yaml.type.hint" {
        en: "check the value's type: text, a number, a list (- item) or a mapping (key: value)",
        vi: "Kiểm tra kiểu giá trị: chữ, số, danh sách (- mục) hay bảng khóa–giá trị (khóa: giá trị)",
    }
    YAML_MISSING_HINT "yaml.missing.hint" { en: "add the required key", vi: "Thêm khóa bắt buộc còn thiếu" }
    YAML_SYNTAX_HINT "yaml.syntax.hint" {
        en: "check the YAML syntax near this line (indentation, quotes, colons)",
        vi: "Kiểm tra cú pháp YAML quanh dòng này (thụt đầu dòng, dấu nháy, dấu hai chấm)",
    }
}
