//! Support used by every stage: text (NFC, slugs, escaping), dates,
//! Vietnamese number formats and collation. Depends on nothing of chiso's.

pub mod collate;
pub mod dates;
pub mod idhash;
pub mod json;
pub mod near;
pub mod numfmt;
pub mod text;
