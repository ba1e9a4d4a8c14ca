//! The file watcher: collect events, debounce, hand each edit to
//! `State::rebuild` and report the result to open pages.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::serve::dirty::Dirty;
use crate::serve::events::{Hub, report};
use crate::serve::state::State;
use notify::Watcher as _;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

type Events = mpsc::Receiver<notify::Result<notify::Event>>;

/// Watch `content/` and `themes/` under `root` (and the root itself, to see
/// them appear) and rebuild on every edit, in a thread of its own.
pub fn start(root: PathBuf, state: Arc<Mutex<State>>, hub: Hub) -> Result<(), String> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher =
        notify::recommended_watcher(tx).map_err(|e| format!("cannot watch files: {e}"))?;
    // The root itself, not recursively: to notice content/ or themes/ being
    // created (a theme override started while serving).
    if let Err(e) = watcher.watch(&root, notify::RecursiveMode::NonRecursive) {
        let w = msg!(
            m::SERVE_CANNOT_WATCH,
            path = root.display(),
            reason = m::text(&e)
        );
        eprintln!("{}", w.render(crate::diag::lang::current()));
    }
    let mut watched: BTreeSet<&str> = BTreeSet::new();
    for dir in ["content", "themes"] {
        let p = root.join(dir);
        if p.is_dir() {
            match watcher.watch(&p, notify::RecursiveMode::Recursive) {
                Ok(()) => {
                    watched.insert(dir);
                }
                Err(e) => {
                    let w = msg!(
                        m::SERVE_CANNOT_WATCH,
                        path = p.display(),
                        reason = m::text(&e)
                    );
                    eprintln!("{}", w.render(crate::diag::lang::current()));
                }
            }
        }
    }
    std::thread::spawn(move || {
        let mut watcher = watcher;
        while let Some(dirty) = next_edit(&rx, &root, &mut watcher, &mut watched) {
            if dirty.is_empty() {
                continue;
            }
            let result = match state.lock() {
                Ok(mut s) => s.rebuild(&dirty),
                Err(_) => break,
            };
            report(&hub, &root, result);
        }
    });
    Ok(())
}

/// Wait for the next edit and gather what it touched. `None`: the watcher
/// is gone.
fn next_edit(
    rx: &Events,
    root: &Path,
    watcher: &mut notify::RecommendedWatcher,
    watched: &mut BTreeSet<&'static str>,
) -> Option<Dirty> {
    let first = rx.recv().ok()?;
    let mut dirty = Dirty::default();
    let canon_root = root.canonicalize().unwrap_or(root.to_path_buf());
    add_event(&mut dirty, first, root, &canon_root);
    // Debounce: editors write a file in several steps.
    let until = Instant::now() + Duration::from_millis(20);
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(ev) => add_event(&mut dirty, ev, root, &canon_root),
            Err(_) => break,
        }
    }
    // After the debounce: a folder created while it ran sent its only
    // event (on the root) into this edit; looked for before it, the folder
    // was never watched, and files written into it later were never seen
    // (a theme override started while serving). Files written into it
    // before the watch starts are read by the full rebuild this asks for.
    watch_new_tops(root, watcher, watched, &mut dirty);
    Some(dirty)
}

/// A top folder (content/, themes/) that appeared since it was last looked
/// for: watch it, rebuild all (its first files may predate the watch).
fn watch_new_tops(
    root: &Path,
    watcher: &mut notify::RecommendedWatcher,
    watched: &mut BTreeSet<&'static str>,
    dirty: &mut Dirty,
) {
    for dir in ["content", "themes"] {
        let p = root.join(dir);
        if !watched.contains(dir)
            && p.is_dir()
            && watcher.watch(&p, notify::RecursiveMode::Recursive).is_ok()
        {
            watched.insert(dir);
            dirty.full = true;
        }
    }
}

fn add_event(dirty: &mut Dirty, ev: notify::Result<notify::Event>, root: &Path, canon: &Path) {
    let Ok(ev) = ev else { return };
    if matches!(ev.kind, notify::EventKind::Access(_)) {
        return;
    }
    for p in ev.paths {
        let rel = p
            .strip_prefix(canon)
            .or_else(|_| p.strip_prefix(root))
            .unwrap_or(&p)
            .to_path_buf();
        let hidden = rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        let tmp = rel.to_string_lossy().ends_with('~');
        if !hidden && !tmp {
            dirty.add(&rel);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The race behind a rare failure of `tests/serve.rs` under load: the
    /// event of a folder created during the debounce of another edit was
    /// taken into that edit, the folder was looked for only before it, and
    /// nothing told the watcher of it again.
    #[test]
    fn a_top_folder_created_during_the_debounce_of_another_edit_is_watched() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        std::fs::create_dir_all(root.join("content")).unwrap();
        // The watcher's own events are not read: the test sends its own.
        let (ignored, _) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(ignored).unwrap();
        let mut watched: BTreeSet<&str> = ["content"].into();
        let (tx, rx) = mpsc::channel();
        let event = |p: PathBuf| Ok(notify::Event::new(notify::EventKind::Any).add_path(p));
        tx.send(event(root.join("content/a.md"))).unwrap();
        let themes = root.join("themes");
        let maker = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(2));
            std::fs::create_dir_all(themes.join("default/templates")).unwrap();
            tx.send(event(themes)).unwrap();
        });
        let mut full = false;
        // Every edit until the channel is closed and drained.
        while let Some(d) = next_edit(&rx, &root, &mut watcher, &mut watched) {
            full |= d.full;
        }
        maker.join().unwrap();
        assert!(watched.contains("themes"), "{watched:?}");
        assert!(full, "the edit that saw themes/ appear rebuilds everything");
    }
}
