//! Components shared by several pages.

pub(crate) mod config_diagnostics;
pub(crate) mod config_editor;
pub(crate) mod config_explanation;
pub(crate) mod config_graph;
pub(crate) mod config_graph_layout;
pub(crate) mod config_lines;
pub(crate) mod config_part_text;
pub(crate) mod config_source;
pub(crate) mod config_state;
pub(crate) mod config_tokens;
pub(crate) mod docs_article;
pub(crate) mod docs_search;
pub(crate) mod docs_sidebar;
pub(crate) mod docs_toc;
pub(crate) mod language_switch;
pub(crate) mod log_input;
pub(crate) mod log_line;
pub(crate) mod log_notes;
pub(crate) mod log_search;
pub(crate) mod log_view;
pub(crate) mod phase_explanation;
pub(crate) mod phase_status;
pub(crate) mod phase_timeline;
pub(crate) mod secrets_notice;
pub(crate) mod site_header;
pub(crate) mod virtual_log;
