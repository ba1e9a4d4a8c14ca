//! Stable diagnostic codes. Each is documented in the README's table; a test
//! keeps the two in step. Never reuse or renumber a code.

macro_rules! codes {
    ($($name:ident = $code:literal : $what:literal;)*) => {
        $(pub const $name: &str = $code;)*
        /// Every code with a one-line description, in order.
        pub const ALL: &[(&str, &str)] = &[$(($code, $what)),*];
    };
}

codes! {
    IO = "E0001": "a file or folder could not be read or written";
    UTF8 = "E0002": "a file is not valid UTF-8";
    YAML = "E0003": "YAML syntax error, wrong type, unknown or duplicate key";
    TOO_LARGE = "E0004": "a content file is larger than the limit";
    SYMLINK = "E0005": "a symbolic link points outside the site root or loops";
    FRONT_MATTER = "E0101": "front matter missing, unterminated or empty";
    BAD_DATE = "E0102": "a date that cannot be read";
    BAD_SLUG = "E0103": "a slug that is empty or could escape the output folder";
    DUPLICATE_URL = "E0104": "two pages would be written to the same URL";
    COMMENTS = "E0105": "comments were asked for: this site has no comment backend";
    MISSING_FIELD = "E0106": "a required front matter value is empty";
    BAD_URL = "E0107": "base_url is not an absolute http(s) URL";
    UNSAFE_URL = "E0108": "a javascript: or data: address in front matter or site.yaml";
    TEMPLATE = "E0201": "a template does not parse or fails to render";
    MISSING_TEMPLATE = "E0202": "a template named by content does not exist";
    SHORTCODE = "E0301": "a shortcode is malformed or names something unknown";
    DATA = "E0401": "an index dataset breaks a rule of the data schema";
    BROKEN_LINK = "E0501": "an internal link, image or file does not exist";
    OUTPUT_DIR = "E0601": "the output folder is unsafe to write (/, the root, content/, or not ours)";
    NO_SUMMARY = "W0101": "an article has no summary (sapo)";
    NO_CAPTION = "W0102": "an image has no caption";
    UNSAFE_LINK = "W0103": "a javascript: or data: link was dropped";
    RAW_HTML = "W0104": "raw HTML in Markdown was escaped (markdown.raw_html: escape)";
    NO_CONTACT = "W0105": "site.yaml gives no contact (email or phone) for readers";
}
