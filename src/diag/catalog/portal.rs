//! Messages about the default theme's portal settings in site.yaml:
//! `logo:`, `sidebar:`, `home:`.

messages! {
    PORTAL_BAD_LOGO "portal.bad_logo" {
        en: "logo url `{url}` is not a usable address",
        vi: "địa chỉ biểu trưng (logo) `{url}` không dùng được",
    }
    PORTAL_BAD_LOGO_HINT "portal.bad_logo.hint" {
        en: "name a file of content/static/, e.g. logo: { url: \"/images/bieu-trung.svg\", alt: \"…\" }",
        vi: "Ghi một tệp trong content/static/, ví dụ logo: { url: \"/images/bieu-trung.svg\", alt: \"…\" }",
    }
    PORTAL_UNSAFE_LINK "portal.unsafe_link" {
        en: "sidebar link `{name}` has an unsafe address",
        vi: "liên kết `{name}` ở cột bên (sidebar) có địa chỉ không an toàn",
    }
    PORTAL_BAD_HOTLINE "portal.bad_hotline" {
        en: "sidebar hotline `{phone}` is not a phone number",
        vi: "đường dây nóng `{phone}` ở cột bên (sidebar) không phải số điện thoại",
    }
    PORTAL_BAD_HOTLINE_HINT "portal.bad_hotline.hint" {
        en: "use digits, spaces and + - . ( ), e.g. hotline: \"0213 3895 123\"",
        vi: "Chỉ dùng chữ số, dấu cách và + - . ( ), ví dụ hotline: \"0213 3895 123\"",
    }
    PORTAL_COUNT "portal.count" {
        en: "home `{key}` is {value}; use a number from 1 to 24",
        vi: "home `{key}` là {value}; hãy dùng một số từ 1 đến 24",
    }
}
