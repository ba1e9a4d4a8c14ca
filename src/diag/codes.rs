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
    CONTROL_CHAR = "E0006": "text holds an invisible control character";
    FRONT_MATTER = "E0101": "front matter missing, unterminated or empty";
    BAD_DATE = "E0102": "a date that cannot be read";
    BAD_SLUG = "E0103": "a slug that is empty or could escape the output folder";
    DUPLICATE_URL = "E0104": "two pages would be written to the same URL";
    COMMENTS = "E0105": "comments were asked for: this site has no comment backend";
    MISSING_FIELD = "E0106": "a required front matter value is empty";
    BAD_URL = "E0107": "base_url is not an absolute http(s) URL";
    UNSAFE_URL = "E0108": "a javascript: or data: address in front matter or site.yaml";
    EXPIRES_BEFORE_PUBLISHED = "E0109": "an article's expiry_date is not after its publish_date";
    TEMPLATE = "E0201": "a template does not parse or fails to render";
    MISSING_TEMPLATE = "E0202": "a template named by content does not exist";
    SHORTCODE = "E0301": "a shortcode is malformed or names something unknown";
    DATA = "E0401": "an index dataset breaks a rule of the data schema";
    BROKEN_LINK = "E0501": "an internal link, image or file does not exist";
    OUTPUT_DIR = "E0601": "the output folder is unsafe to write (/, the root, content/, or not ours)";
    OUTPUT_BUSY = "E0602": "another build or serve is writing the same output folder (--no-wait)";
    IMPORT = "E0701": "a spreadsheet cannot be imported: a column, cell or unit it cannot place";
    BAD_IMAGE = "E0801": "an image file is truncated, corrupt or of a kind chiso cannot publish";
    IMAGE_TOO_BIG = "E0802": "an image claims more pixels than a build may decode (a decompression bomb)";
    HEIF_IMAGE = "E0803": "an image is HEIC/HEIF (iPhone): export it as JPEG";
    IMAGE_SETTING = "E0804": "site.yaml images: or front matter image_focus: is out of range";
    NO_SUMMARY = "W0101": "an article has no summary (sapo)";
    NO_CAPTION = "W0102": "an image has no caption";
    UNSAFE_LINK = "W0103": "a javascript: or data: link was dropped";
    RAW_HTML = "W0104": "raw HTML in Markdown was escaped (markdown.raw_html: escape)";
    NO_CONTACT = "W0105": "site.yaml gives no contact (email or phone) for readers";
    SANITIZED = "W0106": "raw HTML lost what is never published: a script, form, frame, event handler, unsafe address or unlisted tag";
    NOT_MARKDOWN = "W0110": "a file in content/articles or content/pages is not Markdown";
    EXTERNAL_IMAGE = "W0111": "an image is loaded from another site";
    REMOVED_URL = "W0112": "an address the site published is now neither a page nor an alias";
    LINK_TO_ALIAS = "W0113": "a link goes to an old address (an alias) instead of the page";
    SOURCE_PLACEHOLDER = "W0401": "a dataset's source is still the placeholder that `chiso import data` wrote";
    NO_ALT = "W0801": "an image has no alt text (no caption and no alt)";
    IMAGE_MISNAMED = "W0802": "an image's name says one format, its bytes another";
    SVG_SCRIPT = "W0803": "an SVG image contains script or event handlers";
}
