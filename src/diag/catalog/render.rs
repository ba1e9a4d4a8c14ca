//! Messages of the model and of rendering: addresses, links, Markdown,
//! shortcodes and charts, raw HTML.

messages! {
    SITE_NO_DATASET "site.commentary_no_dataset" {
        en: "commentary for dataset `{dataset}`, but there is no content/data/{dataset}.yaml",
        vi: "có tệp bình luận cho bộ dữ liệu `{dataset}` nhưng không có tệp content/data/{dataset}.yaml",
    }
    SITE_NO_DATASET_HINT "site.commentary_no_dataset.hint" {
        en: "rename the file or folder after an existing dataset",
        vi: "Đổi tên tệp hoặc thư mục theo tên một bộ dữ liệu đã có",
    }
    SITE_COMMENTARY_KEY "site.commentary_key" {
        en: "`{key}` is neither a year nor a unit slug of dataset `{dataset}`",
        vi: "`{key}` không phải năm, cũng không phải tên rút gọn của đơn vị nào trong bộ dữ liệu `{dataset}`",
    }
    SITE_COMMENTARY_KEY_HINT "site.commentary_key.hint" {
        en: "name the file after a year ({years}) or a unit slug ({units})",
        vi: "Đặt tên tệp theo một năm ({years}) hoặc tên rút gọn của một đơn vị ({units})",
    }
    SITE_URL_CLASH "site.url_clash" {
        en: "{what} would be written to {url}, which {other_what} in {other} already uses",
        vi: "{what} sẽ được ghi vào địa chỉ {url}, nhưng {other_what} ở {other} đã dùng địa chỉ này",
    }
    SITE_URL_CLASH_HINT "site.url_clash.hint" {
        en: "give one of them a different `slug:` in its front matter",
        vi: "Đặt cho một trong hai một `slug:` khác trong phần khai báo đầu bài",
    }
    SITE_STATIC_CLASH "site.static_clash" {
        en: "the static file /{url} clashes with a generated page",
        vi: "tệp tĩnh /{url} trùng địa chỉ với một trang do chiso tạo",
    }
    SITE_STATIC_CLASH_HINT "site.static_clash.hint" {
        en: "rename or move the file inside content/static",
        vi: "Đổi tên hoặc chuyển tệp sang chỗ khác trong content/static",
    }
    WHAT_SECTION "what.section" { en: "a built-in section", vi: "một mục có sẵn của chiso" }
    WHAT_CATEGORY_NAMED "what.category_named" { en: "the category \"{name}\"", vi: "chuyên mục \"{name}\"" }
    WHAT_THIS_ARTICLE "what.this_article" { en: "this article", vi: "bài viết này" }
    WHAT_THIS_PAGE "what.this_page" { en: "this page", vi: "trang này" }
    WHAT_ARTICLE "what.article" { en: "the article", vi: "bài viết" }
    WHAT_PAGE "what.page" { en: "the page", vi: "trang" }
    WHAT_HOME "what.home" { en: "the home page", vi: "trang chủ" }
    WHAT_LIST_CATEGORY "what.list_category" {
        en: "the category \"{name}\" (page {page})",
        vi: "chuyên mục \"{name}\" (trang {page})",
    }
    WHAT_LIST_TAG "what.list_tag" { en: "the tag \"{name}\" (page {page})", vi: "thẻ \"{name}\" (trang {page})" }
    WHAT_DATASET_PAGES "what.dataset_pages" {
        en: "the pages of dataset `{slug}`",
        vi: "các trang của bộ dữ liệu `{slug}`",
    }
    WHAT_STATIC "what.static" { en: "the static file", vi: "tệp tĩnh" }
    WHAT_ALIAS "what.alias" { en: "the alias {url}", vi: "địa chỉ chuyển hướng {url}" }
    WHAT_REDIRECTS "what.redirects" { en: "the redirect files", vi: "các tệp chuyển hướng" }
    WHAT_DATA_INDEX "what.data_index" { en: "the list of datasets", vi: "trang danh sách bộ dữ liệu" }
    WHAT_404 "what.404" { en: "the 404 page", vi: "trang 404" }
    WHAT_FEED "what.feed" { en: "the RSS feed", vi: "nguồn tin RSS" }
    WHAT_ASSETS "what.assets" { en: "the theme's assets", vi: "các tệp của giao diện" }
    WHAT_SEARCH "what.search" { en: "the search page and its index", vi: "trang tìm kiếm và chỉ mục của nó" }
    WHAT_ARCHIVE "what.archive" { en: "the archive", vi: "trang lưu trữ" }
    WHAT_PHOTO_COPY "what.photo_copy" { en: "a resized copy of the photo", vi: "bản thu nhỏ của ảnh" }
    WHAT_SITEMAP "what.sitemap" { en: "the sitemap", vi: "sơ đồ trang web (sitemap)" }
    WHAT_ROBOTS "what.robots" { en: "robots.txt", vi: "tệp robots.txt" }
    OWNERS_TWICE "owners.twice" {
        en: "{what} would write two files to /{path}",
        vi: "{what} sẽ ghi hai tệp vào cùng địa chỉ /{path}",
    }
    OWNERS_TWICE_HINT "owners.twice.hint" {
        en: "a unit's slug may not be a year or another unit's slug: give the unit another `slug:`",
        vi: "Tên rút gọn của đơn vị không được trùng với một năm hay tên của đơn vị khác: hãy đặt cho đơn vị một `slug:` khác",
    }
    OWNERS_CLASH "owners.clash" {
        en: "{what} would be written to /{path}, which {other_what} in {other} already writes",
        vi: "{what} sẽ được ghi vào /{path}, nhưng {other_what} ở {other} đã ghi vào đó",
    }
    OWNERS_CLASH_HINT "owners.clash.hint" {
        en: "every address has one owner: give one of them another `slug:`, or rename or move the file in content/static/",
        vi: "Mỗi địa chỉ chỉ thuộc về một chỗ: đặt cho một trong hai một `slug:` khác, hoặc đổi tên, chuyển chỗ tệp trong content/static/",
    }
    OWNERS_PHOTO_DIR "owners.photo_dir" {
        en: "{what} would be published at `{path}`, inside chiso's photo folder `{dir}/`",
        vi: "{what} sẽ được xuất bản tại `{path}`, trong thư mục ảnh `{dir}/` của chiso",
    }
    OWNERS_PHOTO_DIR_HINT "owners.photo_dir.hint" {
        en: "that folder holds only the resized photos chiso makes: rename or move the file (in content/static/) or the page",
        vi: "Thư mục đó chỉ chứa ảnh thu nhỏ do chiso tạo: đổi tên hoặc chuyển chỗ tệp (trong content/static/) hay trang đó",
    }
    OWNERS_SITEMAP "owners.sitemap" {
        en: "this file would be written to /{path}, where chiso writes the sitemap",
        vi: "tệp này sẽ được ghi vào /{path}, trùng chỗ chiso ghi sơ đồ trang web (sitemap)",
    }
    OWNERS_SITEMAP_HINT "owners.sitemap.hint" {
        en: "rename or move the file in content/static/",
        vi: "Đổi tên hoặc chuyển chỗ tệp trong content/static/",
    }
    JOBS_LONG_NAME "jobs.long_name" {
        en: "a part of this address is {len} bytes long; file names hold at most {max}",
        vi: "một đoạn của địa chỉ này dài {len} byte; tên tệp chỉ chứa được tối đa {max} byte",
    }
    JOBS_LONG_NAME_HINT "jobs.long_name.hint" {
        en: "shorten the slug, category or tag that makes this address",
        vi: "Rút gọn slug, tên chuyên mục hoặc thẻ tạo nên địa chỉ này",
    }
    JOBS_MORE_FAILED "jobs.more_failed" {
        en: "{first} (and {more} more files could not be written)",
        vi: "{first} (và còn {more} tệp khác không ghi được)",
    }
    PAGES_NO_TEMPLATE "pages.no_template" {
        en: "template `{template}` does not exist",
        vi: "mẫu giao diện `{template}` không tồn tại",
    }
    PAGES_NO_TEMPLATE_HINT "pages.no_template.hint" {
        en: "add it to themes/<theme>/templates/, or remove `template:`",
        vi: "Thêm mẫu đó vào themes/<giao diện>/templates/, hoặc xóa dòng `template:`",
    }

    LINK_HELD "link.held" {
        en: "link to `{url}`: {source} is not published at this build's time",
        vi: "liên kết tới `{url}`: bài {source} chưa được đăng vào thời điểm dựng trang web lần này",
    }
    LINK_BROKEN "link.broken" {
        en: "link to `{url}`: no such page or file in the site",
        vi: "liên kết tới `{url}`: trang web không có trang hay tệp nào ở địa chỉ này",
    }
    LINK_NO_ANCHOR "link.no_anchor" {
        en: "link to `{url}`: the page has no anchor #{anchor}",
        vi: "liên kết tới `{url}`: trang đích không có mục #{anchor}",
    }
    LINK_SCHEDULED_HINT "link.scheduled.hint" {
        en: "the linked article is scheduled for {at} (its publish_date:): remove the link until then, or give this article a publish_date: no earlier; `--future` builds both for a preview",
        vi: "Bài được liên kết hẹn đăng lúc {at} (publish_date:): bỏ liên kết cho tới lúc đó, hoặc đặt publish_date: của bài này không sớm hơn; `--future` dựng cả hai để xem trước",
    }
    LINK_EXPIRED_HINT "link.expired.hint" {
        en: "the linked article expired at {at} (its expiry_date:): remove the link, or move that expiry_date: later",
        vi: "Bài được liên kết đã hết hạn lúc {at} (expiry_date:): bỏ liên kết, hoặc lùi expiry_date: của bài đó lại",
    }
    LINK_BROKEN_HINT "link.broken.hint" {
        en: "fix the address, or add the missing page or file (files go in content/static/)",
        vi: "Sửa lại địa chỉ liên kết, hoặc thêm trang/tệp còn thiếu (tệp tĩnh đặt trong content/static/)",
    }
    LINK_ALIAS "link.alias" {
        en: "link to `{url}`, an old address of {target}",
        vi: "liên kết tới `{url}`, là địa chỉ cũ của {target}",
    }
    LINK_ALIAS_HINT "link.alias.hint" {
        en: "link to {target} itself: readers skip a redirect",
        vi: "Liên kết thẳng tới {target}: bạn đọc khỏi phải chuyển hướng",
    }
    PUBLISHED_GONE "published.gone" {
        en: "the address {url} was published by this file and now leads nowhere",
        vi: "địa chỉ {url} do tệp này đăng trước đây nay không dẫn tới đâu cả",
    }
    PUBLISHED_GONE_HINT "published.gone.hint" {
        en: "readers and search engines still have it: add to the front matter of the article that replaces it `aliases: [\"{url}\"]`, or, if it was removed on purpose, build once with --accept-removed",
        vi: "Bạn đọc và máy tìm kiếm vẫn còn giữ địa chỉ này: thêm `aliases: [\"{url}\"]` vào phần khai báo đầu bài của bài viết thay thế, hoặc nếu cố ý gỡ thì dựng một lần với --accept-removed",
    }

    MD_SHORTCODE_MALFORMED "md.shortcode_malformed" {
        en: "malformed shortcode: {detail}",
        vi: "mã nhúng (shortcode) viết sai: {detail}",
    }
    SHORTCODE_MALFORMED_HINT "md.shortcode_malformed.hint" {
        en: "write it as {{ chart(data=\"par-index\", kind=\"trend\", unit=\"phong-tho\") }}",
        vi: "Viết theo mẫu {{ chart(data=\"par-index\", kind=\"trend\", unit=\"phong-tho\") }}",
    }
    MD_RAW_HTML "md.raw_html" { en: "raw HTML is shown as text", vi: "mã HTML được hiển thị thành chữ" }
    MD_RAW_HTML_HINT "md.raw_html.hint" {
        en: "write Markdown instead, or set `markdown: { raw_html: allow }` in site.yaml if your editors are trusted",
        vi: "Viết bằng Markdown thay cho HTML, hoặc ghi `markdown: { raw_html: allow }` trong site.yaml nếu người soạn bài đáng tin cậy",
    }
    MD_UNSAFE_LINK "md.unsafe_link" { en: "link to `{url}` was removed", vi: "liên kết tới `{url}` đã bị bỏ" }
    MD_UNSAFE_LINK_HINT "md.unsafe_link.hint" {
        en: "javascript: and data: links are not allowed; link to a page or file instead",
        vi: "Không dùng liên kết javascript: hay data:; hãy liên kết tới một trang hoặc tệp",
    }
    MD_UNSAFE_IMAGE "md.unsafe_image" {
        en: "image with a data: or javascript: address was removed",
        vi: "ảnh có địa chỉ data: hoặc javascript: đã bị bỏ",
    }
    MD_UNSAFE_IMAGE_HINT "md.unsafe_image.hint" {
        en: "put the image file in content/static and link to it",
        vi: "Đặt tệp ảnh vào content/static rồi liên kết tới tệp đó",
    }

    SC_NOT_CLOSED "sc.not_closed" { en: "`{name}(` is not closed with `)`", vi: "`{name}(` chưa được đóng bằng `)`" }
    SC_NO_ARG_NAME "sc.no_arg_name" {
        en: "expected an argument name in `{name}(…)`",
        vi: "thiếu tên tham số trong `{name}(…)`",
    }
    SC_NO_VALUE "sc.no_value" {
        en: "argument `{key}` needs a value: {key}=\"…\"",
        vi: "tham số `{key}` cần có giá trị: {key}=\"…\"",
    }
    SC_NO_QUOTE "sc.no_quote" {
        en: "the value of `{key}` has no closing quote",
        vi: "giá trị của `{key}` thiếu dấu nháy đóng",
    }
    SC_NOT_NUMBER "sc.not_number" { en: "the value of `{key}` is not a number", vi: "giá trị của `{key}` không phải là số" }
    SC_BAD_VALUE "sc.bad_value" {
        en: "the value of `{key}` must be quoted text (\"…\") or a whole number",
        vi: "giá trị của `{key}` phải là chữ đặt trong ngoặc kép (\"…\") hoặc một số nguyên",
    }
    SC_TWICE "sc.twice" { en: "argument `{key}` is given twice", vi: "tham số `{key}` được ghi hai lần" }
    SC_SEPARATOR "sc.separator" {
        en: "expected `,` or `)` after argument `{key}`",
        vi: "sau tham số `{key}` phải là `,` hoặc `)`",
    }
    SC_END "sc.end" { en: "`{name}(…)` must end with `}}`", vi: "`{name}(…)` phải kết thúc bằng `}}`" }
    SC_UNKNOWN_ARG "sc.unknown_arg" {
        en: "`{name}` does not take `{key}`; it takes: {allowed}",
        vi: "`{name}` không có tham số `{key}`; các tham số dùng được: {allowed}",
    }
    SC_FROM_TO "sc.from_to" {
        en: "`from` ({from}) must be earlier than `to` ({to})",
        vi: "năm `from` ({from}) phải trước năm `to` ({to})",
    }
    SC_UNKNOWN_KIND "sc.unknown_kind" {
        en: "unknown chart kind `{kind}`; kinds: ranking, trend, fields, change",
        vi: "không có loại biểu đồ `{kind}`; các loại: ranking (xếp hạng), trend (xu hướng), fields (lĩnh vực), change (thay đổi thứ hạng)",
    }
    SC_NO_FIELDS "sc.no_fields" {
        en: "dataset `{dataset}` has no fields in {year}",
        vi: "bộ dữ liệu `{dataset}` không có lĩnh vực nào trong năm {year}",
    }
    SC_UNKNOWN "sc.unknown" {
        en: "unknown shortcode `{name}`; shortcodes: chart, value",
        vi: "không có mã nhúng `{name}`; các mã nhúng: chart (biểu đồ), value (giá trị)",
    }

    RAW_ACTIVE_HINT "raw.active.hint" {
        en: "even with `raw_html: allow`, chiso publishes no script, form, frame, embed or event handler; link to the page instead, or use a chart shortcode",
        vi: "Kể cả khi đặt `raw_html: allow`, chiso cũng không đăng script, biểu mẫu, khung nhúng hay mã xử lý sự kiện; hãy liên kết tới trang đó, hoặc dùng mã nhúng biểu đồ",
    }
    RAW_LIST_HINT "raw.list.hint" {
        en: "the README (`markdown.raw_html`) lists the HTML that is kept",
        vi: "README (mục `markdown.raw_html`) liệt kê các thẻ HTML được giữ lại",
    }
    RAW_NEVER "raw.never" {
        en: "scripts, forms, frames and event handlers are never published",
        vi: "script, biểu mẫu, khung nhúng và mã xử lý sự kiện không bao giờ được đăng",
    }
    RAW_NOT_LISTED "raw.not_listed" {
        en: "it is not on the list of HTML chiso publishes (its text is kept)",
        vi: "thẻ này không nằm trong danh sách HTML chiso đăng (phần chữ bên trong vẫn được giữ)",
    }
    RAW_REMOVED_WITH_CONTENT "raw.removed_with_content" {
        en: "removed <{name}> and what it held: {why}",
        vi: "đã bỏ <{name}> cùng mọi thứ bên trong: {why}",
    }
    RAW_REMOVED_TAG "raw.removed_tag" { en: "removed <{name}>: {why}", vi: "đã bỏ thẻ <{name}>: {why}" }
    RAW_REMOVED_HANDLER "raw.removed_handler" {
        en: "removed the {attr} attribute of <{element}>: {why}",
        vi: "đã bỏ thuộc tính {attr} của <{element}>: {why}",
    }
    RAW_REMOVED_ATTR "raw.removed_attr" {
        en: "removed the {attr} attribute of <{element}>: it is not on the list of HTML chiso publishes",
        vi: "đã bỏ thuộc tính {attr} của <{element}>: thuộc tính này không nằm trong danh sách HTML chiso đăng",
    }
    RAW_REMOVED_VALUE "raw.removed_value" {
        en: "removed {attr}=\"…\" of <{element}>, {why}",
        vi: "đã bỏ {attr}=\"…\" của <{element}>, {why}",
    }
    RAW_REMOVED_VALUE_ACTIVE "raw.removed_value_active" {
        en: "removed {attr}=\"…\" of <{element}>, {why}: {never}",
        vi: "đã bỏ {attr}=\"…\" của <{element}>, {why}: {never}",
    }
    RAW_UNSAFE_ADDRESS "raw.unsafe_address" {
        en: "a javascript:, vbscript: or data: address",
        vi: "địa chỉ javascript:, vbscript: hoặc data:",
    }
    RAW_SCHEME "raw.scheme" {
        en: "a {scheme}: address (only http, https, mailto and tel are published)",
        vi: "địa chỉ {scheme}: (chỉ đăng địa chỉ http, https, mailto và tel)",
    }
    RAW_FOREIGN_MEDIA "raw.foreign_media" {
        en: "a video or audio file from another site (only the site's own files play)",
        vi: "tệp video hay âm thanh lấy từ trang web khác (chỉ phát tệp của chính trang web)",
    }
    RAW_STYLE_LOADS "raw.style_loads" { en: "a style that loads an address", vi: "kiểu trình bày (style) có tải một địa chỉ" }
    RAW_STYLE_RUNS "raw.style_runs" { en: "a style that runs code", vi: "kiểu trình bày (style) có chạy mã" }
    RAW_STYLE_ESCAPES "raw.style_escapes" {
        en: "a style with CSS escapes or comments",
        vi: "kiểu trình bày (style) có ký tự thoát hoặc chú thích CSS",
    }
    RAW_STYLE_OVERLAY "raw.style_overlay" {
        en: "a style that lays a box over the whole page",
        vi: "kiểu trình bày (style) phủ một khung lên cả trang",
    }

    SC_NEEDS "sc.needs" { en: "`{name}` needs `{key}=…`", vi: "`{name}` cần có `{key}=…`" }
    SC_YEAR_ARG "sc.year_arg" { en: "`{key}` must be a year such as 2022", vi: "`{key}` phải là một năm, ví dụ 2022" }
    SC_NO_DATASET "sc.no_dataset" {
        en: "no dataset `{slug}`; datasets are the files in content/data: {names}",
        vi: "không có bộ dữ liệu `{slug}`; các bộ dữ liệu là các tệp trong content/data: {names}",
    }
    SC_NO_UNIT "sc.no_unit" {
        en: "dataset `{dataset}` has no unit `{unit}`; units: {units}",
        vi: "bộ dữ liệu `{dataset}` không có đơn vị `{unit}`; các đơn vị: {units}",
    }
    SC_NO_YEAR "sc.no_year" {
        en: "dataset `{dataset}` has no year {year}; years: {years}",
        vi: "bộ dữ liệu `{dataset}` không có năm {year}; các năm: {years}",
    }
    VALUE_NO_UNIT "value.no_unit" {
        en: "dataset `{dataset}` has no unit `{unit}`; use a unit's slug or key: {units}",
        vi: "bộ dữ liệu `{dataset}` không có đơn vị `{unit}`; dùng tên rút gọn hoặc mã của một đơn vị: {units}",
    }
    VALUE_FROM_ONLY "value.from_only" {
        en: "`from` is only used with what=\"rank_change\" (got what=\"{what}\")",
        vi: "`from` chỉ dùng với what=\"rank_change\" (đang ghi what=\"{what}\")",
    }
    VALUE_NEEDS_FROM "value.needs_from" {
        en: "what=\"rank_change\" needs from=<year>, e.g. from=2018",
        vi: "what=\"rank_change\" cần có from=<năm>, ví dụ from=2018",
    }
    VALUE_UNKNOWN_WHAT "value.unknown_what" {
        en: "unknown what=\"{what}\"; use one of: total, total_unit, rank, rank_change, band, field:<key>",
        vi: "không có what=\"{what}\"; dùng một trong: total (tổng điểm), total_unit (tổng điểm kèm đơn vị), rank (xếp hạng), rank_change (thay đổi thứ hạng), band (xếp loại), field:<khóa> (điểm lĩnh vực)",
    }
    VALUE_NO_FROM_YEAR "value.no_from_year" {
        en: "dataset `{dataset}` has no year {year} (from); years: {years}",
        vi: "bộ dữ liệu `{dataset}` không có năm {year} (from); các năm: {years}",
    }
    VALUE_NO_BANDS "value.no_bands" {
        en: "dataset `{dataset}` declares no bands; use what=\"total\" or add `bands:` to the dataset",
        vi: "bộ dữ liệu `{dataset}` chưa khai báo mức xếp loại; dùng what=\"total\" hoặc thêm `bands:` vào bộ dữ liệu",
    }
    VALUE_BELOW_BANDS "value.below_bands" {
        en: "the total of `{unit}` in {year} ({total}) is below every band of dataset `{dataset}`; add a lowest band with min {min} or use what=\"total\"",
        vi: "tổng điểm của `{unit}` năm {year} ({total}) thấp hơn mọi mức xếp loại của bộ dữ liệu `{dataset}`; thêm một mức thấp nhất có min {min} hoặc dùng what=\"total\"",
    }
    VALUE_NO_FIELD "value.no_field" {
        en: "year {year} of dataset `{dataset}` has no field `{key}`; fields: {keys}",
        vi: "năm {year} của bộ dữ liệu `{dataset}` không có lĩnh vực `{key}`; các lĩnh vực: {keys}",
    }
    VALUE_NOT_LISTED "value.not_listed" {
        en: "`{unit}` is not listed in {year} of dataset `{dataset}`, so it has no rank that year",
        vi: "`{unit}` không có trong năm {year} của bộ dữ liệu `{dataset}` nên năm đó không có xếp hạng",
    }
    VALUE_UNRANKED "value.unranked" {
        en: "`{unit}` is unranked in {year} of dataset `{dataset}` (no rank published or no total); use what=\"total\" instead",
        vi: "`{unit}` không được xếp hạng năm {year} trong bộ dữ liệu `{dataset}` (không công bố xếp hạng hoặc không có tổng điểm); hãy dùng what=\"total\"",
    }
    NONE "none" { en: "(none)", vi: "(không có)" }
    SC_NO_RESULTS "sc.no_results" { en: "dataset `{dataset}` has no results", vi: "bộ dữ liệu `{dataset}` chưa có kết quả năm nào" }
    PNG_DRAW_FAILED "png.draw_failed" {
        en: "the chart image /{path} could not be drawn: {why}",
        vi: "không vẽ được ảnh biểu đồ /{path}{why}",
    }
    PNG_DRAW_FAILED_HINT "png.draw_failed.hint" {
        en: "this is a bug in chiso: please report it with this dataset file",
        vi: "Đây là lỗi của chiso, không phải của bạn: hãy gửi tệp bộ dữ liệu này kèm thông báo cho người phụ trách kỹ thuật",
    }
    PNG_NOT_IN_FONT "png.not_in_font" {
        en: "the charts of dataset `{slug}` use characters the PNG images cannot draw: {shown}",
        vi: "biểu đồ của bộ dữ liệu `{slug}` có ký tự mà ảnh PNG không vẽ được: {shown}",
    }
    PNG_NOT_IN_FONT_HINT "png.not_in_font.hint" {
        en: "chart PNGs are drawn with the bundled Latin and Vietnamese font, which leaves these out (the SVG charts show them); write names in Vietnamese or Latin letters",
        vi: "Ảnh PNG của biểu đồ dùng phông chữ tiếng Việt đi kèm, phông này không có các ký tự trên (biểu đồ SVG vẫn hiện đúng); hãy viết tên bằng chữ tiếng Việt",
    }
    PNG_CACHE_UNWRITABLE "png.cache_unwritable" {
        en: "chart images cannot be cached here ({why}): every build draws them again",
        vi: "không lưu đệm được ảnh biểu đồ ở thư mục này{why}: mỗi lần dựng trang web sẽ phải vẽ lại",
    }
    PNG_CACHE_UNWRITABLE_HINT "png.cache_unwritable.hint" {
        en: "make the folder writable, or set `cache_dir:` in site.yaml to a folder that is",
        vi: "Cho phép ghi vào thư mục này, hoặc khai báo `cache_dir:` trong site.yaml trỏ tới một thư mục ghi được",
    }
}
