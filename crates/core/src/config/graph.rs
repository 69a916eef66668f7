//! Each workflow as a graph: its jobs, the `requires` edges between them, and the stages of jobs that
//! can run at the same time.
//!
//! Stages are a longest-path layering: a job with no requirement is in stage 0, any other job one stage
//! after the latest job it waits for. Kahn's algorithm computes it in linear time; the jobs it cannot
//! place wait on a cycle.

use std::collections::HashMap;

use serde::Serialize;

use super::model::{Filters, JobGroup, Workflow};

/// One job of a workflow graph.
#[derive(Debug, Clone, Serialize)]
pub struct GraphNode {
    /// The name other jobs use in `requires`.
    pub name: String,
    /// The job it runs.
    pub job: String,
    /// Whether it is an approval (a manual gate).
    pub approval: bool,
    /// Its contexts.
    pub contexts: Vec<String>,
    /// Its branch and tag filters.
    pub filters: Option<Filters>,
    /// The stage it runs in; `None` when it waits on a cycle.
    pub stage: Option<usize>,
    /// For a matrix job, how many jobs CircleCI makes of it (one per combination of its parameters);
    /// 1 otherwise.
    pub variants: usize,
    /// For a matrix job, the names of those jobs, when there are at most [`MAX_MATRIX_NAMES`].
    pub variant_names: Vec<String>,
    /// `serial-group:`: the group whose jobs run one at a time across pipelines.
    pub serial_group: Option<String>,
    /// `filters:` written as an expression: the condition under which it runs.
    pub condition: Option<String>,
    /// `override-with:`: the orb job that replaces it when the orb has one.
    pub override_with: Option<String>,
    /// When the entry runs a job group rather than a job: the names of the group's jobs, in order.
    pub group_jobs: Vec<String>,
}

/// A `requires` edge: `to` waits for `from`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphEdge {
    /// Index of the required job in [`WorkflowGraph::nodes`].
    pub from: usize,
    /// Index of the waiting job.
    pub to: usize,
    /// The statuses of `from` that let `to` run (empty: success).
    pub statuses: Vec<String>,
}

/// A workflow's graph.
#[derive(Debug, Clone, Serialize)]
pub struct WorkflowGraph {
    /// The workflow's name.
    pub workflow: String,
    /// Its jobs, in the order written.
    pub nodes: Vec<GraphNode>,
    /// Its `requires` edges.
    pub edges: Vec<GraphEdge>,
    /// Node indices per stage, stage 0 first.
    pub stages: Vec<Vec<usize>>,
    /// Node indices that lie on a `requires` cycle.
    pub cycle: Vec<usize>,
    /// `requires` entries that name no job of the workflow: (waiting node, name).
    pub unresolved: Vec<(usize, String)>,
    /// The workflow's `when:` (or `unless:`, then starting with `not `) written as one expression.
    pub condition: Option<String>,
    /// The workflow's `max_auto_reruns:`.
    pub max_auto_reruns: Option<String>,
}

/// Builds the graph of one workflow, which may run none of the configuration's job groups.
pub fn workflow_graph(workflow: &Workflow) -> WorkflowGraph {
    workflow_graph_with_groups(workflow, &[])
}

/// Builds the graph of one workflow; an entry naming one of `groups` (and no job) runs that group.
pub fn workflow_graph_with_groups(workflow: &Workflow, groups: &[JobGroup]) -> WorkflowGraph {
    let jobs = &workflow.jobs;
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut matrix_bases: Vec<(&str, usize)> = Vec::new();
    for (index, job) in jobs.iter().enumerate() {
        by_name
            .entry(job.display_name().to_owned())
            .or_default()
            .push(index);
        if let Some(matrix) = &job.matrix {
            for expanded in expand_matrix_name(job.display_name(), &matrix.parameters) {
                by_name.entry(expanded).or_default().push(index);
            }
            let base = matrix.alias.as_deref().unwrap_or(&job.job.value);
            by_name.entry(base.to_owned()).or_default().push(index);
            matrix_bases.push((job.display_name(), index));
            matrix_bases.push((base, index));
        }
    }
    let mut edges = Vec::new();
    let mut unresolved = Vec::new();
    for (to, job) in jobs.iter().enumerate() {
        for requirement in &job.requires {
            let name = requirement.job.value.as_str();
            let targets: Vec<usize> = match by_name.get(name) {
                Some(targets) => targets.clone(),
                None => matrix_bases
                    .iter()
                    .filter(|(base, _)| {
                        name.strip_prefix(base)
                            .is_some_and(|rest| rest.starts_with('-'))
                    })
                    .map(|(_, index)| *index)
                    .collect(),
            };
            if targets.is_empty() && !name.contains("<<") {
                unresolved.push((to, name.to_owned()));
            }
            for from in targets {
                if !edges
                    .iter()
                    .any(|e: &GraphEdge| e.from == from && e.to == to)
                {
                    edges.push(GraphEdge {
                        from,
                        to,
                        statuses: requirement.statuses.clone(),
                    });
                }
            }
        }
    }
    let (stage_of, cycle) = layer(jobs.len(), &edges);
    let mut stages: Vec<Vec<usize>> = Vec::new();
    for (index, stage) in stage_of.iter().enumerate() {
        if let Some(stage) = *stage {
            if stages.len() <= stage {
                stages.resize(stage + 1, Vec::new());
            }
            stages[stage].push(index);
        }
    }
    let nodes = jobs
        .iter()
        .zip(&stage_of)
        .map(|(job, stage)| GraphNode {
            name: job.display_name().to_owned(),
            job: job.job.value.clone(),
            approval: job.approval,
            contexts: job.contexts.iter().map(|c| c.value.clone()).collect(),
            filters: job.filters.clone(),
            stage: *stage,
            variants: job.matrix.as_ref().map_or(1, |matrix| {
                matrix
                    .parameters
                    .iter()
                    .map(|(_, values)| values.len().max(1))
                    .fold(1_usize, usize::saturating_mul)
            }),
            variant_names: job
                .matrix
                .as_ref()
                .map(|matrix| variant_names(job.display_name(), &matrix.parameters))
                .unwrap_or_default(),
            serial_group: job.serial_group.as_ref().map(|g| g.value.clone()),
            condition: job
                .filters
                .as_ref()
                .and_then(|f| f.expression.as_ref())
                .map(|e| e.value.clone()),
            override_with: job.override_with.as_ref().map(|o| o.value.clone()),
            group_jobs: groups
                .iter()
                .find(|g| g.name.value == job.job.value)
                .map(|g| g.jobs.iter().map(|j| j.display_name().to_owned()).collect())
                .unwrap_or_default(),
        })
        .collect();
    WorkflowGraph {
        workflow: workflow.name.value.clone(),
        nodes,
        edges,
        stages,
        cycle,
        unresolved,
        condition: workflow.condition.as_ref().map(|c| {
            if c.when {
                c.expression.value.clone()
            } else {
                format!("not ({})", c.expression.value)
            }
        }),
        max_auto_reruns: workflow.max_auto_reruns.as_ref().map(|m| m.value.clone()),
    }
}

/// The most names a templated matrix job name is expanded to.
pub const MAX_MATRIX_NAMES: usize = 1024;

/// The names CircleCI gives the jobs of a matrix: its `name:` with `<< matrix.x >>` filled in, or else the
/// job's name followed by each value, joined with dashes (`test-3.8-linux`). Empty beyond
/// [`MAX_MATRIX_NAMES`].
fn variant_names(name: &str, parameters: &[(String, Vec<String>)]) -> Vec<String> {
    if name.contains("<<") {
        return expand_matrix_name(name, parameters);
    }
    let mut names = vec![name.to_owned()];
    for (_, values) in parameters {
        if names.len().saturating_mul(values.len().max(1)) > MAX_MATRIX_NAMES {
            return Vec::new();
        }
        names = names
            .iter()
            .flat_map(|n| values.iter().map(move |v| format!("{n}-{v}")))
            .collect();
    }
    names
}

/// The names of a matrix job's instances when its `name:` uses `<< matrix.x >>`; empty otherwise or
/// when there would be more than [`MAX_MATRIX_NAMES`].
fn expand_matrix_name(name: &str, parameters: &[(String, Vec<String>)]) -> Vec<String> {
    if !name.contains("<<") {
        return Vec::new();
    }
    let mut names = vec![name.to_owned()];
    for (parameter, values) in parameters {
        if names.len().saturating_mul(values.len().max(1)) > MAX_MATRIX_NAMES {
            return Vec::new();
        }
        names = names
            .iter()
            .flat_map(|n| {
                values
                    .iter()
                    .map(move |v| replace_reference(n, &format!("matrix.{parameter}"), v))
            })
            .collect();
    }
    names.retain(|n| !n.contains("<<"));
    names
}

/// Replaces every `<< path >>` (spaces optional) in `text` by `value`.
fn replace_reference(text: &str, path: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("<<") {
        let Some(close) = rest[open..].find(">>").map(|i| open + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        if rest[open + 2..close].trim() == path {
            out.push_str(value);
        } else {
            out.push_str(&rest[open..close + 2]);
        }
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    out
}

/// Longest-path stages of `count` nodes, and the nodes on cycles.
fn layer(count: usize, edges: &[GraphEdge]) -> (Vec<Option<usize>>, Vec<usize>) {
    let mut successors = vec![Vec::new(); count];
    let mut predecessors = vec![Vec::new(); count];
    let mut waiting = vec![0usize; count];
    for edge in edges {
        successors[edge.from].push(edge.to);
        predecessors[edge.to].push(edge.from);
        waiting[edge.to] += 1;
    }
    let mut stage: Vec<Option<usize>> = vec![None; count];
    let mut ready: Vec<usize> = (0..count).filter(|&n| waiting[n] == 0).collect();
    for &n in &ready {
        stage[n] = Some(0);
    }
    while let Some(node) = ready.pop() {
        let next_stage = stage[node].map_or(0, |s| s + 1);
        for &succ in &successors[node] {
            stage[succ] = Some(stage[succ].map_or(next_stage, |s| s.max(next_stage)));
            waiting[succ] -= 1;
            if waiting[succ] == 0 {
                ready.push(succ);
            }
        }
    }
    for (n, left) in waiting.iter().enumerate() {
        if *left > 0 {
            stage[n] = None;
        }
    }
    // Of the nodes left unplaced, drop those that merely wait downstream of a cycle: what remains
    // after repeatedly removing unplaced nodes with no unplaced successor lies on a cycle.
    let mut blocked: Vec<bool> = waiting.iter().map(|&w| w > 0).collect();
    let mut out_degree: Vec<usize> = (0..count)
        .map(|n| successors[n].iter().filter(|&&s| blocked[s]).count())
        .collect();
    let mut leaves: Vec<usize> = (0..count)
        .filter(|&n| blocked[n] && out_degree[n] == 0)
        .collect();
    while let Some(node) = leaves.pop() {
        blocked[node] = false;
        for &pred in &predecessors[node] {
            if blocked[pred] {
                out_degree[pred] -= 1;
                if out_degree[pred] == 0 {
                    leaves.push(pred);
                }
            }
        }
    }
    let cycle = (0..count).filter(|&n| blocked[n]).collect();
    (stage, cycle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::analyse_config;

    fn graph(yaml: &str) -> WorkflowGraph {
        analyse_config(yaml).graphs.into_iter().next().unwrap()
    }

    fn stage_names(g: &WorkflowGraph) -> Vec<Vec<&str>> {
        g.stages
            .iter()
            .map(|s| s.iter().map(|&i| g.nodes[i].name.as_str()).collect())
            .collect()
    }

    const JOBS: &str =
        "version: 2.1\njobs:\n  a: {docker: [{image: cimg/base:2024.01}], steps: [checkout]}\n";

    #[test]
    fn stages_follow_the_longest_path() {
        let g = graph(&format!("{JOBS}workflows:\n  w:\n    jobs:\n      - a\n      - a: {{name: b, requires: [a]}}\n      - a: {{name: c, requires: [a, b]}}\n      - a: {{name: d}}\n"));
        assert_eq!(stage_names(&g), vec![vec!["a", "d"], vec!["b"], vec!["c"]]);
        assert_eq!(g.edges.len(), 3);
        assert!(g.cycle.is_empty());
    }

    #[test]
    fn a_cycle_is_found_and_its_jobs_get_no_stage() {
        let g = graph(&format!("{JOBS}workflows:\n  w:\n    jobs:\n      - a: {{name: x, requires: [y]}}\n      - a: {{name: y, requires: [x]}}\n      - a: {{name: z, requires: [y]}}\n"));
        assert_eq!(g.cycle, vec![0, 1]);
        assert!(g.nodes.iter().all(|n| n.stage.is_none()));
    }

    #[test]
    fn templated_matrix_names_expand_to_their_instances() {
        let names = expand_matrix_name(
            "t<< matrix.a >>-<<matrix.b>>",
            &[
                ("a".into(), vec!["".into(), "1".into()]),
                ("b".into(), vec!["x".into()]),
            ],
        );
        assert_eq!(names, ["t-x", "t1-x"]);
    }

    #[test]
    fn requires_with_statuses_and_matrix_instances_resolve() {
        let g = graph(&format!("{JOBS}workflows:\n  w:\n    jobs:\n      - a:\n          matrix: {{parameters: {{v: ['1', '2']}}}}\n      - a:\n          name: after\n          requires:\n            - a-1: [success, failed]\n"));
        assert_eq!(
            g.edges,
            vec![GraphEdge {
                from: 0,
                to: 1,
                statuses: vec!["success".into(), "failed".into()]
            }]
        );
        assert!(g.unresolved.is_empty());
    }

    #[test]
    fn a_matrix_job_counts_and_names_its_variants() {
        let g = graph(&format!("{JOBS}workflows:\n  w:\n    jobs:\n      - a:\n          matrix: {{parameters: {{node: ['18', '20'], os: [linux, mac, win]}}}}\n      - a: {{name: b}}\n"));
        assert_eq!(g.nodes[0].variants, 6);
        assert_eq!(g.nodes[0].variant_names.len(), 6);
        assert_eq!(g.nodes[0].variant_names[0], "a-18-linux");
        assert_eq!(g.nodes[1].variants, 1);
        assert!(g.nodes[1].variant_names.is_empty());
    }

    #[test]
    fn serial_groups_job_groups_expressions_and_statuses_reach_the_graph() {
        let report = analyse_config(include_str!(
            "../../tests/fixtures/configs/language-2024-2026.yml"
        ));
        let g = &report.graphs[0];
        let node = |name: &str| g.nodes.iter().position(|n| n.name == name).unwrap();
        let train = &g.nodes[node("release-train")];
        assert_eq!(train.group_jobs, ["migrate-db", "deploy-web", "smoke-test"]);
        assert_eq!(
            train.serial_group.as_deref(),
            Some("<< pipeline.project.slug >>/staging")
        );
        assert_eq!(
            train.condition.as_deref(),
            Some(r#"pipeline.git.branch == "main""#)
        );
        assert_eq!(
            g.nodes[node("lint")].override_with.as_deref(),
            Some("platform/lint")
        );
        assert!(g.nodes[node("build")].group_jobs.is_empty());
        let into_free = g
            .edges
            .iter()
            .find(|e| e.to == node("free-staging"))
            .unwrap();
        assert_eq!(into_free.from, node("release-train"));
        assert_eq!(into_free.statuses.len(), 5);
        assert_eq!(g.max_auto_reruns.as_deref(), Some("2"));
        assert!(report.graphs[1]
            .condition
            .as_deref()
            .is_some_and(|c| c.starts_with("pipeline.parameters.run-nightly")));
        assert!(g.unresolved.is_empty());
    }
}
