//! clap's usage errors (a misspelt command or flag, a missing argument, a
//! bad value) told in the run's language from the catalogue, instead of
//! clap's English. Part of the binary (main.rs includes this file).

use chiso::i18n::{self, Msg, catalog as m};
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

fn ctx(e: &Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn msg(entry: &'static i18n::Entry, args: Vec<(&'static str, String)>) -> Msg {
    Msg::new(
        entry,
        args.into_iter().map(|(k, v)| (k, i18n::text(v))).collect(),
    )
}

/// `Usage: chiso build [OPTIONS]` → `chiso build [OPTIONS]`.
fn usage(e: &Error) -> Option<String> {
    let u = ctx(e, ContextKind::Usage)?;
    let u = u.split_once(':').map_or(u.as_str(), |(_, r)| r).trim();
    (!u.is_empty()).then(|| u.to_string())
}

/// The lines to print for a usage error: the error, a suggestion, the usage
/// and where to read more. `None` for help and version (clap prints them).
pub fn explain(e: &Error) -> Option<Vec<Msg>> {
    let arg = ctx(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = ctx(e, ContextKind::InvalidValue).unwrap_or_default();
    let first = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidSubcommand => {
            let word = ctx(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            msg(&m::USAGE_UNKNOWN_COMMAND, vec![("word", word)])
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            msg(&m::USAGE_UNKNOWN_FLAG, vec![("word", arg)])
        }
        ErrorKind::UnknownArgument => msg(&m::USAGE_EXTRA_ARG, vec![("word", arg)]),
        ErrorKind::MissingSubcommand
            if arg.is_empty() && !usage(e).unwrap_or_default().starts_with("chiso new ") =>
        {
            let commands = ctx(e, ContextKind::ValidSubcommand).unwrap_or_default();
            let commands: Vec<&str> = commands.split(", ").filter(|c| *c != "help").collect();
            msg(
                &m::USAGE_MISSING_COMMAND,
                vec![("commands", commands.join(", "))],
            )
        }
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            let what = if arg.is_empty() {
                ctx(e, ContextKind::ValidSubcommand).unwrap_or_default()
            } else {
                arg
            };
            let u = usage(e).unwrap_or_default();
            if u.starts_with("chiso new ") {
                msg(&m::NEW_WHAT, vec![])
            } else {
                msg(&m::USAGE_MISSING, vec![("what", what)])
            }
        }
        ErrorKind::InvalidValue if value.is_empty() => msg(&m::USAGE_NO_VALUE, vec![("flag", arg)]),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            match ctx(e, ContextKind::ValidValue) {
                Some(choices) => msg(
                    &m::USAGE_BAD_VALUE_CHOICES,
                    vec![("value", value), ("flag", arg), ("choices", choices)],
                ),
                None => msg(&m::USAGE_BAD_VALUE, vec![("value", value), ("flag", arg)]),
            }
        }
        ErrorKind::ArgumentConflict => {
            let other = ctx(e, ContextKind::PriorArg).unwrap_or_default();
            if other.is_empty() || other == arg {
                msg(&m::USAGE_TWICE, vec![("flag", arg)])
            } else {
                msg(&m::USAGE_CONFLICT, vec![("flag", arg), ("other", other)])
            }
        }
        _ => Msg::new(
            &m::USAGE_OTHER,
            vec![("detail", i18n::catalog::en_only(e.kind()))],
        ),
    };
    let mut lines = vec![first];
    let suggested = ctx(e, ContextKind::SuggestedSubcommand)
        .or_else(|| ctx(e, ContextKind::SuggestedArg))
        .or_else(|| ctx(e, ContextKind::SuggestedValue));
    if let Some(s) = suggested {
        // clap suggests `--output` as "--output" or with its value.
        let s = s.split_whitespace().next().unwrap_or_default().to_string();
        lines.push(msg(&m::USAGE_DID_YOU_MEAN, vec![("word", s)]));
    }
    if let Some(u) = usage(e) {
        let command: Vec<&str> = u
            .split_whitespace()
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect();
        lines.push(msg(&m::USAGE_LINE, vec![("usage", u.clone())]));
        lines.push(msg(&m::USAGE_MORE, vec![("command", command.join(" "))]));
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use i18n::Lang;

    fn said(args: &[&str]) -> String {
        let cmd = crate::help::localize(crate::Cli::command(), Lang::Vi);
        let e = match cmd.try_get_matches_from(args) {
            Ok(_) => panic!("{args:?} parsed"),
            Err(e) => e,
        };
        explain(&e)
            .expect("a usage error")
            .iter()
            .map(|m| m.render(Lang::Vi))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_misspelt_command_is_told_in_vietnamese_with_its_suggestion() {
        let t = said(&["chiso", "buil"]);
        assert!(t.contains("lỗi: không có lệnh `buil`"), "{t}");
        assert!(t.contains("có phải bạn muốn viết `build`?"), "{t}");
        assert!(!t.contains("unrecognized") && !t.contains("Usage"), "{t}");
    }

    #[test]
    fn a_misspelt_flag_names_the_right_one() {
        let t = said(&["chiso", "build", "--ouput", "x"]);
        assert!(t.contains("không có tùy chọn `--ouput`"), "{t}");
        assert!(t.contains("`--output`"), "{t}");
        assert!(t.contains("Cách dùng: chiso build"), "{t}");
        assert!(t.contains("Gõ `chiso build --help`"), "{t}");
    }

    #[test]
    fn chiso_new_alone_says_what_it_can_create() {
        let t = said(&["chiso", "new"]);
        assert!(t.contains("hãy cho biết cần tạo gì"), "{t}");
    }

    #[test]
    fn a_missing_command_names_the_commands_not_help() {
        let t = said(&["chiso", "import", "--lang", "vi"]);
        assert!(t.contains("lỗi: hãy ghi thêm lệnh cần chạy: data"), "{t}");
        assert!(!t.contains("data, help"), "{t}");
    }

    #[test]
    fn a_bad_port_names_the_value_and_the_flag() {
        let t = said(&["chiso", "serve", "--port", "abc"]);
        assert!(t.contains("`abc` không dùng được cho --port"), "{t}");
        let t = said(&["chiso", "check", "--format", "xml"]);
        assert!(t.contains("human, json, github"), "{t}");
    }
}
