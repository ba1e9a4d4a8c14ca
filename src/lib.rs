//! chiso: a static-site generator for Vietnamese news sites that publish
//! reform-index reports. See ARCHITECTURE.md for the pipeline.
//!
//! The stages, in the order they may depend on each other:
//! diag → util → load → data → model → charts → output → render →
//! pipeline → import → serve. This file is the facade: it exports what the command
//! line, the tests and the fuzz targets use, and nothing else.

mod charts;
mod data;
mod diag;
mod import;
mod load;
mod model;
mod output;
mod pipeline;
mod render;
mod scaffold;
mod serve;
mod util;

pub use diag::{Diagnostic, Diagnostics, Format, Severity, codes, render as render_diagnostics};
pub use import::{ImportOptions, ImportReport, SOURCE_PLACEHOLDER, import_data};
pub use load::theme::DEFAULT_TEMPLATES;
pub use output::staging::remove_old;
pub use pipeline::{BuildOptions, Report, ScheduleReport, build, check};
pub use scaffold::{DATASET_SKELETON, NewArticle, create as new_site, new_article, new_dataset};
pub use serve::run as serve;
pub use util::dates::{Now, NowSource};

/// The parsers that property tests and fuzz targets drive directly.
pub mod parsers {
    pub use crate::data::load_str as load_dataset;
    pub use crate::load::frontmatter::split as split_front_matter;
    pub use crate::render::markdown::{
        options as markdown_options, render_markdown, render_markdown_unsanitised,
    };
    pub use crate::render::shortcodes::find as find_shortcodes;
    pub use crate::util::numfmt::format_number;
    pub use crate::util::text::{is_valid_slug, slugify};
}
