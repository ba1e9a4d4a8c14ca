//! chiso: a static-site generator for Vietnamese news sites that publish
//! reform-index reports. See ARCHITECTURE.md for the pipeline.

pub mod charts;
pub mod codes;
pub mod collate;
pub mod data;
pub mod dates;
pub mod diagnostics;
pub mod numfmt;
pub mod text;
pub mod yaml;
