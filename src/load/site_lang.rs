//! The `language` written in site.yaml, read without loading the site: the
//! command line needs it to choose its own language before anything else
//! (even when site.yaml does not parse).

use std::path::Path;

/// The value of a top-level `language:` line of `<root>/content/site.yaml`.
pub fn site_language(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join(crate::load::config::FILE)).ok()?;
    text.lines().find_map(|l| {
        let v = l.strip_prefix("language:")?;
        let v = v.split('#').next().unwrap_or("").trim();
        let v = v.trim_matches(|c| c == '"' || c == '\'');
        (!v.is_empty()).then(|| v.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_top_level_language_line_only() {
        let d = std::env::temp_dir().join(format!("chiso-site-lang-{}", std::process::id()));
        std::fs::create_dir_all(d.join("content")).unwrap();
        std::fs::write(
            d.join("content/site.yaml"),
            "title: x\n  language: en\nlanguage: \"vi\" # tiếng Việt\n",
        )
        .unwrap();
        assert_eq!(site_language(&d).as_deref(), Some("vi"));
        std::fs::write(d.join("content/site.yaml"), "title: x\n").unwrap();
        assert_eq!(site_language(&d), None);
        let _ = std::fs::remove_dir_all(&d);
    }
}
