//! The config explainer: the editor, the coloured source, the explanation of a part, the diagnostics, the workflow graphs, its exports and keys.

pub(crate) mod diagnostics;
pub(crate) mod editor;
pub(crate) mod explanation;
pub(crate) mod export;
pub(crate) mod graph;
pub(crate) mod graph_kinship;
pub(crate) mod graph_layout;
pub(crate) mod keys;
pub(crate) mod line_scroller;
pub(crate) mod log_link;
pub(crate) mod looks_like_log;
pub(crate) mod processed;
pub(crate) mod source;
