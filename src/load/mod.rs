//! Load stage: read the site's files (fs), parse YAML (yaml: the one place
//! that knows the YAML engine), split front matter, and load site.yaml,
//! content and the theme into plain values with their diagnostics.

pub mod body;
pub mod config;
pub mod content;
pub mod front;
pub mod frontmatter;
pub mod fs;
pub mod image;
pub mod image_index;
pub mod image_probe;
pub mod images_config;
pub mod permalink;
pub mod published;
pub mod schedule;
pub mod search_config;
pub mod site_lang;
pub mod theme;
pub mod yaml;
pub mod yaml_fast;
