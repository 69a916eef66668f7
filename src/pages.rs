//! The top-level pages, one file each.

pub(crate) mod config;
pub(crate) mod docs;
pub(crate) mod log;
pub(crate) mod not_found;
pub(crate) mod tour;
