//! Which language chiso speaks: `--lang`, else `CHISO_LANG`, else the
//! `language` written in site.yaml, else the locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`), else English. The site's choice beats the locale because district
//! offices run English Windows and CI runs with `C`: a site that says
//! `language: vi` speaks Vietnamese on every machine. `main.rs` resolves it once and `set`s it; every
//! report (diagnostics, summaries, help, the serve overlay) reads `current`.

use std::sync::atomic::{AtomicU8, Ordering};

/// A language of chiso's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    /// `vi`, `vi-VN`, `vi_VN.UTF-8` → Vi; `en…` → En; anything else: None.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("vi") {
            Some(Lang::Vi)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }
}

/// The locale's language: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
/// is set and not empty decides, as POSIX orders them. `C`, `POSIX` and
/// other languages than vi and en name no choice (None), so that a CI
/// machine's `C.UTF-8` still lets the site's language speak.
pub fn from_locale(var: &dyn Fn(&str) -> Option<String>) -> Option<Lang> {
    let v = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| var(k).filter(|v| !v.trim().is_empty()))?;
    if v.to_ascii_lowercase().starts_with("vi") {
        Some(Lang::Vi)
    } else if v.to_ascii_lowercase().starts_with("en") {
        Some(Lang::En)
    } else {
        None
    }
}

/// The whole precedence: `--lang`, `CHISO_LANG`, the site's `language`, the
/// locale, English. `var` reads the environment (a parameter for tests).
pub fn resolve(
    flag: Option<&str>,
    var: &dyn Fn(&str) -> Option<String>,
    site_language: Option<&str>,
) -> Lang {
    flag.and_then(Lang::parse)
        .or_else(|| var("CHISO_LANG").as_deref().and_then(Lang::parse))
        .or_else(|| site_language.and_then(Lang::parse))
        .or_else(|| from_locale(var))
        .unwrap_or_default()
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Set the language of this process's reports (main.rs, once).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language reports are printed in (English until `set`).
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Vi,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn flag_beats_chiso_lang_beats_site_beats_locale() {
        let all = env(&[("CHISO_LANG", "en"), ("LANG", "vi_VN.UTF-8")]);
        assert_eq!(resolve(Some("vi"), &all, Some("en")), Lang::Vi);
        assert_eq!(resolve(None, &all, Some("vi")), Lang::En);
        let locale = env(&[("LANG", "vi_VN.UTF-8")]);
        assert_eq!(resolve(None, &locale, Some("en")), Lang::En);
        assert_eq!(resolve(None, &locale, None), Lang::Vi);
        let english_windows = env(&[("LANG", "en_US.UTF-8")]);
        assert_eq!(resolve(None, &english_windows, Some("vi")), Lang::Vi);
        let c = env(&[("LANG", "C.UTF-8")]);
        assert_eq!(resolve(None, &c, Some("vi")), Lang::Vi);
        assert_eq!(resolve(None, &c, None), Lang::En);
        assert_eq!(resolve(None, &env(&[]), None), Lang::En);
    }

    #[test]
    fn lc_all_beats_lc_messages_beats_lang() {
        let e = env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "vi_VN.UTF-8")]);
        assert_eq!(from_locale(&e), Some(Lang::En));
        let e = env(&[("LC_ALL", ""), ("LC_MESSAGES", "vi_VN"), ("LANG", "en_US")]);
        assert_eq!(from_locale(&e), Some(Lang::Vi));
    }
}
