//! Diagnostics: typed errors and warnings with a source location
//! (diagnostic), the table of codes (codes), and how they are printed
//! (format). Depends on nothing of chiso's.

pub mod codes;
pub mod diagnostic;
pub mod format;
pub mod images;

pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use format::{Format, render};
