//! The help of every command and flag in the language of this run, from
//! the catalogue: `help.<command path>` for a command's about, and
//! `help.<command path>.<flag>` (else the same key one command up, else
//! `help.<flag>`) for a flag. A flag the catalogue lacks keeps its doc
//! comment (the test below lists it). Part of the binary (main.rs includes
//! this file); the last "stage" in tests/architecture.rs.

use chiso::i18n::{self, Lang};
use clap::{Arg, ArgAction, Command};

fn entry(key: &str) -> Option<&'static i18n::Entry> {
    i18n::entries().into_iter().find(|e| e.key == key)
}

/// The entry of flag `id` of the command at `path` (`new.article`).
pub fn arg_entry(path: &str, id: &str) -> Option<&'static i18n::Entry> {
    let mut p = path.to_string();
    loop {
        let key = if p.is_empty() {
            format!("help.{id}")
        } else {
            format!("help.{p}.{id}")
        };
        if let Some(e) = entry(&key) {
            return Some(e);
        }
        if p.is_empty() {
            return None;
        }
        p = p
            .rsplit_once('.')
            .map_or(String::new(), |(a, _)| a.to_string());
    }
}

pub fn localize(cmd: Command, lang: Lang) -> Command {
    let mut cmd = walk(cmd, "", lang);
    // clap adds the `help` subcommands when it builds; build now to word them.
    cmd.build();
    let cmd = help_commands(cmd, lang);
    if lang == Lang::En {
        return cmd;
    }
    usages(cmd, lang)
}

/// Every command's usage line in `lang`: clap's own (`chiso new [OPTIONS]
/// <PATH>`, its capitals English whatever the values are named) with its
/// words from the catalogue, lined up under the heading.
fn usages(mut cmd: Command, lang: Lang) -> Command {
    let t = |e: &'static i18n::Entry| e.text(lang);
    let heading = format!("{}: ", t(&i18n::catalog::HELP_USAGE));
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
    let options = t(&i18n::catalog::USAGE_WORD_OPTIONS);
    let command = t(&i18n::catalog::USAGE_WORD_COMMAND);
    let words = usage
        .replace("[OPTIONS]", &format!("[{options}]"))
        .replace("<COMMAND>", &format!("<{command}>"))
        .replace("[COMMAND]", &format!("[{command}]"));
    let lines: Vec<&str> = words.lines().map(str::trim).collect();
    let indent = format!("\n{}", " ".repeat(heading.chars().count()));
    cmd = cmd.override_usage(lines.join(&indent));
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        cmd = cmd.mut_subcommand(&s, |c| usages(c, lang));
    }
    cmd
}

/// The about line of every `help` subcommand clap added, in `lang`.
fn help_commands(mut cmd: Command, lang: Lang) -> Command {
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        cmd = if s == "help" {
            cmd.mut_subcommand(&s, |c| c.about(i18n::catalog::HELP_HELP_CMD.text(lang)))
        } else {
            cmd.mut_subcommand(&s, |c| help_commands(c, lang))
        };
    }
    cmd
}

/// The value of flag or argument `id` named in `lang` (`<thư mục gốc>`)
/// when the catalogue has `value.<id>` with the English name it has now;
/// a name of the program's own (`<vi|en>`, `<RFC3339>`) stays.
fn value_name(a: Arg, id: &str, lang: Lang) -> Arg {
    let now = match a.get_value_names() {
        Some([one]) => one.as_str().to_string(),
        Some(_) => return a,
        None => id.to_uppercase(),
    };
    match entry(&format!("value.{id}")) {
        Some(e) if a.get_action().takes_values() && e.en == now => a.value_name(e.text(lang)),
        _ => a,
    }
}

fn walk(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let key = if path.is_empty() {
        "help".to_string()
    } else {
        format!("help.{path}")
    };
    if let Some(e) = entry(&key) {
        cmd = cmd.about(e.text(lang)).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    if lang != Lang::En {
        for id in &ids {
            cmd = cmd.mut_arg(id, |a| value_name(a, id, lang));
        }
    }
    for id in ids {
        if let Some(e) = arg_entry(path, &id) {
            cmd = cmd.mut_arg(&id, |a| {
                if lang == Lang::En {
                    return a.help(e.text(lang)).long_help(None);
                }
                // clap's own "[default: …]" and "Possible values" are English.
                let mut text = e.text(lang).to_string();
                if !a.get_action().takes_values() {
                    return a.help(text).long_help(None);
                }
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                if !defaults.is_empty() {
                    let d = i18n::Msg::new(
                        &i18n::catalog::HELP_DEFAULT,
                        vec![("value", i18n::text(defaults.join(", ")))],
                    );
                    text = format!("{text} {}", d.render(lang));
                }
                a.hide_default_value(true)
                    .hide_possible_values(true)
                    .help(text)
                    .long_help(None)
            });
        }
    }
    let t = |e: &'static i18n::Entry| e.text(lang);
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .global(true)
            .help(t(&i18n::catalog::HELP_HELP)),
    );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t(&i18n::catalog::HELP_VERSION)),
        );
    }
    let has_subs = cmd.get_subcommands().next().is_some();
    let has_pos = cmd.get_positionals().next().is_some();
    let mut tpl = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n",
        t(&i18n::catalog::HELP_USAGE)
    );
    if has_subs {
        tpl += &format!("\n{}:\n{{subcommands}}\n", t(&i18n::catalog::HELP_COMMANDS));
    }
    if has_pos {
        tpl += &format!(
            "\n{}:\n{{positionals}}\n",
            t(&i18n::catalog::HELP_ARGUMENTS)
        );
    }
    tpl += &format!(
        "\n{}:\n{{options}}{{after-help}}",
        t(&i18n::catalog::HELP_OPTIONS)
    );
    cmd = cmd.help_template(tpl);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        let p = if path.is_empty() {
            s.clone()
        } else {
            format!("{path}.{s}")
        };
        cmd = cmd.mut_subcommand(&s, |c| walk(c, &p, lang));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every visible command and flag has its help in the catalogue.
    #[test]
    fn every_command_and_flag_has_help_in_both_languages() {
        fn check(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            let key = if path.is_empty() {
                "help".to_string()
            } else {
                format!("help.{path}")
            };
            if !cmd.is_hide_set() && entry(&key).is_none() {
                missing.push(key);
            }
            for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = a.get_id().as_str();
                if id != "help" && id != "version" && arg_entry(path, id).is_none() {
                    missing.push(format!("{path} --{id}"));
                }
            }
            for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let p = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path}.{}", s.get_name())
                };
                if !s.is_hide_set() {
                    check(s, &p, missing);
                }
            }
        }
        let mut missing = Vec::new();
        check(&crate::Cli::command(), "", &mut missing);
        assert!(
            missing.is_empty(),
            "no help in the catalogue for: {missing:?}"
        );
    }

    #[test]
    fn vietnamese_help_has_vietnamese_headings() {
        let mut cmd = localize(crate::Cli::command(), Lang::Vi);
        let text = cmd.render_help().to_string();
        assert!(text.contains("Cách dùng:"), "{text}");
        assert!(text.contains("Các lệnh:"), "{text}");
        assert!(text.contains("Tùy chọn:"), "{text}");
        assert!(text.contains("In hướng dẫn này"), "{text}");
        assert!(
            text.contains("hoặc hướng dẫn của lệnh được nêu"),
            "the help command's line: {text}"
        );
        assert!(!text.contains("Print this message"), "{text}");
        assert!(
            !text.contains("Usage:") && !text.contains("Print help"),
            "{text}"
        );
    }
}
