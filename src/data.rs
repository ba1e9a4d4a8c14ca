//! Index datasets: loading and validation (DATA-SCHEMA.md).
