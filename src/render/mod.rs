//! Render stage: turn the immutable `Site` into output files, in parallel.
//!
//! Order inside the stage (a module uses only those above it): shortcodes,
//! markdown, datacharts (chart and value shortcodes, the chart cache),
//! chartpngs (chart PNGs: download and share card, through the PNG cache),
//! downloads (a dataset as CSV and JSON),
//! splice, meta (titles, descriptions, OpenGraph, JSON-LD), renderer (`Renderer`, `Shared`), pages/ (one module per page
//! kind), feeds, job (what there is to render), owners (one owner per output path), jobs (what to render,
//! run in parallel), links (the check over what was rendered).

pub mod chartpngs;
pub mod datacharts;
pub mod downloads;
pub mod feeds;
pub mod headings;
pub mod imagecache;
pub mod imagejob;
pub mod job;
pub mod jobs;
pub mod links;
pub mod markdown;
pub mod meta;
pub mod owners;
pub mod pages;
pub mod pictag;
pub mod picture;
pub mod plaintext;
pub mod published;
pub mod renderer;
pub mod sanitize;
pub mod shortcodes;
pub mod splice;
