//! Checks of site.yaml values that need nothing else of config.rs, each at
//! its line: the base URL, the time zone, `keep_in_output` names.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{self, Spanned};
use std::path::Path;

pub const FILE: &str = "content/site.yaml";

/// A `keep_in_output` entry: one plain top-level name, not chiso's own.
pub fn valid_keep_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && !name.starts_with(".chiso-")
}

/// What a path may hold in a base URL, an alias or a redirect file: ASCII
/// letters and digits, `/`, `-`, `_`, `.`, `~`. Nothing a redirect file's
/// syntax treats specially (`;`, `{`, `}`, `$`, quotes, spaces, newlines)
/// and nothing a URL would need to percent-encode.
pub fn plain_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.' | '~')
}

/// What is wrong with a base URL, if anything: it must be `http(s)://`, a
/// host, then a plain path (no `..`, query, fragment or character outside
/// [`plain_path_char`]). The value is checked after YAML unescaping, as
/// written (the URL parser would drop a tab or a newline without a word),
/// and then parsed as a URL.
fn base_url_problem(url: &str) -> Option<crate::diag::Msg> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else {
        return Some(msg!(m::URL_NOT_ABSOLUTE));
    };
    if url.chars().any(|c| {
        c.is_control()
            || c.is_whitespace()
            || matches!(c, '"' | '<' | '>' | '\'' | '\\' | '?' | '#')
    }) {
        return Some(msg!(m::URL_BAD_CHARS));
    }
    let Ok(parsed) = url::Url::parse(url) else {
        return Some(msg!(m::URL_NO_HOST));
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Some(msg!(m::URL_USERINFO));
    }
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host_ok = !host.is_empty()
        && parsed.host_str().is_some_and(|h| !h.is_empty())
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !host_ok {
        return Some(msg!(m::URL_NO_HOST));
    }
    if !path.chars().all(plain_path_char) {
        return Some(msg!(m::URL_PATH_CHARS));
    }
    if path.split('/').any(|seg| seg == ".." || seg == ".") {
        return Some(msg!(m::URL_DOTS));
    }
    None
}

/// site.yaml's `base_url`, or `--base-url`; always ends with `/`.
pub(super) fn base_url(
    written: &Spanned<String>,
    flag: Option<&str>,
    diags: &mut Diagnostics,
) -> String {
    let mut base_url = flag
        .map(str::to_string)
        .unwrap_or_else(|| written.value.trim().to_string());
    if let Some(problem) = base_url_problem(&base_url) {
        // Shown with its control characters escaped: a newline or an ESC
        // must not reach the terminal or split the report's line.
        let shown = base_url.escape_debug().to_string();
        // The flag's value is not in site.yaml: say where it came from.
        let d = if flag.is_some() {
            Diagnostic::error(
                codes::BAD_URL,
                "--base-url",
                msg!(m::CONFIG_BASE_URL_FLAG, url = &shown, problem = problem),
            )
        } else {
            Diagnostic::error(
                codes::BAD_URL,
                FILE,
                msg!(m::CONFIG_BASE_URL, url = &shown, problem = problem),
            )
            .at(yaml::line_of(written), yaml::col_of(written))
        };
        diags.push(d.hint(msg!(m::CONFIG_BASE_URL_HINT)));
    }
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    base_url
}

pub(super) fn timezone(
    tz: &Spanned<String>,
    diags: &mut Diagnostics,
) -> Option<jiff::tz::TimeZone> {
    crate::util::dates::time_zone(tz.value.trim())
        .map_err(|e| {
            diags.push(
                Diagnostic::error(
                    codes::YAML,
                    FILE,
                    msg!(
                        m::CONFIG_TIMEZONE,
                        zone = tz.value.trim(),
                        detail = m::en_only(e)
                    ),
                )
                .at(yaml::line_of(tz), yaml::col_of(tz))
                .hint(msg!(m::CONFIG_TIMEZONE_HINT)),
            )
        })
        .ok()
}

pub(super) fn check_keep(keep: &[Spanned<String>], diags: &mut Diagnostics) -> Vec<String> {
    let rel = Path::new(FILE);
    let mut names: Vec<String> = Vec::new();
    for k in keep {
        if !valid_keep_name(&k.value) {
            diags.push(
                Diagnostic::error(codes::YAML, rel, msg!(m::CONFIG_KEEP, name = &k.value))
                    .at(yaml::line_of(k), yaml::col_of(k))
                    .hint(msg!(m::CONFIG_KEEP_HINT)),
            );
        } else if k.value == crate::load::images_config::PHOTO_DIR {
            diags.push(
                Diagnostic::error(
                    codes::YAML,
                    rel,
                    msg!(m::CONFIG_KEEP_PHOTOS, name = &k.value),
                )
                .at(yaml::line_of(k), yaml::col_of(k))
                .hint(msg!(m::CONFIG_KEEP_PHOTOS_HINT)),
            );
        } else if !names.contains(&k.value) {
            names.push(k.value.clone());
        }
    }
    names
}

/// `path` made absolute against `root` with `.` and `..` resolved, through
/// the real path of its deepest existing folder (a link is seen for what
/// it is).
fn real_path(root: &Path, path: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let joined = root.join(path);
    let mut out = std::path::PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    let mut rest = Vec::new();
    let mut base = out.clone();
    loop {
        if let Ok(real) = base.canonicalize() {
            return rest
                .iter()
                .rev()
                .fold(real, |p, c: &std::ffi::OsString| p.join(c));
        }
        match (base.file_name().map(|n| n.to_os_string()), base.parent()) {
            (Some(n), Some(parent)) => {
                rest.push(n);
                base = parent.to_path_buf();
            }
            _ => return out,
        }
    }
}

/// Which of the site's own folders `cache` (resolved) would be, if any:
/// the root or a folder above it, or inside `content/`, `themes/` or the
/// default output. Each entry of a cache is pruned once unused; there it
/// would meet the user's files (`cache_dir: "."` once removed a photo
/// folder of the user's).
pub fn cache_dir_clash(
    root: &Path,
    cache: &Path,
    output: &Path,
) -> Option<&'static crate::diag::catalog::Entry> {
    let root = real_path(
        Path::new("/"),
        &real_path(&std::env::current_dir().unwrap_or_default(), root),
    );
    let cache = real_path(&root, cache);
    let output = real_path(&root, output);
    if root.starts_with(&cache) {
        Some(&m::TRUST_PLACE_ROOT)
    } else if cache.starts_with(root.join("content")) {
        Some(&m::TRUST_PLACE_CONTENT)
    } else if cache.starts_with(root.join("themes")) {
        Some(&m::TRUST_PLACE_THEMES)
    } else if cache.starts_with(&output) || output.starts_with(&cache) {
        Some(&m::TRUST_PLACE_OUTPUT)
    } else {
        None
    }
}

/// site.yaml's `cache_dir`, at its line (see [`cache_dir_clash`]).
pub(super) fn check_cache_dir(
    given: Option<&Spanned<String>>,
    root: &Path,
    diags: &mut Diagnostics,
) {
    let Some(given) = given.filter(|g| !g.value.trim().is_empty()) else {
        return;
    };
    let dir = given.value.trim();
    if let Some(place) = cache_dir_clash(root, Path::new(dir), Path::new("output")) {
        diags.push(
            Diagnostic::error(
                codes::CACHE_DIR,
                FILE,
                msg!(
                    m::TRUST_CACHE_DIR,
                    dir = dir,
                    place = crate::diag::Msg::new(place, Vec::new())
                ),
            )
            .at(yaml::line_of(given), yaml::col_of(given))
            .hint(msg!(m::TRUST_CACHE_DIR_HINT)),
        );
    }
}
#[cfg(test)]
mod tests {
    use super::base_url_problem;

    #[test]
    fn a_base_url_path_holds_nothing_a_redirect_file_treats_specially() {
        for bad in [
            "https://x.example/a\nserver{listen 80;}",
            "https://x.example/a\tb/",
            "https://x.example/a;b/",
            "https://x.example/a{b}/",
            "https://x.example/$host/",
            "https://x.example/a%0Ab/",
            "https://x.example/\u{1b}/",
            "https://x.example/\u{85}/",
            "https://x.example/\u{202e}/",
            "https://user:pw@x.example/",
            "https://x.example:99999/",
        ] {
            assert!(base_url_problem(bad).is_some(), "{bad:?} was accepted");
        }
        for good in [
            "https://x.example.gov.vn/",
            "http://localhost:8080/huyen-a/",
            "https://x.example/a_b.c~d/",
            "https://[::1]:8080/",
        ] {
            assert_eq!(base_url_problem(good), None, "{good:?}");
        }
    }
}
