//! site.yaml `search:`: the search page `/tim-kiem/` and its index.
//! `search: false` turns it off; `search: true` (the default) or a map
//! `search: { enabled: true }` keeps it on. The archive `/luu-tru/` is
//! always built: it is the search page's fallback without JavaScript.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// The validated setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchConfig {
    pub enabled: bool,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig { enabled: true }
    }
}

/// `search:` as written: a boolean, or a map of its settings. Unknown keys
/// and other values are errors at their line (the YAML layer places them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawSearch {
    enabled: bool,
}

impl<'de> Deserialize<'de> for RawSearch {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawSearch;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`true`, `false` or a map such as `{ enabled: false }`")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawSearch, E> {
                Ok(RawSearch { enabled: v })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<RawSearch, A::Error> {
                let mut enabled = true;
                while let Some(key) = m.next_key::<String>()? {
                    match key.as_str() {
                        "enabled" => enabled = m.next_value()?,
                        other => return Err(de::Error::unknown_field(other, &["enabled"])),
                    }
                }
                Ok(RawSearch { enabled })
            }
        }
        d.deserialize_any(V)
    }
}

/// The setting from what site.yaml says (`None`: not written).
pub fn settle(raw: Option<RawSearch>) -> SearchConfig {
    raw.map_or_else(SearchConfig::default, |r| SearchConfig {
        enabled: r.enabled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc {
        #[serde(default)]
        search: Option<RawSearch>,
    }

    fn parse(y: &str) -> Result<SearchConfig, String> {
        crate::load::yaml::parse::<Doc>(y, std::path::Path::new("site.yaml"), 0)
            .map(|d| settle(d.search))
            .map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn search_is_on_unless_turned_off() {
        assert!(parse("{}\n").unwrap().enabled);
        assert!(!parse("search: false\n").unwrap().enabled);
        assert!(parse("search: true\n").unwrap().enabled);
        assert!(!parse("search: { enabled: false }\n").unwrap().enabled);
    }

    #[test]
    fn a_misspelt_search_key_is_an_error() {
        assert!(parse("search: { enable: false }\n").is_err());
        assert!(parse("search: maybe\n").is_err());
    }
}
