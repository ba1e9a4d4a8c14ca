//! Diagnostics: typed errors and warnings with a source location
//! (diagnostic), the table of codes (codes), the catalogue of messages in
//! English and Vietnamese (catalog, lang), and how they are printed (format). Depends on nothing of chiso's.

pub mod catalog;
pub mod codes;
pub mod diagnostic;
pub mod format;
pub mod images;
pub mod lang;

pub use catalog::Msg;
pub use diagnostic::{Diagnostic, Diagnostics, Severity, Text};
pub use format::{Format, render};
pub use lang::Lang;
