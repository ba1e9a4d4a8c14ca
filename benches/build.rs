//! Build benchmark (issue 5): chiso vs. the floor vs. Hugo vs. Zola.
//!
//! ```text
//! cargo bench --bench build -- [--n 1000,10000] [--runs 3] [--tmpfs|--disk|--both]
//!                              [--seed 42] [--tools chiso,floor1,floor2,hugo,pagefind,zola]
//!                              [--chiso PATH] [--keep] [--no-charts]
//! cargo bench --bench build -- --generate DIR --n 1000 [--seed 42]
//! ```
//!
//! Every measured run is a child process, reaped with `wait4` so its wall
//! time, user/sys CPU time and peak RSS are its own. The floor runs as a child
//! too (this same binary in `--floor` mode). See benches/README.md.

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DEFAULT_SEED: u64 = 42;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench") // cargo bench passes it to harness = false targets
        .collect();
    if args.first().map(String::as_str) == Some("--floor") {
        std::process::exit(floor::main(&args[1..]));
    }
    let opts = match Opts::parse(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    if let Some(dir) = &opts.generate {
        for &n in &opts.ns {
            let d = if opts.ns.len() == 1 {
                dir.clone()
            } else {
                dir.join(format!("n{n}"))
            };
            let t = Instant::now();
            corpus::generate(&d, n, opts.seed, opts.charts).expect("generate corpus");
            eprintln!(
                "wrote {n} articles to {} in {:.1?}",
                d.display(),
                t.elapsed()
            );
        }
        return;
    }
    if let Err(e) = run(&opts) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

const USAGE: &str = "usage: cargo bench --bench build -- [--n 1000,10000] [--runs 3] \
[--tmpfs|--disk|--both] [--seed 42] [--tools chiso,floor1,floor2,hugo,pagefind,zola] [--chiso PATH] [--keep] [--no-charts]
       cargo bench --bench build -- --generate DIR [--n 1000] [--seed 42] [--no-charts]";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Fs {
    Tmpfs,
    Disk,
}

impl Fs {
    fn name(self) -> &'static str {
        match self {
            Fs::Tmpfs => "tmpfs",
            Fs::Disk => "disk",
        }
    }
}

struct Opts {
    ns: Vec<usize>,
    runs: usize,
    seed: u64,
    fs: Vec<Fs>,
    tools: Vec<String>,
    chiso: Option<PathBuf>,
    keep: bool,
    charts: bool,
    generate: Option<PathBuf>,
}

impl Opts {
    fn parse(args: &[String]) -> Result<Opts, String> {
        let mut o = Opts {
            ns: vec![1000, 10_000],
            runs: 3,
            seed: DEFAULT_SEED,
            fs: vec![],
            tools: ["chiso", "floor1", "floor2", "hugo", "pagefind", "zola"]
                .map(String::from)
                .to_vec(),
            chiso: None,
            keep: false,
            charts: true,
            generate: None,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut val = || it.next().cloned().ok_or(format!("{a} needs a value"));
            match a.as_str() {
                "--n" => {
                    o.ns = val()?
                        .split(',')
                        .map(|s| s.trim().replace('_', "").parse::<usize>())
                        .collect::<Result<_, _>>()
                        .map_err(|e| format!("--n: {e}"))?;
                }
                "--runs" => o.runs = val()?.parse().map_err(|e| format!("--runs: {e}"))?,
                "--seed" => o.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
                "--tmpfs" => o.fs = vec![Fs::Tmpfs],
                "--disk" => o.fs = vec![Fs::Disk],
                "--both" => o.fs = vec![Fs::Tmpfs, Fs::Disk],
                "--tools" => o.tools = val()?.split(',').map(|s| s.trim().to_string()).collect(),
                "--chiso" => o.chiso = Some(PathBuf::from(val()?)),
                "--keep" => o.keep = true,
                "--no-charts" => o.charts = false,
                "--generate" => o.generate = Some(PathBuf::from(val()?)),
                "-h" | "--help" => return Err("help".into()),
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        if o.runs == 0 || o.ns.contains(&0) {
            return Err("--runs and --n must be positive".into());
        }
        if o.fs.is_empty() {
            o.fs = vec![if tmpfs_root().is_some() {
                Fs::Tmpfs
            } else {
                Fs::Disk
            }];
        }
        Ok(o)
    }
}

fn tmpfs_root() -> Option<PathBuf> {
    let p = Path::new("/dev/shm");
    let ok = fs::metadata(p).map(|m| m.is_dir()).unwrap_or(false)
        && Command::new("df")
            .arg("--output=fstype")
            .arg(p)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).contains("tmpfs"))
            .unwrap_or(false);
    ok.then(|| p.to_path_buf())
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Generates (or reuses) the cached corpus for (n, seed, charts).
fn cached_corpus(n: usize, seed: u64, charts: bool) -> Result<PathBuf, String> {
    let dir = target_dir().join("bench-corpus").join(format!(
        "n{n}-s{seed}-v{}{}",
        corpus::GENERATOR_VERSION,
        if charts { "" } else { "-nocharts" }
    ));
    let stamp = dir.join(".complete");
    if stamp.exists() {
        return Ok(dir);
    }
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("remove {}: {e}", dir.display()))?;
    }
    let t = Instant::now();
    eprint!("generating corpus n={n} seed={seed} … ");
    corpus::generate(&dir, n, seed, charts)
        .map_err(|e| format!("generate {}: {e}", dir.display()))?;
    fs::write(&stamp, "").map_err(|e| e.to_string())?;
    eprintln!("{:.1?} ({})", t.elapsed(), dir.display());
    Ok(dir)
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    for e in walkdir::WalkDir::new(from).sort_by_file_name() {
        let e = e?;
        let rel = e.path().strip_prefix(from).expect("under root");
        let dst = to.join(rel);
        if e.file_type().is_dir() {
            fs::create_dir_all(&dst)?;
        } else if e.file_type().is_file() {
            fs::copy(e.path(), &dst)?;
        }
    }
    Ok(())
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

fn version_of(bin: &Path, arg: &str) -> String {
    Command::new(bin)
        .arg(arg)
        .output()
        .ok()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------- measuring a child

#[derive(Clone, Copy, Debug)]
struct Sample {
    wall: Duration,
    user: Duration,
    sys: Duration,
    /// KiB
    maxrss: u64,
}

fn tv(t: libc::timeval) -> Duration {
    Duration::new(t.tv_sec as u64, (t.tv_usec as u32) * 1000)
}

/// Runs `cmd` to completion with stdout/stderr to `log`; returns its usage.
fn measure(cmd: &mut Command, log: &Path) -> Result<Sample, String> {
    let out = fs::File::create(log).map_err(|e| e.to_string())?;
    let err = out.try_clone().map_err(|e| e.to_string())?;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err));
    let start = Instant::now();
    let child = cmd.spawn().map_err(|e| format!("spawn {cmd:?}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: plain FFI call with valid pointers; we reap our own child.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
    let wall = start.elapsed();
    drop(child); // already reaped; std's Child does not wait on drop
    if r != pid {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    if !ok {
        let text = fs::read_to_string(log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().take(25).collect();
        return Err(format!(
            "{cmd:?} failed ({}):\n    {}",
            if libc::WIFEXITED(status) {
                format!("exit code {}", libc::WEXITSTATUS(status))
            } else {
                format!("signal {}", libc::WTERMSIG(status))
            },
            tail.join("\n    ")
        ));
    }
    Ok(Sample {
        wall,
        user: tv(ru.ru_utime),
        sys: tv(ru.ru_stime),
        maxrss: ru.ru_maxrss as u64,
    })
}

// ---------------------------------------------------------------- tools

#[derive(Clone)]
struct Tool {
    key: &'static str,
    label: String,
    bin: PathBuf,
}

impl Tool {
    /// The command that builds the site of `site` (a corpus dir) into `out`.
    fn command(&self, site: &Path, out: &Path) -> Command {
        let g = corpus::layout(site);
        let mut c = Command::new(if self.key == "pagefind" {
            Path::new("sh")
        } else {
            self.bin.as_path()
        });
        match self.key {
            "chiso" => {
                c.arg("build")
                    .arg("--root")
                    .arg(&g.chiso)
                    .arg("--output")
                    .arg(out);
            }
            "floor1" | "floor2" => {
                c.arg("--floor")
                    .arg(g.chiso.join("content"))
                    .arg(out)
                    .arg(if self.key == "floor1" { "1" } else { "2" });
            }
            "hugo" => {
                c.arg("--source")
                    .arg(&g.hugo)
                    .arg("--destination")
                    .arg(out)
                    .arg("--quiet")
                    .arg("--noBuildLock")
                    .env("HUGO_CACHEDIR", out.with_extension("hugo-cache"));
            }
            "pagefind" => {
                // Hugo, then Pagefind over its output (the usual way to add
                // search to Hugo), as one timed child.
                c.arg("-c")
                    .arg(r#""$1" --source "$2" --destination "$3" --quiet --noBuildLock && "$4" --site "$3" --silent"#)
                    .arg("sh")
                    .arg(which("hugo").unwrap_or_default())
                    .arg(&g.hugo)
                    .arg(out)
                    .arg(&self.bin)
                    .env("HUGO_CACHEDIR", out.with_extension("hugo-cache"));
                return c;
            }
            "zola" => {
                c.arg("--root")
                    .arg(&g.zola)
                    .arg("build")
                    .arg("--output-dir")
                    .arg(out)
                    .arg("--force");
            }
            _ => unreachable!(),
        }
        c
    }
}

fn tools(opts: &Opts) -> (Vec<Tool>, Vec<String>) {
    let mut found = Vec::new();
    let mut notes = Vec::new();
    let me = std::env::current_exe().expect("current exe");
    for key in &opts.tools {
        match key.as_str() {
            "chiso" => {
                let bin = opts
                    .chiso
                    .clone()
                    .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_chiso")));
                if bin.is_file() {
                    notes.push(format!("chiso: {}", bin.display()));
                    found.push(Tool {
                        key: "chiso",
                        label: "chiso".into(),
                        bin,
                    });
                } else {
                    notes.push(format!("chiso: skipped, {} not found", bin.display()));
                }
            }
            "floor1" => found.push(Tool {
                key: "floor1",
                label: "floor 1 thread".into(),
                bin: me.clone(),
            }),
            "floor2" => found.push(Tool {
                key: "floor2",
                label: "floor 2 threads".into(),
                bin: me.clone(),
            }),
            "hugo" | "zola" => {
                let (key, vflag, hint) = if key == "hugo" {
                    ("hugo", "version", "apt-get install -y hugo")
                } else {
                    (
                        "zola",
                        "--version",
                        "not packaged by Debian nor on crates.io",
                    )
                };
                match which(key) {
                    Some(bin) => {
                        notes.push(format!(
                            "{key}: {} ({})",
                            bin.display(),
                            version_of(&bin, vflag)
                        ));
                        found.push(Tool {
                            key,
                            label: key.into(),
                            bin,
                        });
                    }
                    None => notes.push(format!("{key}: skipped, not on PATH ({hint})")),
                }
            }
            // Pagefind's CLI ships in its npm package
            // (`npm install pagefind` in a scratch folder): PAGEFIND, or
            // `pagefind`/`pagefind_extended` on PATH.
            "pagefind" => {
                let bin = std::env::var_os("PAGEFIND")
                    .map(PathBuf::from)
                    .or_else(|| which("pagefind"))
                    .or_else(|| which("pagefind_extended"));
                match (bin, which("hugo")) {
                    (Some(bin), Some(_)) => {
                        notes.push(format!(
                            "pagefind: {} ({}), after hugo",
                            bin.display(),
                            version_of(&bin, "--version")
                        ));
                        found.push(Tool {
                            key: "pagefind",
                            label: "hugo+pagefind".into(),
                            bin,
                        });
                    }
                    _ => notes.push(
                        "pagefind: skipped, needs hugo and pagefind (PAGEFIND=path, or on PATH; \
                         `npm install pagefind` ships it)"
                            .into(),
                    ),
                }
            }
            other => notes.push(format!("unknown tool {other:?} ignored")),
        }
    }
    (found, notes)
}

// ---------------------------------------------------------------- the run

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Mode {
    Fresh,
    InPlace,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Fresh => "fresh",
            Mode::InPlace => "in place",
        }
    }
}

type Results = BTreeMap<(usize, String, Mode), Vec<Sample>>;

fn run(opts: &Opts) -> Result<(), String> {
    let (tools, notes) = tools(opts);
    println!("chiso build benchmark (issue 5)");
    println!(
        "machine: {} cores; seed {}; {} round(s), A/B interleaved (tool order rotates each round)",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        opts.seed,
        opts.runs
    );
    for n in &notes {
        println!("  {n}");
    }
    println!(
        "  hugo/zola sites carry the same articles, categories, tags and images, but no datasets and no chart shortcodes"
    );
    if !opts.charts {
        println!("  --no-charts: the chiso corpus has no chart shortcodes either");
    }
    if opts.fs.contains(&Fs::Tmpfs) && tmpfs_root().is_none() {
        println!("  /dev/shm is not a tmpfs here: tmpfs runs are skipped");
    }
    if tools.is_empty() {
        return Err("no tool to run".into());
    }

    for &fsys in &opts.fs {
        let base = match fsys {
            Fs::Tmpfs => match tmpfs_root() {
                Some(p) => p.join(format!("chiso-bench-{}", std::process::id())),
                None => continue,
            },
            Fs::Disk => target_dir()
                .join("bench-corpus")
                .join(format!("run-{}", std::process::id())),
        };
        fs::create_dir_all(&base).map_err(|e| format!("{}: {e}", base.display()))?;
        let result = run_on(opts, &tools, fsys, &base);
        if !opts.keep {
            let _ = fs::remove_dir_all(&base);
        } else {
            println!("kept {}", base.display());
        }
        result?;
    }
    Ok(())
}

fn run_on(opts: &Opts, tools: &[Tool], fsys: Fs, base: &Path) -> Result<(), String> {
    let mut results: Results = BTreeMap::new();
    let mut failed: BTreeMap<(usize, String), String> = BTreeMap::new();
    let mut pages: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for &n in &opts.ns {
        let cached = cached_corpus(n, opts.seed, opts.charts)?;
        let site = match fsys {
            Fs::Disk => cached.clone(),
            Fs::Tmpfs => {
                let d = base.join(format!("corpus-n{n}"));
                copy_tree(&cached, &d).map_err(|e| format!("copy corpus to tmpfs: {e}"))?;
                d
            }
        };
        let (apparent, allocated, files) = corpus::tree_size(&corpus::layout(&site).chiso);
        println!();
        println!(
            "== N = {n} on {} ({}) — chiso corpus: {files} files, {} (allocated {})",
            fsys.name(),
            site.display(),
            mib(apparent),
            mib(allocated)
        );
        for round in 0..opts.runs {
            // rotate the order: A B C, B C A, C A B, …
            let k = round % tools.len();
            let order: Vec<&Tool> = tools[k..].iter().chain(&tools[..k]).collect();
            for tool in order {
                if failed.contains_key(&(n, tool.key.to_string())) {
                    continue;
                }
                let out = base.join(format!("out-{}-n{n}-r{round}", tool.key));
                let one = |mode: Mode| -> Result<Sample, String> {
                    sync_fs(fsys);
                    let log = base.join(format!("log-{}-n{n}-r{round}-{mode:?}.txt", tool.key));
                    let s = measure(&mut tool.command(&site, &out), &log)?;
                    eprintln!(
                        "  {:<16} n={n:<6} round {} {:<9} wall {:>8.3}s  cpu {:>8.3}s  rss {}",
                        tool.label,
                        round + 1,
                        mode.name(),
                        s.wall.as_secs_f64(),
                        (s.user + s.sys).as_secs_f64(),
                        mib(s.maxrss * 1024)
                    );
                    Ok(s)
                };
                let r = one(Mode::Fresh)
                    .and_then(|a| {
                        // untimed sanity check: did it write a page per article?
                        let html = count_html(&out);
                        pages.insert((n, tool.key.to_string()), html);
                        if html < n {
                            return Err(format!(
                                "wrote {html} HTML files for {n} articles (see {})",
                                out.display()
                            ));
                        }
                        Ok(a)
                    })
                    .and_then(|a| one(Mode::InPlace).map(|b| (a, b)));
                match r {
                    Ok((a, b)) => {
                        results
                            .entry((n, tool.key.to_string(), Mode::Fresh))
                            .or_default()
                            .push(a);
                        results
                            .entry((n, tool.key.to_string(), Mode::InPlace))
                            .or_default()
                            .push(b);
                    }
                    Err(e) => {
                        eprintln!("  {} failed at n={n}: {e}", tool.label);
                        failed.insert((n, tool.key.to_string()), e);
                    }
                }
                // clean up outside the timed region
                let _ = fs::remove_dir_all(&out);
                let _ = fs::remove_dir_all(out.with_extension("hugo-cache"));
            }
        }
        print_table(n, tools, &results, &failed, &pages, apparent, fsys);
        if fsys == Fs::Tmpfs && !opts.keep {
            let _ = fs::remove_dir_all(&site);
        }
    }
    Ok(())
}

fn count_html(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .count()
}

fn sync_fs(fsys: Fs) {
    if fsys == Fs::Disk {
        // SAFETY: no arguments, no memory.
        unsafe { libc::sync() };
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

struct Row {
    wall: f64,
    min: f64,
    max: f64,
    user: f64,
    sys: f64,
    rss: u64,
}

fn summarize(s: &[Sample]) -> Row {
    let walls: Vec<f64> = s.iter().map(|x| x.wall.as_secs_f64()).collect();
    Row {
        min: walls.iter().cloned().fold(f64::INFINITY, f64::min),
        max: walls.iter().cloned().fold(0.0, f64::max),
        wall: median(walls),
        user: median(s.iter().map(|x| x.user.as_secs_f64()).collect()),
        sys: median(s.iter().map(|x| x.sys.as_secs_f64()).collect()),
        rss: s.iter().map(|x| x.maxrss).max().unwrap_or(0),
    }
}

fn print_table(
    n: usize,
    tools: &[Tool],
    results: &Results,
    failed: &BTreeMap<(usize, String), String>,
    pages: &BTreeMap<(usize, String), usize>,
    corpus_bytes: u64,
    fsys: Fs,
) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "\n{:<16} {:<9} {:>9} {:>17} {:>8} {:>8} {:>8} {:>11} {:>9} {:>8} {:>7}",
        "tool",
        "output",
        "wall med",
        "[min – max]",
        "CPU",
        "user",
        "sys",
        "peak RSS",
        "art/s",
        "RSS/corp",
        "pages"
    );
    let mut walls: BTreeMap<(String, Mode), f64> = BTreeMap::new();
    for tool in tools {
        if let Some(e) = failed.get(&(n, tool.key.to_string())) {
            let first = e.lines().next().unwrap_or("");
            let _ = writeln!(out, "{:<16} FAILED: {first}", tool.label);
            for l in e.lines().skip(1).take(8) {
                let _ = writeln!(out, "{:<16} {l}", "");
            }
            continue;
        }
        for mode in [Mode::Fresh, Mode::InPlace] {
            let Some(s) = results.get(&(n, tool.key.to_string(), mode)) else {
                continue;
            };
            let r = summarize(s);
            walls.insert((tool.key.to_string(), mode), r.wall);
            let _ = writeln!(
                out,
                "{:<16} {:<9} {:>8.3}s {:>17} {:>7.3}s {:>7.3}s {:>7.3}s {:>11} {:>9.0} {:>7.2}× {:>7}",
                tool.label,
                mode.name(),
                r.wall,
                format!("[{:.3} – {:.3}]", r.min, r.max),
                r.user + r.sys,
                r.user,
                r.sys,
                mib(r.rss * 1024),
                n as f64 / r.wall,
                (r.rss * 1024) as f64 / corpus_bytes as f64,
                pages.get(&(n, tool.key.to_string())).copied().unwrap_or(0)
            );
        }
    }
    let _ = writeln!(
        out,
        "art/s = articles / median wall; pages = HTML files written; RSS/corp = peak RSS / chiso corpus bytes ({})",
        mib(corpus_bytes)
    );
    for mode in [Mode::Fresh, Mode::InPlace] {
        let Some(&c) = walls.get(&("chiso".to_string(), mode)) else {
            continue;
        };
        let mut parts = Vec::new();
        for (other, label) in [
            ("floor1", "floor-1t"),
            ("floor2", "floor-2t"),
            ("hugo", "hugo"),
            ("pagefind", "hugo+pagefind"),
            ("zola", "zola"),
        ] {
            let v = walls
                .get(&(other.to_string(), mode))
                .map_or("n/a".to_string(), |w| format!("{:.2}", c / w));
            parts.push(format!("chiso/{label} {v}"));
        }
        let _ = writeln!(
            out,
            "ratios, median wall, N = {n}, {}, output {}: {}",
            fsys.name(),
            mode.name(),
            parts.join("  ")
        );
    }
    let _ = out.flush();
}

// ---------------------------------------------------------------- the floor

/// What our crates cost at minimum: walk (sorted), read, split front matter,
/// parse it with serde-saphyr into a struct, render the Markdown with
/// pulldown-cmark, write one `index.html` per article. No templates, no
/// lists, no model.
mod floor {
    use rayon::prelude::*;
    use serde::Deserialize;
    use std::fs;
    use std::path::{Path, PathBuf};

    #[derive(Deserialize)]
    #[allow(dead_code)] // parsed to cost what chiso pays; not all fields are written out
    struct FrontMatter {
        title: String,
        slug: String,
        date: String,
        author: String,
        category: String,
        tags: Vec<String>,
        summary: String,
        image: String,
        image_caption: String,
    }

    pub fn main(args: &[String]) -> i32 {
        let [content, out, threads] = args else {
            eprintln!("usage: --floor CONTENT_DIR OUT_DIR THREADS");
            return 2;
        };
        let threads: usize = threads.parse().unwrap_or(1);
        match run(Path::new(content), Path::new(out), threads) {
            Ok(n) => {
                println!("floor: {n} articles");
                0
            }
            Err(e) => {
                eprintln!("floor: {e}");
                1
            }
        }
    }

    fn run(content: &Path, out: &Path, threads: usize) -> Result<usize, String> {
        let articles = content.join("articles");
        let mut files: Vec<PathBuf> = Vec::new();
        for e in walkdir::WalkDir::new(&articles).sort_by_file_name() {
            let e = e.map_err(|e| e.to_string())?;
            if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md") {
                files.push(e.into_path());
            }
        }
        fs::create_dir_all(out).map_err(|e| e.to_string())?;
        if threads <= 1 {
            for f in &files {
                one(f, out)?;
            }
        } else {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .map_err(|e| e.to_string())?;
            pool.install(|| files.par_iter().try_for_each(|f| one(f, out)))?;
        }
        Ok(files.len())
    }

    fn one(file: &Path, out: &Path) -> Result<(), String> {
        let src = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let rest = src
            .strip_prefix("---\n")
            .ok_or_else(|| format!("{}: no front matter", file.display()))?;
        let end = rest
            .find("\n---\n")
            .ok_or_else(|| format!("{}: unclosed front matter", file.display()))?;
        let (yaml, body) = (&rest[..end + 1], &rest[end + 5..]);
        let fm: FrontMatter =
            serde_saphyr::from_str(yaml).map_err(|e| format!("{}: {e}", file.display()))?;

        let mut html = String::with_capacity(body.len() * 3 / 2 + 512);
        html.push_str("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>");
        escape(&fm.title, &mut html);
        html.push_str("</title></head><body><article><h1>");
        escape(&fm.title, &mut html);
        html.push_str("</h1><p>");
        escape(&fm.summary, &mut html);
        html.push_str("</p>");
        let parser = pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES);
        pulldown_cmark::html::push_html(&mut html, parser);
        html.push_str("</article></body></html>\n");

        let category_dir = file
            .parent()
            .and_then(Path::file_name)
            .ok_or("no category dir")?;
        let dir = out.join(category_dir).join(&fm.slug);
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        fs::write(dir.join("index.html"), html).map_err(|e| format!("{}: {e}", dir.display()))
    }

    fn escape(s: &str, out: &mut String) {
        for c in s.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                _ => out.push(c),
            }
        }
    }
}
