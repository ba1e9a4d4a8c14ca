//! Vietnamese collation.
