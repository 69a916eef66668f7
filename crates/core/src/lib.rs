//! The analysis behind Pipeline Lens, with no knowledge of the browser.
//!
//! - [`phases`]: the catalogue of the phases CircleCI prints, each tied to the documentation page that
//!   explains it.
//! - [`log`]: the build-log parser, which splits a pasted log into its phases.
//! - [`config`]: the `.circleci/config.yml` analyser and its lint rules.
//! - [`crosslink`]: which job of a configuration produced a log, and which step each phase comes from.
//! - [`docs`]: the index of the documentation pages the explainers link to.
//! - [`secrets`]: the secrets found in pasted text, and their masking.
//! - [`highlight`]: the YAML and shell highlighter of the documentation and the config explainer.
//! - [`Lang`]: the languages every sentence of the core exists in.
//!
//! Architecture invariant: this crate depends on no web crate (no `web-sys`, no `leptos`); the site and
//! the `pipelens` CLI are both thin front ends over it.

pub mod config;
pub mod crosslink;
pub mod docs;
pub mod highlight;
mod lang;
pub mod log;
pub mod phases;
pub mod secrets;
pub mod text;

pub use lang::Lang;
