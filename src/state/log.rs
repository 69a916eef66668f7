//! What every part of the log explainer shares: the text, its report, the selected phase, where the
//! view scrolls, the search match and the secrets the worker found. The log page provides it as a
//! context; its components read it with `expect_context::<LogState>()`.

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::log::LogReport;
use pipelens_core::secrets::Secret;

/// What every part of the log explainer shares.
#[derive(Clone, Copy)]
pub(crate) struct LogState {
    /// The text in the editor.
    pub(crate) text: RwSignal<String>,
    /// The parsed log, once there is text.
    pub(crate) report: RwSignal<Option<Arc<LogReport>>>,
    /// The selected phase (index into the report's phases).
    pub(crate) selected: RwSignal<Option<usize>>,
    /// Where the log view should scroll next; the view that is showing performs it.
    pub(crate) scroll_request: RwSignal<Option<ScrollTarget>>,
    /// The line (0-based) of the current search match, highlighted in the log.
    pub(crate) current_match: RwSignal<Option<usize>>,
    /// The secrets of the text, when the log worker found them (large logs only).
    pub(crate) worker_secrets: RwSignal<Option<Vec<Secret>>>,
}

/// A place in the log to bring into view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScrollTarget {
    /// The header of a phase (index into the phases), at the top of the view.
    Phase(usize),
    /// A line (0-based), in the middle of the view.
    Line(usize),
}

impl LogState {
    /// Selects a phase and scrolls the log to it (the page then names it in the URL).
    pub(crate) fn select(self, index: usize) {
        self.selected.set(Some(index));
        self.scroll_request.set(Some(ScrollTarget::Phase(index)));
    }
}
