//! A document's keys counted as its words are found, each key once in the
//! output with its weight (title hit, body hits), in the order keys first
//! occur. A word key is marked by its exact id, which is dense (an index,
//! no hashing); a pair of words by an open-addressing table. Both are
//! reused from one document to the next: a mark or slot counts only when
//! its stamp is the document's.

use super::postings::Weight;

/// A key as one integer: a word (folded id << 32 | exact id), or a pair of
/// neighbouring words (two folded ids) with the top bit set.
pub const PAIR: u64 = 1 << 63;

/// Where a key of the current document is in the output.
#[derive(Clone, Copy, Default)]
struct Mark {
    stamp: u32,
    at: u32,
}

#[derive(Clone, Copy, Default)]
struct PairSlot {
    key: u64,
    mark: Mark,
}

pub(super) struct Counter {
    /// By exact id.
    words: Vec<Mark>,
    pairs: Vec<PairSlot>,
    /// 64 − log2(pairs.len()).
    shift: u32,
    /// The current document's (never 0, which no mark has when new).
    stamp: u32,
    /// Where the document's keys start in the output.
    from: usize,
}

impl Default for Counter {
    fn default() -> Self {
        Counter {
            words: Vec::new(),
            pairs: vec![PairSlot::default(); 1 << 10],
            shift: 64 - 10,
            stamp: 0,
            from: 0,
        }
    }
}

/// A key's first occurrence.
#[inline(always)]
fn first(out: &mut Vec<(u64, Weight)>, key: u64, title: bool) {
    out.push((
        key,
        Weight {
            title,
            body: u8::from(!title),
        },
    ));
}

/// A key's next occurrence, at `at` in the output.
#[inline(always)]
fn again(out: &mut [(u64, Weight)], at: u32, title: bool) {
    if let Some((_, wt)) = out.get_mut(at as usize) {
        if title {
            wt.title = true;
        } else {
            wt.body = (wt.body + 1).min(7);
        }
    }
}

impl Counter {
    /// A new document, whose keys go into `out` after its current end.
    pub(super) fn start(&mut self, out: &[(u64, Weight)]) {
        self.from = out.len();
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.words.fill(Mark::default());
            self.pairs.fill(PairSlot::default());
            self.stamp = 1;
        }
    }

    /// One occurrence of the word key `key` (folded id << 32 | exact id).
    #[inline(always)]
    pub(super) fn word(&mut self, out: &mut Vec<(u64, Weight)>, key: u64, title: bool) {
        let e = key as u32 as usize;
        if e >= self.words.len() {
            self.words.resize(e + 1 + e / 2, Mark::default());
        }
        let m = &mut self.words[e];
        if m.stamp == self.stamp {
            again(out, m.at, title);
        } else {
            *m = Mark {
                stamp: self.stamp,
                at: out.len() as u32,
            };
            first(out, key, title);
        }
    }

    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// One occurrence of the pair key `key`.
    #[inline(always)]
    pub(super) fn pair(&mut self, out: &mut Vec<(u64, Weight)>, key: u64, title: bool) {
        let mask = self.pairs.len() - 1;
        let mut i = self.slot(key);
        loop {
            let s = self.pairs[i];
            if s.mark.stamp != self.stamp {
                break;
            }
            if s.key == key {
                again(out, s.mark.at, title);
                return;
            }
            i = (i + 1) & mask;
        }
        self.pairs[i] = PairSlot {
            key,
            mark: Mark {
                stamp: self.stamp,
                at: out.len() as u32,
            },
        };
        first(out, key, title);
        if (out.len() - self.from) * 2 > self.pairs.len() {
            self.grow(out);
        }
    }

    /// Twice the pair slots, the document's pairs so far placed again
    /// (its keys in the output hold at most as many pairs as words).
    #[cold]
    fn grow(&mut self, out: &[(u64, Weight)]) {
        self.pairs = vec![PairSlot::default(); self.pairs.len() * 2];
        self.shift -= 1;
        let mask = self.pairs.len() - 1;
        for (at, &(key, _)) in out.iter().enumerate().skip(self.from) {
            if key & PAIR == 0 {
                continue;
            }
            let mut i = self.slot(key);
            while self.pairs[i].mark.stamp == self.stamp {
                i = (i + 1) & mask;
            }
            self.pairs[i] = PairSlot {
                key,
                mark: Mark {
                    stamp: self.stamp,
                    at: at as u32,
                },
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_counted_once_each_across_documents_and_growth() {
        let mut c = Counter::default();
        let mut out = Vec::new();
        for doc in 0..3u64 {
            c.start(&out);
            let from = out.len();
            // More pairs than the table first holds, each twice in the body.
            for round in 0..2 {
                for i in 0..5000u64 {
                    c.word(&mut out, (i << 32) | i, round == 0 && i == 7);
                    c.pair(&mut out, PAIR | (i << 31) | (i + doc), false);
                }
            }
            let mine = &out[from..];
            assert_eq!(mine.len(), 10_000, "document {doc}");
            let (w7, _) = mine.iter().find(|(k, _)| *k == (7 << 32) | 7).unwrap();
            assert_eq!(*w7, (7 << 32) | 7);
            for &(k, w) in mine {
                let in_title = k == (7 << 32) | 7;
                let want = Weight {
                    title: in_title,
                    body: if in_title { 1 } else { 2 },
                };
                assert_eq!(w, want, "document {doc}, key {k:x}");
            }
        }
    }
}
