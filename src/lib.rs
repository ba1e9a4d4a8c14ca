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
mod search;
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

/// Languages and messages for the command line: the language of this run
/// (`resolve`, `set`), the catalogue, and [`say!`] to print one message.
pub mod i18n {
    pub use crate::diag::catalog::{self, Arg, Entry, IntoArg, Msg, check_args, dec, int, text};
    pub use crate::diag::lang::{Lang, current, from_locale, resolve, set};
    pub use crate::load::site_lang::site_language;

    /// `entry` with `args`, in the language of this run.
    pub fn say(entry: &'static Entry, args: Vec<(&'static str, Arg)>) -> String {
        Msg::new(entry, args).render(current())
    }

    /// Every entry of the catalogue (tests: help texts, completeness).
    pub fn entries() -> Vec<&'static Entry> {
        catalog::all()
    }
}

/// One catalogue message in the language of this run, its arguments checked
/// at compile time: `say!(SUMMARY_CHECKED)`, `say!(CHECK_FAILED, n = 3)`.
#[macro_export]
macro_rules! say {
    ($entry:ident $(, $name:ident = $val:expr)* $(,)?) => {{
        const _: () = $crate::i18n::check_args(
            &$crate::i18n::catalog::$entry,
            &[$(stringify!($name)),*],
        );
        $crate::i18n::say(
            &$crate::i18n::catalog::$entry,
            vec![$((stringify!($name), $crate::i18n::IntoArg::into_arg($val))),*],
        )
    }};
}

/// The parsers that property tests and fuzz targets drive directly.
pub mod parsers {
    pub use crate::data::load_str as load_dataset;
    pub use crate::load::frontmatter::split as split_front_matter;
    pub use crate::load::image::size_of_bytes as image_size;
    pub use crate::render::markdown::{
        options as markdown_options, render_markdown, render_markdown_unsanitised,
    };
    pub use crate::render::shortcodes::find as find_shortcodes;
    pub use crate::util::numfmt::format_number;
    pub use crate::util::text::{is_valid_slug, slugify};
}
