//! docs/deploy.md cannot rot: every fenced block has a language, the YAML
//! parses (and has the shape GitHub Actions and GitLab CI read), the shell
//! passes `sh -n`, the nginx braces balance, and every `chiso …` command
//! line names a command and flags the real binary has.

mod common;
use common::BIN;
use std::collections::BTreeSet;
use std::process::Command;

const DOC: &str = include_str!("../docs/deploy.md");

/// A fenced block: its language tag, its first line in the file, its text.
struct Block {
    lang: String,
    line: usize,
    text: String,
}

fn blocks(md: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for (i, l) in md.lines().enumerate() {
        match (&mut open, l.trim_start().strip_prefix("```")) {
            (None, Some(tag)) => {
                open = Some(Block {
                    lang: tag.trim().to_string(),
                    line: i + 1,
                    text: String::new(),
                })
            }
            (Some(_), Some(rest)) if rest.trim().is_empty() => out.push(open.take().unwrap()),
            (Some(b), _) => {
                b.text.push_str(l);
                b.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "a fenced block is not closed");
    out
}

fn yaml(b: &Block) -> serde_json::Value {
    serde_saphyr::from_str::<serde_json::Value>(&b.text)
        .unwrap_or_else(|e| panic!("docs/deploy.md:{}: YAML does not parse: {e}", b.line))
}

/// The `chiso …` commands of a block, each as its words (after `chiso`):
/// lines joined at a trailing `\`, YAML's `run:` / `- ` prefixes dropped,
/// split at `&&`, `||`, `;` and `|`; a command is one whose first word is
/// `chiso`.
fn chiso_commands(text: &str) -> Vec<Vec<String>> {
    let joined = text.replace("\\\n", " ");
    let mut out = Vec::new();
    for line in joined.lines() {
        let mut l = line.trim();
        if l.starts_with('#') {
            continue;
        }
        for p in ["- ", "run:", "script:"] {
            l = l.strip_prefix(p).unwrap_or(l).trim_start();
        }
        for seg in l.split(['&', '|', ';']) {
            let words = shell_words(seg);
            if words
                .first()
                .is_some_and(|w| w == "chiso" || w.ends_with("/chiso"))
            {
                out.push(words[1..].to_vec());
            }
        }
    }
    out
}

/// Words of a shell command, honouring simple double and single quotes.
fn shell_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                any = true
            }
            (None, c) if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            (None, c) => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        words.push(cur);
    }
    words
}

fn help(path: &[&str]) -> String {
    let o = Command::new(BIN)
        .env("CHISO_LANG", "en")
        .args(path)
        .arg("--help")
        .output()
        .expect("run chiso");
    assert!(
        o.status.success(),
        "chiso {} --help failed: {}",
        path.join(" "),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The subcommand names a help text lists under `Commands:`.
fn subcommands(help: &str) -> BTreeSet<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Check one command against the binary's help: its subcommands, then
/// every `--flag` (and the value of `--format`).
fn check_command(words: &[String], where_: &str) {
    let mut path: Vec<&str> = Vec::new();
    let mut text = help(&[]);
    let mut rest = words;
    while let Some(w) = rest.first().filter(|w| !w.starts_with('-')) {
        let subs = subcommands(&text);
        if subs.is_empty() {
            break; // a positional argument
        }
        assert!(
            subs.contains(w.as_str()),
            "{where_}: `chiso {}`: no command `{w}` (chiso has {subs:?})",
            words.join(" ")
        );
        path.push(w);
        text = help(&path);
        rest = &rest[1..];
    }
    assert!(!path.is_empty(), "{where_}: `chiso` without a command");
    for (i, w) in rest.iter().enumerate() {
        let Some(flag) = w.strip_prefix("--") else {
            continue;
        };
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (flag, None),
        };
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(&format!("--{name}"))),
            "{where_}: `chiso {}`: `chiso {}` has no flag --{name}",
            words.join(" "),
            path.join(" ")
        );
        if name == "format" {
            let v = inline
                .or_else(|| rest.get(i + 1).cloned())
                .unwrap_or_default();
            assert!(
                text.contains(&format!("- {v}:")),
                "{where_}: --format {v} is not a format chiso knows"
            );
        }
    }
}

#[test]
fn every_block_has_a_language_and_parses() {
    let bs = blocks(DOC);
    assert!(
        bs.len() >= 5,
        "expected the recipes, found {} blocks",
        bs.len()
    );
    for b in &bs {
        match b.lang.as_str() {
            "yaml" => {
                yaml(b);
            }
            "sh" => {
                let o = Command::new("sh")
                    .arg("-n")
                    .arg("-c")
                    .arg(&b.text)
                    .output()
                    .unwrap();
                assert!(
                    o.status.success(),
                    "docs/deploy.md:{}: sh -n: {}",
                    b.line,
                    String::from_utf8_lossy(&o.stderr)
                );
            }
            "nginx" => nginx_is_balanced(b),
            other => panic!(
                "docs/deploy.md:{}: a fenced block needs a language tag (yaml, sh, nginx), got {other:?}",
                b.line
            ),
        }
    }
}

/// Braces balance, and every directive ends with `;` or opens a block.
fn nginx_is_balanced(b: &Block) {
    let mut depth = 0i32;
    for (i, raw) in b.text.lines().enumerate() {
        let l = raw.split('#').next().unwrap_or("").trim();
        if l.is_empty() {
            continue;
        }
        depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
        assert!(
            depth >= 0,
            "docs/deploy.md:{}: unbalanced }}",
            b.line + 1 + i
        );
        assert!(
            l.ends_with(';') || l.ends_with('{') || l.ends_with('}'),
            "docs/deploy.md:{}: nginx directive without `;`: {l}",
            b.line + 1 + i
        );
    }
    assert_eq!(depth, 0, "docs/deploy.md:{}: unbalanced braces", b.line);
}

#[test]
fn github_workflow_builds_for_ci_deploys_to_pages_and_runs_on_a_schedule() {
    let bs = blocks(DOC);
    let wf = bs
        .iter()
        .filter(|b| b.lang == "yaml")
        .map(yaml)
        .find(|v| v.get("jobs").is_some())
        .expect("a GitHub Actions workflow");
    let on = &wf["on"];
    let cron = on["schedule"][0]["cron"]
        .as_str()
        .expect("on.schedule cron");
    assert_eq!(cron, "*/15 * * * *");
    assert!(on.get("push").is_some());
    let steps: Vec<&serde_json::Value> = wf["jobs"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|j| j["steps"].as_array().unwrap().iter())
        .collect();
    for s in &steps {
        assert!(
            s.get("uses").is_some() || s.get("run").is_some(),
            "a step without uses or run: {s}"
        );
    }
    let uses = |a: &str| {
        steps
            .iter()
            .any(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(a)))
    };
    assert!(uses("actions/deploy-pages@") && uses("actions/upload-pages-artifact@"));
    assert!(uses("actions/cache@"));
    let cache = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/cache@"))
        })
        .unwrap();
    assert!(
        cache["with"]["path"]
            .as_str()
            .unwrap()
            .contains(".chiso-cache")
    );
    let build = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .find(|r| r.contains("chiso build"))
        .expect("a chiso build step");
    assert!(build.contains("--format github") && build.contains("--deny-warnings"));
}

#[test]
fn gitlab_pages_job_publishes_public() {
    let job = blocks(DOC)
        .iter()
        .filter(|b| b.lang == "yaml")
        .map(yaml)
        .find_map(|v| v.get("pages").cloned())
        .expect("a GitLab `pages` job");
    assert_eq!(job["artifacts"]["paths"][0], "public");
    let script: Vec<&str> = job["script"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(
        script
            .iter()
            .any(|s| s.contains("chiso build") && s.contains("--output public"))
    );
}

#[test]
fn every_chiso_command_in_the_docs_exists_with_its_flags() {
    let mut n = 0;
    for b in blocks(DOC) {
        // In YAML, the commands CI runs: GitHub's `run:`, GitLab's `script:`.
        let texts: Vec<String> = if b.lang == "yaml" {
            let mut v = Vec::new();
            commands_in(&yaml(&b), false, &mut v);
            v
        } else {
            vec![b.text.clone()]
        };
        for t in texts {
            for words in chiso_commands(&t) {
                check_command(&words, &format!("docs/deploy.md:{}", b.line));
                n += 1;
            }
        }
    }
    assert!(n >= 4, "only {n} chiso commands found in docs/deploy.md");
}

/// The strings under every `run`, `script`, `before_script` key.
fn commands_in(v: &serde_json::Value, under: bool, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) if under => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| commands_in(x, under, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
            let runs = matches!(
                k.as_str(),
                "run" | "script" | "before_script" | "after_script"
            );
            commands_in(x, under || runs, out)
        }),
        _ => {}
    }
}

#[test]
fn the_command_check_catches_a_flag_that_does_not_exist() {
    let bad = chiso_commands("- run: chiso build --no-such-flag\n");
    let r = std::panic::catch_unwind(|| check_command(&bad[0], "test"));
    assert!(r.is_err(), "an unknown flag passed");
    let bad = chiso_commands("chiso publish --now 2024-01-01T00:00:00Z");
    assert!(std::panic::catch_unwind(|| check_command(&bad[0], "test")).is_err());
    let good = chiso_commands("cd site && chiso new article \"Tin mới\" --category \"Kinh tế\"");
    assert_eq!(
        good[0],
        ["new", "article", "Tin mới", "--category", "Kinh tế"]
    );
    check_command(&good[0], "test");
}

#[test]
fn readme_links_the_deploy_recipes() {
    let readme = include_str!("../README.md");
    assert!(readme.contains("(docs/deploy.md)"));
}
