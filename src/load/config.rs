//! `content/site.yaml`: the site's settings. Unknown keys are errors.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::permalink::{self, Pattern};
use crate::load::yaml::{self, Spanned};
use serde::Deserialize;
use std::path::Path;

mod checks;
pub use checks::cache_dir_clash;
pub use checks::plain_path_char;
pub mod portal;
pub use checks::{FILE, valid_keep_name};
use checks::{base_url, check_cache_dir, check_keep, timezone};

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub name: String,
    pub url: String,
    /// The line of its address in site.yaml, for the link check.
    pub line: usize,
}

/// A menu entry as written, with the location of its address.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMenuItem {
    name: String,
    url: Spanned<String>,
}

/// Where a slug comes from when front matter gives none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlugFrom {
    /// The file name, as Hugo, Zola and Jekyll do: fixing a typo in a title
    /// never moves the page.
    #[default]
    File,
    /// The title (chiso before permalinks).
    Title,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPermalinks {
    #[serde(default)]
    article: Option<Spanned<String>>,
    #[serde(default)]
    page: Option<Spanned<String>>,
}

/// Extra files that let a web server answer old addresses with a 301.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedirectFile {
    /// `_redirects`, as Netlify and Cloudflare Pages read it.
    Netlify,
    /// `.chiso/nginx-redirects.conf`, a `map` to include in nginx.
    Nginx,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRedirects {
    #[serde(default)]
    files: Vec<RedirectFile>,
}

/// The address patterns of articles and pages.
#[derive(Debug, Clone)]
pub struct Permalinks {
    pub article: Pattern,
    pub page: Pattern,
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
    theme: Spanned<String>,
    #[serde(default = "default_per_page")]
    articles_per_page: Spanned<usize>,
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
    headline: Option<Spanned<String>>,
    #[serde(default = "default_keep")]
    keep_in_output: Vec<Spanned<String>>,
    #[serde(default)]
    permalinks: Option<RawPermalinks>,
    #[serde(default)]
    slug_from: SlugFrom,
    #[serde(default)]
    redirects: RawRedirects,
    #[serde(default)]
    contact: Option<Spanned<Contact>>,
    #[serde(default)]
    share_image: Option<ShareImage>,
    #[serde(default)]
    cache_dir: Option<Spanned<String>>,
    #[serde(default)]
    search: Option<crate::load::search_config::RawSearch>,
    images: Option<crate::load::images_config::RawImages>,
    /// The site's own unit (a dataset unit key or slug), e.g. a district
    /// that ended in the 2025 reform: the home page shows its successors.
    #[serde(default)]
    site_unit: Option<Spanned<String>>,
    #[serde(default)]
    logo: Option<Spanned<portal::Logo>>,
    #[serde(default)]
    home: Option<portal::RawHome>,
    #[serde(default)]
    sidebar: Option<portal::RawSidebar>,
    #[serde(default)]
    index_panel: Option<Spanned<portal::IndexPanel>>,
}

fn default_language() -> String {
    "vi".into()
}
fn default_timezone() -> Spanned<String> {
    yaml::unplaced("Asia/Ho_Chi_Minh".into())
}
fn default_theme() -> Spanned<String> {
    yaml::unplaced("default".into())
}
fn default_per_page() -> Spanned<usize> {
    yaml::unplaced(10)
}
fn default_keep() -> Vec<Spanned<String>> {
    vec![yaml::unplaced(".git".into())]
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
    /// The headline Markdown and its line in site.yaml.
    pub headline: Option<(String, usize)>,
    /// Top-level entries of the output that belong to the deploy (`.git`,
    /// `CNAME`): each build carries them into the new output.
    pub keep_in_output: Vec<String>,
    pub permalinks: Permalinks,
    pub slug_from: SlugFrom,
    /// Redirect files to write beside the alias pages.
    pub redirect_files: Vec<RedirectFile>,
    /// The editors' email, phone and address (all empty when not given).
    pub contact: Contact,
    /// Default share image (`og:image`) of pages without their own.
    pub share_image: Option<ShareImage>,
    /// Where derived files (resized photos, chart PNGs) are cached between
    /// builds, relative to the site root unless absolute. Default
    /// `.chiso-cache`.
    pub cache_dir: String,
    /// `search:` (the search page and its index; on by default).
    pub search: crate::load::search_config::SearchConfig,
    /// site.yaml `images:` (photo widths, qualities, originals).
    pub images: crate::load::images_config::ImagesConfig,
    /// site.yaml `site_unit:` (trimmed; `None` when absent or empty) and
    /// its line.
    pub site_unit: Option<(String, usize)>,
    /// `logo:`, `home:`, `sidebar:` and `index_panel:` (the default theme's
    /// portal).
    pub portal: portal::Portal,
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

/// The cache folder when site.yaml names none (git-ignored).
pub const DEFAULT_CACHE_DIR: &str = ".chiso-cache";

/// Load `<root>/content/site.yaml`. `base_url_override` is `--base-url`.
pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<SiteConfig, Diagnostics> {
    let path = root.join(FILE);
    let rel = Path::new(FILE);
    crate::load::fs::check_inside(root, &path, &root.join("content"))?;
    let src = crate::load::fs::read_text(&path, rel)?;
    let has_content = src.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && t != "---"
    });
    if !has_content {
        return Err(Diagnostic::error(codes::YAML, rel, msg!(m::CONFIG_EMPTY))
            .hint(msg!(m::CONFIG_EMPTY_HINT))
            .into());
    }
    let mut raw: RawConfig = yaml::parse(&src, rel, 0)?;
    let raw_images = raw.images.take();
    let mut diags = Diagnostics::new();
    let raw_portal = portal::RawPortal {
        logo: raw.logo.take(),
        home: raw.home.take(),
        sidebar: raw.sidebar.take(),
        index_panel: raw.index_panel.take(),
    };
    let portal = portal::settle(raw_portal, &mut diags);
    check_menu(&raw.menu, &mut diags);
    let base_url = base_url(&raw.base_url, base_url_override, &mut diags);
    let timezone = timezone(&raw.timezone, &mut diags);
    check_settings(&raw, &mut diags);
    check_reach(&raw, &mut diags);
    let keep_in_output = check_keep(&raw.keep_in_output, &mut diags);
    check_cache_dir(raw.cache_dir.as_ref(), root, &mut diags);
    let permalinks = permalinks(raw.permalinks.as_ref(), &mut diags);
    match (timezone, permalinks) {
        (Some(timezone), Some(permalinks)) if !diags.has_errors() => {
            let mut c = settle(raw, base_url, timezone, keep_in_output);
            c.permalinks = permalinks;
            c.portal = portal;
            c.images =
                crate::load::images_config::resolve(raw_images, root, &c.cache_dir, &mut diags);
            if diags.has_errors() {
                return Err(diags);
            }
            Ok(c)
        }
        _ => Err(diags),
    }
}

/// The article and page patterns, each checked at its line.
fn permalinks(raw: Option<&RawPermalinks>, diags: &mut Diagnostics) -> Option<Permalinks> {
    let one = |given: Option<&Spanned<String>>, default: &str, tokens, diags: &mut Diagnostics| {
        let Some(given) = given else {
            return Pattern::parse(default, tokens).ok();
        };
        Pattern::parse(given.value.trim(), tokens)
            .map_err(|e| {
                diags.push(
                    Diagnostic::error(codes::YAML, FILE, e)
                        .at(yaml::line_of(given), yaml::col_of(given))
                        .hint(msg!(m::CONFIG_PERMALINK_HINT)),
                )
            })
            .ok()
    };
    let article = one(
        raw.and_then(|r| r.article.as_ref()),
        permalink::ARTICLE_DEFAULT,
        permalink::ARTICLE_TOKENS,
        diags,
    );
    let page = one(
        raw.and_then(|r| r.page.as_ref()),
        permalink::PAGE_DEFAULT,
        permalink::PAGE_TOKENS,
        diags,
    );
    Some(Permalinks {
        article: article?,
        page: page?,
    })
}

/// The validated values, normalised (NFC), with the lines later stages
/// report at.
fn settle(
    raw: RawConfig,
    base_url: String,
    timezone: jiff::tz::TimeZone,
    keep_in_output: Vec<String>,
) -> SiteConfig {
    let n = crate::util::text::nfc_string;
    SiteConfig {
        title: n(raw.title),
        description: n(raw.description),
        base_url,
        language: raw.language,
        timezone,
        theme: raw.theme.value,
        articles_per_page: raw.articles_per_page.value,
        menu: raw
            .menu
            .into_iter()
            .map(|m| MenuItem {
                name: n(m.name),
                line: yaml::line_of(&m.url),
                url: m.url.value,
            })
            .collect(),
        markdown: raw.markdown,
        static_files: raw.static_files,
        default_category: n(raw.default_category),
        copyright: n(raw.copyright),
        headline: raw.headline.map(|h| {
            let line = yaml::line_of(&h);
            (h.value, line)
        }),
        keep_in_output,
        slug_from: raw.slug_from,
        redirect_files: raw.redirects.files,
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
        cache_dir: raw
            .cache_dir
            .map(|c| c.value.trim().to_string())
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| DEFAULT_CACHE_DIR.to_string()),
        search: crate::load::search_config::settle(raw.search),
        images: Default::default(),
        site_unit: raw
            .site_unit
            .map(|u| (n(u.value.trim().to_string()), yaml::line_of(&u)))
            .filter(|(u, _)| !u.is_empty()),
        portal: Default::default(),
        permalinks: Permalinks {
            article: Pattern::parse(permalink::ARTICLE_DEFAULT, permalink::ARTICLE_TOKENS)
                .expect("the default pattern parses"),
            page: Pattern::parse(permalink::PAGE_DEFAULT, permalink::PAGE_TOKENS)
                .expect("the default pattern parses"),
        },
    }
}

fn check_menu(menu: &[RawMenuItem], diags: &mut Diagnostics) {
    for item in menu {
        if crate::util::text::is_unsafe_url(&item.url.value) {
            diags.push(
                Diagnostic::error(
                    codes::UNSAFE_URL,
                    FILE,
                    msg!(m::CONFIG_UNSAFE_MENU, name = &item.name),
                )
                .at(yaml::line_of(&item.url), yaml::col_of(&item.url))
                .hint(msg!(m::CONFIG_UNSAFE_MENU_HINT)),
            );
        }
    }
}

/// contact and share_image, each a usable address.
fn check_reach(raw: &RawConfig, diags: &mut Diagnostics) {
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
                Diagnostic::error(codes::YAML, FILE, msg!(m::CONFIG_BAD_EMAIL, email = e))
                    .at(line, col)
                    .hint(msg!(m::CONFIG_BAD_EMAIL_HINT)),
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
                Diagnostic::error(codes::YAML, FILE, msg!(m::CONFIG_BAD_PHONE, phone = p))
                    .at(line, col)
                    .hint(msg!(m::CONFIG_BAD_PHONE_HINT)),
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
                Diagnostic::error(codes::YAML, FILE, msg!(m::CONFIG_BAD_SHARE_IMAGE, url = u))
                    .hint(msg!(m::CONFIG_BAD_SHARE_IMAGE_HINT)),
            );
        }
    }
}

/// comments, articles_per_page, theme.
fn check_settings(raw: &RawConfig, diags: &mut Diagnostics) {
    if let Some(c) = &raw.comments {
        if c.value.trim() != "closed" {
            diags.push(
                Diagnostic::error(
                    codes::COMMENTS,
                    FILE,
                    msg!(m::CONFIG_COMMENTS, value = &c.value),
                )
                .at(yaml::line_of(c), yaml::col_of(c))
                .hint(msg!(m::CONFIG_COMMENTS_HINT)),
            );
        }
    }
    if raw.articles_per_page.value == 0 {
        diags.push(
            Diagnostic::error(codes::YAML, FILE, msg!(m::CONFIG_PER_PAGE))
                .at(
                    yaml::line_of(&raw.articles_per_page),
                    yaml::col_of(&raw.articles_per_page),
                )
                .hint(msg!(m::CONFIG_PER_PAGE_HINT)),
        );
    }
    if !crate::util::text::is_valid_slug(&raw.theme.value) {
        diags.push(
            Diagnostic::error(
                codes::YAML,
                FILE,
                msg!(m::CONFIG_THEME_NAME, theme = &raw.theme.value),
            )
            .at(yaml::line_of(&raw.theme), yaml::col_of(&raw.theme))
            .hint(msg!(m::CONFIG_THEME_NAME_HINT)),
        );
    }
}

/// Warnings about a valid configuration: what readers will miss.
pub fn warnings(c: &SiteConfig) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if c.contact.email.is_empty() && c.contact.phone.is_empty() {
        out.push(
            Diagnostic::warning(
                codes::NO_CONTACT,
                Path::new(FILE),
                msg!(m::CONFIG_NO_CONTACT),
            )
            .hint(msg!(m::CONFIG_NO_CONTACT_HINT)),
        );
    }
    out
}
