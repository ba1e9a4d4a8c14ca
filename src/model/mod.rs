//! Model stage: the immutable `Site` every renderer reads, and every URL it
//! builds (urls).

pub mod images;
pub mod near;
pub mod patch;
pub mod related;
pub mod site;
pub mod urls;
