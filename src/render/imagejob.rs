//! The job of one planned photo: its derivatives (WebP and JPEG at each
//! width, share cards) from the cache, or decoded, oriented, resized and
//! encoded into it, then hard-linked into the output. Nothing of the
//! source's metadata (EXIF, GPS, ICC, XMP) is carried: the encoders write
//! pixels only. Decodes are bounded: `image::Limits`, and a shared budget
//! of decoded bytes so that parallel jobs never hold more than ~1 GiB of
//! pixels at once.

use crate::diag::images as msg;
use crate::load::image_probe::MAX_PIXELS;
use crate::model::images::PlannedImage;
use crate::output::sink::{CarriedGroup, Sink};
use crate::render::pages::JobOutput;
use crate::render::renderer::Renderer;
use fast_image_resize as fr;
use image::{DynamicImage, RgbImage};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

/// Bytes of decoded pixels all running jobs may hold.
const BUDGET: u64 = 1 << 30;

static HELD: Mutex<u64> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

/// A share of the decode budget, returned when dropped.
struct Permit(u64);

impl Permit {
    /// Wait until `n` bytes fit in the budget (one image alone always fits).
    fn take(n: u64) -> Permit {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        while *held > 0 && *held + n > BUDGET {
            held = FREED.wait(held).unwrap_or_else(|e| e.into_inner());
        }
        *held += n;
        Permit(n)
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        *held -= self.0;
        FREED.notify_all();
    }
}

/// The output paths of every file of `p`, a group.
fn files(p: &PlannedImage, entry: PathBuf) -> CarriedGroup {
    let mut files = Vec::with_capacity(p.widths.len() * 2 + p.shares.len());
    for &w in &p.widths {
        files.push(p.derivative(w, "webp"));
        files.push(p.derivative(w, "jpg"));
    }
    files.extend(p.shares.iter().map(|&f| p.share_path(f)));
    CarriedGroup {
        entry,
        files,
        name_at: p.name_at(),
    }
}

/// The files of planned image `i`, for `sink` (`None`: one that keeps
/// files). A sink that keeps nothing (`check`) gets their paths only,
/// nothing decoded; one whose last output holds them all (a warm rebuild)
/// gets them without a look at the cache.
pub fn image_job(r: &Renderer, i: usize, sink: Option<&dyn Sink>) -> JobOutput {
    let p = &r.site.images.images[i];
    let mut out = JobOutput::default();
    if !p.resize {
        return out;
    }
    if !sink.is_none_or(|s| s.keeps()) {
        out.photo = Some(files(p, PathBuf::new()));
        return out;
    }
    let rel = r.site.images.source_rel(&p.url);
    let dir = match r.images.entry(i, p) {
        Ok(d) => d,
        Err(e) => {
            out.diagnostics.push(msg::unreadable(
                &rel,
                0,
                &format!("/{}", p.url),
                &e.to_string(),
            ));
            return out;
        }
    };
    let group = files(p, dir);
    let dir = &group.entry;
    let names: Vec<&str> = group.files.iter().map(|f| group.name(f)).collect();
    if !sink.is_some_and(|s| s.holds(&group)) && !r.images.complete(dir, &names) {
        if let Err(why) = make(r, p, &group) {
            out.diagnostics
                .push(msg::unreadable(&rel, 0, &format!("/{}", p.url), &why));
            return out;
        }
        r.images.mark_complete(dir, &names);
    }
    out.photo = Some(group);
    out
}

/// Decode, orient, resize and encode every file of `p` into its cache
/// entry, each named as in its output path after the photo's stem.
fn make(r: &Renderer, p: &PlannedImage, group: &CarriedGroup) -> Result<(), String> {
    let dir = &group.entry;
    let cfg = &r.site.images.config;
    let largest = p.largest();
    let base = {
        let _permit = Permit::take(u64::from(p.probe.width) * u64::from(p.probe.height) * 4);
        let img = decode(&p.source)?;
        let (iw, ih) = (img.width(), img.height());
        let orientation = p.probe.orientation;
        // Resize before turning: the turn then moves the small image.
        let (tw, th) = (largest, p.height_at(largest));
        let (sw, sh) = if orientation >= 5 { (th, tw) } else { (tw, th) };
        let small = resize(img.into_rgb8(), (iw, ih), (sw, sh))?;
        orient(small, orientation)
    };
    let store =
        |name: &str, bytes: &[u8]| r.images.store(dir, name, bytes).map_err(|e| e.to_string());
    for &w in p.widths.iter().rev() {
        let img = if w == largest {
            base.clone()
        } else {
            resize(base.clone(), base.dimensions(), (w, p.height_at(w)))?
        };
        store(&format!("{w}.webp"), &webp(&img, cfg.webp_quality))?;
        store(&format!("{w}.jpg"), &jpeg(&img, cfg.jpeg_quality)?)?;
    }
    for &f in &p.shares {
        let ((x, y, cw, ch), (ow, oh)) = p.share_crop(f);
        // The crop is in the photo's shown pixels; `base` is `largest` wide.
        let s = f64::from(base.width()) / f64::from(p.width.max(1));
        let px = |v: u32| (f64::from(v) * s).round() as u32;
        let (bx, by) = (px(x).min(base.width() - 1), px(y).min(base.height() - 1));
        let (bw, bh) = (
            px(cw).clamp(1, base.width() - bx),
            px(ch).clamp(1, base.height() - by),
        );
        let crop = image::imageops::crop_imm(&base, bx, by, bw, bh).to_image();
        let (ow, oh) = if bw < ow { (bw, bh) } else { (ow, oh) };
        let card = resize(crop, (bw, bh), (ow, oh))?;
        store(
            group.name(&p.share_path(f)),
            &jpeg(&card, cfg.jpeg_quality.max(80))?,
        )?;
    }
    Ok(())
}

fn decode(path: &Path) -> Result<DynamicImage, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(65_535);
    limits.max_image_height = Some(65_535);
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    reader.decode().map_err(|e| e.to_string())
}

fn resize(img: RgbImage, from: (u32, u32), to: (u32, u32)) -> Result<RgbImage, String> {
    if from == to {
        return Ok(img);
    }
    let src = fr::images::Image::from_vec_u8(from.0, from.1, img.into_raw(), fr::PixelType::U8x3)
        .map_err(|e| e.to_string())?;
    let mut dst = fr::images::Image::new(to.0.max(1), to.1.max(1), fr::PixelType::U8x3);
    let opts =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
    fr::Resizer::new()
        .resize(&src, &mut dst, &opts)
        .map_err(|e| e.to_string())?;
    RgbImage::from_raw(to.0.max(1), to.1.max(1), dst.into_vec())
        .ok_or_else(|| "resize failed".to_string())
}

fn orient(img: RgbImage, o: u8) -> RgbImage {
    use image::imageops;
    match o {
        2 => imageops::flip_horizontal(&img),
        3 => imageops::rotate180(&img),
        4 => imageops::flip_vertical(&img),
        5 => imageops::flip_horizontal(&imageops::rotate90(&img)),
        6 => imageops::rotate90(&img),
        7 => imageops::flip_horizontal(&imageops::rotate270(&img)),
        8 => imageops::rotate270(&img),
        _ => img,
    }
}

fn webp(img: &RgbImage, q: u8) -> Vec<u8> {
    webp::Encoder::from_rgb(img.as_raw(), img.width(), img.height())
        .encode(f32::from(q))
        .to_vec()
}

fn jpeg(img: &RgbImage, q: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut e = jpeg_encoder::Encoder::new(&mut out, q);
    e.set_progressive(true);
    e.set_optimized_huffman_tables(true);
    e.encode(
        img.as_raw(),
        img.width() as u16,
        img.height() as u16,
        jpeg_encoder::ColorType::Rgb,
    )
    .map_err(|e| e.to_string())?;
    Ok(out)
}
