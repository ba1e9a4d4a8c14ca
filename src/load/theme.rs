//! Theme: the default theme is embedded in the binary; a site's
//! `themes/<name>/templates/*` and `static/*` override it file by file.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::fs::rel_to;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The default templates, embedded.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = embed!(
    "base.html",
    "article.html",
    "list.html",
    "index.html",
    "page.html",
    "404.html",
    "data_index.html",
    "dataset.html",
    "dataset_year.html",
    "dataset_unit.html",
    "search.html",
    "archive.html",
    "partials/teaser.html",
    "partials/sources.html",
    "partials/pagination.html",
    "partials/index_panel.html",
    "partials/sidebar.html",
    "partials/brand.html",
);

/// The default static assets, embedded: (URL path under /assets/, bytes).
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        SEARCH_SCRIPT,
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
];

/// The search page's script, under /assets/ (written only with search on).
pub const SEARCH_SCRIPT: &str = "search.js";

/// The templates chiso renders with, by the page they make.
pub mod names {
    pub const ARTICLE: &str = "article.html";
    pub const HOME: &str = "index.html";
    pub const LIST: &str = "list.html";
    pub const PAGE: &str = "page.html";
    pub const NOT_FOUND: &str = "404.html";
    pub const DATASET: &str = "dataset.html";
    pub const DATASET_YEAR: &str = "dataset_year.html";
    pub const DATASET_UNIT: &str = "dataset_unit.html";
    pub const DATA_INDEX: &str = "data_index.html";
    pub const SEARCH: &str = "search.html";
    pub const ARCHIVE: &str = "archive.html";
}

/// The partial each teaser is rendered with.
pub const TEASER: &str = "partials/teaser.html";

/// Where each template came from (for error messages and `serve`).
#[derive(Debug, Clone)]
pub struct Theme {
    pub tera: tera::Tera,
    /// Template name → file shown in diagnostics.
    pub sources: BTreeMap<String, PathBuf>,
    /// Template name → its text (for source lines in diagnostics).
    pub texts: BTreeMap<String, String>,
    /// Static assets: URL path under /assets/ → bytes.
    pub assets: BTreeMap<String, Vec<u8>>,
}

/// Load the theme named in site.yaml. Every template error is collected.
pub fn load(root: &Path, theme: &str) -> Result<Theme, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut sources: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (name, text) in DEFAULT_TEMPLATES {
        texts.insert(name.to_string(), text.to_string());
        sources.insert(
            name.to_string(),
            PathBuf::from(format!("themes/default/templates/{name}")),
        );
    }
    let mut assets: BTreeMap<String, Vec<u8>> = DEFAULT_STATIC
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();

    let theme_dir = root.join("themes").join(theme);
    let tdir = theme_dir.join("templates");
    for (abs, rel) in crate::load::fs::walk_files(root, &tdir, &theme_dir, &mut diags) {
        let name = rel_to(&tdir, &abs)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        match crate::load::fs::read_text(&abs, &rel) {
            Ok(t) => {
                texts.insert(name.clone(), t);
                sources.insert(name, rel);
            }
            Err(d) => diags.push(d),
        }
    }
    let sdir = theme_dir.join("static");
    for (abs, rel) in crate::load::fs::walk_published(root, &sdir, &mut diags) {
        let name = rel_to(&sdir, &abs)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        match std::fs::read(&abs) {
            Ok(b) => {
                assets.insert(name, b);
            }
            Err(e) => diags.push(crate::load::fs::io_error(&rel, &e)),
        }
    }
    if theme != "default" && !theme_dir.is_dir() {
        diags.push(
            Diagnostic::error(
                codes::MISSING_TEMPLATE,
                crate::load::config::FILE,
                msg!(m::THEME_NOT_FOUND, theme = theme),
            )
            .hint(msg!(m::THEME_NOT_FOUND_HINT)),
        );
    }

    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    if let Err(e) = tera.add_raw_templates(texts.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
        diags.push(tera_diagnostic(&e, &sources));
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Theme {
        tera,
        sources,
        texts,
        assets,
    })
}

impl Theme {
    /// Names of the templates `name` extends, includes or imports.
    fn uses(&self, name: &str) -> Vec<&str> {
        let Some(text) = self.texts.get(name) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for tag in text.split("{%").skip(1) {
            let tag = tag
                .split("%}")
                .next()
                .unwrap_or("")
                .trim_start_matches('-')
                .trim();
            let keyword = tag.split_whitespace().next().unwrap_or("");
            if matches!(keyword, "extends" | "include" | "import") {
                if let Some(q) = tag.find(['"', '\'']) {
                    let quote = &tag[q..q + 1];
                    if let Some(len) = tag[q + 1..].find(quote) {
                        out.push(&tag[q + 1..q + 1 + len]);
                    }
                }
            }
        }
        out
    }

    /// Every template whose output may change when `changed` changes: itself
    /// and all that extend, include or import it, directly or not.
    pub fn dependents(&self, changed: &str) -> std::collections::BTreeSet<String> {
        let mut found = std::collections::BTreeSet::from([changed.to_string()]);
        loop {
            let more: Vec<String> = self
                .texts
                .keys()
                .filter(|t| !found.contains(t.as_str()))
                .filter(|t| self.uses(t).iter().any(|u| found.contains(*u)))
                .cloned()
                .collect();
            if more.is_empty() {
                // Teasers are rendered once from the teaser partial and shown
                // by lists, related boxes and unit pages: all may change.
                if found.contains(TEASER) {
                    found.extend(self.texts.keys().cloned());
                }
                return found;
            }
            found.extend(more);
        }
    }
}

/// Turn a tera error into a diagnostic at the template's file and line.
pub fn tera_diagnostic(e: &tera::Error, sources: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let file_of = |name: &str| {
        sources
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(format!("templates/{name}")))
    };
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            let msg = r.message().to_string();
            let hint = if msg.contains("not found")
                || msg.contains("undefined")
                || msg.contains("Undefined")
            {
                msg!(m::TEMPLATE_UNDEFINED_HINT)
            } else {
                msg!(m::TEMPLATE_SYNTAX_HINT)
            };
            Diagnostic::error(
                codes::TEMPLATE,
                file_of(r.filename()),
                msg!(m::TEMPLATE_ERROR, detail = msg),
            )
            .at(span.start_line, span.start_col + 1)
            .hint(hint)
        }
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::error(
            codes::MISSING_TEMPLATE,
            PathBuf::from("themes"),
            msg!(m::TEMPLATE_NOT_FOUND, name = name.as_str()),
        )
        .hint(msg!(m::TEMPLATE_NOT_FOUND_HINT)),
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(
            codes::MISSING_TEMPLATE,
            file_of(current),
            msg!(m::TEMPLATE_NO_PARENT, parent = parent.as_str()),
        )
        .hint(msg!(m::TEMPLATE_NO_PARENT_HINT)),
        _ => {
            let mut msg = e.to_string();
            let mut src = std::error::Error::source(e);
            while let Some(s) = src {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                src = s.source();
            }
            Diagnostic::error(
                codes::TEMPLATE,
                PathBuf::from("themes"),
                msg!(m::TEMPLATE_ERROR, detail = msg),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_edits_reach_exactly_the_templates_that_use_them() {
        let t = load(Path::new("/nonexistent-site-root"), "default").unwrap();
        let d = t.dependents("partials/teaser.html");
        for name in [
            "list.html",
            "index.html",
            "article.html",
            "dataset_unit.html",
        ] {
            assert!(d.contains(name), "{name} uses the teaser");
        }
        // An ordinary partial affects only the templates that include it.
        let p = t.dependents("partials/pagination.html");
        assert!(p.contains("list.html") && p.contains("index.html"));
        assert!(!p.contains("article.html") && !p.contains("page.html"));
        // Every page extends base.html.
        let all = t.dependents("base.html");
        for name in ["article.html", "page.html", "404.html", "dataset.html"] {
            assert!(all.contains(name), "{name} extends base.html");
        }
    }
}
