//! site.yaml keys of the default theme's portal: `logo:` (the emblem in
//! the header), `home:` (the front page's blocks, in order, and how many
//! stories each shows), `sidebar:` (links, a hotline and the index panel
//! beside the article column on wide screens) and `index_panel:` (which
//! dataset and unit the panel shows).

use super::checks::FILE;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{self, Spanned};
use serde::{Deserialize, Serialize};

/// One block of the front page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HomeBlock {
    /// The featured story with a large photo and the secondary stories.
    Featured,
    /// "Tin mới": the newest stories not shown above.
    Latest,
    /// "Tin nổi bật": featured or illustrated stories not shown above.
    Highlights,
    /// One block per category with its newest stories and "Xem tất cả".
    Categories,
    /// The index panel (the site's unit in its dataset).
    Index,
    /// The `headline:` chart.
    Headline,
    /// The site's own unit across the 2025 reform (`site_unit:`): its
    /// successors' latest results beside its history. Shown only when
    /// the unit ended.
    Reform,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHome {
    #[serde(default)]
    blocks: Option<Vec<HomeBlock>>,
    #[serde(default)]
    secondary: Option<Spanned<usize>>,
    #[serde(default)]
    latest: Option<Spanned<usize>>,
    #[serde(default)]
    highlights: Option<Spanned<usize>>,
    #[serde(default)]
    per_category: Option<Spanned<usize>>,
}

/// The front page: its blocks in order and how many stories each shows.
#[derive(Debug, Clone, Serialize)]
pub struct Home {
    pub blocks: Vec<HomeBlock>,
    pub secondary: usize,
    pub latest: usize,
    pub highlights: usize,
    pub per_category: usize,
}

impl Default for Home {
    fn default() -> Home {
        Home {
            blocks: vec![
                HomeBlock::Featured,
                HomeBlock::Latest,
                HomeBlock::Reform,
                HomeBlock::Highlights,
                HomeBlock::Categories,
                HomeBlock::Headline,
            ],
            secondary: 4,
            latest: 6,
            highlights: 4,
            per_category: 4,
        }
    }
}

/// The site's emblem in the header: a file of `content/static/` (SVG, or
/// a photo the photo pipeline resizes) or an absolute address.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    pub url: String,
    #[serde(default)]
    pub alt: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    name: String,
    url: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    title: String,
    #[serde(default)]
    links: Vec<RawLink>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSidebar {
    #[serde(default)]
    hotline: Option<Spanned<String>>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    #[serde(default = "yes")]
    index_panel: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SideLink {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SideGroup {
    pub title: String,
    pub links: Vec<SideLink>,
}

/// The column beside the articles on wide screens (below them on phones).
#[derive(Debug, Clone, Serialize)]
pub struct Sidebar {
    /// The hotline as written, and its `tel:` target.
    pub hotline: Option<(String, String)>,
    pub groups: Vec<SideGroup>,
    /// Whether the index panel (`index_panel:`) is shown in it.
    pub index_panel: bool,
}

impl Default for Sidebar {
    fn default() -> Sidebar {
        Sidebar {
            hotline: None,
            groups: Vec::new(),
            index_panel: true,
        }
    }
}

/// `index_panel: { data: <dataset slug>, unit: <unit slug or key> }`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct IndexPanel {
    pub data: String,
    pub unit: String,
    /// Its line in site.yaml (0 when unknown), for W0403.
    #[serde(skip)]
    pub line: usize,
}

/// The portal settings, validated.
#[derive(Debug, Clone, Default)]
pub struct Portal {
    pub logo: Option<Logo>,
    pub home: Home,
    pub sidebar: Sidebar,
    pub index_panel: Option<IndexPanel>,
}

/// The raw portal keys of site.yaml.
#[derive(Debug, Default)]
pub(super) struct RawPortal {
    pub logo: Option<Spanned<Logo>>,
    pub home: Option<RawHome>,
    pub sidebar: Option<RawSidebar>,
    pub index_panel: Option<Spanned<IndexPanel>>,
}

fn usable_url(u: &str) -> bool {
    !u.is_empty()
        && !crate::util::text::is_unsafe_url(u)
        && !u.contains(['"', '<', '>', ' '])
        && (u.starts_with('/') || u.starts_with("https://") || u.starts_with("http://"))
}

fn phone_ok(p: &str) -> bool {
    p.chars().any(|c| c.is_ascii_digit())
        && p.chars()
            .all(|c| c.is_ascii_digit() || " +-.()".contains(c))
}

/// The `tel:` target of a phone number: its digits and a leading `+`.
fn tel(p: &str) -> String {
    let mut out: String = p.chars().filter(char::is_ascii_digit).collect();
    if p.starts_with('+') {
        out.insert(0, '+');
    }
    out
}

/// A count of `home:`, 1 to 24, else an error at its line.
fn count(v: &Option<Spanned<usize>>, key: &str, default: usize, diags: &mut Diagnostics) -> usize {
    let Some(v) = v else { return default };
    if (1..=24).contains(&v.value) {
        return v.value;
    }
    diags.push(
        Diagnostic::error(
            codes::YAML,
            FILE,
            msg!(m::PORTAL_COUNT, key = key, value = v.value as i64),
        )
        .at(yaml::line_of(v), yaml::col_of(v)),
    );
    default
}

/// The portal keys checked, each error at its line.
pub(super) fn settle(raw: RawPortal, diags: &mut Diagnostics) -> Portal {
    let n = crate::util::text::nfc_string;
    let logo = raw.logo.and_then(|l| {
        let url = l.value.url.trim().to_string();
        if usable_url(&url) {
            return Some(Logo {
                url,
                alt: n(l.value.alt),
            });
        }
        diags.push(
            Diagnostic::error(codes::YAML, FILE, msg!(m::PORTAL_BAD_LOGO, url = url))
                .at(yaml::line_of(&l), yaml::col_of(&l))
                .hint(msg!(m::PORTAL_BAD_LOGO_HINT)),
        );
        None
    });
    let d = Home::default();
    let home = match raw.home {
        None => d,
        Some(h) => Home {
            blocks: h.blocks.unwrap_or(d.blocks),
            secondary: count(&h.secondary, "secondary", d.secondary, diags),
            latest: count(&h.latest, "latest", d.latest, diags),
            highlights: count(&h.highlights, "highlights", d.highlights, diags),
            per_category: count(&h.per_category, "per_category", d.per_category, diags),
        },
    };
    let sidebar = raw.sidebar.map(|s| sidebar(s, diags)).unwrap_or_default();
    Portal {
        logo,
        home,
        sidebar,
        index_panel: raw.index_panel.map(|p| IndexPanel {
            line: yaml::line_of(&p),
            data: p.value.data.trim().to_string(),
            unit: p.value.unit.trim().to_string(),
        }),
    }
}

fn sidebar(s: RawSidebar, diags: &mut Diagnostics) -> Sidebar {
    let n = crate::util::text::nfc_string;
    let hotline = s.hotline.and_then(|h| {
        let p = h.value.trim();
        if phone_ok(p) {
            return Some((p.to_string(), tel(p)));
        }
        diags.push(
            Diagnostic::error(codes::YAML, FILE, msg!(m::PORTAL_BAD_HOTLINE, phone = p))
                .at(yaml::line_of(&h), yaml::col_of(&h))
                .hint(msg!(m::PORTAL_BAD_HOTLINE_HINT)),
        );
        None
    });
    let groups = s
        .groups
        .into_iter()
        .map(|g| SideGroup {
            title: n(g.title),
            links: g
                .links
                .into_iter()
                .filter_map(|l| {
                    let u = l.url.value.trim();
                    if usable_url(u) {
                        return Some(SideLink {
                            name: n(l.name),
                            url: u.to_string(),
                        });
                    }
                    diags.push(
                        Diagnostic::error(
                            codes::UNSAFE_URL,
                            FILE,
                            msg!(m::PORTAL_UNSAFE_LINK, name = &l.name),
                        )
                        .at(yaml::line_of(&l.url), yaml::col_of(&l.url))
                        .hint(msg!(m::CONFIG_UNSAFE_MENU_HINT)),
                    );
                    None
                })
                .collect(),
        })
        .collect();
    Sidebar {
        hotline,
        groups,
        index_panel: s.index_panel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> (Portal, Diagnostics) {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default)]
            logo: Option<Spanned<Logo>>,
            #[serde(default)]
            home: Option<RawHome>,
            #[serde(default)]
            sidebar: Option<RawSidebar>,
        }
        let r: Raw = yaml::parse(src, std::path::Path::new(FILE), 0).expect("parses");
        let mut diags = Diagnostics::new();
        let raw = RawPortal {
            logo: r.logo,
            home: r.home,
            sidebar: r.sidebar,
            index_panel: None,
        };
        (settle(raw, &mut diags), diags)
    }

    #[test]
    fn home_blocks_keep_the_order_written_and_counts_default() {
        let (p, d) = parse("home:\n  blocks: [categories, featured]\n  latest: 3\n");
        assert!(!d.has_errors());
        assert_eq!(p.home.blocks, [HomeBlock::Categories, HomeBlock::Featured]);
        assert_eq!((p.home.latest, p.home.secondary), (3, 4));
    }

    #[test]
    fn a_javascript_sidebar_link_and_a_zero_count_are_errors_at_their_lines() {
        let src = "home:\n  latest: 0\nsidebar:\n  hotline: \"gọi ngay\"\n  groups:\n    - title: A\n      links:\n        - { name: x, url: \"javascript:alert(1)\" }\n        - { name: y, url: \"https://laichau.gov.vn/\" }\n";
        let (p, d) = parse(src);
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 4, 8], "{d:?}");
        assert_eq!(p.sidebar.groups[0].links.len(), 1);
        assert!(p.sidebar.hotline.is_none());
    }

    #[test]
    fn a_logo_with_an_unsafe_address_is_refused() {
        let (p, d) = parse("logo: { url: \"data:image/svg+xml,<svg>\" }\n");
        assert!(d.has_errors());
        assert!(p.logo.is_none());
        let (p, d) = parse("logo: { url: \"/images/bieu-trung.svg\", alt: \"Biểu trưng\" }\n");
        assert!(!d.has_errors());
        assert_eq!(p.logo.unwrap().url, "/images/bieu-trung.svg");
    }
}
