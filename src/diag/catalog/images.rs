//! Messages about photos and images (issue 11): decoding, sizes, formats,
//! settings and alt text.

messages! {
    IMG_UNREADABLE "image.unreadable" {
        en: "the image {url} cannot be read: {why}",
        vi: "không đọc được ảnh {url}{why}: tệp bị hỏng hoặc bị cắt cụt",
    }
    IMG_UNREADABLE_HINT "image.unreadable.hint" {
        en: "open the photo on a computer and save it again as JPEG (or copy it again from the camera or phone): the file is damaged or cut short",
        vi: "Mở ảnh trên máy tính rồi lưu lại thành JPEG (hoặc chép lại ảnh từ máy ảnh, điện thoại) và chép đè vào content/static/",
    }
    IMG_TOO_BIG "image.too_big" {
        en: "the image {url} says it is {w}×{h} pixels, more than the {max_mp} megapixels a build decodes",
        vi: "ảnh {url} ghi kích thước {w}×{h} điểm ảnh, vượt quá {max_mp} megapixel mà chiso xử lý được",
    }
    IMG_TOO_BIG_HINT "image.too_big.hint" {
        en: "resize it to at most 8000 pixels on its longest side and save it again; a header like this is often a damaged or malicious file",
        vi: "Thu nhỏ ảnh để cạnh dài nhất không quá 8000 điểm ảnh rồi lưu lại; tệp ghi kích thước lớn như vậy thường là tệp hỏng hoặc tệp độc hại",
    }
    IMG_HEIF "image.heif" {
        en: "the image {url} is HEIC/HEIF (an iPhone photo), which browsers do not show",
        vi: "ảnh {url} ở định dạng HEIC/HEIF (ảnh chụp bằng iPhone), trình duyệt không hiển thị được",
    }
    IMG_HEIF_HINT "image.heif.hint" {
        en: "export it as JPEG (on the iPhone: Settings → Camera → Formats → Most Compatible; or open it in Photos and export as JPEG) and refer to the .jpg",
        vi: "Xuất lại ảnh thành JPEG (trên iPhone: Cài đặt → Camera → Định dạng → Tương thích nhất; hoặc mở ảnh trong Ảnh rồi xuất ra JPEG) và sửa đường dẫn trong bài thành tệp .jpg",
    }
    IMG_BAD_FOCUS "image.bad_focus" {
        en: "image_focus must be two numbers from 0 to 1: [x, y]",
        vi: "image_focus phải gồm hai số từ 0 đến 1: [x, y]",
    }
    IMG_BAD_FOCUS_HINT "image.bad_focus.hint" {
        en: "the centre of the share card's crop, from the photo's left and top: image_focus: [0.5, 0.3]",
        vi: "Đây là tâm của phần ảnh được cắt làm ảnh chia sẻ, tính từ mép trái và mép trên của ảnh, ví dụ image_focus: [0.5, 0.3]",
    }
    IMG_BAD_SETTING "image.bad_setting" {
        en: "images: {what}",
        vi: "mục images: trong site.yaml: {what}",
    }
    IMG_BAD_SETTING_HINT "image.bad_setting.hint" {
        en: "e.g. images: { widths: [360, 720, 1080, 1440, 1920], webp_quality: 70, jpeg_quality: 75 }",
        vi: "Ví dụ: images: { widths: [360, 720, 1080, 1440, 1920], webp_quality: 70, jpeg_quality: 75 }",
    }
    IMG_NO_ALT "image.no_alt" {
        en: "the image {url} has no alt text",
        vi: "ảnh {url} chưa có lời mô tả (alt)",
    }
    IMG_NO_ALT_HINT "image.no_alt.hint" {
        en: "describe the photo between the brackets, ![Lễ ra quân ở xã Mường So](/images/anh.jpg): screen readers read it, and slow phones show it while the photo loads",
        vi: "Viết lời mô tả ảnh trong ngoặc vuông, ví dụ ![Lễ ra quân ở xã Mường So](/images/anh.jpg): phần mềm đọc màn hình sẽ đọc nó, và điện thoại mạng chậm hiện nó trong lúc ảnh đang tải",
    }
    IMG_MISNAMED "image.misnamed" {
        en: "the image {url} is really a {actual} file; chiso uses it as {actual}",
        vi: "ảnh {url} thực ra là tệp {actual}; chiso dùng nó như ảnh {actual}",
    }
    IMG_MISNAMED_HINT "image.misnamed.hint" {
        en: "rename it with the .{ext} extension so other tools read it too",
        vi: "Đổi đuôi tên tệp thành .{ext} (và sửa đường dẫn trong bài) để các phần mềm khác cũng đọc đúng",
    }
    IMG_SVG_SCRIPT "image.svg_script" {
        en: "the SVG image {url} contains script or event handlers (onload=…)",
        vi: "ảnh SVG {url} có chứa mã script hoặc trình xử lý sự kiện (onload=…)",
    }
    IMG_SVG_SCRIPT_HINT "image.svg_script.hint" {
        en: "browsers do not run them in an <img>, but opened on its own address the file runs them: remove them in an editor, or export the drawing again as plain SVG",
        vi: "Trình duyệt không chạy mã này khi ảnh nằm trong bài, nhưng sẽ chạy khi mở riêng tệp ảnh: hãy xóa mã đó bằng phần mềm vẽ, hoặc xuất lại hình thành SVG thường",
    }
    IMG_WIDTHS_EMPTY "image.widths_empty" {
        en: "widths must list at least one width",
        vi: "widths phải có ít nhất một độ rộng",
    }
    IMG_WIDTH_RANGE "image.width_range" {
        en: "width {bad} is outside 16–8192 pixels",
        vi: "độ rộng {bad} nằm ngoài khoảng 16–8192 điểm ảnh",
    }
    IMG_QUALITY_RANGE "image.quality_range" {
        en: "{name} must be from 1 to 100",
        vi: "{name} phải là số từ 1 đến 100",
    }
}
