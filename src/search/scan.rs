//! Words found and looked up in one pass over a text's bytes (issue 21:
//! splitting with `str::split` and hashing each word as a string cost
//! about 300 instructions a word). The split is `fold::words`'s: runs of
//! `fold::is_word_char`, runs longer than `fold::MAX_TOKEN_BYTES` dropped;
//! ASCII is classed by a table and the common Vietnamese letters by their
//! lead bytes, anything else decoded and asked of `is_word_char`.
//!
//! A word of up to 16 bytes is its own key: its bytes as one 128-bit
//! number (no word holds a NUL, so the zero padding tells lengths apart),
//! compared in two integer compares; `Forms` maps such keys, and the rare
//! longer word by its text, to the word's index key.

use super::fold::{MAX_TOKEN_BYTES, is_word_char};
use crate::util::idhash::FastBuild;
use std::collections::HashMap;

/// Byte classes for `each_word`: not a word character; a word character
/// or a letter's lead byte (U+0100–U+023F); a continuation byte (of a word
/// character when met inside a word, else of a character skipped); a lead
/// byte to look further at.
const NOT: u8 = 0;
const IN: u8 = 1;
const CONT: u8 = 3;
const LEAD: u8 = 4;

const CLASS: [u8; 256] = {
    let mut t = [LEAD; 256];
    let mut c = 0;
    while c < 0x80 {
        t[c] = if (c as u8).is_ascii_alphanumeric() {
            IN
        } else {
            NOT
        };
        c += 1;
    }
    while c < 0xc0 {
        t[c] = CONT;
        c += 1;
    }
    let mut c = 0xc4;
    while c <= 0xc8 {
        t[c] = IN;
        c += 1;
    }
    t
};

/// Whether the character whose lead byte is at `i` in `text` (class
/// `LEAD`) is a word character. Latin-1's letters and Latin Extended
/// Additional (ạ … ỹ) are told by their first two bytes, as
/// `is_word_char` tells them; anything else is decoded and asked.
#[inline(always)]
fn lead(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    match (b[i], b.get(i + 1).copied().unwrap_or(0)) {
        // U+00C0–U+00FF, but × (C3 97) and ÷ (C3 B7).
        (0xc3, c) => c != 0x97 && c != 0xb7,
        // U+1E00–U+1EFF.
        (0xe1, 0xb8..=0xbb) => true,
        _ => other(text, i),
    }
}

/// `lead` of any other character.
#[inline(never)]
fn other(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|t| t.chars().next())
        .is_some_and(is_word_char)
}

/// Calls `each(start, end)` for the byte range of every word of `text`, in
/// order, as `fold::words` splits it (overlong runs left out): one pass
/// over the bytes, skipping to a word's first character, then to its end.
#[inline(always)]
pub(super) fn each_word(text: &str, mut each: impl FnMut(usize, usize)) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = CLASS[b[i] as usize];
        // Not a word's start: a byte of a character that is not a word
        // character (a continuation byte here continues one).
        if c != IN && (c != LEAD || !lead(text, i)) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < n {
            let c = CLASS[b[i] as usize];
            if c & IN == 0 && (c != LEAD || !lead(text, i)) {
                break;
            }
            i += 1;
        }
        if i - start <= MAX_TOKEN_BYTES {
            each(start, i);
        }
    }
}

/// The bytes `start..start + len` of `b` (1 ≤ `len` ≤ 16) as (low, high)
/// halves of a little-endian number, zero above `len`.
#[inline(always)]
fn packed(b: &[u8], start: usize, len: usize) -> (u64, u64) {
    let word = |at: usize| -> u64 {
        match b.get(at..at + 8) {
            Some(s) => {
                let mut w = [0u8; 8];
                w.copy_from_slice(s);
                u64::from_le_bytes(w)
            }
            None => {
                let mut w = [0u8; 8];
                let end = b.len().min(at + 8);
                w[..end - at].copy_from_slice(&b[at..end]);
                u64::from_le_bytes(w)
            }
        }
    };
    // Bytes past the word are masked off (`len` - 8 ≥ 1 bytes in `hi`).
    if len <= 8 {
        (word(start) & (u64::MAX >> (64 - 8 * len)), 0)
    } else {
        (word(start), word(start + 8) & (u64::MAX >> (128 - 8 * len)))
    }
}

/// A written form (≤ 16 bytes, packed) and its index key.
#[derive(Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    key: u64,
}

/// Written forms met so far → their word keys (folded id, exact id): an
/// open-addressing table of packed forms (an empty slot has `lo` 0: every
/// form starts with a non-zero byte), and a map for the longer ones.
pub(super) struct Forms {
    slots: Vec<Slot>,
    /// 64 − log2(slots.len()): a hash's top bits are its slot.
    shift: u32,
    used: usize,
    long: HashMap<Box<str>, u64, FastBuild>,
}

impl Default for Forms {
    fn default() -> Self {
        Forms {
            slots: vec![Slot::default(); 1 << 12],
            shift: 64 - 12,
            used: 0,
            long: HashMap::default(),
        }
    }
}

#[inline]
fn slot_of(lo: u64, hi: u64, shift: u32) -> usize {
    let h = (lo.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ hi).wrapping_mul(0xd6e8_feb8_6659_fd93);
    (h >> shift) as usize
}

impl Forms {
    /// The key of the word `text[start..end]`, `miss` making it when the
    /// form is new here.
    #[inline(always)]
    pub(super) fn key(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        miss: impl FnOnce(&str) -> u64,
    ) -> u64 {
        let len = end - start;
        if len > 16 {
            return self.long_key(&text[start..end], miss);
        }
        let (lo, hi) = packed(text.as_bytes(), start, len);
        let mask = self.slots.len() - 1;
        let mut i = slot_of(lo, hi, self.shift);
        loop {
            let s = self.slots[i];
            if s.lo == lo && s.hi == hi {
                return s.key;
            }
            if s.lo == 0 {
                break;
            }
            i = (i + 1) & mask;
        }
        let key = miss(&text[start..end]);
        self.insert(i, Slot { lo, hi, key });
        key
    }

    /// A form new here, into free slot `i`.
    #[inline(never)]
    fn insert(&mut self, i: usize, s: Slot) {
        self.slots[i] = s;
        self.used += 1;
        if self.used * 2 > self.slots.len() {
            self.grow();
        }
    }

    /// The key of a word longer than 16 bytes.
    #[inline(never)]
    fn long_key(&mut self, w: &str, miss: impl FnOnce(&str) -> u64) -> u64 {
        if let Some(&k) = self.long.get(w) {
            return k;
        }
        let k = miss(w);
        self.long.insert(Box::from(w), k);
        k
    }

    fn grow(&mut self) {
        let twice = vec![Slot::default(); self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, twice);
        self.shift -= 1;
        let mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|s| s.lo != 0) {
            let mut i = slot_of(s.lo, s.hi, self.shift);
            while self.slots[i].lo != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fold;
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        let mut out = Vec::new();
        each_word(t, |a, b| out.push(&t[a..b]));
        out
    }

    #[test]
    fn the_byte_scan_splits_as_fold_words_on_every_character() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let t = format!("a{c}b {c}{c}ệ{c} {c}");
            assert_eq!(
                split(&t),
                fold::words(&t).collect::<Vec<_>>(),
                "U+{:04X}",
                c as u32
            );
        }
        let long = "ệ".repeat(14);
        let t = format!("Một cửa, liên-thông (2024)! {long} x{long} ×÷ ª²");
        assert_eq!(split(&t), fold::words(&t).collect::<Vec<_>>());
    }

    #[test]
    fn forms_tell_apart_words_that_differ_only_in_length_or_late_bytes() {
        let words = [
            "a",
            "aa",
            "aaaaaaaa",
            "aaaaaaaaa",
            "trường",
            "trườn",
            "nghiêng",
            "nghiêngs",
            "0123456789abcdef",
            "0123456789abcdeg",
            "0123456789abcdefg",
            "0123456789abcdefh",
        ];
        let text = words.join(" ");
        let mut f = Forms::default();
        let mut made = 0u64;
        // Twice: the second pass must find every form, in whatever slot.
        for _ in 0..2 {
            let mut keys = Vec::new();
            each_word(&text, |a, b| {
                keys.push(f.key(&text, a, b, |w| {
                    made += 1;
                    words.iter().position(|x| *x == w).unwrap() as u64
                }))
            });
            assert_eq!(keys, (0..words.len() as u64).collect::<Vec<_>>());
        }
        assert_eq!(made, words.len() as u64);
    }

    #[test]
    fn forms_are_found_again_after_the_table_grows() {
        let words: Vec<String> = (0..20_000).map(|i| format!("w{i}")).collect();
        let text = words.join(" ");
        let mut f = Forms::default();
        for _ in 0..2 {
            let mut n = 0;
            each_word(&text, |a, b| {
                let k = f.key(&text, a, b, |w| w[1..].parse().unwrap());
                assert_eq!(k, n);
                n += 1;
            });
        }
    }
}
