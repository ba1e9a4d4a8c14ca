//! Scheduled publishing: `publish_date:` and `expiry_date:` in front matter.
//! An article is built only while `publish_date ≤ now < expiry_date`; "now"
//! is a value resolved once by the command line (`--now`,
//! `SOURCE_DATE_EPOCH`, the clock) and handed down: nothing here reads the
//! clock.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::config::SiteConfig;
use crate::load::yaml::{self, Spanned};
use crate::util::dates::{self, PubDate};
use std::path::Path;

/// Why an article that loaded well is not built now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hold {
    /// `publish_date` is later than now.
    Scheduled(PubDate),
    /// `expiry_date` is now or earlier.
    Expired(PubDate),
}

/// Whether an article with these dates is held back at `now` (`None`:
/// `--future`, everything is built): it is built while `publish_date ≤ now <
/// expiry_date`.
pub fn hold(
    publish: Option<&PubDate>,
    expiry: Option<&PubDate>,
    now: Option<jiff::Timestamp>,
) -> Option<Hold> {
    let now = now?;
    if let Some(p) = publish.filter(|p| p.ts > now) {
        return Some(Hold::Scheduled(p.clone()));
    }
    expiry
        .filter(|e| e.ts <= now)
        .map(|e| Hold::Expired(e.clone()))
}

/// Which articles and pages a build includes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Include {
    /// `--drafts`: also those marked `draft: true`.
    pub drafts: bool,
    /// The instant `publish_date` and `expiry_date` are compared with;
    /// `None` (`--future`): every article, whatever its dates.
    pub now: Option<jiff::Timestamp>,
}

/// A front matter date (`date:`, `publish_date:`, `expiry_date:`) in the
/// site's zone; an error at its line when it cannot be read.
pub(crate) fn read_date(
    key: &str,
    d: &Spanned<String>,
    cfg: &SiteConfig,
    rel: &Path,
    off: usize,
    diags: &mut Diagnostics,
) -> Option<PubDate> {
    match dates::parse(&d.value, &cfg.timezone) {
        Ok(d) => Some(d),
        Err(e) => {
            let (line, col) = (yaml::line_of(d) + off, yaml::col_of(d));
            let (message, hint) = if key == "date" {
                (
                    msg!(
                        m::DATE_CANNOT_READ,
                        value = &d.value,
                        detail = m::en_only(e)
                    ),
                    msg!(m::DATE_CANNOT_READ_HINT),
                )
            } else {
                (
                    msg!(
                        m::DATE_KEY_CANNOT_READ,
                        key = key,
                        value = &d.value,
                        detail = m::en_only(e)
                    ),
                    msg!(m::DATE_KEY_CANNOT_READ_HINT, key = key),
                )
            };
            diags.push(
                Diagnostic::error(codes::BAD_DATE, rel, message)
                    .at(line, col)
                    .hint(hint),
            );
            None
        }
    }
}
