//! The state the parts of the config page share: the latest analysis, the selected and hovered part, the
//! highlighted line, and requests to scroll the text to a line.

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::config::{analyse_config, ConfigReport};

use super::source_lines::{part_at, source_lines, SourceLine};

/// One analysis of the editor's text.
#[derive(Debug)]
pub(crate) struct Analysis {
    /// Counts analyses, so that views drawn from an older one are replaced.
    pub(crate) generation: u64,
    /// The text analysed.
    pub(crate) text: String,
    /// What the analyser found.
    pub(crate) report: ConfigReport,
    /// The text cut into lines of parts and tokens.
    pub(crate) lines: Vec<SourceLine>,
}

impl Analysis {
    /// Analyses `text`.
    pub(crate) fn new(text: String, generation: u64) -> Self {
        let report = analyse_config(&text);
        let lines = source_lines(&text, &report.parts);
        Self {
            generation,
            text,
            report,
            lines,
        }
    }

    /// Whether the YAML could not be read, so that nothing but the text can be shown.
    pub(crate) fn unreadable(&self) -> bool {
        self.report.syntax_error().is_some()
    }
}

/// The shared state, cheap to copy into every handler.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConfigState {
    /// The latest analysis; `None` before the first one.
    pub(crate) analysis: RwSignal<Option<Arc<Analysis>>>,
    /// The part clicked last (an index into the report's parts).
    pub(crate) selected: RwSignal<Option<usize>>,
    /// The part under the pointer or the keyboard focus.
    pub(crate) hovered: RwSignal<Option<usize>>,
    /// The highlighted line (1-based).
    pub(crate) line: RwSignal<Option<usize>>,
    /// The line to bring into view, with a counter so that asking twice scrolls twice.
    pub(crate) scroll_to: RwSignal<(usize, u64)>,
}

impl ConfigState {
    /// A state with nothing analysed.
    pub(crate) fn new() -> Self {
        Self {
            analysis: RwSignal::new(None),
            selected: RwSignal::new(None),
            hovered: RwSignal::new(None),
            line: RwSignal::new(None),
            scroll_to: RwSignal::new((0, 0)),
        }
    }

    /// Whether the latest analysis could not read the YAML.
    pub(crate) fn unreadable(&self) -> bool {
        self.analysis
            .with(|a| a.as_ref().is_some_and(|a| a.unreadable()))
    }

    /// The part whose explanation is shown: the hovered one, else the selected one.
    pub(crate) fn shown_part(&self) -> Option<usize> {
        self.hovered.get().or_else(|| self.selected.get())
    }

    /// Selects part `index`, highlights its line and, when `scroll`, brings it into view.
    pub(crate) fn select_part(&self, index: usize, scroll: bool) {
        let line = self.analysis.with_untracked(|a| {
            a.as_ref()
                .and_then(|a| a.report.parts.get(index))
                .map(|p| p.span.line)
        });
        let Some(line) = line else { return };
        self.selected.set(Some(index));
        self.line.set(Some(line));
        if scroll {
            self.scroll_to_line(line);
        }
    }

    /// Highlights `line`, selects the part written at `column` of it if there is one, and scrolls to it.
    pub(crate) fn select_position(&self, line: usize, column: usize) {
        let part = self.analysis.with_untracked(|a| {
            a.as_ref()
                .and_then(|a| part_at(&a.report.parts, line, column))
        });
        self.selected.set(part);
        self.line.set(Some(line));
        self.scroll_to_line(line);
    }

    /// Brings `line` into view.
    pub(crate) fn scroll_to_line(&self, line: usize) {
        self.scroll_to.update(|(target, count)| {
            *target = line;
            *count += 1;
        });
    }
}
