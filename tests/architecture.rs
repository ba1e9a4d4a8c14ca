//! The pipeline's shape, kept true: each stage imports only from stages
//! before it, and no module depends on itself through others (no cycles).
//!
//! Edges are the `crate::…` and `super::…` paths a file names outside its
//! tests. A folder's `mod.rs` may declare and re-export its children
//! (`mod x;`, `pub use x::…;`) without that counting as a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages in pipeline order. A module may use only stages at or before
/// its own (and within its own stage, no cycles).
const STAGES: &[&str] = &[
    "diag", "util", "load", "data", "model", "charts", "output", "search", "render", "pipeline",
    "import", "serve", "scaffold", "cli",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// `render/pages/list.rs` → `render::pages::list`; `data/mod.rs` → `data`.
fn module_of(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// Every module file of the library, with its text before `#[cfg(test)]`.
fn modules() -> BTreeMap<String, (PathBuf, String)> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src()).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src()).unwrap().to_path_buf();
        let is_test_file = rel
            .components()
            .any(|c| c.as_os_str() == "tests" || c.as_os_str() == "testutil.rs");
        if !entry.file_type().is_file()
            || rel.extension().is_none_or(|e| e != "rs")
            || rel == Path::new("lib.rs")
            || rel == Path::new("main.rs")
            || is_test_file
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let code = without_tests(&text);
        out.insert(module_of(&rel), (rel, code));
    }
    out
}

/// The text without its test code: an inline `#[cfg(test)] mod … { … }`
/// ends the code (tests come last), other `#[cfg(test)]` items are dropped.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "#[cfg(test)]" {
            match lines.next() {
                Some(n) if n.trim_end().ends_with('{') && n.contains("mod ") => break,
                _ => continue,
            }
        }
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// The paths a file names: `crate::a::b::C` → `a::b::C`; `super::x` in
/// module `a::b` → `a::x`.
fn references(module: &str, is_mod_rs: bool, code: &str) -> Vec<(usize, String)> {
    let mut refs = Vec::new();
    // Children declared here (`mod x;`) may be named bare: `x::f()`.
    let children: Vec<String> = code
        .lines()
        .filter_map(|l| {
            let t = l.trim_start();
            let t = t
                .strip_prefix("pub ")
                .or(t.strip_prefix("pub(crate) "))
                .unwrap_or(t);
            t.strip_prefix("mod ")?
                .strip_suffix(';')
                .map(|c| format!("{c}::"))
        })
        .collect();
    for (n, line) in code.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        // A facade re-exports its children; that is not a dependency.
        if is_mod_rs && (t.starts_with("pub use ") || t.starts_with("pub(crate) use ")) {
            continue;
        }
        let mut prefixes = vec![
            ("crate::".to_string(), String::new()),
            ("super::".to_string(), parent_of(module)),
        ];
        prefixes.extend(children.iter().map(|c| (c.clone(), module.to_string())));
        for (prefix, base) in &prefixes {
            let (prefix, base) = (prefix.as_str(), base.as_str());
            let keep = if base == module {
                &prefix[..prefix.len() - 2]
            } else {
                ""
            };
            let mut rest = line;
            while let Some(at) = rest.find(prefix) {
                let before = rest[..at].chars().last();
                let tail = &rest[at + prefix.len()..];
                rest = tail;
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let path: String = tail
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '{')
                    .collect();
                let path = path.trim_end_matches(':').to_string();
                let full = match (base.is_empty(), keep.is_empty()) {
                    (true, _) => path,
                    (false, true) => format!("{base}::{path}"),
                    (false, false) => format!("{base}::{keep}::{path}"),
                };
                refs.push((n + 1, full));
            }
        }
    }
    refs
}

/// The module `super` names from `module` (`a::b` → `a`, in `a/b.rs` and
/// in `a/b/mod.rs` alike).
fn parent_of(module: &str) -> String {
    match module.rsplit_once("::") {
        Some((p, _)) => p.to_string(),
        None => String::new(),
    }
}

/// The longest known module that `path` starts with.
fn resolve<'m>(path: &str, known: &'m BTreeSet<String>) -> Option<&'m String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .find_map(|n| known.get(&parts[..n].join("::")))
}

fn stage(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

#[test]
fn each_stage_imports_only_from_stages_before_it() {
    let mods = modules();
    let known: BTreeSet<String> = mods.keys().cloned().collect();
    let mut bad = Vec::new();
    for (m, (rel, code)) in &mods {
        let own = stage(m);
        let Some(own_rank) = rank(own) else {
            bad.push(format!(
                "src/{}: stage `{own}` is not in STAGES",
                rel.display()
            ));
            continue;
        };
        if code.contains("crate::{") {
            bad.push(format!(
                "src/{}: write one `use crate::stage::…` per module, not `crate::{{…}}`",
                rel.display()
            ));
        }
        let is_mod_rs = rel.ends_with("mod.rs");
        for (line, path) in references(m, is_mod_rs, code) {
            let Some(target) = resolve(&path, &known) else {
                continue;
            };
            let Some(r) = rank(stage(target)) else {
                continue;
            };
            if r > own_rank {
                bad.push(format!(
                    "src/{}:{line}: `{own}` uses `{target}`, a later stage",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "stage order is diag → util → load → data → model → charts → output → render → \
         pipeline → import → serve; move the shared item to the earlier stage:\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let mods = modules();
    let known: BTreeSet<String> = mods.keys().cloned().collect();
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (m, (rel, code)) in &mods {
        let edges = graph.entry(m.as_str()).or_default();
        for (_, path) in references(m, rel.ends_with("mod.rs"), code) {
            if let Some(t) = resolve(&path, &known).filter(|t| *t != m) {
                edges.insert(t.as_str());
            }
        }
    }
    // Depth-first search with colours: a grey node met again is a cycle.
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    fn visit<'a>(
        n: &'a str,
        g: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        colour: &mut BTreeMap<&'a str, Colour>,
        stack: &mut Vec<&'a str>,
        cycles: &mut Vec<String>,
    ) {
        colour.insert(n, Colour::Grey);
        stack.push(n);
        for &next in g.get(n).into_iter().flatten() {
            match colour.get(next).copied().unwrap_or(Colour::White) {
                Colour::White => visit(next, g, colour, stack, cycles),
                Colour::Grey => {
                    let from = stack.iter().position(|s| *s == next).unwrap_or(0);
                    let mut c: Vec<&str> = stack[from..].to_vec();
                    c.push(next);
                    cycles.push(c.join(" → "));
                }
                Colour::Black => {}
            }
        }
        stack.pop();
        colour.insert(n, Colour::Black);
    }
    let mut colour = BTreeMap::new();
    let mut cycles = Vec::new();
    for &n in graph.keys() {
        if colour.get(n).copied().unwrap_or(Colour::White) == Colour::White {
            visit(n, &graph, &mut colour, &mut Vec::new(), &mut cycles);
        }
    }
    assert!(
        cycles.is_empty(),
        "import cycles (move the shared item into a module both can use):\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_checker_sees_crate_and_super_paths() {
    let code =
        "use crate::load::fs::read_text;\nuse super::raw::Key;\n// crate::serve in a comment\n";
    let refs = references("data::validate", false, code);
    assert_eq!(
        refs,
        vec![
            (1, "load::fs::read_text".to_string()),
            (2, "data::raw::Key".to_string())
        ]
    );
    let facade = "mod years;\npub use years::Year;\nfn f() { years::check(); }\n";
    assert_eq!(
        references("data", true, facade),
        vec![(3, "data::years::check".to_string())]
    );
}
