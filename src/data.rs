//! Index datasets: loading and validation (DATA-SCHEMA.md).

#[derive(Debug)]
pub struct Dataset;

/// Stub until the data module lands.
pub fn load_dir(
    _dir: &std::path::Path,
    _base: &std::path::Path,
) -> (Vec<Dataset>, crate::diagnostics::Diagnostics) {
    (Vec::new(), crate::diagnostics::Diagnostics::new())
}
