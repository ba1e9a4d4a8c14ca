//! How large a sheet an import reads (sheet.rs), also checked before an
//! .xls is opened (xls.rs).

/// A sheet holds at most this many rows and columns between its first and
/// last cell with a value (a district's table has tens of each), and at
/// most this many cells with a value.
pub const MAX_ROWS: u64 = 100_000;
pub const MAX_COLS: u64 = 1_000;
pub const MAX_CELLS: usize = 2_000_000;
