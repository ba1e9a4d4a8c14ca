//! The plan of every photo's derivatives, made from file headers only, so
//! that pages can write `<picture>` markup (sizes, srcset) without
//! decoding, and image jobs know what to encode. Every JPEG and PNG under
//! `content/static/` is planned (by content, not by name): WebP and JPEG at
//! each configured width not wider than the photo, and a 1200×630 share
//! card per crop centre that articles ask for. Every derivative lives
//! under one folder of the output, `PHOTO_DIR`, which a build carries over
//! from the last output instead of writing its thousands of files again
//! (output/carry.rs). A photo the cache index knows (same length and time)
//! is not even opened.

use crate::diag::Diagnostic;
use crate::diag::images as msg;
use crate::load::image_index::{self, ImageIndex};
use crate::load::image_probe::{self, Format, Probe, Problem};
use crate::load::images_config::ImagesConfig;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub use crate::load::images_config::PHOTO_DIR;

/// Share card size (Facebook, Zalo).
pub const SHARE: (u32, u32) = (1200, 630);

/// A crop centre, in thousandths of the width and height (500, 500: the
/// middle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Focus(pub u16, pub u16);

impl Focus {
    pub const CENTRE: Focus = Focus(500, 500);

    pub fn from_unit(x: f64, y: f64) -> Focus {
        let t = |v: f64| (v.clamp(0.0, 1.0) * 1000.0).round() as u16;
        Focus(t(x), t(y))
    }
}

#[derive(Debug)]
pub struct PlannedImage {
    /// Absolute path of the source file.
    pub source: PathBuf,
    /// Site-relative address without the leading `/` (`images/a.jpg`).
    pub url: String,
    pub probe: Probe,
    /// Derivatives are made (a readable JPEG or PNG); otherwise the file is
    /// copied as it is.
    pub resize: bool,
    /// Size as shown (EXIF orientation applied).
    pub width: u32,
    pub height: u32,
    /// Widths of the derivatives, ascending; never wider than the photo.
    pub widths: Vec<u32>,
    /// Share cards asked for, sorted.
    pub shares: Vec<Focus>,
    /// The source's length and modification time as planned, and its
    /// content hash when the cache index still vouches for it.
    pub seen: Seen,
    /// Length of `url` without its extension (pages use it thousands of
    /// times).
    stem_len: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    pub len: u64,
    pub mtime_ns: i128,
    pub hash: Option<u128>,
    /// When a build last used it, by the index.
    pub used: Option<u64>,
}

impl PlannedImage {
    fn stem(&self) -> &str {
        &self.url[..self.stem_len]
    }

    /// Where the names of the derivatives start in their output paths
    /// (after `<PHOTO_DIR>/<stem>-`): their names in the cache entry.
    pub fn name_at(&self) -> usize {
        PHOTO_DIR.len() + self.stem_len + 2
    }

    /// Output path of the derivative `w` pixels wide, `ext` "webp" or "jpg".
    pub fn derivative(&self, w: u32, ext: &str) -> String {
        let mut s = String::with_capacity(PHOTO_DIR.len() + self.url.len() + 12);
        self.push_derivative(&mut s, w, ext);
        s
    }

    /// `derivative(w, ext)`, appended to `s` (pages name thousands).
    pub fn push_derivative(&self, s: &mut String, w: u32, ext: &str) {
        s.push_str(PHOTO_DIR);
        s.push('/');
        s.push_str(self.stem());
        s.push('-');
        push_u32(s, w);
        s.push('.');
        s.push_str(ext);
    }

    /// Height of the derivative `w` wide.
    pub fn height_at(&self, w: u32) -> u32 {
        ((u64::from(self.height) * u64::from(w) + u64::from(self.width) / 2)
            / u64::from(self.width.max(1)))
        .max(1) as u32
    }

    pub fn largest(&self) -> u32 {
        self.widths.last().copied().unwrap_or(self.width)
    }

    /// Output path of the share card centred on `f`.
    pub fn share_path(&self, f: Focus) -> String {
        let mut s = String::with_capacity(self.name_at() + 20);
        s.push_str(PHOTO_DIR);
        s.push('/');
        s.push_str(self.stem());
        s.push_str("-og");
        if f != Focus::CENTRE {
            s.push('-');
            push_u32(&mut s, u32::from(f.0));
            s.push('-');
            push_u32(&mut s, u32::from(f.1));
        }
        s.push_str(".jpg");
        s
    }

    /// The share card's crop of the shown photo (left, top, width, height)
    /// and its output size: the largest 1200:630 box around the focus,
    /// scaled to 1200×630, or kept at its size when the photo is smaller.
    pub fn share_crop(&self, f: Focus) -> ((u32, u32, u32, u32), (u32, u32)) {
        let (w, h) = (u64::from(self.width), u64::from(self.height));
        let (sw, sh) = (u64::from(SHARE.0), u64::from(SHARE.1));
        let (cw, ch) = if w * sh > h * sw {
            ((h * sw / sh).max(1), h)
        } else {
            (w, (w * sh / sw).max(1))
        };
        let place = |len: u64, c: u64, at: u16| -> u64 {
            let centre = len * u64::from(at) / 1000;
            centre.saturating_sub(c / 2).min(len - c)
        };
        let (x, y) = (place(w, cw, f.0), place(h, ch, f.1));
        let out = if cw > sw { (sw, sh) } else { (cw, ch) };
        (
            (x as u32, y as u32, cw as u32, ch as u32),
            (out.0 as u32, out.1 as u32),
        )
    }
}

/// Append `n` in decimal to `s` (no `format!`: pages name thousands).
pub fn push_u32(s: &mut String, mut n: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.extend(buf[i..].iter().map(|&b| b as char));
}

#[derive(Debug, Default)]
pub struct ImagePlan {
    pub images: Vec<PlannedImage>,
    by_url: crate::util::idhash::FastHashMap<String, usize>,
    /// What the plan was made for besides the files: the lead photos and
    /// their focus, the file kept as it is, the emblem (see `inputs_key`).
    pub inputs: u128,
    pub config: ImagesConfig,
    /// The cache index as this build found it.
    pub index: ImageIndex,
}

/// Everything besides the static files that an `ImagePlan` depends on:
/// the lead photos with their focus, the file published as it is, the
/// emblem's address.
pub fn inputs_key(shares: &[(&str, Focus)], keep: Option<&str>, logo: Option<&str>) -> u128 {
    let mut buf: Vec<u8> = Vec::with_capacity(shares.len() * 48 + 64);
    for (u, f) in shares {
        buf.extend_from_slice(u.as_bytes());
        buf.push(0xff);
        buf.extend_from_slice(&f.0.to_le_bytes());
        buf.extend_from_slice(&f.1.to_le_bytes());
    }
    for s in [keep, logo] {
        buf.push(0xfe);
        buf.extend_from_slice(s.unwrap_or("").as_bytes());
        buf.push(u8::from(s.is_some()));
    }
    xxhash_rust::xxh3::xxh3_128(&buf)
}

/// Whether a static file's name says it is an image (its content decides
/// which kind).
fn image_name(url: &str) -> bool {
    Format::of_name(url) != Format::Other
}

impl ImagePlan {
    /// Probe every image of `static_files` (absolute path, site-relative
    /// address) in parallel, with what the cache `index` remembers of them;
    /// `shares` lists (address, focus) that articles use as their lead
    /// photo; `keep`, a file published as it is (site.yaml `share_image`).
    pub fn new(
        config: &ImagesConfig,
        static_files: &[(PathBuf, String)],
        index: ImageIndex,
        shares: &[(&str, Focus)],
        keep: Option<&str>,
        last: Option<(&ImagePlan, bool)>,
    ) -> ImagePlan {
        let keep = keep.map(|k| k.trim_start_matches('/'));
        let mut images: Vec<PlannedImage> = static_files
            .par_iter()
            .filter(|(_, url)| image_name(url))
            .map(|(abs, url)| {
                let last = last.and_then(|(l, same)| {
                    let p = l.get(url).filter(|p| p.source == *abs)?;
                    Some((p, same))
                });
                let mut p = plan_one(config, &index, last, abs, url);
                // site.yaml's share_image is published as it is.
                if keep == Some(url.as_str()) {
                    p.resize = false;
                    p.widths.clear();
                }
                p
            })
            .collect();
        let by_url: crate::util::idhash::FastHashMap<String, usize> = images
            .iter()
            .enumerate()
            .map(|(i, p)| (p.url.clone(), i))
            .collect();
        for (url, f) in shares {
            if let Some(&i) = by_url.get(url.trim_start_matches('/')) {
                if images[i].resize && !images[i].shares.contains(f) {
                    images[i].shares.push(*f);
                }
            }
        }
        for p in &mut images {
            p.shares.sort_unstable();
        }
        ImagePlan {
            images,
            by_url,
            inputs: 0,
            config: config.clone(),
            index,
        }
    }

    /// Add derivatives of the image at `url` shown at each of `heights`
    /// (the header's emblem: its height on a phone and a desktop, each
    /// at 1× and 2×), narrower than the image itself; kept ascending.
    pub fn add_heights(&mut self, url: &str, heights: &[u32]) {
        let Some(i) = self.index(url) else {
            return;
        };
        let p = &mut self.images[i];
        if !p.resize || p.height == 0 {
            return;
        }
        for &h in heights {
            let w = ((u64::from(h) * u64::from(p.width) + u64::from(p.height) / 2)
                / u64::from(p.height))
            .max(1) as u32;
            if w < p.width && !p.widths.contains(&w) {
                p.widths.push(w);
            }
        }
        p.widths.sort_unstable();
    }

    /// The planned image at a site-relative address (with or without `/`).
    pub fn get(&self, url: &str) -> Option<&PlannedImage> {
        self.index(url).map(|i| &self.images[i])
    }

    /// The source file of a planned image, as diagnostics name it.
    pub fn source_rel(&self, url: &str) -> PathBuf {
        Path::new("content/static").join(url.trim_start_matches('/'))
    }

    pub fn index(&self, url: &str) -> Option<usize> {
        self.by_url.get(url.trim_start_matches('/')).copied()
    }

    /// A resized image whose original is not published: links to it go to
    /// its largest JPEG instead.
    pub fn replaced(&self, url: &str) -> Option<String> {
        let p = self.get(url).filter(|p| p.resize)?;
        (!self.config.publish_originals).then(|| p.derivative(p.largest(), "jpg"))
    }

    /// Whether the static file at `url` is copied as it is.
    pub fn copies_original(&self, url: &str) -> bool {
        self.config.publish_originals || !self.get(url).is_some_and(|p| p.resize)
    }

    /// What to say where `file:line` refers to the image at `url`.
    pub fn diagnostics_for(&self, url: &str, file: &Path, line: usize) -> Vec<Diagnostic> {
        let Some(p) = self.get(url) else {
            return Vec::new();
        };
        let named = Format::of_name(&p.url);
        let misnamed =
            p.probe.format != named && p.probe.format != Format::Other && p.probe.problem.is_none();
        // The usual photo: nothing to say, and no address formatted (a
        // model names 10,000 lead photos).
        if p.probe.problem.is_none() && !misnamed && !p.probe.svg_script {
            return Vec::new();
        }
        let shown = format!("/{}", p.url);
        let mut out = Vec::new();
        match &p.probe.problem {
            Some(Problem::Unreadable(why)) => out.push(msg::unreadable(file, line, &shown, why)),
            Some(Problem::TooBig(w, h)) => out.push(msg::too_big(
                file,
                line,
                &shown,
                *w,
                *h,
                image_probe::MAX_PIXELS / 1_000_000,
            )),
            Some(Problem::Heif) => out.push(msg::heif(file, line, &shown)),
            None => {}
        }
        if misnamed {
            out.push(msg::misnamed(file, line, &shown, p.probe.format.name()));
        }
        if p.probe.svg_script {
            out.push(msg::svg_script(file, line, &shown));
        }
        out
    }
}

/// The plan of one photo: its probe from the cache index or the last plan
/// when its length and time are unchanged, else from its file.
fn plan_one(
    config: &ImagesConfig,
    index: &ImageIndex,
    last: Option<(&PlannedImage, bool)>,
    abs: &Path,
    url: &str,
) -> PlannedImage {
    let mut seen = Seen::default();
    let unchanged = last.filter(|(p, same)| *same && p.probe.problem.is_none());
    let meta = match unchanged {
        Some((p, _)) => {
            seen = p.seen;
            None
        }
        None => std::fs::metadata(abs).ok(),
    };
    if let Some(m) = &meta {
        seen.len = m.len();
        seen.mtime_ns = image_index::mtime_ns(m);
    }
    // A probe that found a problem is made again, as the index does.
    let last = last.map(|(p, _)| p).filter(|p| {
        (unchanged.is_some() || meta.is_some())
            && p.seen.len == seen.len
            && p.seen.mtime_ns == seen.mtime_ns
            && p.probe.problem.is_none()
    });
    let known = meta
        .as_ref()
        .and_then(|_| index.fresh(abs, seen.len, seen.mtime_ns));
    let probe = if let Some(p) = last {
        seen.hash = p.seen.hash;
        seen.used = p.seen.used;
        p.probe.clone()
    } else if let Some(s) = known {
        seen.hash = Some(s.hash);
        seen.used = Some(s.used);
        s.probe.clone()
    } else {
        image_probe::probe(abs)
    };
    let resize = probe.problem.is_none() && matches!(probe.format, Format::Jpeg | Format::Png);
    let (width, height) = probe.shown();
    let mut widths: Vec<u32> = if resize {
        config
            .widths
            .iter()
            .copied()
            .filter(|&w| w < width)
            .collect()
    } else {
        Vec::new()
    };
    if resize && config.widths.last().is_none_or(|&max| width <= max) {
        widths.push(width);
    }
    PlannedImage {
        source: abs.to_path_buf(),
        url: url.to_string(),
        probe,
        resize,
        width,
        height,
        widths,
        shares: Vec::new(),
        seen,
        stem_len: stem_len(url),
    }
}

/// Length of `url` without its extension.
fn stem_len(url: &str) -> usize {
    match url.rfind('.') {
        Some(i) if !url[i..].contains('/') => i,
        _ => url.len(),
    }
}
