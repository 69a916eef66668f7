//! The log explainer: the editor, the failure summary, the timeline, the log view, the explanation of a phase, its exports and keys.

pub(crate) mod config_link;
pub(crate) mod export;
pub(crate) mod failure_summary;
pub(crate) mod input;
pub(crate) mod keys;
pub(crate) mod notes;
pub(crate) mod parse_progress;
pub(crate) mod phase_causes;
pub(crate) mod phase_explanation;
pub(crate) mod rows;
pub(crate) mod search;
pub(crate) mod timeline;
pub(crate) mod view;
pub(crate) mod virtual_log;
