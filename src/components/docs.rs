//! The documentation pages: the article, its table of contents, the sidebar and the search.

pub(crate) mod article;
pub(crate) mod search;
pub(crate) mod sidebar;
pub(crate) mod toc;
