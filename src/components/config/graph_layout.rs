//! Where the workflow graph draws each job and arrow. Stages are bands from top to bottom; the jobs of a
//! stage fill rows as wide as the drawing allows (a stage of 59 jobs is a few rows, not a column of 59),
//! in the order written; jobs caught in a `requires` cycle get a last band of their own. A job's name
//! wraps over [`NAME_LINES`] lines, and its box grows with it. Each arrow leaves its job from a point of
//! its own along the bottom edge and reaches the waiting job at a point of its own along the top edge, so
//! that arrows fan out instead of merging into one band.

use pipelens_core::config::WorkflowGraph;

/// The width of a job box.
pub(crate) const BOX_WIDTH: f64 = 200.0;
/// The widest drawing, in the SVG's own units: five boxes side by side, which a 1,280 px screen shows
/// whole; a narrower screen scrolls or zooms out.
pub(crate) const MAX_WIDTH: f64 = 1_140.0;
/// How many lines of a box its name may take.
pub(crate) const NAME_LINES: usize = 2;
/// The most characters of one line of a name (or of a detail) in a box.
pub(crate) const LINE_CHARS: usize = 26;
/// The height of a line of the name.
pub(crate) const NAME_LINE_HEIGHT: f64 = 16.0;
/// The height of a line of detail (contexts, filters, matrix).
pub(crate) const DETAIL_LINE_HEIGHT: f64 = 14.0;
/// The space above the first line of a box, and below its last.
pub(crate) const BOX_PADDING: f64 = 9.0;
/// The space between two boxes of a row.
const COLUMN_GAP: f64 = 28.0;
/// The space between two rows of a stage.
const ROW_GAP: f64 = 22.0;
/// The space between two stages, where the arrows turn.
const STAGE_GAP: f64 = 56.0;
/// The margin around the drawing.
const MARGIN: f64 = 12.0;

/// What a box holds: how many lines of name and of details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BoxLines {
    /// Lines of the name (1 to [`NAME_LINES`]).
    pub(crate) name: usize,
    /// Lines of details under the name.
    pub(crate) details: usize,
}

impl BoxLines {
    /// The height of a box with these lines.
    pub(crate) fn height(self) -> f64 {
        2.0 * BOX_PADDING
            + self.name as f64 * NAME_LINE_HEIGHT
            + self.details as f64 * DETAIL_LINE_HEIGHT
    }
}

/// The place of one job box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct JobBox {
    /// The index of the job in the graph's nodes.
    pub(crate) node: usize,
    /// The left edge.
    pub(crate) x: f64,
    /// The top edge.
    pub(crate) y: f64,
    /// The height.
    pub(crate) height: f64,
}

/// An arrow from the job waited for to the job that waits.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Arrow {
    /// The index of the edge in the graph's edges.
    pub(crate) edge: usize,
    /// The SVG path of the arrow.
    pub(crate) path: String,
    /// Where the arrow ends (its tip, on the waiting job's edge), to label it.
    pub(crate) tip: (f64, f64),
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

/// How many boxes fit side by side in [`MAX_WIDTH`].
fn per_row() -> usize {
    (((MAX_WIDTH - 2.0 * MARGIN + COLUMN_GAP) / (BOX_WIDTH + COLUMN_GAP)).floor() as usize).max(1)
}

/// Lays out `graph`, whose node `i` holds `lines(i)`.
pub(crate) fn layout(graph: &WorkflowGraph, lines: impl Fn(usize) -> BoxLines) -> GraphLayout {
    let mut bands: Vec<Vec<usize>> = graph.stages.clone();
    let unplaced: Vec<usize> = (0..graph.nodes.len())
        .filter(|&node| graph.nodes[node].stage.is_none())
        .collect();
    if !unplaced.is_empty() {
        bands.push(unplaced);
    }
    let columns = per_row()
        .min(bands.iter().map(Vec::len).max().unwrap_or(1))
        .max(1);
    let width = 2.0 * MARGIN + columns as f64 * BOX_WIDTH + (columns - 1) as f64 * COLUMN_GAP;
    let mut boxes: Vec<JobBox> = Vec::with_capacity(graph.nodes.len());
    let mut y = MARGIN;
    for (band, nodes) in bands.iter().enumerate() {
        if band > 0 {
            y += STAGE_GAP;
        }
        for (row, row_nodes) in nodes.chunks(columns).enumerate() {
            if row > 0 {
                y += ROW_GAP;
            }
            // A short row is centred under the full ones.
            let used =
                row_nodes.len() as f64 * BOX_WIDTH + (row_nodes.len() - 1) as f64 * COLUMN_GAP;
            let left = (width - used) / 2.0;
            let tallest = row_nodes
                .iter()
                .map(|&node| lines(node).height())
                .fold(0.0, f64::max);
            for (column, &node) in row_nodes.iter().enumerate() {
                boxes.push(JobBox {
                    node,
                    x: left + column as f64 * (BOX_WIDTH + COLUMN_GAP),
                    y,
                    height: lines(node).height(),
                });
            }
            y += tallest;
        }
    }
    boxes.sort_by_key(|b| b.node);
    let height = (y + MARGIN).max(
        2.0 * MARGIN
            + BoxLines {
                name: 1,
                details: 0,
            }
            .height(),
    );
    GraphLayout {
        width,
        height,
        arrows: arrows(graph, &boxes),
        boxes,
    }
}

/// The arrows: each leaves its job from its own point along the bottom edge (ordered by where the
/// waiting jobs are) and reaches the waiting job at its own point along the top edge.
fn arrows(graph: &WorkflowGraph, boxes: &[JobBox]) -> Vec<Arrow> {
    let centre = |node: usize| boxes.get(node).map(|b| b.x + BOX_WIDTH / 2.0);
    // Point `rank` of `count` along a box's edge, away from its corners.
    let along = |job: &JobBox, rank: usize, count: usize| {
        job.x + BOX_WIDTH * (rank as f64 + 1.0) / (count as f64 + 1.0)
    };
    // For each edge, its rank among the edges of the same job (at `ends(edge).0`), ordered by where
    // their other ends are, and how many there are.
    let ranks = |ends: &dyn Fn(usize) -> (usize, usize)| {
        let mut by_node: Vec<Vec<usize>> = vec![Vec::new(); boxes.len()];
        for edge in 0..graph.edges.len() {
            if let Some(edges) = by_node.get_mut(ends(edge).0) {
                edges.push(edge);
            }
        }
        let mut rank = vec![(0, 1); graph.edges.len()];
        for edges in &mut by_node {
            edges.sort_by(|&a, &b| {
                let key = |edge: usize| centre(ends(edge).1).unwrap_or(0.0);
                key(a).total_cmp(&key(b))
            });
            for (position, &edge) in edges.iter().enumerate() {
                rank[edge] = (position, edges.len());
            }
        }
        rank
    };
    let leaving = ranks(&|edge| (graph.edges[edge].from, graph.edges[edge].to));
    let arriving = ranks(&|edge| (graph.edges[edge].to, graph.edges[edge].from));
    graph
        .edges
        .iter()
        .enumerate()
        .filter_map(|(edge, e)| {
            let from = boxes.get(e.from)?;
            let to = boxes.get(e.to)?;
            let (out_rank, out_count) = leaving[edge];
            let (in_rank, in_count) = arriving[edge];
            let (x1, y1) = (along(from, out_rank, out_count), from.y + from.height);
            let (x2, y2) = (along(to, in_rank, in_count), to.y);
            let (path, tip) = if y2 > y1 {
                let bend = ((y2 - y1) / 2.0).min(STAGE_GAP);
                let path = format!(
                    "M{x1},{y1} C{x1},{} {x2},{} {x2},{y2}",
                    y1 + bend,
                    y2 - bend
                );
                (path, (x2, y2))
            } else {
                // A job waiting for one drawn below it: a cycle. The curve goes round below both.
                let low = (from.y + from.height).max(to.y + to.height) + ROW_GAP;
                let (tx, ty) = (x2, to.y + to.height);
                (
                    format!("M{x1},{y1} C{x1},{low} {tx},{low} {tx},{ty}"),
                    (tx, ty),
                )
            };
            Some(Arrow { edge, path, tip })
        })
        .collect()
}

/// `name` over at most `lines` lines of at most `chars` characters: cut after a separator (`-`, `_`,
/// `/`, `.`, `:`, a space) when one is near the end of a line, else in the middle of a word; the last line
/// ends with an ellipsis when the name does not fit.
pub(crate) fn wrap_name(name: &str, chars: usize, lines: usize) -> Vec<String> {
    let characters: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < characters.len() && out.len() < lines {
        let rest = characters.len() - start;
        if rest <= chars {
            out.push(characters[start..].iter().collect());
            return out;
        }
        if out.len() + 1 == lines {
            let mut last: String = characters[start..start + chars - 1].iter().collect();
            last.push('…');
            out.push(last);
            return out;
        }
        // Break after the last separator of the line, unless that leaves most of it empty.
        let end = (start + chars / 2..start + chars)
            .rev()
            .find(|&at| matches!(characters[at], '-' | '_' | '/' | '.' | ':' | ' '))
            .map_or(start + chars, |at| at + 1);
        out.push(
            characters[start..end]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_owned(),
        );
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use pipelens_core::config::analyse_config;

    use super::*;

    const ONE_LINE: BoxLines = BoxLines {
        name: 1,
        details: 0,
    };

    fn graph(workflow: &str) -> WorkflowGraph {
        let text = format!(
            "version: 2.1\njobs:\n  a: {{docker: [{{image: cimg/base:2024.01}}], steps: [checkout]}}\nworkflows:\n  w:\n    jobs:\n{workflow}"
        );
        analyse_config(&text).graphs.remove(0)
    }

    #[test]
    fn stages_are_bands_from_top_to_bottom() {
        let g = graph("      - a\n      - a: {name: b}\n      - a: {name: c, requires: [a, b]}\n");
        let l = layout(&g, |_| ONE_LINE);
        assert_eq!(l.boxes[0].y, l.boxes[1].y, "a and b share the first row");
        assert!(l.boxes[0].x < l.boxes[1].x);
        assert!(l.boxes[2].y > l.boxes[0].y + ONE_LINE.height());
        // c, alone in its row, is centred.
        assert_eq!(l.boxes[2].x + BOX_WIDTH / 2.0, l.width / 2.0);
        assert_eq!(l.arrows.len(), 2);
        // The two arrows reach c at two different points.
        let ends: Vec<&str> = l
            .arrows
            .iter()
            .map(|a| a.path.rsplit(' ').next().unwrap_or(""))
            .collect();
        assert_ne!(ends[0], ends[1]);
    }

    #[test]
    fn each_arrow_knows_its_tip_where_its_statuses_are_written() {
        let g = graph("      - a\n      - a: {name: b, requires: [{a: [success, failed]}]}\n");
        let l = layout(&g, |_| ONE_LINE);
        let arrow = &l.arrows[0];
        let (x, y) = arrow.tip;
        assert!(arrow.path.ends_with(&format!("{x},{y}")), "{arrow:?}");
        assert_eq!(
            y, l.boxes[1].y,
            "the tip is on the top edge of the waiting job"
        );
        assert_eq!(g.edges[0].statuses, ["success", "failed"]);
    }

    #[test]
    fn a_wide_stage_wraps_into_rows_as_wide_as_the_drawing() {
        let mut workflow = String::from("      - a\n");
        for n in 0..59 {
            workflow.push_str(&format!("      - a: {{name: test-{n}, requires: [a]}}\n"));
        }
        let l = layout(&graph(&workflow), |_| ONE_LINE);
        assert!(l.width <= MAX_WIDTH, "{}", l.width);
        let rows: std::collections::BTreeSet<u64> =
            l.boxes[1..].iter().map(|b| b.y as u64).collect();
        assert_eq!(rows.len(), 59_usize.div_ceil(per_row()));
        // One job waited for by 59: 59 arrows, each leaving from its own point.
        let starts: std::collections::BTreeSet<&str> = l
            .arrows
            .iter()
            .map(|a| a.path.split(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(starts.len(), 59);
    }

    #[test]
    fn a_box_grows_with_its_lines() {
        let g = graph("      - a\n      - a: {name: b}\n");
        let l = layout(&g, |node| BoxLines {
            name: 1 + node,
            details: 1,
        });
        assert!(l.boxes[1].height > l.boxes[0].height);
    }

    #[test]
    fn jobs_on_a_cycle_get_a_last_band_and_curved_arrows() {
        let g = graph(
            "      - a\n      - a: {name: x, requires: [y]}\n      - a: {name: y, requires: [x]}\n",
        );
        let l = layout(&g, |_| ONE_LINE);
        assert_eq!(l.boxes[1].y, l.boxes[2].y);
        assert!(l.boxes[1].y > l.boxes[0].y);
        assert_eq!(l.arrows.len(), 2);
        assert!(l.arrows.iter().all(|a| a.path.contains(" C")));
    }

    #[test]
    fn long_names_wrap_after_a_separator_and_end_with_an_ellipsis() {
        assert_eq!(wrap_name("build", 26, 2), ["build"]);
        assert_eq!(
            wrap_name("integ_react_datastore_multi_auth_one_rule_owner", 26, 2),
            ["integ_react_datastore_", "multi_auth_one_rule_owner"]
        );
        let long = wrap_name(
            "integ_react_datastore_multi_auth_one_rule_owner_custom_claim",
            26,
            2,
        );
        assert_eq!(long.len(), 2);
        assert!(
            long[1].ends_with('…') && long[1].chars().count() == 26,
            "{long:?}"
        );
        assert_eq!(
            wrap_name("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 26, 2)[0]
                .chars()
                .count(),
            26
        );
    }

    #[test]
    fn an_empty_workflow_still_has_a_size() {
        let g = graph("      []\n");
        let l = layout(&g, |_| ONE_LINE);
        assert!(l.boxes.is_empty());
        assert!(l.width > 0.0 && l.height > 0.0);
    }
}
