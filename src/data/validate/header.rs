//! The dataset's header: `title`, `short_title`, `description`, `source`,
//! `status` and the `total` mode.

use super::common::{Ctx, Pos, TOP, optional_text, pos, pos_or};
use crate::data::dataset::{Source, Status, TotalMode};
use crate::data::raw::RawSource;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::load::yaml::Spanned;

/// The required `title`.
pub(super) fn title(cx: &mut Ctx, s: Option<Spanned<String>>) -> Option<String> {
    cx.text(s, TOP, "title", msg!(m::DV_TITLE_HINT))
}

pub(super) fn short_title(cx: &mut Ctx, s: Option<Spanned<String>>) -> Option<String> {
    s.and_then(|s| cx.nonempty(s, "short_title", msg!(m::DV_SHORT_TITLE_HINT)))
}

/// The required `source` list: at least one entry, each with a name.
pub(super) fn sources(cx: &mut Ctx, list: Option<Spanned<Vec<Spanned<RawSource>>>>) -> Vec<Source> {
    let Some(list) = list else {
        cx.err(TOP, msg!(m::DV_NO_SOURCE), msg!(m::DV_NO_SOURCE_HINT));
        return Vec::new();
    };
    if list.value.is_empty() {
        cx.err(
            pos(&list),
            msg!(m::DV_SOURCE_EMPTY),
            msg!(m::DV_SOURCE_EMPTY_HINT),
        );
    }
    let list_pos = pos(&list);
    list.value
        .into_iter()
        .filter_map(|s| source(cx, s, list_pos))
        .collect()
}

fn source(cx: &mut Ctx, s: Spanned<RawSource>, list_pos: Pos) -> Option<Source> {
    let at = pos_or(&s, list_pos);
    let name = cx.text(s.value.name, at, "name", msg!(m::DV_SOURCE_NAME_HINT));
    let url = s.value.url.and_then(|u| source_url(cx, &u));
    let note = optional_text(s.value.note);
    Some(Source {
        name: name?,
        url,
        note,
    })
}

/// An http(s) address, trimmed.
fn source_url(cx: &mut Ctx, u: &Spanned<String>) -> Option<String> {
    let t = u.value.trim();
    if t.starts_with("https://") || t.starts_with("http://") {
        Some(t.to_string())
    } else {
        cx.err(
            pos(u),
            msg!(m::DV_SOURCE_URL, url = t),
            msg!(m::DV_SOURCE_URL_HINT),
        );
        None
    }
}

/// `published` (the default) or `illustrative`.
pub(super) fn status(cx: &mut Ctx, s: Option<Spanned<String>>) -> Status {
    let Some(s) = s else {
        return Status::Published;
    };
    match s.value.trim() {
        "published" => Status::Published,
        "illustrative" => Status::Illustrative,
        other => {
            cx.err(
                pos(&s),
                msg!(m::DV_STATUS, value = other),
                msg!(m::DV_STATUS_HINT),
            );
            Status::Published
        }
    }
}

/// `independent` (the default) or `sum_of_fields`.
pub(super) fn total_mode(cx: &mut Ctx, t: Option<&Spanned<String>>) -> TotalMode {
    let Some(t) = t else {
        return TotalMode::Independent;
    };
    match t.value.trim() {
        "independent" => TotalMode::Independent,
        "sum_of_fields" => TotalMode::SumOfFields,
        other => {
            cx.err(
                pos(t),
                msg!(m::DV_TOTAL_MODE, value = other),
                msg!(m::DV_TOTAL_MODE_HINT),
            );
            TotalMode::Independent
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::tests::{lines, messages, yaml};
    use super::*;
    use std::path::Path;

    #[test]
    fn a_source_needs_a_name_and_an_http_address() {
        let list = yaml(
            "- name: A\n  url: \" https://a.vn \"\n  note: \" n \"\n- url: ftp://b\n- name: C\n  note: \"  \"\n",
        );
        let mut cx = Ctx::new(Path::new("t.yaml"));
        let got = sources(&mut cx, Some(list));
        assert_eq!(
            got,
            [
                Source {
                    name: "A".into(),
                    url: Some("https://a.vn".into()),
                    note: Some("n".into()),
                },
                Source {
                    name: "C".into(),
                    url: None,
                    note: None,
                },
            ]
        );
        assert_eq!(
            messages(&cx),
            [
                "missing required key `name`",
                "source url `ftp://b` is not an http(s) address",
            ]
        );
        assert_eq!(lines(&cx), [4, 4]);
    }

    #[test]
    fn source_is_required_and_not_empty() {
        let mut cx = Ctx::new(Path::new("t.yaml"));
        assert!(sources(&mut cx, None).is_empty());
        assert!(sources(&mut cx, Some(yaml("[]"))).is_empty());
        assert_eq!(
            messages(&cx),
            ["missing required key `source`", "`source` is empty"]
        );
    }

    #[test]
    fn status_and_total_mode_default_and_reject_unknown_words() {
        let mut cx = Ctx::new(Path::new("t.yaml"));
        assert_eq!(status(&mut cx, None), Status::Published);
        assert_eq!(
            status(&mut cx, Some(yaml(" illustrative "))),
            Status::Illustrative
        );
        assert_eq!(status(&mut cx, Some(yaml("draft"))), Status::Published);
        assert_eq!(total_mode(&mut cx, None), TotalMode::Independent);
        let sum = yaml("sum_of_fields");
        assert_eq!(total_mode(&mut cx, Some(&sum)), TotalMode::SumOfFields);
        let bad = yaml("sum");
        assert_eq!(total_mode(&mut cx, Some(&bad)), TotalMode::Independent);
        assert_eq!(
            messages(&cx),
            ["unknown status `draft`", "unknown total mode `sum`"]
        );
    }
}
