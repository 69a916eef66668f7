//! The analysis behind Pipeline Lens, with no knowledge of the browser.
//!
//! - [`phases`]: the catalogue of the phases CircleCI prints, each tied to the documentation page that
//!   explains it.
//!
//! Architecture invariant: this crate depends on no web crate (no `web-sys`, no `leptos`); the site and
//! the `pipelens` CLI are both thin front ends over it.

pub mod phases;
