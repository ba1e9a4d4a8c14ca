//! Reading files: the one place chiso touches the site's source files on
//! disk. UTF-8 check, BOM and CRLF handling, size limits, sorted walks that
//! keep symbolic links inside the site root.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// Largest content file we read (an article of 100 MB is an error, not an
/// out-of-memory).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Largest dataset file: a dataset is a few kilobytes.
pub const MAX_DATA_BYTES: u64 = 16 * 1024 * 1024;

/// What is being read: sets the size limit and the words of the errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Markdown, site.yaml, templates.
    Content,
    /// `content/data/*.yaml`.
    Data,
}

impl FileKind {
    fn too_large(self, rel: &Path, len: u64) -> Diagnostic {
        match self {
            FileKind::Content => Diagnostic::error(
                codes::TOO_LARGE,
                rel,
                msg!(
                    m::FS_TOO_LARGE,
                    mb = len / (1024 * 1024),
                    limit = MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
            .hint(msg!(m::FS_TOO_LARGE_HINT)),
            FileKind::Data => Diagnostic::error(
                codes::TOO_LARGE,
                rel,
                msg!(m::FS_DATA_TOO_LARGE, len = len, limit = MAX_DATA_BYTES),
            )
            .hint(msg!(m::FS_DATA_TOO_LARGE_HINT)),
        }
    }

    fn max(self) -> u64 {
        match self {
            FileKind::Content => MAX_FILE_BYTES,
            FileKind::Data => MAX_DATA_BYTES,
        }
    }

    fn utf8_hint(self) -> crate::diag::Msg {
        match self {
            FileKind::Content => msg!(m::FS_UTF8_HINT),
            FileKind::Data => msg!(m::FS_UTF8_DATA_HINT),
        }
    }
}

/// Read a UTF-8 text file; strip a BOM and turn CRLF into LF (line numbers
/// are unchanged). `rel` is the path shown in diagnostics.
pub fn read_text(path: &Path, rel: &Path) -> Result<String, Diagnostic> {
    read_text_as(path, rel, FileKind::Content)
}

/// [`read_text`] with the limit and messages of `kind`.
pub fn read_text_as(path: &Path, rel: &Path, kind: FileKind) -> Result<String, Diagnostic> {
    let text = read_text_exact(path, rel, kind)?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    // memchr's search: the standard library's `contains('\r')` costs about
    // two instructions a byte, and every article is read twice.
    Ok(if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

/// The file's text exactly as it is (BOM and CRLF kept), checked as
/// [`read_text_as`] checks it: for tools that edit a file in place.
pub fn read_text_exact(path: &Path, rel: &Path, kind: FileKind) -> Result<String, Diagnostic> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(rel, &e))?;
    if meta.len() > kind.max() {
        return Err(kind.too_large(rel, meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(rel, &e))?;
    if is_utf16(&bytes) {
        return Err(Diagnostic::error(codes::UTF8, rel, msg!(m::FS_UTF16))
            .at(1, 1)
            .hint(kind.utf8_hint()));
    }
    // SIMD validation first: Vietnamese text is mostly multi-byte, where the
    // standard library's check is slow; the slow path only finds the place.
    let checked = if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: just validated as UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    };
    let text = match checked {
        Ok(t) => t,
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            // Columns count characters, as editors do, not bytes.
            let col = std::str::from_utf8(&good[line_start..]).map_or(0, |s| s.chars().count());
            return Err(Diagnostic::error(codes::UTF8, rel, msg!(m::FS_NOT_UTF8))
                .at(line, col + 1)
                .hint(kind.utf8_hint()));
        }
    };
    if let Some(d) = forbidden_char(&text, rel) {
        return Err(d);
    }
    Ok(text)
}

/// The first control character (but tab and newlines) or U+FFFE/U+FFFF
/// in a file, as an error at its line and column: such characters make
/// feeds and SVG files ill-formed XML and are never typed on purpose.
fn forbidden_char(text: &str, rel: &Path) -> Option<Diagnostic> {
    let bytes = text.as_bytes();
    let bad = |b: u8| b < 0x20 && b != b'\n' && b != b'\t' && b != b'\r';
    // Branch-free over 64-byte blocks (the compiler vectorises it); only a
    // block that holds one is searched.
    let control = bytes
        .chunks(64)
        .position(|c| c.iter().fold(false, |acc, &b| acc | bad(b)))
        .and_then(|k| {
            let start = k * 64;
            bytes[start..]
                .iter()
                .position(|&b| bad(b))
                .map(|i| start + i)
        });
    // U+FFFE and U+FFFF are EF BF BE / EF BF BF; Vietnamese text has no EF
    // lead byte, so this rarely looks further than memchr.
    let nonchar = memchr::memchr_iter(0xEF, bytes).find(|&i| {
        bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF))
    });
    let at = match (control, nonchar) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let c = text[at..].chars().next().unwrap_or('\0');
    Some(
        Diagnostic::error(
            codes::CONTROL_CHAR,
            rel,
            msg!(m::FS_CONTROL_CHAR, code = format!("{:04X}", c as u32)),
        )
        .at(line, col)
        .hint(msg!(m::FS_CONTROL_CHAR_HINT)),
    )
}

/// The first `n` bytes of a file (fewer if it is shorter): for headers,
/// such as an image's size (`load::image`).
pub fn read_head(path: &Path, n: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::with_capacity(n.min(64 * 1024));
    std::fs::File::open(path)?
        .take(n as u64)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

pub fn io_error(rel: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(codes::IO, rel, msg!(m::FS_CANNOT_READ, reason = e)).hint(m::io_hint(
        e,
        m::IoPlace::Other,
        msg!(m::FS_CANNOT_READ_HINT),
    ))
}

/// Whether a file is Markdown: `.md` or `.markdown`, in any case.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Every Markdown file under `dir`, sorted, with its path relative to
/// `root`. Symbolic links are not followed out of `within` ([`walk_files`]).
pub fn walk_markdown(
    root: &Path,
    dir: &Path,
    within: &Path,
    diags: &mut Diagnostics,
) -> Vec<(PathBuf, PathBuf)> {
    walk_files(root, dir, within, diags)
        .into_iter()
        .filter(|(abs, _)| is_markdown(abs))
        .collect()
}

/// Every file under `dir` (sorted by name), paths relative to `root`. A
/// file's real path must stay inside `within` (`content/` for articles and
/// pages, `content/data/` for datasets, the theme's folder for templates),
/// or `content/articles/x.md -> ../../.git/config` would publish the token
/// actions/checkout writes there: such a link is refused (E0005) naming
/// the link and its target, and so is `dir` itself when it leads out.
pub fn walk_files(
    root: &Path,
    dir: &Path,
    within: &Path,
    diags: &mut Diagnostics,
) -> Vec<(PathBuf, PathBuf)> {
    walk_files_within(root, dir, within, diags)
}

/// [`walk_files`] for files published as they are (`content/static/`, a
/// theme's `static/`): a link must stay inside `dir` itself.
pub fn walk_published(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<(PathBuf, PathBuf)> {
    walk_files_within(root, dir, dir, diags)
}

/// E0005 for a link (or a folder reached through one) whose real path
/// `target` is outside `within`.
fn leaves_folder(
    root: &Path,
    canon_root: &Path,
    link: &Path,
    target: &Path,
    within: &Path,
) -> Diagnostic {
    Diagnostic::error(
        codes::SYMLINK,
        rel_to(root, link),
        msg!(
            m::TRUST_SYMLINK_LEAVES_FOLDER,
            target = rel_to(canon_root, target).display(),
            folder = rel_to(root, within).display()
        ),
    )
    .hint(msg!(m::TRUST_SYMLINK_LEAVES_STATIC_HINT))
}

/// Whether the source file at `path` (not walked: `content/site.yaml`)
/// really lies inside `within`: E0005 naming it and its target otherwise.
pub fn check_inside(root: &Path, path: &Path, within: &Path) -> Result<(), Diagnostic> {
    let (Ok(target), Ok(canon_within)) = (path.canonicalize(), within.canonicalize()) else {
        return Ok(()); // missing: the reader says so
    };
    if target.starts_with(&canon_within) {
        return Ok(());
    }
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    Err(leaves_folder(root, &canon_root, path, &target, within))
}

fn walk_files_within(
    root: &Path,
    dir: &Path,
    within: &Path,
    diags: &mut Diagnostics,
) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return out;
    }
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // Unresolvable (unreadable): the root stays the bound, as before.
    let canon_within = within.canonicalize().unwrap_or_else(|_| canon_root.clone());
    // The walk's own folder (or the folder it must stay in) may itself be
    // a link: `content/articles -> ../.git`, `themes/t -> ../..`.
    if !canon_within.starts_with(&canon_root) {
        diags.push(leaves_folder(
            root,
            &canon_root,
            within,
            &canon_within,
            root,
        ));
        return out;
    }
    if let Ok(canon_dir) = dir.canonicalize() {
        if !canon_dir.starts_with(&canon_within) {
            diags.push(leaves_folder(root, &canon_root, dir, &canon_dir, within));
            return out;
        }
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e.path().map(|p| rel_to(root, p)).unwrap_or_default();
                let hint = match e.io_error() {
                    Some(io) => m::io_hint(io, m::IoPlace::Other, msg!(m::FS_CANNOT_READ_DIR_HINT)),
                    None => msg!(m::FS_CANNOT_READ_DIR_HINT),
                };
                diags.push(
                    Diagnostic::error(
                        codes::IO,
                        rel,
                        msg!(m::FS_CANNOT_READ_DIR, reason = m::text(e)),
                    )
                    .hint(hint),
                );
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') && entry.depth() > 0 {
            continue; // hidden files: editor swap files, .DS_Store, …
        }
        let rel = rel_to(root, entry.path());
        if entry.path_is_symlink() && entry.depth() > 0 {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&canon_within) => {
                    if target.is_file() {
                        out.push((entry.path().to_path_buf(), rel));
                    }
                    // Linked folders are not walked: a link may loop.
                }
                Ok(target) if target.starts_with(&canon_root) => diags.push(leaves_folder(
                    root,
                    &canon_root,
                    entry.path(),
                    &target,
                    within,
                )),
                Ok(target) => diags.push(
                    Diagnostic::error(
                        codes::SYMLINK,
                        rel,
                        msg!(m::FS_SYMLINK_OUTSIDE, target = target.display()),
                    )
                    .hint(msg!(m::FS_SYMLINK_OUTSIDE_HINT)),
                ),
                Err(e) => diags.push(
                    Diagnostic::error(
                        codes::SYMLINK,
                        rel,
                        msg!(m::FS_SYMLINK_BROKEN, reason = m::en_only(e)),
                    )
                    .hint(msg!(m::FS_SYMLINK_BROKEN_HINT)),
                ),
            }
            continue;
        }
        if entry.file_type().is_file() {
            out.push((entry.path().to_path_buf(), rel));
        }
    }
    out
}

/// `p` relative to `root` (`p` itself when outside it).
pub fn rel_to(root: &Path, p: &Path) -> PathBuf {
    // Walks give `root` joined with more: a text prefix is the usual case
    // (thousands of files), without comparing part by part.
    if let (Some(r), Some(s)) = (root.to_str(), p.to_str()) {
        if let Some(rest) = s.strip_prefix(r).and_then(|t| t.strip_prefix('/')) {
            if !r.is_empty()
                && !r.ends_with('/')
                && !rest.starts_with('/')
                && !rest.starts_with("./")
            {
                return PathBuf::from(rest);
            }
        }
    }
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

/// A file saved as UTF-16 (Notepad's "Unicode"): a UTF-16 byte-order mark,
/// or a zero byte in every other place of its start (ASCII in UTF-16).
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(512)];
    head.len() >= 4 && head.iter().filter(|&&b| b == 0).count() * 4 >= head.len()
}

#[cfg(test)]
mod tests {
    use super::rel_to;
    use std::path::{Path, PathBuf};

    #[test]
    fn rel_to_gives_what_strip_prefix_gives_on_the_fast_path_and_off_it() {
        let cases = [
            ("site", "site/content/a.md"),
            (".", "./content/a.md"),
            ("/s/site", "/s/site/content/static/images/a.jpg"),
            ("/s/site", "/s/sitex/a.jpg"),
            ("/s/site/", "/s/site/a.jpg"),
            ("a/./b", "a/./b/x"),
            ("a", "a//x"),
            ("", "x/y"),
        ];
        for (root, p) in cases {
            let (root, p) = (Path::new(root), Path::new(p));
            let want: PathBuf = p.strip_prefix(root).unwrap_or(p).to_path_buf();
            assert_eq!(rel_to(root, p), want, "{root:?} {p:?}");
        }
    }
}
