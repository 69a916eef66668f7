//! The log drawn virtually: a scrolling box as tall as every row, holding only the rows in view.
//!
//! Rows are a phase header followed by its lines, all of the same height, so that a row's position is a
//! multiplication and the row under a scroll position a binary search over the phases.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use pipelens_core::log::LogReport;

use super::rows::{LineMark, LogLineRow, PhaseHeader};
use crate::state::log::{LogState, ScrollTarget};

/// The height of every row, in CSS pixels (`.virtual-row` in style/log.css says the same).
const ROW_PX: f64 = 20.0;

/// Rows drawn above and below the visible ones, so that a fast scroll shows no gap.
const OVERSCAN_ROWS: usize = 30;

/// What a row of the virtual log shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// The header of a phase.
    Header(usize),
    /// A line of the log (0-based), in a phase.
    Line { phase: usize, line: usize },
}

/// Where each phase starts in the list of rows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowMap {
    /// The first row (the header) of each phase, increasing.
    starts: Vec<usize>,
    /// How many rows there are in all.
    total: usize,
}

impl RowMap {
    /// Rows for phases of the given line counts.
    fn new(line_counts: impl Iterator<Item = usize>) -> Self {
        let mut starts = Vec::new();
        let mut total = 0;
        for count in line_counts {
            starts.push(total);
            total += 1 + count;
        }
        Self { starts, total }
    }

    /// What row `row` shows, given the first line of each phase.
    fn row(&self, row: usize, first_lines: &[usize]) -> Option<Row> {
        if row >= self.total {
            return None;
        }
        let phase = self
            .starts
            .partition_point(|&start| start <= row)
            .checked_sub(1)?;
        let offset = row - self.starts[phase];
        Some(if offset == 0 {
            Row::Header(phase)
        } else {
            Row::Line {
                phase,
                line: first_lines[phase] + offset - 1,
            }
        })
    }

    /// The row of line `line` (0-based), given the first line of each phase.
    fn row_of_line(&self, line: usize, first_lines: &[usize]) -> Option<usize> {
        let phase = first_lines
            .partition_point(|&first| first <= line)
            .checked_sub(1)?;
        Some(self.starts[phase] + 1 + line - first_lines[phase])
    }
}

/// The virtual log view.
#[component]
pub(crate) fn VirtualLog(
    /// The parsed log.
    report: Arc<LogReport>,
) -> impl IntoView {
    let state = expect_context::<LogState>();
    let map = Arc::new(RowMap::new(
        report.phases.iter().map(|phase| phase.lines.len()),
    ));
    let first_lines: Arc<Vec<usize>> = Arc::new(
        report
            .phases
            .iter()
            .map(|phase| phase.lines.start)
            .collect(),
    );
    let scroller = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport = RwSignal::new(800.0_f64);

    // Scroll requests (a phase selected, a search match) move the scroll box.
    {
        let (map, first_lines) = (map.clone(), first_lines.clone());
        Effect::new(move |_| {
            let Some(target) = state.scroll_request.get() else {
                return;
            };
            let Some(element) = scroller.get() else {
                return;
            };
            let height = element.client_height() as f64;
            let top = match target {
                ScrollTarget::Phase(phase) => map.starts.get(phase).map(|&row| row as f64 * ROW_PX),
                ScrollTarget::Line(line) => map
                    .row_of_line(line, &first_lines)
                    .map(|row| (row as f64 * ROW_PX - height / 2.0).max(0.0)),
            };
            if let Some(top) = top {
                element.set_scroll_top(top as i32);
                scroll_top.set(top);
                if matches!(target, ScrollTarget::Phase(_)) && super::view::one_column() {
                    // In one column the chosen phase's explanation comes first: show it.
                    if let Ok(Some(explanation)) =
                        document().query_selector("[data-testid=phase-explanation]")
                    {
                        explanation.scroll_into_view();
                    }
                } else {
                    element.scroll_into_view();
                }
            }
        });
    }

    let on_scroll = move |_| {
        if let Some(element) = scroller.get() {
            scroll_top.set(element.scroll_top() as f64);
            viewport.set(element.client_height() as f64);
        }
    };

    let total_height = map.total as f64 * ROW_PX;
    let rows = move || {
        let first = ((scroll_top.get() / ROW_PX) as usize).saturating_sub(OVERSCAN_ROWS);
        let count = (viewport.get() / ROW_PX) as usize + 2 * OVERSCAN_ROWS;
        let last = (first + count).min(map.total);
        let offset = first as f64 * ROW_PX;
        let views = (first..last)
            .filter_map(|row| map.row(row, &first_lines))
            .map(|row| match row {
                Row::Header(phase) => {
                    let status = report.phases[phase].status;
                    view! {
                        <div
                            class=format!("virtual-row virtual-header status-{}", status.id())
                            class:is-selected=move || state.selected.get() == Some(phase)
                            data-testid="virtual-header"
                            data-phase=phase + 1
                        >
                            <PhaseHeader phase=report.phases[phase].clone() index=phase/>
                        </div>
                    }
                    .into_any()
                }
                Row::Line { phase, line } => {
                    let status = report.phases[phase].status;
                    let mark = LineMark::of(&report.phases[phase], line);
                    view! {
                        <div
                            class=format!("virtual-row status-{}", status.id())
                            class:is-selected=move || state.selected.get() == Some(phase)
                        >
                            <LogLineRow report=report.clone() at=line mark=mark/>
                        </div>
                    }
                    .into_any()
                }
            })
            .collect_view();
        view! { <div class="virtual-window" style:transform=format!("translateY({offset}px)")>{views}</div> }
    };

    view! {
        <div
            class="log-view virtual-log"
            data-testid="log-view"
            data-mode="virtual"
            role="log"
            node_ref=scroller
            on:scroll=on_scroll
        >
            <div class="virtual-space" style:height=format!("{total_height}px")>{rows}</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_headers_then_lines_of_each_phase() {
        // Phase 0: lines 0..3, phase 1: lines 3..4.
        let map = RowMap::new([3, 1].into_iter());
        let first_lines = [0, 3];
        assert_eq!(map.total, 6);
        let rows: Vec<_> = (0..7).map(|row| map.row(row, &first_lines)).collect();
        assert_eq!(
            rows,
            vec![
                Some(Row::Header(0)),
                Some(Row::Line { phase: 0, line: 0 }),
                Some(Row::Line { phase: 0, line: 1 }),
                Some(Row::Line { phase: 0, line: 2 }),
                Some(Row::Header(1)),
                Some(Row::Line { phase: 1, line: 3 }),
                None,
            ]
        );
    }

    #[test]
    fn a_line_maps_back_to_its_row() {
        let map = RowMap::new([3, 1, 2].into_iter());
        let first_lines = [0, 3, 4];
        for line in 0..6 {
            let row = map.row_of_line(line, &first_lines).unwrap();
            assert!(
                matches!(map.row(row, &first_lines), Some(Row::Line { line: found, .. }) if found == line)
            );
        }
    }
}
