//! What there is to render: one `Job` per output page or group of files.

use crate::render::pages::list::ListPage;

/// One output page (or group of files) to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Job {
    Article(usize),
    List(ListPage),
    Page(usize),
    NotFound,
    Feed,
    Assets,
    Static,
    /// Dataset pages and chart files (see `pages::dataset`).
    Data(usize),
    /// The `/chi-so/` list of datasets.
    DataIndex,
    /// The redirect page of `site.aliases[i]`.
    Alias(usize),
    /// `_redirects` and the nginx map (site.yaml `redirects`).
    Redirects,
    /// The search page `/tim-kiem/` and its index (site.yaml `search`).
    Search,
    /// Page n (from 1) of the archive `/luu-tru/`.
    Archive(usize),
    /// The derivatives of `site.images.images[i]` (see `imagejob`).
    Image(usize),
}
