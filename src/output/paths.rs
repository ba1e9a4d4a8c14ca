//! Where the output may go: real paths (symlinks resolved), the folders
//! chiso refuses to replace, and relative paths that stay inside.

use crate::diag::Diagnostic;
use crate::diag::codes;
use std::path::{Component, Path, PathBuf};

/// Marker file in every folder chiso publishes, written last: a folder with
/// it (and without `STAGING`) is a complete site.
pub const MARKER: &str = ".chiso-output";
/// Marker of a folder chiso is still writing (or deleting); such a folder
/// is never published and may be deleted by the next build.
pub const STAGING: &str = ".chiso-staging";

fn normalize(p: &Path) -> PathBuf {
    // Lexical normalisation for paths that may not exist yet.
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Absolute real path of `p`: the deepest existing ancestor is
/// canonicalised (symlinks resolved), the rest appended. A symlink higher
/// up (`sl -> content/static`, `--output sl/deep/out`) is thus seen for
/// what it is before any safety check.
pub fn absolute(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    if let Ok(real) = abs.canonicalize() {
        return real;
    }
    let mut base = abs.as_path();
    let mut rest: Vec<Component> = Vec::new();
    while let Some(parent) = base.parent() {
        if let Some(last) = base.components().next_back() {
            rest.push(last);
        }
        base = parent;
        if let Ok(real) = base.canonicalize() {
            // `..` after a resolved symlink must pop the real path.
            let mut out = real;
            for c in rest.iter().rev() {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    c => out.push(c),
                }
            }
            return out;
        }
    }
    normalize(&abs)
}

/// Refuse output folders that would destroy something.
pub fn check_target(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let out = absolute(out);
    let refuse = |why: String| {
        Err(Diagnostic::error(codes::OUTPUT_DIR, out.clone(), why)
            .hint("choose an output folder of its own, e.g. --output output (the default)"))
    };
    if out.parent().is_none() {
        return refuse("refusing to write the site into the file system root /".into());
    }
    if out == root || root.starts_with(&out) {
        return refuse("the output folder would contain the site's sources".into());
    }
    if out.starts_with(root.join("content")) || out.starts_with(root.join("themes")) {
        return refuse("the output folder is inside content/ or themes/".into());
    }
    if let Some(home) = std::env::var_os("HOME") {
        if out == absolute(Path::new(&home)) {
            return refuse("refusing to replace the home folder".into());
        }
    }
    if out.exists() {
        if !out.is_dir() {
            return refuse("the output path exists and is not a folder".into());
        }
        let non_empty = std::fs::read_dir(&out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true);
        if non_empty && !out.join(MARKER).is_file() {
            return refuse(format!(
                "{} holds files that chiso did not create (no {MARKER} marker); it will not be replaced",
                out.display()
            ));
        }
    }
    Ok(())
}

/// A file path must stay inside the output folder.
pub fn safe_rel(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains('\0')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_paths_are_not_safe() {
        assert!(!safe_rel("../x/index.html"));
        assert!(!safe_rel("/etc/passwd"));
        assert!(!safe_rel("a/../../b"));
        assert!(safe_rel("cai-cach/phong-tho/index.html"));
    }

    #[test]
    fn refuses_root_and_sources() {
        let tmp = std::env::temp_dir().join(format!("chiso-out-test-{}", std::process::id()));
        std::fs::create_dir_all(tmp.join("content")).unwrap();
        assert!(check_target(&tmp, Path::new("/")).is_err());
        assert!(check_target(&tmp, &tmp).is_err());
        assert!(check_target(&tmp, &tmp.join("content/out")).is_err());
        assert!(check_target(&tmp, &tmp.join("output")).is_ok());
        std::fs::create_dir_all(tmp.join("mine")).unwrap();
        std::fs::write(tmp.join("mine/thesis.doc"), "x").unwrap();
        assert!(check_target(&tmp, &tmp.join("mine")).is_err());
        std::fs::remove_dir_all(&tmp).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn absolute_resolves_a_symlink_above_missing_folders() {
        let tmp = std::env::temp_dir().join(format!("chiso-abs-test-{}", std::process::id()));
        std::fs::create_dir_all(tmp.join("content/static")).unwrap();
        std::os::unix::fs::symlink(tmp.join("content/static"), tmp.join("sl")).unwrap();
        let real = tmp.canonicalize().unwrap();
        assert_eq!(
            absolute(&tmp.join("sl/deep/out")),
            real.join("content/static/deep/out")
        );
        assert_eq!(absolute(&tmp.join("sl/../x/y")), real.join("content/x/y"));
        assert!(check_target(&tmp, &tmp.join("sl/deep/out")).is_err());
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
