//! The `chiso` command line.

use chiso::i18n::{self, Lang};
use chiso::say;
use chiso::{BuildOptions, Report};
use chiso::{Diagnostics, Format};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Static-site generator for Vietnamese district and provincial news sites:
/// Markdown articles and reform-index data (PAR Index, SIPAS, PAPI, PCI) in,
/// a light static HTML site with accessible SVG charts out.
#[derive(Parser)]
#[command(name = "chiso", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages and help: vi or en.
    #[arg(long, global = true, value_name = "vi|en")]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (atomically: a failed build
    /// leaves the previous output untouched).
    Build(BuildArgs),
    /// Validate content, data, templates and internal links without writing.
    /// Exit code 0: clean; 1: content errors; 2: usage or I/O error.
    Check(CommonArgs),
    /// Serve the site on 127.0.0.1 and rebuild on every change, reloading
    /// the open browser page.
    Serve(ServeArgs),
    /// Import a table from a spreadsheet into a dataset.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Create a new site (`chiso new <path>` or `chiso new site <path>`), an
    /// article (`chiso new article "Tiêu đề"`) or a dataset (`chiso new
    /// dataset <slug>`).
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    New {
        #[command(subcommand)]
        what: Option<NewCommand>,
        /// Folder of the new site (must not exist or be empty); same as
        /// `chiso new site <path>`.
        #[arg(required = true)]
        path: Option<PathBuf>,
    },
    /// Internal: delete an output folder that a build set aside.
    #[command(name = "__remove-old", hide = true)]
    RemoveOld { path: PathBuf },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Read one year of an index table from a spreadsheet (.xlsx, .xls,
    /// .ods, .csv) as the province publishes it, and write it into a
    /// dataset: a new file, or one year added to (or replaced in) an
    /// existing one, every other year left byte for byte as it was.
    Data(ImportDataArgs),
}

#[derive(Args)]
struct ImportDataArgs {
    /// The spreadsheet.
    file: PathBuf,
    /// The dataset to write: content/data/<slug>.yaml (new or existing).
    #[arg(long)]
    into: PathBuf,
    /// The sheet to read [default: the first].
    #[arg(long)]
    sheet: Option<String>,
    /// The year of the table [default: the one year its title names].
    #[arg(long)]
    year: Option<i32>,
    /// Say what a column holds: "Cột 5=the-che" (or "E=the-che"); the
    /// target is a field key, total, rank, unit or skip. Repeatable.
    #[arg(long = "map", value_name = "COLUMN=TARGET")]
    maps: Vec<String>,
    /// Add units the dataset does not have yet (otherwise each is an error).
    #[arg(long)]
    add_units: bool,
    /// A CSV of old key, new key, date: the lineage of units the table adds
    /// after the 2025 reform.
    #[arg(long, value_name = "FILE")]
    lineage: Option<PathBuf>,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
}

#[derive(Subcommand)]
enum NewCommand {
    /// Create a new site skeleton in a folder.
    Site {
        /// Folder to create (must not exist or be empty).
        path: PathBuf,
    },
    /// Write content/articles/<year>/<slug>.md with its front matter filled
    /// in (date now, in the site's time zone; author from CHISO_AUTHOR) and
    /// print its path. Never overwrites a file.
    Article {
        /// The article's title; the file name is made from it.
        title: String,
        /// The article's category [default: site.yaml's default_category].
        #[arg(long)]
        category: Option<String>,
        /// Site root: the folder holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Take this instant as now (RFC 3339) instead of SOURCE_DATE_EPOCH
        /// or the clock.
        #[arg(long)]
        now: Option<String>,
    },
    /// Write content/data/<slug>.yaml: a commented skeleton of a dataset
    /// (DATA-SCHEMA), ready to fill in. Never overwrites a file.
    Dataset {
        /// The dataset's slug (lowercase a–z, digits and hyphens).
        slug: String,
        /// Site root: the folder holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Readable text with the source line and a caret.
    Human,
    /// One JSON object per line: severity, file, line, column, code, message, hint.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Args, Clone)]
struct CommonArgs {
    /// Site root: the folder holding content/ and themes/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Output folder [default: <root>/output].
    #[arg(long)]
    output: Option<PathBuf>,
    /// Override site.yaml's base_url (for preview deploys).
    #[arg(long)]
    base_url: Option<String>,
    /// Include articles and pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Treat warnings as errors (for CI).
    #[arg(long)]
    deny_warnings: bool,
    /// Addresses published before and gone now were removed on purpose:
    /// record their removal instead of warning (W0112).
    #[arg(long)]
    accept_removed: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
    /// Take this instant (RFC 3339, e.g. 2024-05-20T13:50:00+07:00) as now
    /// for publish_date and expiry_date [default: SOURCE_DATE_EPOCH, else
    /// the clock].
    #[arg(long, value_name = "RFC3339")]
    now: Option<String>,
    /// Build every article whatever its publish_date and expiry_date
    /// (previews).
    #[arg(long)]
    future: bool,
}

#[derive(Args, Clone)]
struct BuildArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// Print the time spent in each phase.
    #[arg(long)]
    timings: bool,
    /// Fail at once (E0602) if another build is writing the same output
    /// folder, instead of waiting for it.
    #[arg(long)]
    no_wait: bool,
}

#[derive(Args, Clone)]
struct ServeArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// Port on 127.0.0.1 (0: any free port).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Print the time of each phase of every rebuild.
    #[arg(long)]
    timings: bool,
}

/// The build's "now": `--now`, else `SOURCE_DATE_EPOCH`, else the clock.
/// The only place chiso reads the clock or that variable; the value is
/// passed down in `BuildOptions`.
fn resolve_now(flag: Option<&str>) -> Result<chiso::Now, i18n::Msg> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    chiso::Now::resolve(flag, epoch.as_deref(), jiff::Timestamp::now)
}

impl CommonArgs {
    /// The options of this command; `Err`: `--now` or `SOURCE_DATE_EPOCH`
    /// cannot be read (printed, exit code 2).
    fn options(&self) -> Result<BuildOptions, ExitCode> {
        let now = resolve_now(self.now.as_deref()).map_err(|e| {
            eprintln!("{}", say!(CLI_ERROR, detail = e));
            ExitCode::from(2)
        })?;
        Ok(BuildOptions {
            root: self.root.clone(),
            output: self.output.clone(),
            base_url: self.base_url.clone(),
            drafts: self.drafts,
            deny_warnings: self.deny_warnings,
            no_wait: false,
            accept_removed: self.accept_removed,
            render: Default::default(),
            now,
            future: self.future,
        })
    }
    fn format(&self) -> Format {
        match self.format {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
        }
    }
}

fn print_diags(d: &Diagnostics, c: &CommonArgs) {
    if d.is_empty() {
        return;
    }
    let text = chiso::render_diagnostics(d, c.format(), &c.root);
    // Machine formats go to stdout so CI can capture them; human to stderr.
    match c.format {
        FormatArg::Human => eprint!("{text}"),
        _ => print!("{text}"),
    }
}

/// Exit code 2 for usage/I-O problems (nothing about the content), 1 otherwise.
fn exit_for(d: &Diagnostics) -> ExitCode {
    let io_only = d.iter().all(|x| {
        matches!(
            x.code,
            chiso::codes::IO | chiso::codes::OUTPUT_DIR | chiso::codes::OUTPUT_BUSY
        )
    });
    if io_only {
        ExitCode::from(2)
    } else {
        ExitCode::from(1)
    }
}

/// One line saying which "now" the build used, when it held anything back.
fn schedule_line(r: &Report) {
    if let Some(line) = r.schedule.line() {
        eprintln!("{line}");
    }
}

fn summary(verb: String, r: &Report, start: Instant, c: &CommonArgs) {
    if !matches!(c.format, FormatArg::Human) {
        return;
    }
    let warnings = if r.warnings.is_empty() {
        String::new()
    } else {
        say!(SUMMARY_WARNINGS, n = r.warnings.warning_count())
    };
    let secs = i18n::dec(start.elapsed().as_secs_f64(), 2, i18n::current());
    eprintln!(
        "{}",
        say!(
            SUMMARY,
            verb = verb,
            pages = r.pages,
            articles = r.articles,
            charts = r.charts,
            files = r.files,
            secs = secs,
            warnings = warnings
        )
    );
}

/// `chiso: … has no content/ folder`, exit code 2.
fn no_content(root: &std::path::Path) -> ExitCode {
    eprintln!("{}", say!(NO_CONTENT, root = root.display()));
    ExitCode::from(2)
}

/// The value of `--NAME X` or `--NAME=X` among the arguments, before clap
/// parses them: the language must be known to write the help.
fn early_flag(args: &[String], name: &str) -> Option<String> {
    let long = format!("--{name}");
    let eq = format!("--{name}=");
    args.iter().enumerate().find_map(|(i, a)| {
        if a == &long {
            args.get(i + 1).cloned()
        } else {
            a.strip_prefix(&eq).map(str::to_string)
        }
    })
}

/// `--lang`, else `CHISO_LANG`, else site.yaml's `language` (of `--root`,
/// default `.`), else the locale, else English.
fn choose_language(args: &[String]) -> Lang {
    let root = early_flag(args, "root").unwrap_or_else(|| ".".into());
    let site = i18n::site_language(std::path::Path::new(&root));
    let var = |k: &str| std::env::var(k).ok();
    i18n::resolve(early_flag(args, "lang").as_deref(), &var, site.as_deref())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let lang = choose_language(&args);
    i18n::set(lang);
    let cli = match help::localize(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(c) => c,
        Err(e) => match usage::explain(&e) {
            Some(lines) => {
                for l in lines {
                    eprintln!("{}", l.render(lang));
                }
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    let start = Instant::now();
    match cli.command {
        Command::Build(b) => {
            if !b.common.root.join("content").is_dir() {
                return no_content(&b.common.root);
            }
            let opts = match b.common.options() {
                Ok(o) => BuildOptions {
                    no_wait: b.no_wait,
                    ..o
                },
                Err(code) => return code,
            };
            match chiso::build(&opts) {
                Ok(r) => {
                    print_diags(&r.warnings, &b.common);
                    schedule_line(&r);
                    if b.timings {
                        for (name, d) in &r.timings.phases {
                            eprintln!("  {name:<8} {:>8.1} ms", d.as_secs_f64() * 1000.0);
                        }
                    }
                    let out = opts.output_dir();
                    summary(
                        say!(SUMMARY_BUILT, out = out.display()),
                        &r,
                        start,
                        &b.common,
                    );
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    print_diags(&d, &b.common);
                    eprintln!("{}", say!(BUILD_FAILED, n = d.error_count()));
                    exit_for(&d)
                }
            }
        }
        Command::Check(c) => {
            if !c.root.join("content").is_dir() {
                return no_content(&c.root);
            }
            let opts = match c.options() {
                Ok(o) => o,
                Err(code) => return code,
            };
            match chiso::check(&opts) {
                Ok(r) => {
                    print_diags(&r.warnings, &c);
                    schedule_line(&r);
                    summary(say!(SUMMARY_CHECKED), &r, start, &c);
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    print_diags(&d, &c);
                    eprintln!("{}", say!(CHECK_FAILED, n = d.error_count()));
                    exit_for(&d)
                }
            }
        }
        Command::RemoveOld { path } => {
            if chiso::remove_old(&path) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        Command::Import(ImportCommand::Data(a)) => import_data(a),
        Command::Serve(s) => match s.common.options() {
            Ok(o) => chiso::serve(&o, s.port, s.timings),
            Err(code) => code,
        },
        Command::New { what, path } => new(what, path),
    }
}

fn new(what: Option<NewCommand>, path: Option<PathBuf>) -> ExitCode {
    let what = match (what, path) {
        (Some(w), _) => w,
        (None, Some(path)) => NewCommand::Site { path },
        (None, None) => {
            eprintln!("{}", say!(NEW_WHAT));
            return ExitCode::from(2);
        }
    };
    let done = match what {
        NewCommand::Site { path } => chiso::new_site(&path).map(|()| {
            eprintln!("{}", say!(NEW_CREATED, path = path.display()));
        }),
        NewCommand::Article {
            title,
            category,
            root,
            now,
        } => resolve_now(now.as_deref()).and_then(|now| {
            let author = std::env::var("CHISO_AUTHOR").ok();
            let new = chiso::NewArticle {
                title: &title,
                category: category.as_deref(),
                author: author.as_deref(),
                now: now.ts,
            };
            chiso::new_article(&root, &new).map(|p| println!("{}", p.display()))
        }),
        NewCommand::Dataset { slug, root } => {
            chiso::new_dataset(&root, &slug).map(|p| println!("{}", p.display()))
        }
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", say!(CLI_ERROR, detail = e));
            ExitCode::from(2)
        }
    }
}

fn import_data(a: ImportDataArgs) -> ExitCode {
    let opts = chiso::ImportOptions {
        file: a.file,
        into: a.into,
        sheet: a.sheet,
        year: a.year,
        maps: a.maps,
        add_units: a.add_units,
        lineage: a.lineage,
    };
    let format = match a.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Github => Format::Github,
    };
    match chiso::import_data(&opts) {
        Ok(r) => {
            let new = if r.created {
                say!(IMPORTED_NEW)
            } else {
                String::new()
            };
            eprintln!(
                "{}",
                say!(
                    IMPORTED,
                    units = r.units,
                    year = r.year.to_string(),
                    into = r.into.display(),
                    new = new
                )
            );
            for n in &r.notes {
                eprintln!("  - {n}");
            }
            ExitCode::SUCCESS
        }
        Err(d) => {
            let text = chiso::render_diagnostics(&d, format, std::path::Path::new("."));
            match a.format {
                FormatArg::Human => eprint!("{text}"),
                _ => print!("{text}"),
            }
            eprintln!("{}", say!(IMPORT_FAILED, n = d.error_count()));
            exit_for(&d)
        }
    }
}

#[path = "cli/help.rs"]
mod help;
#[path = "cli/usage.rs"]
mod usage;
