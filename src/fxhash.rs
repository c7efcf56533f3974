//! FxHash, the hash rustc uses for its own tables: a rotate, a xor and a multiply per 8 bytes.
//!
//! The extractors and rules look up short words by the thousand at every candidate, where
//! SipHash costs more than the rest of the lookup. Its protection against chosen keys is not
//! needed here: the tables hold the lexicon's words and one document's own words.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(<[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes));
        }
        let mut rest = chunks.remainder();
        if rest.len() >= 4 {
            self.add(rest.get(..4).and_then(|b| <[u8; 4]>::try_from(b).ok()).map_or(0, u32::from_le_bytes).into());
            rest = rest.get(4..).unwrap_or_default();
        }
        for &b in rest {
            self.add(b.into());
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i.into());
    }

    fn write_u32(&mut self, i: u32) {
        self.add(i.into());
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The builder of [`FxHasher`]s, for `HashMap::with_hasher` and friends.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<K> = HashSet<K, FxBuild>;

/// The [`FxHasher`] hash of a key's bytes.
pub fn fx_hash(key: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_near_keys_differ() {
        assert_eq!(fx_hash("février"), fx_hash("février"));
        let keys = ["", "a", "ab", "abcd", "abcde", "abcdefgh", "abcdefghi", "février", "fevrier"];
        let mut hashes: Vec<u64> = keys.iter().map(|k| fx_hash(k)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), keys.len());
        let mut map: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, k) in keys.iter().enumerate() {
            map.insert(k, i);
        }
        assert_eq!(map.get("abcde"), Some(&4));
        assert_eq!(map.get("abcdef"), None);
    }
}
