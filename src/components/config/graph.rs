//! The workflows drawn as SVG: stages as columns, jobs as boxes, `requires` as arrows, approvals
//! dashed with a pause sign, contexts and filters in small lines under the name. Clicking a job shows its
//! entry in the text.

use leptos::prelude::*;
use pipelens_core::config::graph::GraphNode;
use pipelens_core::config::{PartKind, WorkflowGraph};
use pipelens_core::text::shorten;

use super::graph_layout::{layout, BOX_HEIGHT, BOX_WIDTH};
use crate::format::fill;
use crate::i18n::{t, use_lang, Lang, Msg};
use crate::state::config::ConfigState;

/// The most characters of a name drawn in a box; the full name is in its title.
const NAME_CHARS: usize = 24;
/// The most characters of a detail line (contexts, filters) drawn in a box.
const DETAIL_CHARS: usize = 32;

/// The filters of a job as short phrases (`master`, `!gh-pages`, `tag v.*`).
fn filter_summary(node: &GraphNode) -> Vec<String> {
    let Some(filters) = &node.filters else {
        return Vec::new();
    };
    let mut out: Vec<String> = filters.branches_only.clone();
    out.extend(filters.branches_ignore.iter().map(|b| format!("!{b}")));
    out.extend(filters.tags_only.iter().map(|t| format!("tag {t}")));
    out.extend(filters.tags_ignore.iter().map(|t| format!("!tag {t}")));
    out
}

/// The workflows panel.
#[component]
pub(crate) fn ConfigGraphs() -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let lang = use_lang();
    // The drawings are made again only when the graphs change, not at every keystroke elsewhere.
    let fingerprint = Memo::new(move |_| {
        state.analysis.with(|analysis| {
            analysis
                .as_ref()
                .map(|a| serde_json::to_string(&a.report.graphs).unwrap_or_default())
        })
    });
    let graphs = move || {
        fingerprint.track();
        state.analysis.with_untracked(|analysis| {
            analysis
                .as_ref()
                .map(|a| {
                    a.report
                        .graphs
                        .iter()
                        .enumerate()
                        .map(|(i, g)| (i, g.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="config-graphs" aria-labelledby="config-graphs-title">
            <h2 id="config-graphs-title">{t(Msg::ConfigGraphTitle)}</h2>
            <Show
                when=move || fingerprint.with(|f| f.as_deref().is_some_and(|f| f != "[]"))
                fallback=move || {
                    let msg = if state.unreadable() { Msg::ConfigGraphUnreadable } else { Msg::ConfigGraphNone };
                    view! { <p class="config-muted" data-testid="no-workflow">{t(msg)}</p> }
                }
            >
                <p class="config-help">{t(Msg::ConfigGraphHelp)}</p>
                {move || {
                    let lang = lang.get();
                    graphs()
                        .into_iter()
                        .map(|(index, graph)| workflow_view(state, lang, index, &graph))
                        .collect_view()
                }}
            </Show>
        </section>
    }
}

/// The drawing of one workflow.
fn workflow_view(
    state: ConfigState,
    lang: Lang,
    workflow: usize,
    graph: &WorkflowGraph,
) -> impl IntoView {
    let drawn = layout(graph);
    let label = fill(
        lang.text(Msg::ConfigGraphLabel),
        &[("name", &graph.workflow)],
    );
    let marker = format!("config-arrowhead-{workflow}");
    let marker_url = format!("url(#{marker})");
    let arrows = drawn
        .arrows
        .iter()
        .map(|arrow| {
            let edge = &graph.edges[arrow.edge];
            let from = &graph.nodes[edge.from].name;
            let to = &graph.nodes[edge.to].name;
            let title = fill(lang.text(Msg::ConfigGraphWaits), &[("from", from), ("to", to)]);
            let statuses = edge.statuses.join(", ");
            view! {
                <path
                    class="graph-arrow"
                    class:is-conditional=!edge.statuses.is_empty()
                    d=arrow.path.clone()
                    marker-end=marker_url.clone()
                    data-testid="graph-arrow"
                    data-from=from.clone()
                    data-to=to.clone()
                >
                    <title>{if statuses.is_empty() { title } else { format!("{title} ({statuses})") }}</title>
                </path>
            }
        })
        .collect_view();
    let boxes = drawn
        .boxes
        .iter()
        .map(|job_box| {
            let node = &graph.nodes[job_box.node];
            let index = job_box.node;
            let filters = filter_summary(node);
            let mut title = node.name.clone();
            if node.job != node.name {
                title.push_str(&format!(" ({})", node.job));
            }
            if !node.contexts.is_empty() {
                title.push_str(&format!("\n{}", fill(lang.text(Msg::ConfigGraphContexts), &[("list", &node.contexts.join(", "))])));
            }
            if !filters.is_empty() {
                title.push_str(&format!("\n{}", fill(lang.text(Msg::ConfigGraphFilters), &[("list", &filters.join(", "))])));
            }
            // Under the name, up to two small lines: the approval or the contexts, then the filters.
            let mut details: Vec<String> = Vec::new();
            if node.approval {
                details.push(lang.text(Msg::ConfigGraphApproval).to_owned());
            }
            if !node.contexts.is_empty() {
                details.push(fill(lang.text(Msg::ConfigGraphContexts), &[("list", &node.contexts.join(", "))]));
            }
            if !filters.is_empty() {
                details.push(fill(lang.text(Msg::ConfigGraphFilters), &[("list", &filters.join(", "))]));
            }
            let details = details
                .iter()
                .take(2)
                .enumerate()
                .map(|(row, detail)| {
                    view! { <text class="graph-job-detail" x="10" y={38 + 14 * row}>{shorten(detail, DETAIL_CHARS).into_owned()}</text> }
                })
                .collect_view();
            let (x, y) = (job_box.x, job_box.y);
            let on_cycle = graph.cycle.contains(&index);
            let activate = move || select_workflow_job(state, workflow, index);
            view! {
                <g
                    class="graph-job"
                    class:is-approval=node.approval
                    class:is-cycle=on_cycle
                    transform=format!("translate({x},{y})")
                    role="button"
                    tabindex="0"
                    data-testid="graph-job"
                    data-job=node.name.clone()
                    on:click=move |_| activate()
                    on:keydown=move |event| {
                        if event.key() == "Enter" || event.key() == " " {
                            event.prevent_default();
                            activate();
                        }
                    }
                >
                    <title>{title}</title>
                    <rect width=BOX_WIDTH height=BOX_HEIGHT rx="8"></rect>
                    {node.approval.then(|| view! {
                        <g class="graph-pause" transform="translate(10,10)" aria-hidden="true">
                            <rect x="0" y="0" width="3" height="12"></rect>
                            <rect x="6" y="0" width="3" height="12"></rect>
                        </g>
                    })}
                    <text class="graph-job-name" x=if node.approval { 26 } else { 10 } y="21">{shorten(&node.name, NAME_CHARS).into_owned()}</text>
                    {details}
                </g>
            }
        })
        .collect_view();
    let cycle_note = (!graph.cycle.is_empty()).then(
        || view! { <p class="config-cycle" role="note">{lang.text(Msg::ConfigGraphCycle)}</p> },
    );
    view! {
        <figure class="config-graph">
            <figcaption><code>{graph.workflow.clone()}</code></figcaption>
            {cycle_note}
            <div class="config-graph-scroll">
                <svg
                    data-testid="workflow-graph"
                    data-workflow=graph.workflow.clone()
                    role="group"
                    aria-label=label
                    width=drawn.width
                    height=drawn.height
                    viewBox=format!("0 0 {} {}", drawn.width, drawn.height)
                >
                    <defs>
                        <marker id=marker viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" class="graph-arrowhead"></path>
                        </marker>
                    </defs>
                    {arrows}
                    {boxes}
                </svg>
            </div>
        </figure>
    }
}

/// Selects the entry of job `job` of workflow `workflow` in the text.
fn select_workflow_job(state: ConfigState, workflow: usize, job: usize) {
    let part = state.analysis.with_untracked(|analysis| {
        let report = &analysis.as_ref()?.report;
        let span = report
            .config
            .workflows
            .get(workflow)?
            .jobs
            .get(job)?
            .job
            .span;
        report
            .parts
            .iter()
            .position(|p| p.kind == PartKind::WorkflowJob && p.span == span)
    });
    if let Some(part) = part {
        state.select_part(part, true);
    }
}
