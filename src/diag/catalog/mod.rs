//! The one catalogue of everything chiso says, in English and Vietnamese.
//!
//! Each entry is a `const` [`Entry`] with a stable key and both texts; a
//! `{name}` in a text is a named argument. [`msg!`](crate::msg) builds a
//! [`Msg`] (entry + arguments) and checks at compile time that the
//! arguments given are exactly the entry's placeholders in both languages.
//! A `Msg` is rendered when it is reported, in the language asked for, so one
//! diagnostic prints in Vietnamese and still gives its English text to
//! `--format json` (`message_en`). The tables live beside this file, one per
//! stage: load, data, render, output, import, cli. How to add a message:
//! ARCHITECTURE.md.

/// Declare catalogue entries: `NAME "key" { en: "…", vi: "…" }`. Each table
/// also lists its entries in `ENTRIES` for the completeness tests.
macro_rules! messages {
    ($($name:ident $key:literal { en: $en:literal, vi: $vi:literal $(,)? })*) => {
        $(pub const $name: $crate::diag::catalog::Entry =
            $crate::diag::catalog::Entry { key: $key, en: $en, vi: $vi };)*
        pub(super) const ENTRIES: &[&$crate::diag::catalog::Entry] = &[$(&$name),*];
    };
}

/// Build a [`Msg`]: `msg!(LINK_BROKEN, url = l.url)`. The argument names
/// must be exactly the entry's `{placeholders}`, in both languages: a
/// mismatch does not compile.
macro_rules! msg {
    ($entry:path $(, $name:ident = $val:expr)* $(,)?) => {{
        const _: () = $crate::diag::catalog::check_args(&$entry, &[$(stringify!($name)),*]);
        $crate::diag::catalog::Msg::new(
            &$entry,
            vec![$((stringify!($name), $crate::diag::catalog::IntoArg::into_arg($val))),*],
        )
    }};
}
pub(crate) use msg;

mod cli;
mod data;
mod editors;
mod images;
mod import;
mod index_panel;
mod injection;
mod load;
mod output;
mod portal;
mod reform;
mod render;
mod trust;
mod usage_words;

pub use cli::*;
pub use data::*;
pub use editors::*;
pub use images::*;
pub use import::*;
pub use index_panel::*;
pub use injection::*;
pub use load::*;
pub use output::*;
pub use portal::*;
pub use reform::*;
pub use render::*;
pub use trust::*;
pub use usage_words::*;

use crate::diag::lang::Lang;
use std::path::{Path, PathBuf};

/// One message of the catalogue.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entry {
    pub key: &'static str,
    pub en: &'static str,
    pub vi: &'static str,
}

impl Entry {
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Vi => self.vi,
        }
    }
}

/// An argument of a message: text shown as it is, a number written the
/// language's way, or another message (rendered in the same language).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    Int(i64),
    Msg(Msg),
    /// A library's own English detail (a YAML parser's, a date parser's):
    /// shown in English, left out in other languages.
    EnOnly(String),
    /// A library's phrase and its Vietnamese (YAML type names): `both`.
    Both(String, String),
}

/// A message with its arguments, rendered in a language when reported.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Msg {
    entry: &'static Entry,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(entry: &'static Entry, args: Vec<(&'static str, Arg)>) -> Self {
        Msg { entry, args }
    }

    pub fn key(&self) -> &'static str {
        self.entry.key
    }

    /// The text in `lang`, every `{name}` replaced by its argument.
    pub fn render(&self, lang: Lang) -> String {
        let tpl = self.entry.text(lang);
        let mut out = String::with_capacity(tpl.len() + 16);
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            match placeholder(after.as_bytes()) {
                Some(n) => {
                    let name = &after[..n];
                    match self.args.iter().find(|(k, _)| *k == name) {
                        Some((_, Arg::Int(v))) if is_identifier(name) => {
                            out.push_str(&v.to_string())
                        }
                        Some((_, a)) => a.render_into(lang, &mut out),
                        None => out.push_str(&rest[i..i + n + 2]),
                    }
                    rest = &after[n + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// The English text (tests, logs); reports use `render`.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl Msg {
    /// Whether the English text contains `s` (tests).
    pub fn contains(&self, s: &str) -> bool {
        self.render(Lang::En).contains(s)
    }
}

impl Arg {
    fn render_into(&self, lang: Lang, out: &mut String) {
        match self {
            Arg::Text(t) => out.push_str(t),
            Arg::Int(n) => out.push_str(&int(*n, lang)),
            Arg::Msg(m) => out.push_str(&m.render(lang)),
            Arg::EnOnly(t) if lang == Lang::En => out.push_str(t),
            Arg::EnOnly(_) => {}
            Arg::Both(en, _) if lang == Lang::En => out.push_str(en),
            Arg::Both(_, vi) => out.push_str(vi),
        }
    }
}

/// Placeholders whose numbers name something rather than count it: a port,
/// a year, a line or column, a code point, a version. They are written as
/// plain digits in every language (`:18437`, `2023`, `dòng 1234`), never
/// grouped like a quantity (`1.234`).
pub const IDENTIFIER_ARGS: &[&str] = &[
    "port", "year", "named", "first", "line", "col", "column", "row", "code", "version",
];

fn is_identifier(name: &str) -> bool {
    IDENTIFIER_ARGS.contains(&name)
}

/// A whole number the language's way: `1234` in English (as chiso always
/// printed it), `1.234` in Vietnamese.
pub fn int(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    if lang == Lang::En || digits.len() <= 3 {
        return n.to_string();
    }
    let mut s = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            s.push('.');
        }
        s.push(c);
    }
    if n < 0 { format!("-{s}") } else { s }
}

/// A decimal with `places` digits: `0.71` / `0,71`.
pub fn dec(v: f64, places: usize, lang: Lang) -> String {
    let s = format!("{v:.places$}");
    match lang {
        Lang::En => s,
        Lang::Vi => {
            let (i, f) = s.split_once('.').unwrap_or((&s, ""));
            let i = int(i.parse().unwrap_or(0), lang);
            if f.is_empty() { i } else { format!("{i},{f}") }
        }
    }
}

/// What may be passed as an argument of `msg!`.
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl IntoArg for Msg {
    fn into_arg(self) -> Arg {
        Arg::Msg(self)
    }
}
impl IntoArg for String {
    fn into_arg(self) -> Arg {
        Arg::Text(self)
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> Arg {
        Arg::Text(self.clone())
    }
}
impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}
impl IntoArg for &&str {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}
impl IntoArg for char {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}
impl IntoArg for &Path {
    fn into_arg(self) -> Arg {
        Arg::Text(self.display().to_string())
    }
}
impl IntoArg for &PathBuf {
    fn into_arg(self) -> Arg {
        Arg::Text(self.display().to_string())
    }
}
impl IntoArg for std::path::Display<'_> {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}
impl IntoArg for &std::io::Error {
    fn into_arg(self) -> Arg {
        Arg::Msg(crate::diag::catalog::io_reason(self))
    }
}
impl IntoArg for std::io::Error {
    fn into_arg(self) -> Arg {
        Arg::Msg(crate::diag::catalog::io_reason(&self))
    }
}
macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                Arg::Int(self as i64)
            }
        }
    )*};
}
int_args!(usize, u64, u32, u16, u8, i64, i32);

/// Text that is not a message (a number with decimals, a value quoted from
/// the input) as an argument.
pub fn text(t: impl std::fmt::Display) -> Arg {
    Arg::Text(t.to_string())
}
/// A library's English detail, shown only in English: write `: {detail}`
/// in the English text and `{detail}` where nothing is lost in Vietnamese.
pub fn en_only(t: impl std::fmt::Display) -> Arg {
    Arg::EnOnly(t.to_string())
}

/// A phrase of a library's message with its Vietnamese.
pub fn both(en: impl Into<String>, vi: impl Into<String>) -> Arg {
    Arg::Both(en.into(), vi.into())
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

/// An I/O error's reason in words (the OS's own text is English).
pub fn io_reason(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    let what = match e.kind() {
        K::NotFound => msg!(IO_NOT_FOUND),
        K::PermissionDenied => msg!(IO_PERMISSION),
        K::AlreadyExists => msg!(IO_EXISTS),
        K::StorageFull => msg!(IO_FULL),
        K::AddrInUse => msg!(IO_ADDR_IN_USE),
        K::AddrNotAvailable => msg!(IO_ADDR_NOT_AVAILABLE),
        K::IsADirectory => msg!(IO_IS_DIR),
        K::NotADirectory => msg!(IO_NOT_DIR),
        K::ReadOnlyFilesystem => msg!(IO_READ_ONLY),
        K::ResourceBusy => msg!(TRUST_IO_R_BUSY),
        K::CrossesDevices => msg!(TRUST_IO_R_XDEV),
        K::InvalidFilename => msg!(TRUST_IO_R_NAME_TOO_LONG),
        K::QuotaExceeded => msg!(TRUST_IO_R_QUOTA),
        _ if is_loop(e) => msg!(TRUST_IO_R_LOOP),
        _ => return msg!(IO_OTHER, detail = e.to_string()),
    };
    // The words say what happened; the OS's number stays for whoever helps.
    match e.raw_os_error() {
        Some(code) => msg!(IO_OS_CODE, what = what, code = code),
        None => what,
    }
}

/// Where an I/O error happened, for its hint: the output folder (where a
/// mount point or another file system has advice of its own), or anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoPlace {
    Output,
    Other,
}

/// Whether `e` is ELOOP (std gives it no stable kind).
pub fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// The hint for an I/O error by its real cause; `fallback` for any other.
/// Only a full disk or quota speaks of disk space (a mount point, a
/// read-only or another file system once all said "check free disk space").
pub fn io_hint(e: &std::io::Error, place: IoPlace, fallback: Msg) -> Msg {
    use std::io::ErrorKind as K;
    let out = place == IoPlace::Output;
    if is_loop(e) {
        return msg!(TRUST_IO_LOOP_HINT);
    }
    match e.kind() {
        K::StorageFull | K::QuotaExceeded => msg!(TRUST_IO_FULL_HINT),
        K::ResourceBusy if out => msg!(TRUST_IO_BUSY_HINT),
        K::ResourceBusy => msg!(TRUST_IO_BUSY_ANY_HINT),
        K::ReadOnlyFilesystem if out => msg!(TRUST_IO_READONLY_HINT),
        K::ReadOnlyFilesystem => msg!(TRUST_IO_READONLY_ANY_HINT),
        K::PermissionDenied if out => msg!(TRUST_IO_PERMISSION_HINT),
        K::PermissionDenied => msg!(TRUST_IO_PERMISSION_ANY_HINT),
        K::CrossesDevices if out => msg!(TRUST_IO_XDEV_HINT),
        K::CrossesDevices => msg!(TRUST_IO_XDEV_ANY_HINT),
        K::InvalidFilename => msg!(TRUST_IO_NAME_TOO_LONG_HINT),
        K::NotFound => msg!(TRUST_IO_NOT_FOUND_HINT),
        _ => fallback,
    }
}

/// Length of the placeholder name at the start of `b` (after a `{`), when
/// `b` starts with `[a-z_][a-z0-9_]*}`.
const fn placeholder(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let ok = c.is_ascii_lowercase() || c == b'_' || (i > 0 && c.is_ascii_digit());
        if c == b'}' && i > 0 {
            return Some(i);
        }
        if !ok {
            return None;
        }
        i += 1;
    }
    None
}

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `name` is a placeholder of `tpl`.
const fn has(tpl: &str, name: &str) -> bool {
    let b = tpl.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            let (_, after) = b.split_at(i + 1);
            if let Some(n) = placeholder(after) {
                let (p, _) = after.split_at(n);
                if eq(p, name.as_bytes()) {
                    return true;
                }
            }
        }
        i += 1;
    }
    false
}

/// Whether every placeholder of `tpl` is in `names`.
const fn only(tpl: &str, names: &[&str]) -> bool {
    let b = tpl.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            let (_, after) = b.split_at(i + 1);
            if let Some(n) = placeholder(after) {
                let (p, _) = after.split_at(n);
                let mut found = false;
                let mut j = 0;
                while j < names.len() {
                    if eq(p, names[j].as_bytes()) {
                        found = true;
                    }
                    j += 1;
                }
                if !found {
                    return false;
                }
            }
        }
        i += 1;
    }
    true
}

/// Compile-time check of `msg!`: the names given are exactly the
/// placeholders of both texts.
pub const fn check_args(e: &Entry, names: &[&str]) {
    let mut j = 0;
    while j < names.len() {
        assert!(
            has(e.en, names[j]),
            "an argument is not a placeholder of the English text"
        );
        assert!(
            has(e.vi, names[j]),
            "an argument is not a placeholder of the Vietnamese text"
        );
        j += 1;
    }
    assert!(
        only(e.en, names),
        "the English text has a placeholder no argument fills"
    );
    assert!(
        only(e.vi, names),
        "the Vietnamese text has a placeholder no argument fills"
    );
}

/// Every entry of every table, for the completeness tests.
pub fn all() -> Vec<&'static Entry> {
    [
        load::ENTRIES,
        data::ENTRIES,
        render::ENTRIES,
        images::ENTRIES,
        output::ENTRIES,
        portal::ENTRIES,
        import::ENTRIES,
        injection::ENTRIES,
        cli::ENTRIES,
        reform::ENTRIES,
        trust::ENTRIES,
        editors::ENTRIES,
        index_panel::ENTRIES,
        usage_words::ENTRIES,
    ]
    .concat()
}

/// The placeholders of a text, in order (for tests).
pub fn placeholders(tpl: &str) -> Vec<&str> {
    let mut v = Vec::new();
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        if let Some(n) = placeholder(after.as_bytes()) {
            v.push(&after[..n]);
            rest = &after[n + 1..];
        } else {
            rest = after;
        }
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// The words of an output step, by its English (`output::swap::io`).
pub fn step(en: &str) -> Option<&'static Entry> {
    output::ENTRIES
        .iter()
        .copied()
        .find(|e| e.key.starts_with("do.") && e.en == en)
}

/// The entry with this key (the CLI's help texts are looked up by key).
pub fn find(key: &str) -> Option<&'static Entry> {
    all().into_iter().find(|e| e.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_key_is_unique_and_has_both_languages() {
        let mut seen = BTreeSet::new();
        for e in all() {
            assert!(seen.insert(e.key), "key {} twice", e.key);
            assert!(!e.en.trim().is_empty(), "{} has no English", e.key);
            assert!(!e.vi.trim().is_empty(), "{} has no Vietnamese", e.key);
        }
    }

    #[test]
    fn each_language_has_the_same_arguments() {
        for e in all() {
            assert_eq!(placeholders(e.en), placeholders(e.vi), "{}", e.key);
        }
    }

    #[test]
    fn vietnamese_text_differs_from_english() {
        // A copy of the English in the vi column is an untranslated message.
        for e in all() {
            let mut words = e.en.to_string();
            for p in placeholders(e.en) {
                words = words.replace(&format!("{{{p}}}"), "");
            }
            let only_code = words
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase());
            assert!(e.en != e.vi || only_code, "{} is not translated", e.key);
        }
    }

    #[test]
    fn numbers_are_written_the_vietnamese_way() {
        assert_eq!(int(1234, Lang::Vi), "1.234");
        assert_eq!(int(1234567, Lang::Vi), "1.234.567");
        assert_eq!(int(1234, Lang::En), "1234");
        assert_eq!(dec(0.714, 2, Lang::Vi), "0,71");
        assert_eq!(dec(1234.5, 1, Lang::Vi), "1.234,5");
        assert_eq!(dec(0.714, 2, Lang::En), "0.71");
    }

    #[test]
    fn arguments_fill_placeholders_and_braces_stay() {
        let m = msg!(IO_OTHER, detail = "x");
        assert_eq!(m.render(Lang::En), IO_OTHER.en.replace("{detail}", "x"));
        let m = msg!(SHORTCODE_MALFORMED_HINT);
        assert!(m.render(Lang::Vi).contains("{{ chart("));
    }
}

#[cfg(test)]
#[path = "io_hint_tests.rs"]
mod io_hint_tests;
