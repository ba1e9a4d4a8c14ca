//! Index-data glue: shortcodes, report pages and the home page's headline
//! chart, mapping datasets into chart inputs.

use crate::render::{JobOutput, Renderer};
use crate::shortcodes::Call;
use crate::site::Site;

/// Expand one shortcode; `n` numbers the shortcodes within a page.
pub fn shortcode(_r: &Renderer, call: &Call, _n: usize) -> Result<String, String> {
    Err(format!("unknown shortcode `{}`", call.name))
}

/// HTML of the home page's headline chart, if any dataset exists.
pub fn headline(_r: &Renderer) -> String {
    String::new()
}

/// Menu entries for the datasets: (title, site-relative URL).
pub fn dataset_links(_site: &Site) -> Vec<(&str, String)> {
    Vec::new()
}

/// Dataset, year and unit pages of dataset `d`, plus its chart files.
pub fn dataset_job(_r: &Renderer, _d: usize) -> JobOutput {
    JobOutput::default()
}
