//! site.yaml `images:`: the widths photos are resized to, the encoders'
//! qualities, and whether originals are published too.

use crate::diag::Diagnostics;
use crate::diag::images as msg;
use crate::load::yaml::{self, Spanned};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The output folder of every photo derivative: `anh-web/images/a-720.webp`
/// for `content/static/images/a.jpg`. Reserved: nothing else may be
/// published under it, nor kept in the output (`keep_in_output`).
pub const PHOTO_DIR: &str = "anh-web";

/// Widths for 360–1440 px screens at 1–3× density: a 360 px phone (a
/// ~332 px column) takes 360 at 1×, 720 at 2×, 1080 at 3×; the 732 px
/// desktop column takes 720 at 1×, 1440 at 2×; 1920 serves 3× tablets.
pub const DEFAULT_WIDTHS: [u32; 5] = [360, 720, 1080, 1440, 1920];
/// Chosen by measuring bytes at equal SSIM on real photos (README, Photos).
pub const DEFAULT_WEBP_QUALITY: u8 = 76;
pub const DEFAULT_JPEG_QUALITY: u8 = 70;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawImages {
    #[serde(default)]
    widths: Option<Spanned<Vec<u32>>>,
    #[serde(default)]
    webp_quality: Option<Spanned<u8>>,
    #[serde(default)]
    jpeg_quality: Option<Spanned<u8>>,
    #[serde(default)]
    publish_originals: bool,
}

/// Validated `images:` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImagesConfig {
    /// Sorted, distinct, each 16–8192.
    pub widths: Vec<u32>,
    pub webp_quality: u8,
    pub jpeg_quality: u8,
    pub publish_originals: bool,
    /// The cache folder (site.yaml `cache_dir`, resolved against the root).
    pub cache: PathBuf,
}

impl ImagesConfig {
    /// What changes the bytes of a derivative: part of its cache key.
    pub fn key(&self) -> String {
        let w: Vec<String> = self.widths.iter().map(u32::to_string).collect();
        format!(
            "w{}-q{}-j{}",
            w.join("."),
            self.webp_quality,
            self.jpeg_quality
        )
    }
}

pub fn resolve(
    raw: Option<RawImages>,
    root: &Path,
    cache_dir: &str,
    diags: &mut Diagnostics,
) -> ImagesConfig {
    let raw = raw.unwrap_or_default();
    let mut widths = DEFAULT_WIDTHS.to_vec();
    if let Some(w) = &raw.widths {
        let (line, col) = (yaml::line_of(w), yaml::col_of(w));
        if w.value.is_empty() {
            diags.push(msg::bad_setting(
                line,
                col,
                crate::diag::catalog::msg!(crate::diag::catalog::IMG_WIDTHS_EMPTY),
            ));
        } else if let Some(bad) = w.value.iter().find(|&&x| !(16..=8192).contains(&x)) {
            diags.push(msg::bad_setting(
                line,
                col,
                crate::diag::catalog::msg!(
                    crate::diag::catalog::IMG_WIDTH_RANGE,
                    bad = u64::from(*bad)
                ),
            ));
        } else {
            widths = w.value.clone();
            widths.sort_unstable();
            widths.dedup();
        }
    }
    let quality =
        |q: &Option<Spanned<u8>>, name: &str, default: u8, diags: &mut Diagnostics| match q {
            Some(q) if !(1..=100).contains(&q.value) => {
                diags.push(msg::bad_setting(
                    yaml::line_of(q),
                    yaml::col_of(q),
                    crate::diag::catalog::msg!(
                        crate::diag::catalog::IMG_QUALITY_RANGE,
                        name = name
                    ),
                ));
                default
            }
            Some(q) => q.value,
            None => default,
        };
    let cache = Path::new(cache_dir);
    ImagesConfig {
        widths,
        webp_quality: quality(
            &raw.webp_quality,
            "webp_quality",
            DEFAULT_WEBP_QUALITY,
            diags,
        ),
        jpeg_quality: quality(
            &raw.jpeg_quality,
            "jpeg_quality",
            DEFAULT_JPEG_QUALITY,
            diags,
        ),
        publish_originals: raw.publish_originals,
        cache: if cache.is_absolute() {
            cache.to_path_buf()
        } else {
            root.join(cache)
        },
    }
}
