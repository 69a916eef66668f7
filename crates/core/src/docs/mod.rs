//! The documentation: what the site knows about the pages of `content/<lang>/`.
//!
//! The pages are rendered to HTML at build time (by `crates/docgen`, through the `render` feature of this
//! crate); the site fetches `content/<lang>/index.json` (a [`DocIndex`]), `content/<lang>/<id>.html` when it
//! needs them, and `content/<lang>/search.json` (a [`SearchIndex`]) for its search box.

#[cfg(feature = "render")]
pub mod front_matter;
#[cfg(feature = "render")]
mod images;
mod index;
#[cfg(feature = "render")]
pub mod labels;
#[cfg(feature = "render")]
pub mod render;
mod search;
#[cfg(feature = "render")]
pub mod site;
#[cfg(feature = "render")]
pub mod typography;
#[cfg(feature = "render")]
pub mod validate;

pub use index::{DocIndex, DocPage, DocSection};
pub use search::{fold, PreparedSearch, SearchEntry, SearchHit, SearchIndex};
