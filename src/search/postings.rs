//! Postings as search.js reads them (`each` there): base-64 varints in one
//! JSON string, encoded as documents arrive (in document order), so a
//! key's postings take about a byte a document while the index is built.

/// The 64 digits of postings strings (safe in JSON and URLs).
pub const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `v` as base-64 digits, five bits each, lowest first; a digit ≥ 32 says
/// another follows.
pub fn varint(out: &mut String, mut v: u64) {
    while v >= 32 {
        out.push(DIGITS[(32 | (v & 31)) as usize] as char);
        v >>= 5;
    }
    out.push(DIGITS[v as usize] as char);
}

/// How a document holds a key: in its title, and how often in its body
/// (up to 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Weight {
    pub title: bool,
    pub body: u8,
}

/// One key's postings so far.
#[derive(Debug, Default)]
pub struct Postings {
    /// The last document added.
    last: u32,
    /// Documents added.
    pub count: u32,
    /// The encoded string.
    pub digits: String,
}

impl Postings {
    /// Add a document (after every one added before). A word's value is
    /// gap · 16 + 8 if in the title + body hits; a pair's (key "a b") is
    /// gap · 2 + 1 if in the title.
    pub fn push(&mut self, doc: u32, w: Weight, pair: bool) {
        let gap = u64::from(doc - self.last);
        let v = if pair {
            gap * 2 + u64::from(w.title)
        } else {
            gap * 16 + if w.title { 8 } else { 0 } + u64::from(w.body.min(7))
        };
        varint(&mut self.digits, v);
        self.last = doc;
        self.count += 1;
    }

    /// The documents and weights these postings hold, in order (what
    /// `push` was given; a pair's body hits are not kept: 0).
    pub fn decode(&self, pair: bool) -> Vec<(u32, Weight)> {
        let mut out = Vec::with_capacity(self.count as usize);
        let (mut v, mut shift, mut doc) = (0u64, 0u32, 0u32);
        for c in self.digits.bytes() {
            let d = digit_value(c);
            v |= (d & 31) << shift;
            if d & 32 != 0 {
                shift += 5;
                continue;
            }
            let w = if pair {
                doc += (v / 2) as u32;
                Weight {
                    title: v & 1 != 0,
                    body: 0,
                }
            } else {
                doc += (v / 16) as u32;
                Weight {
                    title: v & 8 != 0,
                    body: (v & 7) as u8,
                }
            };
            out.push((doc, w));
            (v, shift) = (0, 0);
        }
        out
    }
}

/// The value of one of `DIGITS`.
fn digit_value(c: u8) -> u64 {
    (match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        _ => 63,
    }) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What search.js's `each` does: the varints of a postings string.
    pub fn read_varints(s: &str) -> Vec<u64> {
        let (mut out, mut v, mut shift) = (Vec::new(), 0u64, 0);
        for c in s.bytes() {
            let d = DIGITS.iter().position(|&x| x == c).unwrap() as u64;
            v |= (d & 31) << shift;
            if d & 32 != 0 {
                shift += 5;
            } else {
                out.push(v);
                (v, shift) = (0, 0);
            }
        }
        out
    }

    fn w(title: bool, body: u8) -> Weight {
        Weight { title, body }
    }

    #[test]
    fn postings_are_gap_and_flags_in_base64_varints() {
        let mut p = Postings::default();
        for (d, wt) in [
            (0, w(true, 2)),
            (1, w(false, 1)),
            (40, w(true, 15)),
            (5000, w(false, 0)),
        ] {
            p.push(d, wt, false);
        }
        assert_eq!(
            read_varints(&p.digits),
            [8 + 2, 16 + 1, 39 * 16 + 8 + 7, 4960 * 16]
        );
        assert_eq!(&p.digits[..2], "KR", "one digit for a small gap");
        assert_eq!(p.count, 4);
        let mut q = Postings::default();
        q.push(3, w(true, 0), true);
        q.push(4, w(false, 1), true);
        assert_eq!(read_varints(&q.digits), [3 * 2 + 1, 2]);
    }

    #[test]
    fn decoded_postings_are_what_was_pushed() {
        let given = [
            (0, w(true, 2)),
            (1, w(false, 1)),
            (40, w(true, 7)),
            (5000, w(false, 0)),
        ];
        let mut p = Postings::default();
        for &(d, wt) in &given {
            p.push(d, wt, false);
        }
        assert_eq!(p.decode(false), given);
        let mut q = Postings::default();
        q.push(3, w(true, 4), true);
        q.push(70, w(false, 1), true);
        assert_eq!(q.decode(true), [(3, w(true, 0)), (70, w(false, 0))]);
        for (i, &c) in DIGITS.iter().enumerate() {
            assert_eq!(digit_value(c), i as u64);
        }
    }
}
