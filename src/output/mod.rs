//! Write stage: where rendered files go (sink) and the staging folder that
//! is swapped in atomically when a build succeeds (staging).

pub mod sink;
pub mod staging;
