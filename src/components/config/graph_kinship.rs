//! How the jobs of a workflow stand against the one chosen in its drawing: the chosen job, what it waits
//! for (upstream, directly or not), what waits for it (downstream), and the rest.

use std::collections::HashSet;

use pipelens_core::config::WorkflowGraph;

/// How a job stands against the one chosen in the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kinship {
    /// Nothing is chosen.
    Free,
    /// The chosen job.
    Chosen,
    /// A job the chosen one waits for, directly or not.
    Upstream,
    /// A job that waits for the chosen one, directly or not.
    Downstream,
    /// Neither.
    Unrelated,
}

/// The jobs `start` reaches by following edges from `from` to `to` (or back, when `forward` is false).
fn reached(graph: &WorkflowGraph, start: usize, forward: bool) -> HashSet<usize> {
    let mut seen = HashSet::new();
    let mut pending = vec![start];
    while let Some(node) = pending.pop() {
        for edge in &graph.edges {
            let (here, next) = if forward {
                (edge.from, edge.to)
            } else {
                (edge.to, edge.from)
            };
            if here == node && next != start && seen.insert(next) {
                pending.push(next);
            }
        }
    }
    seen
}

/// How each job stands against the chosen one.
pub(crate) fn kinships(graph: &WorkflowGraph, chosen: Option<usize>) -> Vec<Kinship> {
    let Some(chosen) = chosen else {
        return vec![Kinship::Free; graph.nodes.len()];
    };
    let upstream = reached(graph, chosen, false);
    let downstream = reached(graph, chosen, true);
    (0..graph.nodes.len())
        .map(|node| {
            if node == chosen {
                Kinship::Chosen
            } else if upstream.contains(&node) {
                Kinship::Upstream
            } else if downstream.contains(&node) {
                Kinship::Downstream
            } else {
                Kinship::Unrelated
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pipelens_core::config::analyse_config;

    /// The graph of the first workflow of `yaml`.
    fn graph(yaml: &str) -> WorkflowGraph {
        analyse_config(yaml)
            .graphs
            .into_iter()
            .next()
            .expect("a workflow")
    }

    #[test]
    fn a_chosen_job_lights_what_it_waits_for_and_what_waits_for_it() {
        let graph = graph(
            "version: 2.1\njobs:\n  a: {docker: [{image: x}], steps: [checkout]}\n  b: {docker: [{image: x}], steps: [checkout]}\n  c: {docker: [{image: x}], steps: [checkout]}\n  d: {docker: [{image: x}], steps: [checkout]}\nworkflows:\n  w:\n    jobs: [a, {b: {requires: [a]}}, {c: {requires: [b]}}, d]\n",
        );
        let name = |index: usize| graph.nodes[index].name.clone();
        let kin = kinships(&graph, graph.nodes.iter().position(|node| node.name == "b"));
        let of = |job: &str| kin[(0..graph.nodes.len()).find(|&i| name(i) == job).unwrap()];
        assert_eq!(of("a"), Kinship::Upstream);
        assert_eq!(of("b"), Kinship::Chosen);
        assert_eq!(of("c"), Kinship::Downstream);
        assert_eq!(of("d"), Kinship::Unrelated);
        assert!(kinships(&graph, None).iter().all(|k| *k == Kinship::Free));
    }
}
