//! Render stage: turn the immutable `Site` into output files, in parallel.
//!
//! Order inside the stage (a module uses only those above it): shortcodes,
//! markdown, datacharts (chart and value shortcodes, the chart cache),
//! splice, meta (titles, descriptions, OpenGraph, JSON-LD), renderer (`Renderer`, `Shared`), pages/ (one module per page
//! kind), feeds, jobs (what to render, run in parallel), links (the check
//! over what was rendered).

pub mod datacharts;
pub mod feeds;
pub mod jobs;
pub mod links;
pub mod markdown;
pub mod meta;
pub mod pages;
pub mod renderer;
pub mod shortcodes;
pub mod splice;
