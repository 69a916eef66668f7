//! Every code of the core as a sentence or a label of the current language: phase statuses and kinds,
//! fact names, notes, phase titles, config parts, secrets, cause arguments. Each core enum is matched
//! exhaustively, so that a new variant is a compile error here rather than an English id on the page.

pub(crate) mod causes;
pub(crate) mod config_parts;
pub(crate) mod facts;
pub(crate) mod notes;
pub(crate) mod phases;
pub(crate) mod secrets;
pub(crate) mod status;
