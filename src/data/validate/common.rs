//! What every group of rules uses: the context that collects diagnostics,
//! positions, and the checks of single values (numbers, whole numbers,
//! required text, keys).

use crate::data::raw::{Key, RawNum};
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics, Msg};
use crate::load::yaml::{Spanned, col_of, line_of};
use crate::util::text::nfc_string;
use std::path::Path;

/// Line and column (1-based; 0 when unknown) of a value.
pub(super) type Pos = (usize, usize);

/// Where errors about a missing top-level key are reported.
pub(super) const TOP: Pos = (1, 0);

/// The file being validated and every violation found so far.
pub(super) struct Ctx<'a> {
    pub(super) file: &'a Path,
    pub(super) diags: Diagnostics,
}

pub(super) fn pos<T>(s: &Spanned<T>) -> Pos {
    (line_of(s), col_of(s))
}

/// The position of `s`, or `fallback` when the parser gave it none (flow
/// sequences do not locate their items).
pub(super) fn pos_or<T>(s: &Spanned<T>, fallback: Pos) -> Pos {
    if line_of(s) > 0 { pos(s) } else { fallback }
}

impl<'a> Ctx<'a> {
    pub(super) fn new(file: &'a Path) -> Self {
        Ctx {
            file,
            diags: Diagnostics::new(),
        }
    }

    pub(super) fn err(
        &mut self,
        (line, col): Pos,
        msg: impl Into<crate::diag::Text>,
        hint: impl Into<crate::diag::Text>,
    ) {
        self.diags.push(
            Diagnostic::error(codes::DATA, self.file, msg)
                .at(line, col)
                .hint(hint),
        );
    }

    /// A number or null; `None` when the value is not a number (reported).
    pub(super) fn num(&mut self, s: &Spanned<RawNum>, what: &str) -> Option<Option<f64>> {
        match &s.value {
            RawNum::Num(v) if v.is_finite() => Some(Some(*v)),
            RawNum::Num(_) => {
                self.err(
                    pos(s),
                    msg!(m::DV_NOT_FINITE, what = what),
                    msg!(m::DV_NOT_FINITE_HINT),
                );
                None
            }
            RawNum::Null => Some(None),
            RawNum::Text(t) => {
                self.err(
                    pos(s),
                    msg!(m::DV_TEXT_NOT_NUMBER, what = what, text = t),
                    number_hint(t),
                );
                None
            }
            RawNum::Bool(b) => {
                self.err(
                    pos(s),
                    msg!(m::DV_BOOL_NOT_NUMBER, what = what, value = b.to_string()),
                    msg!(m::DV_BOOL_HINT),
                );
                None
            }
        }
    }

    /// A number that may not be null.
    pub(super) fn req_num(&mut self, s: &Spanned<RawNum>, what: &str) -> Option<f64> {
        match self.num(s, what)? {
            Some(v) => Some(v),
            None => {
                self.err(pos(s), msg!(m::DV_NULL, what = what), msg!(m::DV_NULL_HINT));
                None
            }
        }
    }

    /// A whole number in `lo..=hi` (not null).
    pub(super) fn int(&mut self, s: &Spanned<RawNum>, what: &str, lo: i64, hi: i64) -> Option<i64> {
        let v = self.req_num(s, what)?;
        if v.fract() != 0.0 || v < lo as f64 || v > hi as f64 {
            self.err(
                pos(s),
                msg!(
                    m::DV_NOT_WHOLE,
                    what = what,
                    value = m::text(v),
                    lo = lo,
                    hi = hi
                ),
                msg!(m::DV_NOT_WHOLE_HINT, lo = lo, hi = hi),
            );
            return None;
        }
        Some(v as i64)
    }

    /// A required, non-empty text value, trimmed and NFC-normalised.
    pub(super) fn text(
        &mut self,
        s: Option<Spanned<String>>,
        at: Pos,
        what: &str,
        hint: Msg,
    ) -> Option<String> {
        match s {
            None => {
                self.err(at, msg!(m::DV_MISSING_KEY, key = what), hint);
                None
            }
            Some(s) => self.nonempty(s, what, hint),
        }
    }

    pub(super) fn nonempty(&mut self, s: Spanned<String>, what: &str, hint: Msg) -> Option<String> {
        let t = s.value.trim();
        if t.is_empty() {
            self.err(pos(&s), msg!(m::DV_EMPTY, key = what), hint);
            None
        } else {
            Some(nfc_string(t.to_string()))
        }
    }
}

/// Optional free text (description, note, methodology): trimmed,
/// NFC-normalised, `None` when empty.
pub(super) fn optional_text(s: Option<String>) -> Option<String> {
    s.map(|t| nfc_string(t.trim().to_string()))
        .filter(|t| !t.is_empty())
}

/// What to write instead of a number given as text: `"72,10"` → `72.10`.
pub(super) fn number_hint(t: &str) -> Msg {
    let t: String = t
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let candidate = if t.contains(',') {
        // Vietnamese style: dot groups thousands, comma marks decimals.
        t.replace('.', "").replace(',', ".")
    } else {
        t.clone()
    };
    let plain = !candidate.is_empty()
        && candidate
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && candidate.parse::<f64>().is_ok_and(f64::is_finite);
    if plain {
        msg!(m::DV_NUMBER_HINT, number = candidate)
    } else {
        msg!(m::DV_NUMBER_ANY_HINT)
    }
}

/// At most 20 keys, comma-separated, for hints.
pub(super) fn list_keys<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<&str> = keys.collect();
    if v.is_empty() {
        return "—".to_string();
    }
    let mut s = v.iter().take(20).copied().collect::<Vec<_>>().join(", ");
    if v.len() > 20 {
        s.push_str(", …");
    }
    s
}

/// A unit or field key, NFC-normalised.
pub(super) fn key_text(k: &Spanned<Key>) -> String {
    nfc_string(k.value.0.clone())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use serde::de::DeserializeOwned;

    /// Spanned values as the parser gives them, e.g. `yaml("- 1\n- 2\n")`.
    pub(in crate::data::validate) fn yaml<T: DeserializeOwned>(src: &str) -> T {
        crate::load::yaml::parse(src, Path::new("t.yaml"), 0).unwrap()
    }

    pub(in crate::data::validate) fn messages(cx: &Ctx) -> Vec<String> {
        cx.diags.iter().map(|d| d.message.to_string()).collect()
    }

    pub(in crate::data::validate) fn lines(cx: &Ctx) -> Vec<usize> {
        cx.diags.iter().map(|d| d.line).collect()
    }

    #[test]
    fn quoted_number_and_thousands_are_explained() {
        assert!(number_hint("72.10").contains("write 72.10 without quotes"));
        assert!(number_hint("1.234,5").contains("write 1234.5"));
        assert!(number_hint("n/a").contains("null"));
    }

    #[test]
    fn num_accepts_numbers_and_null_and_explains_the_rest() {
        let v: Vec<Spanned<RawNum>> = yaml("- 7.5\n- null\n- \"72,10\"\n- true\n");
        let mut cx = Ctx::new(Path::new("t.yaml"));
        assert_eq!(cx.num(&v[0], "total"), Some(Some(7.5)));
        assert_eq!(cx.num(&v[1], "total"), Some(None));
        assert!(cx.diags.is_empty());
        assert_eq!(cx.num(&v[2], "total"), None);
        assert_eq!(cx.num(&v[3], "total"), None);
        assert_eq!(lines(&cx), [3, 4]);
        assert_eq!(
            messages(&cx),
            [
                "total is text (\"72,10\"), not a number",
                "total is `true`, not a number",
            ]
        );
        let hint = cx.diags.iter().next().unwrap().hint.clone().unwrap();
        assert!(hint.contains("write 72.10"), "{hint}");
    }

    #[test]
    fn int_wants_a_whole_number_in_range_and_not_null() {
        let v: Vec<Spanned<RawNum>> = yaml("- 3\n- 1.5\n- 0\n- null\n");
        let mut cx = Ctx::new(Path::new("t.yaml"));
        assert_eq!(cx.int(&v[0], "rank", 1, 9), Some(3));
        assert_eq!(cx.int(&v[1], "rank", 1, 9), None);
        assert_eq!(cx.int(&v[2], "rank", 1, 9), None);
        assert_eq!(cx.int(&v[3], "rank", 1, 9), None);
        assert_eq!(
            messages(&cx),
            [
                "rank is 1.5; it must be a whole number from 1 to 9",
                "rank is 0; it must be a whole number from 1 to 9",
                "rank cannot be null",
            ]
        );
        assert_eq!(lines(&cx), [2, 3, 4]);
    }

    #[test]
    fn text_is_required_trimmed_and_nfc() {
        // "Hồ" written as a base letter and combining marks.
        let v: Vec<Spanned<String>> = yaml("- \"  Ho\\u0302\\u0300 \"\n- \"  \"\n");
        let mut v = v.into_iter();
        let mut cx = Ctx::new(Path::new("t.yaml"));
        assert_eq!(
            cx.text(v.next(), TOP, "name", msg!(m::DV_NULL_HINT)),
            Some("Hồ".to_string())
        );
        assert_eq!(cx.text(None, (7, 3), "name", msg!(m::DV_NULL_HINT)), None);
        assert_eq!(cx.text(v.next(), TOP, "name", msg!(m::DV_NULL_HINT)), None);
        assert_eq!(
            messages(&cx),
            ["missing required key `name`", "`name` is empty"]
        );
        assert_eq!(lines(&cx), [7, 2]);
    }

    #[test]
    fn list_keys_shows_at_most_twenty() {
        assert_eq!(list_keys(std::iter::empty()), "—");
        let keys: Vec<String> = (1..=21).map(|i| i.to_string()).collect();
        let s = list_keys(keys.iter().map(String::as_str));
        assert!(s.starts_with("1, 2, ") && s.ends_with("19, 20, …"), "{s}");
    }
}
