//! Every user-facing message about photos and images (issue 11), one small
//! function each, so the message catalogue can take them over in one place.
//! `file`/`line` is where the image is referred to (front matter or a
//! Markdown line), or the image file itself when nothing refers to it.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use std::path::Path;

/// E0801: the file cannot be published as an image.
pub fn unreadable(file: &Path, line: usize, url: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        codes::BAD_IMAGE,
        file,
        msg!(m::IMG_UNREADABLE, url = url, why = m::en_only(why)),
    )
    .at(line, 0)
    .hint(msg!(m::IMG_UNREADABLE_HINT))
}

/// E0802: a header claiming more pixels than a build decodes.
pub fn too_big(file: &Path, line: usize, url: &str, w: u32, h: u32, max_mp: u64) -> Diagnostic {
    Diagnostic::error(
        codes::IMAGE_TOO_BIG,
        file,
        msg!(m::IMG_TOO_BIG, url = url, w = w, h = h, max_mp = max_mp),
    )
    .at(line, 0)
    .hint(msg!(m::IMG_TOO_BIG_HINT))
}

/// E0803: HEIC/HEIF from an iPhone.
pub fn heif(file: &Path, line: usize, url: &str) -> Diagnostic {
    Diagnostic::error(codes::HEIF_IMAGE, file, msg!(m::IMG_HEIF, url = url))
        .at(line, 0)
        .hint(msg!(m::IMG_HEIF_HINT))
}

/// E0804: `image_focus:` not two numbers from 0 to 1.
pub fn bad_focus(file: &Path, line: usize, col: usize) -> Diagnostic {
    Diagnostic::error(codes::IMAGE_SETTING, file, msg!(m::IMG_BAD_FOCUS))
        .at(line, col)
        .hint(msg!(m::IMG_BAD_FOCUS_HINT))
}

/// E0804: a site.yaml `images:` value out of range.
pub fn bad_setting(line: usize, col: usize, what: crate::diag::Msg) -> Diagnostic {
    Diagnostic::error(
        codes::IMAGE_SETTING,
        crate::diag::images::SITE_YAML,
        msg!(m::IMG_BAD_SETTING, what = what),
    )
    .at(line, col)
    .hint(msg!(m::IMG_BAD_SETTING_HINT))
}

pub const SITE_YAML: &str = "content/site.yaml";

/// W0801: a Markdown image with no alt text.
pub fn no_alt(file: &Path, line: usize, url: &str) -> Diagnostic {
    Diagnostic::warning(codes::NO_ALT, file, msg!(m::IMG_NO_ALT, url = url))
        .at(line, 0)
        .hint(msg!(m::IMG_NO_ALT_HINT))
}

/// W0802: a `.jpg` that is really a PNG (or the like): used as what it is.
pub fn misnamed(file: &Path, line: usize, url: &str, actual: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::IMAGE_MISNAMED,
        file,
        msg!(m::IMG_MISNAMED, url = url, actual = actual),
    )
    .at(line, 0)
    .hint(msg!(
        m::IMG_MISNAMED_HINT,
        ext = actual.to_ascii_lowercase()
    ))
}

/// W0803: an SVG with script or event handlers, copied as it is.
pub fn svg_script(file: &Path, line: usize, url: &str) -> Diagnostic {
    Diagnostic::warning(codes::SVG_SCRIPT, file, msg!(m::IMG_SVG_SCRIPT, url = url))
        .at(line, 0)
        .hint(msg!(m::IMG_SVG_SCRIPT_HINT))
}
