//! The dataset loader must turn any text into a dataset or diagnostics,
//! never a panic, a hang or an allocation blow-up (alias bombs, deep nesting).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let _ = chiso::parsers::load_dataset(src, "fuzz", std::path::Path::new("content/data/fuzz.yaml"));
});
