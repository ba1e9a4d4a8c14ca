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

/// A fast hasher for maps keyed by short strings or integers (addresses,
/// slugs, pointers) that the model and serve build on every save: xxh3 of
/// the bytes, a multiply-and-fold for integers. Not keyed: fine for maps
/// whose keys the site's own files give (a collision costs time, never a
/// wrong answer).
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        let h = (n ^ self.0.rotate_left(5)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }
}

pub type FastBuild = BuildHasherDefault<FastHasher>;
pub type FastHashMap<K, V> = HashMap<K, V, FastBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn the_fast_hasher_tells_apart_strings_that_differ_only_in_where_they_split() {
        let b = FastBuild::default();
        assert_ne!(b.hash_one(("ab", "c")), b.hash_one(("a", "bc")));
        assert_ne!(b.hash_one("tin-tuc"), b.hash_one("tin-tuk"));
        assert_eq!(b.hash_one("tin-tuc"), b.hash_one(String::from("tin-tuc")));
        let mut m: FastHashMap<&str, usize> = FastHashMap::default();
        m.insert("a", 1);
        m.insert("b", 2);
        assert_eq!((m["a"], m["b"]), (1, 2));
    }
}
