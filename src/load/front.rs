//! Front-matter values and their places: where a value stands (`Loc`),
//! the checks every article and page shares (slugs, aliases, names, the
//! comments key), and the warnings about what readers would miss.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::config::SlugFrom;
use crate::load::frontmatter::{self, SplitError};
use crate::load::yaml::{self, Spanned};
use crate::util::text;
use std::path::Path;

/// Where a value sits in a source file, for diagnostics raised later.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loc {
    pub line: usize,
    pub col: usize,
}

pub fn loc<T>(s: &Spanned<T>, offset: usize) -> Loc {
    Loc {
        line: yaml::line_of(s) + offset,
        col: yaml::col_of(s),
    }
}

pub fn split_file<'a>(text: &'a str, rel: &Path) -> Result<frontmatter::Split<'a>, Diagnostic> {
    frontmatter::split(text).map_err(|e| match e {
        SplitError::Missing => Diagnostic::error(codes::FRONT_MATTER, rel, msg!(m::FRONT_MISSING))
            .at(1, 1)
            .hint(msg!(m::FRONT_MISSING_HINT)),
        SplitError::Unterminated => {
            Diagnostic::error(codes::FRONT_MATTER, rel, msg!(m::FRONT_UNCLOSED))
                .at(1, 1)
                .hint(msg!(m::FRONT_UNCLOSED_HINT))
        }
    })
}

pub fn comments_error(
    c: &Spanned<serde_json::Value>,
    rel: &Path,
    offset: usize,
) -> Option<Diagnostic> {
    let closed = matches!(&c.value, serde_json::Value::Bool(false))
        || c.value.as_str().is_some_and(|s| s.trim() == "closed");
    (!closed).then(|| {
        let l = loc(c, offset);
        Diagnostic::error(codes::COMMENTS, rel, msg!(m::FRONT_COMMENTS))
            .at(l.line, l.col)
            .hint(msg!(m::FRONT_COMMENTS_HINT))
    })
}

/// The slug given in front matter, or one made from the title. The location
/// is the `slug:` value's, or the title's for a slug made from it.
/// The slug of a file's page: the `slug:` given, else made from the file
/// name (or, with `slug_from: title`, from the title), at most 100 characters.
#[allow(clippy::too_many_arguments)]
pub fn slug_from(
    given: Option<Spanned<String>>,
    from: SlugFrom,
    title: &str,
    title_loc: Loc,
    rel: &Path,
    offset: usize,
    diags: &mut Diagnostics,
) -> (String, Loc) {
    match given {
        Some(s) => {
            let l = loc(&s, offset);
            let v = s.value.trim().to_string();
            if !text::is_valid_slug(&v) {
                diags.push(
                    Diagnostic::error(codes::BAD_SLUG, rel, msg!(m::FRONT_BAD_SLUG, slug = &v))
                        .at(l.line, l.col)
                        .hint(msg!(
                            m::FRONT_BAD_SLUG_HINT,
                            example = text::slugify(&v).chars().take(80).collect::<String>()
                        )),
                );
            }
            (v, l)
        }
        None => {
            let made = match from {
                SlugFrom::Title => text::slugify(title),
                SlugFrom::File => file_slug(rel),
            };
            let made = made.chars().take(100).collect::<String>();
            let made = made.trim_end_matches('-').to_string();
            if made.is_empty() {
                diags.push(
                    Diagnostic::error(codes::BAD_SLUG, rel, msg!(m::FRONT_NO_SLUG))
                        .hint(msg!(m::FRONT_NO_SLUG_HINT)),
                );
            }
            (made, title_loc)
        }
    }
}

/// Old addresses that must keep working: `/tin-tuc/123/`, `/old/bai.html`.
/// Each must be a plain path chiso can write a redirect page at.
pub fn aliases(
    given: &[Spanned<String>],
    rel: &Path,
    offset: usize,
    diags: &mut Diagnostics,
) -> Vec<(String, Loc)> {
    let mut out = Vec::new();
    for a in given {
        let l = loc(a, offset);
        let v = a.value.trim();
        let ok = v.starts_with('/')
            && v.len() > 1
            && v.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.' | '~'))
            && !v.contains("//")
            && !v.split('/').any(|seg| seg == ".." || seg == ".");
        if ok {
            out.push((v.to_string(), l));
        } else {
            diags.push(
                Diagnostic::error(codes::BAD_SLUG, rel, msg!(m::FRONT_BAD_ALIAS, alias = &v))
                    .at(l.line, l.col)
                    .hint(msg!(m::FRONT_BAD_ALIAS_HINT)),
            );
        }
    }
    out
}

/// The file's stem as a slug: `Đường Lê Lợi.md` → `duong-le-loi`.
pub fn file_slug(rel: &Path) -> String {
    text::slugify(
        &rel.file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
    )
}

/// What an article's warnings look at.
pub struct Look<'a> {
    pub summary: &'a str,
    pub image: Option<&'a str>,
    pub image_loc: &'a Loc,
    pub has_caption: bool,
    pub title_line: usize,
}

/// What readers would miss: no sapo, a photo from another site, a photo
/// without a caption.
pub fn article_warnings(a: &Look, rel: &Path) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    if a.summary.is_empty() {
        warnings.push(
            Diagnostic::warning(codes::NO_SUMMARY, rel, msg!(m::FRONT_NO_SUMMARY))
                .at(a.title_line, 0)
                .hint(msg!(m::FRONT_NO_SUMMARY_HINT)),
        );
    }
    if let Some(img) = a.image.filter(|i| is_external(i)) {
        warnings.push(
            Diagnostic::warning(
                codes::EXTERNAL_IMAGE,
                rel,
                msg!(m::FRONT_EXTERNAL_IMAGE, url = img),
            )
            .at(a.image_loc.line, a.image_loc.col)
            .hint(msg!(m::FRONT_EXTERNAL_IMAGE_HINT)),
        );
    }
    if a.image.is_some() && !a.has_caption {
        warnings.push(
            Diagnostic::warning(codes::NO_CAPTION, rel, msg!(m::FRONT_NO_CAPTION))
                .at(a.image_loc.line, 0)
                .hint(msg!(m::FRONT_NO_CAPTION_HINT)),
        );
    }
    warnings
}

/// An address on another site (`https://…`, `//host/…`).
pub fn is_external(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("http://") || u.starts_with("https://") || u.starts_with("//")
}

/// Longest category or tag name, in characters: its slug makes a folder
/// name, and file systems take 255 bytes at most.
pub const MAX_NAME_CHARS: usize = 100;

/// "category" or "tag", in the language of the report.
fn what_name(what: &str) -> crate::diag::Msg {
    if what == "tag" {
        msg!(m::WHAT_TAG)
    } else {
        msg!(m::WHAT_CATEGORY)
    }
}

pub fn name_too_long(
    what: &str,
    name: &Spanned<String>,
    rel: &Path,
    offset: usize,
) -> Option<Diagnostic> {
    let n = name.value.trim().chars().count();
    (n > MAX_NAME_CHARS).then(|| {
        let l = loc(name, offset);
        Diagnostic::error(
            codes::BAD_SLUG,
            rel,
            msg!(
                m::FRONT_NAME_TOO_LONG,
                what = what_name(what),
                n = n,
                max = MAX_NAME_CHARS
            ),
        )
        .at(l.line, l.col)
        .hint(msg!(m::FRONT_NAME_TOO_LONG_HINT, what = what_name(what)))
    })
}

pub fn empty_title(title: &Spanned<String>, rel: &Path, offset: usize) -> Option<Diagnostic> {
    (title.value.trim().is_empty() || text::slugify(&title.value).is_empty()).then(|| {
        let l = loc(title, offset);
        Diagnostic::error(codes::MISSING_FIELD, rel, msg!(m::FRONT_EMPTY_TITLE))
            .at(l.line, l.col)
            .hint(msg!(m::FRONT_EMPTY_TITLE_HINT))
    })
}

/// `image_focus: [x, y]`, each from 0 to 1; an error at its line otherwise.
pub fn image_focus(
    v: Option<&Spanned<Vec<f64>>>,
    rel: &Path,
    off: usize,
    diags: &mut Diagnostics,
) -> Option<(f64, f64)> {
    let v = v?;
    let ok = |x: f64| (0.0..=1.0).contains(&x);
    match v.value[..] {
        [x, y] if ok(x) && ok(y) => Some((x, y)),
        _ => {
            let l = loc(v, off);
            diags.push(crate::diag::images::bad_focus(rel, l.line, l.col));
            None
        }
    }
}
