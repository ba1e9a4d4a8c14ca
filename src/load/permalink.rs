//! Permalink patterns from site.yaml (`permalinks: { article: "/:category/:slug/" }`):
//! parsed and checked here, with the line of any error; `model::urls`
//! fills them in for each article and page.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use std::fmt::Write as _;

/// One piece of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Token(Token),
}

/// What a token stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// The article's date in the site's zone: `2024`, `05`, `20`.
    Year,
    Month,
    Day,
    /// The category's slug.
    Category,
    /// The `slug:` given, else made from the file name (or the title, with
    /// `slug_from: title`).
    Slug,
    /// The file's stem, slugified.
    File,
}

impl Token {
    const ALL: &[(&str, Token)] = &[
        ("year", Token::Year),
        ("month", Token::Month),
        ("day", Token::Day),
        ("category", Token::Category),
        ("slug", Token::Slug),
        ("file", Token::File),
    ];

    fn named(name: &str) -> Option<Token> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }
}

/// A checked pattern: starts with `/`, ends in `/` or `.html`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub parts: Vec<Part>,
}

/// The defaults keep the addresses chiso always made.
pub const ARTICLE_DEFAULT: &str = "/:category/:slug/";
pub const PAGE_DEFAULT: &str = "/:slug/";

impl Pattern {
    /// Parse `s`; the error says what is wrong, in words for site.yaml.
    pub fn parse(s: &str, allowed: &[Token]) -> Result<Pattern, crate::diag::Msg> {
        if !s.starts_with('/') {
            return Err(msg!(m::PATTERN_START, pattern = s));
        }
        if !(s.ends_with('/') || s.ends_with(".html")) {
            return Err(msg!(m::PATTERN_END, pattern = s));
        }
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c == ':' {
                let mut name = String::new();
                while let Some(&n) = chars.peek().filter(|n| n.is_ascii_lowercase()) {
                    name.push(n);
                    chars.next();
                }
                let token = Token::named(&name)
                    .filter(|t| allowed.contains(t))
                    .ok_or_else(|| {
                        let names: Vec<String> = allowed
                            .iter()
                            .filter_map(|t| Token::ALL.iter().find(|(_, x)| x == t))
                            .map(|(n, _)| format!(":{n}"))
                            .collect();
                        msg!(
                            m::PATTERN_TOKEN,
                            token = &name,
                            pattern = s,
                            tokens = names.join(", ")
                        )
                    })?;
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(Part::Token(token));
            } else if c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.') {
                text.push(c);
            } else {
                return Err(msg!(m::PATTERN_CHAR, ch = c, pattern = s));
            }
        }
        if s.split('/').any(|seg| seg == ".." || seg == ".") || s.contains("//") {
            return Err(msg!(m::PATTERN_PARTS, pattern = s));
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Pattern { parts })
    }

    /// The address for the given token values.
    pub fn expand(&self, value: impl Fn(Token) -> String) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Token(t) => {
                    let _ = write!(out, "{}", value(*t));
                }
            }
        }
        out
    }
}

/// Every token an article pattern may use; pages have no date or category.
pub const ARTICLE_TOKENS: &[Token] = &[
    Token::Year,
    Token::Month,
    Token::Day,
    Token::Category,
    Token::Slug,
    Token::File,
];
pub const PAGE_TOKENS: &[Token] = &[Token::Slug, Token::File];

#[cfg(test)]
mod tests {
    use super::*;

    fn expand(p: &str) -> String {
        Pattern::parse(p, ARTICLE_TOKENS)
            .unwrap()
            .expand(|t| match t {
                Token::Year => "2024".into(),
                Token::Month => "05".into(),
                Token::Day => "20".into(),
                Token::Category => "kinh-te".into(),
                Token::Slug => "duong-le-loi".into(),
                Token::File => "bai-1".into(),
            })
    }

    #[test]
    fn patterns_expand_their_tokens() {
        assert_eq!(expand(ARTICLE_DEFAULT), "/kinh-te/duong-le-loi/");
        assert_eq!(expand("/posts/:file/"), "/posts/bai-1/");
        assert_eq!(
            expand("/tin-tuc/:slug-:file.html"),
            "/tin-tuc/duong-le-loi-bai-1.html"
        );
        assert_eq!(
            expand("/:year/:month/:day/:slug/"),
            "/2024/05/20/duong-le-loi/"
        );
    }

    #[test]
    fn bad_patterns_say_what_is_wrong() {
        let en = crate::diag::Lang::En;
        let e = |p: &str| Pattern::parse(p, ARTICLE_TOKENS).unwrap_err().render(en);
        assert!(e("/:nam/:slug/").contains("unknown token `:nam`"));
        assert!(e("tin/:slug/").contains("start with `/`"));
        assert!(e("/tin/:slug").contains("must end in"));
        assert!(e("/tin/../:slug/").contains("`..`"));
        assert!(e("/tin tuc/:slug/").contains("cannot stand"));
        let page = Pattern::parse("/:category/:slug/", PAGE_TOKENS)
            .unwrap_err()
            .render(en);
        assert!(page.contains("unknown token `:category`"), "{page}");
    }
}
