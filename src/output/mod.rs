//! Write stage: where rendered files go (sink), where they may go (paths),
//! the staging folder a build writes into (staging), how it is published
//! and repaired after a crash (swap), and the lock that keeps two builds of
//! one output apart (lock); the folder carried over from the last output
//! (carry: photo derivatives); the chart PNG cache (chart_cache).

pub mod atomic;
pub mod carry;
pub mod chart_cache;
mod lock;
mod mount;
pub mod paths;
pub mod sink;
pub mod staging;
mod swap;
