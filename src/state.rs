//! The state each page shares with its components, provided as a context by the page: the log
//! explainer's ([`log::LogState`]) and the config explainer's ([`config::ConfigState`]), and the source
//! lines of a configuration as the config view draws them, and the text one explainer hands the other
//! ([`handoff::Handoff`]).

pub(crate) mod config;
pub(crate) mod config_tokens;
pub(crate) mod handoff;
pub(crate) mod log;
pub(crate) mod source_lines;
