//! Split a Markdown file into YAML front matter and body.

/// The parts of a content file. Line numbers are 1-based in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Number of lines before the YAML starts (the opening `---` line).
    pub yaml_line_offset: usize,
    pub body: &'a str,
    /// Number of lines before the body starts.
    pub body_line_offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    Missing,
    /// No closing `---` line was found.
    Unterminated,
}

fn is_fence(line: &str) -> bool {
    let l = line.trim_end_matches(['\r', '\n']);
    l.trim_end() == "---"
}

/// `text` must already have its BOM removed. CRLF line endings are accepted.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    // Allow blank lines before the opening fence.
    let mut pos = 0;
    let mut line_no = 0;
    loop {
        let rest = &text[pos..];
        let end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
        let line = &rest[..end];
        if line.trim().is_empty() && end > 0 && end < rest.len() {
            pos += end;
            line_no += 1;
            continue;
        }
        if !is_fence(line) {
            return Err(SplitError::Missing);
        }
        pos += end;
        line_no += 1;
        break;
    }
    let yaml_start = pos;
    let yaml_line_offset = line_no;
    loop {
        if pos >= text.len() {
            return Err(SplitError::Unterminated);
        }
        let rest = &text[pos..];
        let end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
        let line = &rest[..end];
        if is_fence(line) {
            let yaml = &text[yaml_start..pos];
            let body_start = pos + end;
            return Ok(Split {
                yaml,
                yaml_line_offset,
                body: &text[body_start..],
                body_line_offset: line_no + 1,
            });
        }
        pos += end;
        line_no += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf_and_crlf_alike() {
        for nl in ["\n", "\r\n"] {
            let t = format!("---{nl}title: a{nl}---{nl}Body{nl}");
            let s = split(&t).unwrap();
            assert!(s.yaml.starts_with("title: a"));
            assert_eq!(s.yaml_line_offset, 1);
            assert_eq!(s.body_line_offset, 3);
            assert_eq!(s.body.trim(), "Body");
        }
    }

    #[test]
    fn missing_and_unterminated() {
        assert_eq!(split("title: a\n"), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: a\n"), Err(SplitError::Unterminated));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("---"), Err(SplitError::Unterminated));
    }

    #[test]
    fn body_may_contain_rules() {
        let s = split("---\na: 1\n---\nx\n---\ny\n").unwrap();
        assert_eq!(s.body, "x\n---\ny\n");
    }
}
