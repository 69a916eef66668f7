//! The components of the pages, grouped by feature: [`common`] ones serve several pages, each feature
//! folder serves one page ([`log`], [`config`], [`docs`], [`share`]); the [`tour`] composes the log and
//! config features.

pub(crate) mod common;
pub(crate) mod config;
pub(crate) mod docs;
pub(crate) mod log;
pub(crate) mod share;
pub(crate) mod tour;
