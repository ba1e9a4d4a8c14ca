//! Chart PNGs beside each standalone chart SVG of a dataset: the download
//! at twice its display size (`xep-hang-2022.png`), the 1200×630 share
//! card (`xep-hang-2022-1200x630.png`) and that card at 360×189, the
//! thumbnail of an article without a photo (`xep-hang-2022-360x189.png`),
//! written by the dataset's job (their one owner), drawn in parallel and
//! kept in the PNG cache.
//!
//! `check` writes nothing and draws nothing ([`PngMode::PathsOnly`]): it
//! claims the same paths (so owners and links are checked alike) and checks
//! the font covers every character (W0850) as `build` does.

use crate::charts::raster::{self, CardText, Png};
use crate::charts::{Chart, card_url, font, png_url, thumb_url};
use crate::diag::Diagnostic;
use crate::output::chart_cache::{self, PngCache};
use crate::output::sink::OutputFile;
use crate::render::datacharts::{ChartKind, ChartScope, chart_file_url, source_line};
use rayon::prelude::*;

/// Whether PNGs are drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PngMode {
    /// Draw them (through the cache): `build`, `serve`.
    #[default]
    Draw,
    /// Only their paths, with no bytes (`check`, which writes nothing).
    PathsOnly,
}

/// How a render makes chart PNGs.
#[derive(Debug, Default)]
pub struct ChartPngs {
    pub mode: PngMode,
    pub cache: PngCache,
}

impl ChartPngs {
    pub fn new(mode: PngMode, cache: Option<std::path::PathBuf>) -> Self {
        ChartPngs {
            mode,
            cache: PngCache::new(cache),
        }
    }
}

/// What one dataset's PNGs came to.
#[derive(Default)]
pub struct PngFiles {
    pub files: Vec<OutputFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The PNGs of dataset `d`'s canonical charts `kinds`, in their order.
pub fn files(scope: ChartScope, pngs: &ChartPngs, d: usize, kinds: &[ChartKind]) -> PngFiles {
    let ds = &scope.site.datasets[d];
    let text = CardText {
        source: source_line(ds),
        site: scope.site.config.title.clone(),
    };
    let made: Vec<(Vec<OutputFile>, Option<Diagnostic>, Vec<char>)> = kinds
        .par_iter()
        .map(|kind| {
            let chart = scope.cache.get(scope, d, kind, None);
            let svg_path = chart_file_url(ds, kind);
            let svg_path = svg_path.trim_start_matches('/');
            let mut files = Vec::with_capacity(3);
            let mut failed = None;
            for (path, what) in [
                (png_url(svg_path), What::Double),
                (card_url(svg_path), What::Card(&text)),
                (thumb_url(svg_path), What::Thumb(&text)),
            ] {
                match one(pngs, &chart, what) {
                    Ok(bytes) => files.push(OutputFile { path, bytes }),
                    Err(e) => failed = Some(messages::draw_failed(&ds.file, &path, &e)),
                }
            }
            (files, failed, font::missing(&chart.svg))
        })
        .collect();
    let mut out = PngFiles::default();
    let mut missing: Vec<char> = Vec::new();
    for (files, failed, gaps) in made {
        out.files.extend(files);
        out.diagnostics.extend(failed);
        for c in gaps {
            if !missing.contains(&c) {
                missing.push(c);
            }
        }
    }
    if !missing.is_empty() {
        out.diagnostics
            .push(messages::not_in_font(&ds.file, &ds.slug, &missing));
    }
    if let Some((dir, why)) = pngs.cache.take_write_error() {
        out.diagnostics.push(messages::cache_unwritable(&dir, &why));
    }
    out
}

/// Which PNG of a chart.
#[derive(Clone, Copy)]
enum What<'t> {
    /// Twice the display size.
    Double,
    /// The share card with these words.
    Card(&'t CardText),
    /// The share card at thumbnail size.
    Thumb(&'t CardText),
}

/// One PNG's bytes: empty when only paths are wanted, else from the cache
/// or drawn (and cached).
fn one(pngs: &ChartPngs, chart: &Chart, png: What) -> Result<Vec<u8>, String> {
    if pngs.mode == PngMode::PathsOnly {
        return Ok(Vec::new());
    }
    let (size, what): ((u32, u32), Vec<u8>) = match png {
        What::Card(t) => (
            (raster::CARD_W, raster::CARD_H),
            format!("card\n{}\n{}", t.source, t.site).into_bytes(),
        ),
        What::Thumb(t) => (
            (raster::THUMB_W, raster::THUMB_H),
            format!("thumb\n{}\n{}", t.source, t.site).into_bytes(),
        ),
        What::Double => (raster::double_size(chart), b"double".to_vec()),
    };
    let layout = format!("{} {} {}", chart.height, chart.title_height, chart.title);
    let key = chart_cache::key(&[
        raster::RENDERER.as_bytes(),
        &font::digest().to_le_bytes(),
        &what,
        layout.as_bytes(),
        chart.svg.as_bytes(),
    ]);
    if let Some(bytes) = pngs.cache.get(&key, size) {
        return Ok(bytes);
    }
    let png: Png = match png {
        What::Card(t) => raster::card(chart, t)?,
        What::Thumb(t) => raster::card_thumb(chart, t)?,
        What::Double => raster::double(chart)?,
    };
    pngs.cache.put_or_note(&key, &png.bytes);
    Ok(png.bytes)
}

/// Every message of this module, built in one place (for the catalogue).
pub(crate) mod messages {
    use crate::diag::catalog as m;
    use crate::diag::catalog::msg;
    use crate::diag::{Diagnostic, codes};
    use std::path::Path;

    /// E0850: resvg could not draw a chart (a chiso bug, never user input).
    pub fn draw_failed(file: &Path, path: &str, why: &str) -> Diagnostic {
        Diagnostic::error(
            codes::CHART_PNG,
            file,
            msg!(m::PNG_DRAW_FAILED, path = path, why = m::en_only(why)),
        )
        .hint(msg!(m::PNG_DRAW_FAILED_HINT))
    }

    /// W0850: characters of a dataset's charts the bundled font lacks.
    pub fn not_in_font(file: &Path, slug: &str, chars: &[char]) -> Diagnostic {
        let shown: String = chars
            .iter()
            .take(12)
            .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
            .collect::<Vec<_>>()
            .join(", ");
        Diagnostic::warning(
            codes::CHART_FONT,
            file,
            msg!(m::PNG_NOT_IN_FONT, slug = slug, shown = shown),
        )
        .hint(msg!(m::PNG_NOT_IN_FONT_HINT))
    }

    /// W0851: the PNG cache folder cannot be written.
    pub fn cache_unwritable(dir: &Path, why: &str) -> Diagnostic {
        Diagnostic::warning(
            codes::CHART_CACHE,
            dir,
            msg!(m::PNG_CACHE_UNWRITABLE, why = m::en_only(why)),
        )
        .hint(msg!(m::PNG_CACHE_UNWRITABLE_HINT))
    }
}
