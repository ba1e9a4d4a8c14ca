//! Sets and maps keyed by a value that is a good hash already (xxh3):
//! the hasher passes it through instead of hashing it again.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdBuild = BuildHasherDefault<Identity>;
pub type IdHashSet = HashSet<u64, IdBuild>;
pub type IdHashMap<V> = HashMap<u64, V, IdBuild>;

/// The xxh3 hash of a path's bytes.
pub fn path_key(p: &std::path::Path) -> u64 {
    xxhash_rust::xxh3::xxh3_64(p.as_os_str().as_encoded_bytes())
}
