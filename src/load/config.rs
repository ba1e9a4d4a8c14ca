//! `content/site.yaml`: the site's settings. Unknown keys are errors.

use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{self, Spanned};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub name: String,
    pub url: String,
}

/// A menu entry as written, with the location of its address.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMenuItem {
    name: String,
    url: Spanned<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawHtml {
    /// Raw HTML in Markdown is shown as text (default).
    #[default]
    Escape,
    /// Raw HTML passes through (explicit opt-in for trusted editors).
    Allow,
}

/// How files of `content/static/` reach the output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaticFiles {
    /// Copied (default): the output never shares a file with the sources.
    #[default]
    Copy,
    /// Hard-linked where the output is on the same file system: much faster
    /// for thousands of images or PDFs, but a tool that edits files in the
    /// output in place would then edit `content/static/` too.
    Link,
}

/// How readers reach the editors: shown in the footer and in the notice of
/// the closed comment section (`mailto:` and `tel:` links).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
}

impl Contact {
    /// The `tel:` target: digits and a leading `+` of `phone`.
    pub fn phone_href(&self) -> String {
        let t = self.phone.trim();
        let mut out: String = t.chars().filter(char::is_ascii_digit).collect();
        if t.starts_with('+') {
            out.insert(0, '+');
        }
        out
    }
}

/// The image shown when a page without its own image is shared
/// (`og:image`): a file of `content/static/` or an absolute address.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareImage {
    pub url: String,
    #[serde(default)]
    pub alt: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    #[serde(default)]
    pub raw_html: RawHtml,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    base_url: Spanned<String>,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default = "default_timezone")]
    timezone: Spanned<String>,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default = "default_per_page")]
    articles_per_page: usize,
    #[serde(default)]
    menu: Vec<RawMenuItem>,
    #[serde(default)]
    comments: Option<Spanned<String>>,
    #[serde(default)]
    markdown: MarkdownConfig,
    #[serde(default)]
    static_files: StaticFiles,
    #[serde(default = "default_category")]
    default_category: String,
    #[serde(default)]
    copyright: String,
    #[serde(default)]
    headline: Option<String>,
    #[serde(default)]
    contact: Option<Spanned<Contact>>,
    #[serde(default)]
    share_image: Option<ShareImage>,
}

fn default_language() -> String {
    "vi".into()
}
fn default_timezone() -> Spanned<String> {
    Spanned::new(
        "Asia/Ho_Chi_Minh".into(),
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    )
}
fn default_theme() -> String {
    "default".into()
}
fn default_per_page() -> usize {
    10
}
fn default_category() -> String {
    "Tin tức".into()
}

/// Validated site settings.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub language: String,
    pub timezone: jiff::tz::TimeZone,
    pub theme: String,
    pub articles_per_page: usize,
    pub menu: Vec<MenuItem>,
    pub markdown: MarkdownConfig,
    pub static_files: StaticFiles,
    pub default_category: String,
    pub copyright: String,
    /// A `chart(...)` shortcode shown at the top of the home page.
    pub headline: Option<String>,
    /// The editors' email, phone and address (all empty when not given).
    pub contact: Contact,
    /// Default share image (`og:image`) of pages without their own.
    pub share_image: Option<ShareImage>,
}

impl SiteConfig {
    /// The path part of base_url without trailing slash: `""` or `/huyen`.
    pub fn base_path(&self) -> &str {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map(|(_, r)| r)
            .unwrap_or(&self.base_url);
        match after_scheme.find('/') {
            Some(i) => after_scheme[i..].trim_end_matches('/'),
            None => "",
        }
    }
}

pub const FILE: &str = "content/site.yaml";

/// Load `<root>/content/site.yaml`. `base_url_override` is `--base-url`.
pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<SiteConfig, Diagnostics> {
    let path = root.join(FILE);
    let rel = Path::new(FILE);
    let src = crate::load::fs::read_text(&path, rel)?;
    let has_content = src.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && t != "---"
    });
    if !has_content {
        return Err(Diagnostic::error(codes::YAML, rel, "site.yaml is empty")
            .hint("write at least `title:` and `base_url:`, e.g. base_url: \"https://phongtho.laichau.gov.vn/\"")
            .into());
    }
    let raw: RawConfig = yaml::parse(&src, rel, 0)?;
    let mut diags = Diagnostics::new();

    for m in &raw.menu {
        if crate::util::text::is_unsafe_url(&m.url.value) {
            diags.push(
                Diagnostic::error(
                    codes::UNSAFE_URL,
                    rel,
                    format!("menu entry `{}` has an unsafe address", m.name),
                )
                .at(yaml::line_of(&m.url), yaml::col_of(&m.url))
                .hint("javascript:, data: and vbscript: addresses are not allowed; link to a page, e.g. url: \"/gioi-thieu/\""),
            );
        }
    }

    let mut base_url = base_url_override
        .map(str::to_string)
        .unwrap_or_else(|| raw.base_url.value.trim().to_string());
    if !(base_url.starts_with("http://") || base_url.starts_with("https://"))
        || base_url.contains(['"', '<', '>', ' ', '\''])
    {
        let (line, col) = if base_url_override.is_some() {
            (0, 0)
        } else {
            (yaml::line_of(&raw.base_url), yaml::col_of(&raw.base_url))
        };
        diags.push(
            Diagnostic::error(
                codes::BAD_URL,
                rel,
                format!("base_url `{base_url}` is not an absolute http(s) URL"),
            )
            .at(line, col)
            .hint("write the full address, e.g. https://phongtho.laichau.gov.vn/"),
        );
    }
    if !base_url.ends_with('/') {
        base_url.push('/');
    }

    let timezone = match crate::util::dates::time_zone(raw.timezone.value.trim()) {
        Ok(tz) => Some(tz),
        Err(e) => {
            diags.push(
                Diagnostic::error(codes::YAML, rel, e)
                    .at(yaml::line_of(&raw.timezone), yaml::col_of(&raw.timezone))
                    .hint("use an IANA zone name such as Asia/Ho_Chi_Minh"),
            );
            None
        }
    };

    if let Some(c) = &raw.comments {
        if c.value.trim() != "closed" {
            diags.push(
                Diagnostic::error(
                    codes::COMMENTS,
                    rel,
                    format!("comments: `{}` cannot be turned on", c.value),
                )
                .at(yaml::line_of(c), yaml::col_of(c))
                .hint("this site is static and has no comment backend; comments are always closed (write `comments: closed` or remove the key)"),
            );
        }
    }

    if raw.articles_per_page == 0 {
        diags.push(
            Diagnostic::error(codes::YAML, rel, "articles_per_page must be at least 1")
                .hint("set articles_per_page: 10"),
        );
    }
    if !crate::util::text::is_valid_slug(&raw.theme) {
        diags.push(
            Diagnostic::error(
                codes::YAML,
                rel,
                format!("theme `{}` is not a folder name", raw.theme),
            )
            .hint("name a folder under themes/, e.g. theme: default"),
        );
    }

    if let Some(c) = &raw.contact {
        let (line, col) = (yaml::line_of(c), yaml::col_of(c));
        let c = &c.value;
        let e = c.email.trim();
        if !e.is_empty()
            && (e.contains(char::is_whitespace)
                || e.contains(['"', '<', '>', '\'', ':', '/', '?'])
                || e.split('@').count() != 2
                || e.starts_with('@')
                || e.ends_with('@'))
        {
            diags.push(
                Diagnostic::error(
                    codes::YAML,
                    rel,
                    format!("contact email `{e}` is not an email address"),
                )
                .at(line, col)
                .hint("write one address, e.g. email: \"bbt@phongtho.laichau.gov.vn\""),
            );
        }
        let p = c.phone.trim();
        if !p.is_empty()
            && (!p.chars().any(|ch| ch.is_ascii_digit())
                || !p
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || " +-.()".contains(ch)))
        {
            diags.push(
                Diagnostic::error(codes::YAML, rel, format!("contact phone `{p}` is not a phone number"))
                    .at(line, col)
                    .hint("digits, spaces, dots, dashes, parentheses and a leading +, e.g. phone: \"0213 3895 123\""),
            );
        }
    }
    if let Some(si) = &raw.share_image {
        let u = si.url.trim();
        if u.is_empty()
            || crate::util::text::is_unsafe_url(u)
            || u.contains(['"', '<', '>', ' '])
            || !(u.starts_with('/') || u.starts_with("https://") || u.starts_with("http://"))
        {
            diags.push(
                Diagnostic::error(codes::YAML, rel, format!("share_image url `{u}` is not a usable address"))
                    .hint("name a file of content/static/, e.g. share_image: { url: \"/images/chia-se.png\", alt: \"…\" }"),
            );
        }
    }

    if diags.has_errors() {
        return Err(diags);
    }
    let n = crate::util::text::nfc_string;
    Ok(SiteConfig {
        title: n(raw.title),
        description: n(raw.description),
        base_url,
        language: raw.language,
        timezone: timezone.expect("checked above"),
        theme: raw.theme,
        articles_per_page: raw.articles_per_page,
        menu: raw
            .menu
            .into_iter()
            .map(|m| MenuItem {
                name: n(m.name),
                url: m.url.value,
            })
            .collect(),
        markdown: raw.markdown,
        static_files: raw.static_files,
        default_category: n(raw.default_category),
        copyright: n(raw.copyright),
        headline: raw.headline,
        contact: raw
            .contact
            .map(|c| Contact {
                email: c.value.email.trim().to_string(),
                phone: n(c.value.phone.trim().to_string()),
                address: n(c.value.address.trim().to_string()),
            })
            .unwrap_or_default(),
        share_image: raw.share_image.map(|s| ShareImage {
            url: s.url.trim().to_string(),
            alt: n(s.alt),
        }),
    })
}

/// Warnings about a valid configuration: what readers will miss.
pub fn warnings(c: &SiteConfig) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if c.contact.email.is_empty() && c.contact.phone.is_empty() {
        out.push(
            Diagnostic::warning(codes::NO_CONTACT, Path::new(FILE), "the site gives no contact for its editors")
                .hint("comments are closed, so readers need another way to reach you: add contact: { email: \"bbt@…\", phone: \"0213 …\", address: \"…\" }"),
        );
    }
    out
}
