//! Index-data glue: shortcodes, report pages and the home page's headline
//! chart, mapping datasets into chart inputs.

use crate::diagnostics::Diagnostics;
use crate::render::{LinkRef, OutputFile, Renderer};
use crate::shortcodes::Call;

/// Expand one shortcode; `n` numbers the shortcodes within a page.
pub fn shortcode(_r: &Renderer, call: &Call, _n: usize) -> Result<String, String> {
    Err(format!("unknown shortcode `{}`", call.name))
}

/// HTML of the home page's headline chart, if any dataset exists.
pub fn headline(_r: &Renderer) -> String {
    String::new()
}

/// Dataset, year and unit pages, plus standalone chart files.
pub fn render_pages(_r: &Renderer) -> (Vec<OutputFile>, Vec<LinkRef>, usize, Diagnostics) {
    (Vec::new(), Vec::new(), 0, Diagnostics::new())
}
