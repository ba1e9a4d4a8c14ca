//! The README is the user's reference: it must list every diagnostic code
//! and keep the two quick-start commands CI relies on.

#[test]
fn readme_documents_every_diagnostic_code() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for (code, what) in chiso::codes::ALL {
        let row = format!("| `{code}` | {what} |");
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
}

#[test]
fn readme_quick_start_has_the_two_commands() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let qs = readme.split("## Quick start").nth(1).unwrap();
    let block = qs.split("```").nth(1).unwrap();
    let cmds: Vec<&str> = block
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('#').next().unwrap().trim())
        .collect();
    assert_eq!(cmds, ["cargo run --release -- build", "cargo test"]);
    let ci = std::fs::read_to_string(".ci/run").unwrap();
    // CI runs exactly the README's command (its output may be piped on).
    assert!(
        ci.lines()
            .any(|l| l.trim() == "cargo test" || l.trim().starts_with("cargo test 2>&1 |")),
        ".ci/run does not run `cargo test`"
    );
}

#[test]
fn the_editors_guide_explains_every_diagnostic_code_in_vietnamese() {
    let guide = std::fs::read_to_string("docs/huong-dan.md").unwrap();
    for (code, vi) in chiso::codes::ALL_VI {
        let vi = vi.unwrap_or_else(|| panic!("{code} has no Vietnamese in src/diag/codes.rs"));
        let row = format!("| `{code}` | {vi} | ");
        assert!(
            guide.contains(&row),
            "docs/huong-dan.md lacks the row {row}…"
        );
    }
    let rows = guide
        .lines()
        .filter(|l| l.starts_with("| `E") || l.starts_with("| `W"));
    assert_eq!(
        rows.count(),
        chiso::codes::ALL.len(),
        "a row for a code that is gone"
    );
}

#[test]
fn the_readme_links_the_editors_guide_at_the_top() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let top: String = readme.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(top.contains("(docs/huong-dan.md)"), "{top}");
}
