//! Every user-facing message about photos and images (issue 11), one small
//! function each, so the message catalogue can take them over in one place.
//! `file`/`line` is where the image is referred to (front matter or a
//! Markdown line), or the image file itself when nothing refers to it.

use crate::diag::Diagnostic;
use crate::diag::codes;
use std::path::Path;

/// E0801: the file cannot be published as an image.
pub fn unreadable(file: &Path, line: usize, url: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        codes::BAD_IMAGE,
        file,
        format!("the image {url} cannot be read: {why}"),
    )
    .at(line, 0)
    .hint("open the photo on a computer and save it again as JPEG (or copy it again from the camera or phone): the file is damaged or cut short")
}

/// E0802: a header claiming more pixels than a build decodes.
pub fn too_big(file: &Path, line: usize, url: &str, w: u32, h: u32, max_mp: u64) -> Diagnostic {
    Diagnostic::error(
        codes::IMAGE_TOO_BIG,
        file,
        format!("the image {url} says it is {w}×{h} pixels, more than the {max_mp} megapixels a build decodes"),
    )
    .at(line, 0)
    .hint("resize it to at most 8000 pixels on its longest side and save it again; a header like this is often a damaged or malicious file")
}

/// E0803: HEIC/HEIF from an iPhone.
pub fn heif(file: &Path, line: usize, url: &str) -> Diagnostic {
    Diagnostic::error(
        codes::HEIF_IMAGE,
        file,
        format!("the image {url} is HEIC/HEIF (an iPhone photo), which browsers do not show"),
    )
    .at(line, 0)
    .hint("export it as JPEG (on the iPhone: Settings → Camera → Formats → Most Compatible; or open it in Photos and export as JPEG) and refer to the .jpg")
}

/// E0804: `image_focus:` not two numbers from 0 to 1.
pub fn bad_focus(file: &Path, line: usize, col: usize) -> Diagnostic {
    Diagnostic::error(
        codes::IMAGE_SETTING,
        file,
        "image_focus must be two numbers from 0 to 1: [x, y]",
    )
    .at(line, col)
    .hint("the centre of the share card's crop, from the photo's left and top: image_focus: [0.5, 0.3]")
}

/// E0804: a site.yaml `images:` value out of range.
pub fn bad_setting(line: usize, col: usize, what: &str) -> Diagnostic {
    Diagnostic::error(
        codes::IMAGE_SETTING,
        crate::diag::images::SITE_YAML,
        format!("images: {what}"),
    )
    .at(line, col)
    .hint(
        "e.g. images: { widths: [360, 720, 1080, 1440, 1920], webp_quality: 70, jpeg_quality: 75 }",
    )
}

pub const SITE_YAML: &str = "content/site.yaml";

/// W0801: a Markdown image with no alt text.
pub fn no_alt(file: &Path, line: usize, url: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::NO_ALT,
        file,
        format!("the image {url} has no alt text"),
    )
    .at(line, 0)
    .hint("describe the photo between the brackets, ![Lễ ra quân ở xã Mường So](/images/anh.jpg): screen readers read it, and slow phones show it while the photo loads")
}

/// W0802: a `.jpg` that is really a PNG (or the like): used as what it is.
pub fn misnamed(file: &Path, line: usize, url: &str, actual: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::IMAGE_MISNAMED,
        file,
        format!("the image {url} is really a {actual} file; chiso uses it as {actual}"),
    )
    .at(line, 0)
    .hint(format!(
        "rename it with the .{} extension so other tools read it too",
        actual.to_ascii_lowercase()
    ))
}

/// W0803: an SVG with script or event handlers, copied as it is.
pub fn svg_script(file: &Path, line: usize, url: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::SVG_SCRIPT,
        file,
        format!("the SVG image {url} contains script or event handlers (onload=…)"),
    )
    .at(line, 0)
    .hint("browsers do not run them in an <img>, but opened on its own address the file runs them: remove them in an editor, or export the drawing again as plain SVG")
}
