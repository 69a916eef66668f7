//! Exports for handouts: reports of the explained log or configuration (HTML or Markdown) and the
//! content of screenshots (PNG) of one phase or one part, with secrets masked by default.
//!
//! Everything here is pure Rust, tested natively; the page only draws and downloads what it builds:
//!
//! 1. [`redact`] finds the secrets of the exported text (`pipelens_core::secrets`) and masks them in every
//!    string the export shows, unless the reader chose to include them.
//! 2. [`log_report`] and [`config_report`] turn an analysis into a [`document::Document`]: headings,
//!    paragraphs, fact tables and code excerpts, in the current language.
//! 3. [`html`] and [`markdown`] write a document as a standalone file; every piece of pasted text is
//!    escaped, never written as markup.
//! 4. [`snapshot`] cuts a phase or a part into the lines and coloured runs a screenshot draws.

pub(crate) mod ansi;
pub(crate) mod canvas;
pub(crate) mod config_report;
pub(crate) mod document;
pub(crate) mod failure_report;
pub(crate) mod html;
pub(crate) mod log_report;
pub(crate) mod markdown;
pub(crate) mod redact;
pub(crate) mod snapshot;
