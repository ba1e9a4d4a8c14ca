//! chiso: a static-site generator for Vietnamese news sites that publish
//! reform-index reports. See ARCHITECTURE.md for the pipeline.

pub mod charts;
pub mod codes;
pub mod collate;
pub mod config;
pub mod content;
pub mod data;
pub mod datapages;
pub mod dates;
pub mod diagnostics;
pub mod feeds;
pub mod frontmatter;
pub mod links;
pub mod markdown;
pub mod numfmt;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod shortcodes;
pub mod sink;
pub mod site;
pub mod text;
pub mod theme;
pub mod yaml;
