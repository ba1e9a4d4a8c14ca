//! Index datasets: loading and validation (DATA-SCHEMA.md).
//!
//! One dataset per `content/data/<slug>.yaml`. [`load_dir`] reads them all;
//! [`load_str`] validates one text. Every rule of the schema is checked and
//! every violation in a file is reported (file, line, column, what to do);
//! a file with any error yields no [`Dataset`]. The resulting model is
//! immutable, NFC-normalised and deterministically ordered: units in
//! declared order, years ascending, scores in the units' order.
//!
//! This file only declares and re-exports. The modules, in the order they
//! may depend on each other (each uses only those before it, never this
//! file's re-exports):
//!
//! 1. `raw`: the serde shapes of a dataset file, with spans.
//! 2. `dataset`: the checked model ([`Dataset`] and its parts) and its
//!    methods (ranking, bands, lookups); `lineage`: the built-in lineage
//!    tables (`lineage: vn-2025-provinces`).
//! 3. `query`: [`value_text`], the text of the `value` shortcode.
//! 4. `validate`: raw → model, one file per group of schema rules (its
//!    own order is in `validate/mod.rs`).
//! 5. `load`: [`load_str`] and [`load_dir`], reading files through
//!    `load::fs` and YAML through `load::yaml`.

mod dataset;
pub mod lineage;
mod load;
mod query;
mod raw;
mod validate;

#[cfg(test)]
mod tests;

pub use dataset::{Dataset, Status, Unit};
pub use load::{load_dir, load_str};
pub use query::{no_counterpart, value_text};
