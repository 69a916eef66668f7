//! Where the workflow graph draws each job and arrow: stages are columns from left to right, the jobs of
//! a stage are stacked in the order written, and jobs caught in a `requires` cycle get a last column of
//! their own.

use pipelens_core::config::WorkflowGraph;

/// The width of a job box.
pub(crate) const BOX_WIDTH: f64 = 200.0;
/// The height of a job box.
pub(crate) const BOX_HEIGHT: f64 = 64.0;
/// The space between two columns, where the arrows run.
const COLUMN_GAP: f64 = 64.0;
/// The space between two boxes of a column.
const ROW_GAP: f64 = 18.0;
/// The margin around the drawing.
const MARGIN: f64 = 12.0;

/// The place of one job box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct JobBox {
    /// The index of the job in the graph's nodes.
    pub(crate) node: usize,
    /// The left edge.
    pub(crate) x: f64,
    /// The top edge.
    pub(crate) y: f64,
}

/// An arrow from the job waited for to the job that waits.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Arrow {
    /// The index of the edge in the graph's edges.
    pub(crate) edge: usize,
    /// The SVG path of the arrow.
    pub(crate) path: String,
}

/// The whole drawing of one workflow.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GraphLayout {
    /// The width of the drawing.
    pub(crate) width: f64,
    /// The height of the drawing.
    pub(crate) height: f64,
    /// One box per job, in node order.
    pub(crate) boxes: Vec<JobBox>,
    /// One arrow per edge, in edge order.
    pub(crate) arrows: Vec<Arrow>,
}

/// Lays out `graph`.
pub(crate) fn layout(graph: &WorkflowGraph) -> GraphLayout {
    let mut columns: Vec<Vec<usize>> = graph.stages.clone();
    let unplaced: Vec<usize> = (0..graph.nodes.len())
        .filter(|&node| graph.nodes[node].stage.is_none())
        .collect();
    if !unplaced.is_empty() {
        columns.push(unplaced);
    }
    let mut boxes: Vec<JobBox> = Vec::with_capacity(graph.nodes.len());
    for (column, nodes) in columns.iter().enumerate() {
        for (row, &node) in nodes.iter().enumerate() {
            boxes.push(JobBox {
                node,
                x: MARGIN + column as f64 * (BOX_WIDTH + COLUMN_GAP),
                y: MARGIN + row as f64 * (BOX_HEIGHT + ROW_GAP),
            });
        }
    }
    boxes.sort_by_key(|b| b.node);
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let width = 2.0 * MARGIN
        + columns.len() as f64 * BOX_WIDTH
        + columns.len().saturating_sub(1) as f64 * COLUMN_GAP;
    let height =
        2.0 * MARGIN + tallest as f64 * BOX_HEIGHT + tallest.saturating_sub(1) as f64 * ROW_GAP;
    let arrows = graph
        .edges
        .iter()
        .enumerate()
        .filter_map(|(edge, e)| {
            let from = boxes.get(e.from)?;
            let to = boxes.get(e.to)?;
            Some(Arrow {
                edge,
                path: arrow_path(from, to),
            })
        })
        .collect();
    GraphLayout {
        width: width.max(BOX_WIDTH + 2.0 * MARGIN),
        height: height.max(BOX_HEIGHT + 2.0 * MARGIN),
        boxes,
        arrows,
    }
}

/// A curve from the right side of `from` to the left side of `to`; when `to` is not to the right (a
/// cycle), the curve leaves from below and comes back round.
fn arrow_path(from: &JobBox, to: &JobBox) -> String {
    let (x1, y1) = (from.x + BOX_WIDTH, from.y + BOX_HEIGHT / 2.0);
    let (x2, y2) = (to.x, to.y + BOX_HEIGHT / 2.0);
    if x2 > x1 {
        let bend = (x2 - x1) / 2.0;
        format!(
            "M{x1},{y1} C{},{y1} {},{y2} {x2},{y2}",
            x1 + bend,
            x2 - bend
        )
    } else {
        let (bx, by) = (from.x + BOX_WIDTH / 2.0, from.y + BOX_HEIGHT);
        let (tx, ty) = (to.x + BOX_WIDTH / 2.0, to.y + BOX_HEIGHT);
        let low = by.max(ty) + ROW_GAP;
        format!("M{bx},{by} C{bx},{low} {tx},{low} {tx},{ty}")
    }
}

#[cfg(test)]
mod tests {
    use pipelens_core::config::analyse_config;

    use super::*;

    fn graph(workflow: &str) -> WorkflowGraph {
        let text = format!(
            "version: 2.1\njobs:\n  a: {{docker: [{{image: cimg/base:2024.01}}], steps: [checkout]}}\nworkflows:\n  w:\n    jobs:\n{workflow}"
        );
        analyse_config(&text).graphs.remove(0)
    }

    #[test]
    fn stages_are_columns_and_jobs_stack_in_each() {
        let g = graph("      - a\n      - a: {name: b}\n      - a: {name: c, requires: [a, b]}\n");
        let l = layout(&g);
        assert_eq!((l.boxes[0].x, l.boxes[0].y), (MARGIN, MARGIN));
        assert_eq!(
            (l.boxes[1].x, l.boxes[1].y),
            (MARGIN, MARGIN + BOX_HEIGHT + ROW_GAP)
        );
        assert_eq!(
            (l.boxes[2].x, l.boxes[2].y),
            (MARGIN + BOX_WIDTH + COLUMN_GAP, MARGIN)
        );
        assert_eq!(l.width, 2.0 * MARGIN + 2.0 * BOX_WIDTH + COLUMN_GAP);
        assert_eq!(l.height, 2.0 * MARGIN + 2.0 * BOX_HEIGHT + ROW_GAP);
        assert_eq!(l.arrows.len(), 2);
        let first = &l.arrows[0].path;
        assert!(
            first.starts_with(&format!(
                "M{},{}",
                MARGIN + BOX_WIDTH,
                MARGIN + BOX_HEIGHT / 2.0
            )),
            "{first}"
        );
        assert!(
            first.ends_with(&format!(
                "{},{}",
                MARGIN + BOX_WIDTH + COLUMN_GAP,
                MARGIN + BOX_HEIGHT / 2.0
            )),
            "{first}"
        );
    }

    #[test]
    fn jobs_on_a_cycle_get_a_last_column_and_curved_arrows() {
        let g = graph(
            "      - a\n      - a: {name: x, requires: [y]}\n      - a: {name: y, requires: [x]}\n",
        );
        let l = layout(&g);
        let last_column = MARGIN + BOX_WIDTH + COLUMN_GAP;
        assert_eq!(l.boxes[1].x, last_column);
        assert_eq!(l.boxes[2].x, last_column);
        assert_eq!(l.arrows.len(), 2);
        assert!(l.arrows.iter().all(|a| a.path.contains(" C")));
    }

    #[test]
    fn an_empty_workflow_still_has_a_size() {
        let g = graph("      []\n");
        let l = layout(&g);
        assert!(l.boxes.is_empty());
        assert!(l.width > 0.0 && l.height > 0.0);
    }
}
