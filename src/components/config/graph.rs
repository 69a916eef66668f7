//! The workflows drawn as SVG (laid out by `graph_layout`): stages as bands from top to bottom, jobs as
//! boxes with their whole name, `requires` as arrows (dotted and labelled with the statuses they accept
//! when not only success), approvals dashed with a pause sign, a job group as a double frame listing its
//! jobs, a serial group as a badge on the box's corner, and in small lines under the name the group, the
//! serial group, an expression condition, the orb job that may replace it, contexts, filters and the
//! variant count of a matrix job (a matrix job opens to list its variants). The workflow's own
//! condition and automatic reruns are said under its name. Choosing a job shows its entry in the text and marks what it waits for and what waits for
//! it; the drawing zooms, fits its box and pans by dragging.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::config::graph::GraphNode;
use pipelens_core::config::{PartKind, WorkflowGraph};
use pipelens_core::text::shorten;
use wasm_bindgen::JsCast;

use super::graph_kinship::{kinships, Kinship};
use super::graph_layout::{
    layout, wrap_name, BoxLines, GraphLayout, BOX_PADDING, BOX_WIDTH, DETAIL_LINE_HEIGHT,
    LINE_CHARS, NAME_LINES, NAME_LINE_HEIGHT,
};
use crate::format::fill;
use crate::i18n::{t, use_lang, Lang, Msg};
use crate::state::config::ConfigState;

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

/// The most variant names an opened matrix job lists in its box.
const LISTED_VARIANTS: usize = 24;

/// What a box shows, line by line: the name (wrapped), then details, then the variants of an opened
/// matrix job.
struct BoxText {
    name: Vec<String>,
    details: Vec<String>,
}

impl BoxText {
    fn lines(&self) -> BoxLines {
        BoxLines {
            name: self.name.len().max(1),
            details: self.details.len(),
        }
    }
}

/// The text of the box of `node`, in `lang`; `opened` when its matrix is unfolded.
fn box_text(node: &GraphNode, lang: Lang, opened: bool) -> BoxText {
    let filters = filter_summary(node);
    let mut details: Vec<String> = Vec::new();
    if node.approval {
        details.push(lang.text(Msg::ConfigGraphApproval).to_owned());
    }
    if !node.group_jobs.is_empty() {
        details.push(fill(
            lang.text(Msg::ConfigGraphJobGroup),
            &[("list", &node.group_jobs.join(", "))],
        ));
    }
    if let Some(group) = &node.serial_group {
        details.push(fill(
            lang.text(Msg::ConfigGraphSerialGroup),
            &[("name", group)],
        ));
    }
    if let Some(condition) = &node.condition {
        details.push(fill(
            lang.text(Msg::ConfigGraphCondition),
            &[("expression", condition)],
        ));
    }
    if let Some(job) = &node.override_with {
        details.push(fill(lang.text(Msg::ConfigGraphOverride), &[("job", job)]));
    }
    if !node.contexts.is_empty() {
        details.push(fill(
            lang.text(Msg::ConfigGraphContexts),
            &[("list", &node.contexts.join(", "))],
        ));
    }
    if !filters.is_empty() {
        details.push(fill(
            lang.text(Msg::ConfigGraphFilters),
            &[("list", &filters.join(", "))],
        ));
    }
    details.truncate(4);
    let mut details: Vec<String> = details
        .iter()
        .map(|detail| shorten(detail, LINE_CHARS + 6).into_owned())
        .collect();
    if node.variants > 1 {
        details.push(fill(
            lang.text(Msg::ConfigGraphVariants),
            &[("count", node.variants.to_string())],
        ));
        if opened {
            details.extend(
                node.variant_names
                    .iter()
                    .take(LISTED_VARIANTS)
                    .map(|name| format!("· {}", shorten(name, LINE_CHARS + 4))),
            );
            let more = node
                .variants
                .saturating_sub(LISTED_VARIANTS.min(node.variant_names.len()));
            if more > 0 && !node.variant_names.is_empty() {
                details.push(fill(
                    lang.text(Msg::ConfigGraphVariantsMore),
                    &[("count", more.to_string())],
                ));
            }
        }
    }
    BoxText {
        name: wrap_name(&node.name, LINE_CHARS, NAME_LINES),
        details,
    }
}

/// The accessible name of a box: its visible lines in order (each `<text>` ends with a space, so that
/// the text read from the box is these lines apart), then the whole name when the lines shortened it.
fn box_label(node: &GraphNode, text: &BoxText) -> String {
    let mut label = text.name.join(" ");
    for detail in &text.details {
        label.push(' ');
        label.push_str(detail);
    }
    if text.name.concat() != node.name {
        label.push_str(&format!(" ({})", node.name));
    }
    if node.job != node.name {
        label.push_str(&format!(" ({})", node.job));
    }
    label
}

/// The drawing of one workflow: zoom buttons, then the SVG in a box that scrolls and can be dragged.
fn workflow_view(
    state: ConfigState,
    lang: Lang,
    workflow: usize,
    graph: &WorkflowGraph,
) -> impl IntoView {
    let graph = Arc::new(graph.clone());
    let chosen = RwSignal::new(None::<usize>);
    let opened = RwSignal::new(HashSet::<usize>::new());
    let zoom = RwSignal::new(1.0_f64);
    let scroller = NodeRef::<leptos::html::Div>::new();
    let label = fill(
        lang.text(Msg::ConfigGraphLabel),
        &[("name", &graph.workflow)],
    );
    let cycle_note = (!graph.cycle.is_empty()).then(
        || view! { <p class="config-cycle" role="note">{lang.text(Msg::ConfigGraphCycle)}</p> },
    );
    let workflow_notes = workflow_notes(graph.as_ref(), lang);
    let workflow_notes = (!workflow_notes.is_empty()).then(|| {
        view! {
            <p class="config-graph-notes" data-testid="graph-workflow-notes">
                {workflow_notes.join(" · ")}
            </p>
        }
    });
    let drawing = {
        let graph = graph.clone();
        move || {
            let texts: Vec<BoxText> = opened.with(|opened| {
                graph
                    .nodes
                    .iter()
                    .enumerate()
                    .map(|(index, node)| box_text(node, lang, opened.contains(&index)))
                    .collect()
            });
            let drawn = layout(&graph, |node| texts[node].lines());
            let kinship = kinships(&graph, chosen.get());
            let svg = draw(
                state, lang, workflow, &graph, &drawn, &texts, &kinship, chosen, opened,
            );
            (drawn.width, drawn.height, svg)
        }
    };
    let fit = move |_| {
        if let Some(scroller) = scroller.get() {
            let width = f64::from(scroller.client_width());
            let natural = scroller
                .query_selector("svg")
                .ok()
                .flatten()
                .and_then(|svg| svg.get_attribute("data-width"))
                .and_then(|width| width.parse::<f64>().ok())
                .unwrap_or(width);
            zoom.set((width / natural).clamp(MIN_ZOOM, 1.0));
        }
    };
    let panning = StoredValue::new(None::<(i32, i32, i32, i32)>);
    view! {
        <figure class="config-graph">
            <figcaption>
                <code>{graph.workflow.clone()}</code>
                <span class="graph-zoom" role="group" aria-label=lang.text(Msg::ConfigGraphZoom)>
                    <button type="button" data-testid="graph-zoom-out" aria-label=lang.text(Msg::ConfigGraphZoomOut)
                        on:click=move |_| zoom.update(|zoom| *zoom = (*zoom / ZOOM_STEP).max(MIN_ZOOM))>"−"</button>
                    <button type="button" data-testid="graph-zoom-reset" on:click=move |_| zoom.set(1.0)>
                        {move || format!("{:.0} %", zoom.get() * 100.0)}
                    </button>
                    <button type="button" data-testid="graph-zoom-in" aria-label=lang.text(Msg::ConfigGraphZoomIn)
                        on:click=move |_| zoom.update(|zoom| *zoom = (*zoom * ZOOM_STEP).min(MAX_ZOOM))>"+"</button>
                    <button type="button" data-testid="graph-zoom-fit" on:click=fit>{lang.text(Msg::ConfigGraphFit)}</button>
                </span>
            </figcaption>
            {cycle_note}
            {workflow_notes}
            <div class="config-graph-scroll" node_ref=scroller data-scrolls="true"
                on:pointerdown=move |event: web_sys::PointerEvent| {
                    // Dragging the background pans; a job keeps its click.
                    let on_job = event
                        .target()
                        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|element| element.closest(".graph-job").ok().flatten().is_some());
                    if let (false, Some(scroller)) = (on_job, scroller.get()) {
                        panning.set_value(Some((event.client_x(), event.client_y(), scroller.scroll_left(), scroller.scroll_top())));
                    }
                }
                on:pointermove=move |event: web_sys::PointerEvent| {
                    if let (Some((x, y, left, top)), Some(scroller)) = (panning.get_value(), scroller.get()) {
                        scroller.set_scroll_left(left - (event.client_x() - x));
                        scroller.set_scroll_top(top - (event.client_y() - y));
                    }
                }
                on:pointerup=move |_| panning.set_value(None)
                on:pointerleave=move |_| panning.set_value(None)
            >
                {move || {
                    let (width, height, content) = drawing();
                    let zoom = zoom.get();
                    view! {
                        <svg
                            data-testid="workflow-graph"
                            data-workflow=graph.workflow.clone()
                            data-width=width
                            role="group"
                            aria-label=label.clone()
                            width=width * zoom
                            height=height * zoom
                            viewBox=format!("0 0 {width} {height}")
                        >
                            {content}
                        </svg>
                    }
                }}
            </div>
        </figure>
    }
}

/// What is said of the whole workflow under its name: its expression condition and its automatic reruns.
fn workflow_notes(graph: &WorkflowGraph, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(condition) = &graph.condition {
        notes.push(fill(
            lang.text(Msg::ConfigGraphWorkflowCondition),
            &[("expression", condition)],
        ));
    }
    if let Some(count) = &graph.max_auto_reruns {
        notes.push(fill(lang.text(Msg::ConfigGraphReruns), &[("count", count)]));
    }
    notes
}

/// The statuses an arrow accepts, as its label: empty when it waits for success only.
fn status_label(statuses: &[String]) -> String {
    if statuses.is_empty() || statuses == ["success"] {
        String::new()
    } else {
        shorten(&statuses.join(" | "), LINE_CHARS).into_owned()
    }
}

/// The smallest zoom.
const MIN_ZOOM: f64 = 0.2;
/// The largest zoom.
const MAX_ZOOM: f64 = 2.0;
/// How much one press of + or − zooms.
const ZOOM_STEP: f64 = 1.25;

/// The arrows and boxes of one workflow.
#[allow(clippy::too_many_arguments)]
fn draw(
    state: ConfigState,
    lang: Lang,
    workflow: usize,
    graph: &WorkflowGraph,
    drawn: &GraphLayout,
    texts: &[BoxText],
    kinship: &[Kinship],
    chosen: RwSignal<Option<usize>>,
    opened: RwSignal<HashSet<usize>>,
) -> impl IntoView {
    let marker = format!("config-arrowhead-{workflow}");
    let marker_url = format!("url(#{marker})");
    // An arrow on a path to the chosen job (from what it waits for) or from it (to what waits for it).
    let related = |edge: &pipelens_core::config::graph::GraphEdge| {
        let (from, to) = (kinship[edge.from], kinship[edge.to]);
        (from == Kinship::Upstream && matches!(to, Kinship::Upstream | Kinship::Chosen))
            || (to == Kinship::Downstream && matches!(from, Kinship::Downstream | Kinship::Chosen))
    };
    let any_chosen = kinship.contains(&Kinship::Chosen);
    let arrows = drawn
        .arrows
        .iter()
        .map(|arrow| {
            let edge = &graph.edges[arrow.edge];
            let from = &graph.nodes[edge.from].name;
            let to = &graph.nodes[edge.to].name;
            let title = fill(lang.text(Msg::ConfigGraphWaits), &[("from", from), ("to", to)]);
            let statuses = edge.statuses.join(", ");
            let is_related = any_chosen && related(edge);
            let label = status_label(&edge.statuses);
            let (tip_x, tip_y) = arrow.tip;
            let label = (!label.is_empty()).then(|| {
                view! {
                    <text class="graph-arrow-status" data-testid="graph-arrow-status"
                        x=tip_x + 4.0 y=tip_y - 6.0 aria-hidden="true">{label}</text>
                }
            });
            view! {
                {label}
                <path
                    class="graph-arrow"
                    class:is-conditional=!edge.statuses.is_empty()
                    class:is-related=is_related
                    class:is-dimmed=any_chosen && !is_related
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
            let index = job_box.node;
            let node = &graph.nodes[index];
            let text = &texts[index];
            let mut title = node.name.clone();
            if node.job != node.name {
                title.push_str(&format!(" ({})", node.job));
            }
            for detail in &text.details {
                title.push('\n');
                title.push_str(detail);
            }
            let left = if node.approval { 26.0 } else { 10.0 };
            let is_group = !node.group_jobs.is_empty();
            let serial_badge = node.serial_group.as_ref().map(|group| {
                view! {
                    <g class="graph-serial" data-testid="graph-serial-group" aria-hidden="true"
                        transform=format!("translate({},{})", BOX_WIDTH - 22.0, -8.0)>
                        <title>{group.clone()}</title>
                        <rect width="18" height="16" rx="4"></rect>
                        <text x="9" y="12">"⇶"</text>
                    </g>
                }
            });
            let name_lines = text
                .name
                .iter()
                .enumerate()
                .map(|(row, line)| {
                    let y = BOX_PADDING + 12.0 + row as f64 * NAME_LINE_HEIGHT;
                    view! { <text class="graph-job-name" x=left y=y>{format!("{line} ")}</text> }
                })
                .collect_view();
            let details_top = BOX_PADDING + text.name.len() as f64 * NAME_LINE_HEIGHT;
            let details = text
                .details
                .iter()
                .enumerate()
                .map(|(row, detail)| {
                    let y = details_top + 11.0 + row as f64 * DETAIL_LINE_HEIGHT;
                    view! { <text class="graph-job-detail" x="10" y=y>{format!("{detail} ")}</text> }
                })
                .collect_view();
            let (x, y, height) = (job_box.x, job_box.y, job_box.height);
            let on_cycle = graph.cycle.contains(&index);
            let is_matrix = node.variants > 1;
            let is_open = opened.with_untracked(|opened| opened.contains(&index));
            let activate = move || {
                chosen.set(Some(index));
                select_workflow_job(state, workflow, index);
            };
            let toggle = move |event: web_sys::MouseEvent| {
                event.stop_propagation();
                opened.update(|opened| {
                    if !opened.remove(&index) {
                        opened.insert(index);
                    }
                });
            };
            let kin = kinship[index];
            let aria_label = box_label(node, text);
            view! {
                <g
                    class="graph-job"
                    class:is-approval=node.approval
                    class:is-group=is_group
                    class:is-serial=node.serial_group.is_some()
                    class:is-conditional=node.condition.is_some()
                    class:is-cycle=on_cycle
                    class:is-chosen=kin == Kinship::Chosen
                    class:is-upstream=kin == Kinship::Upstream
                    class:is-downstream=kin == Kinship::Downstream
                    class:is-dimmed=kin == Kinship::Unrelated
                    transform=format!("translate({x},{y})")
                    role="button"
                    tabindex="0"
                    aria-label=aria_label
                    data-testid="graph-job"
                    data-job=node.name.clone()
                    data-kin=match kin { Kinship::Free => "free", Kinship::Chosen => "chosen", Kinship::Upstream => "upstream", Kinship::Downstream => "downstream", Kinship::Unrelated => "unrelated" }
                    data-variants=node.variants
                    on:click=move |_| activate()
                    on:keydown=move |event| {
                        if event.key() == "Enter" || event.key() == " " {
                            event.prevent_default();
                            activate();
                        }
                    }
                >
                    <title>{title}</title>
                    <rect width=BOX_WIDTH height=height rx="8"></rect>
                    {is_group.then(|| view! {
                        <rect class="graph-group-frame" x="3" y="3" width=BOX_WIDTH - 6.0 height=height - 6.0 rx="6"></rect>
                    })}
                    {serial_badge}
                    {node.approval.then(|| view! {
                        <g class="graph-pause" transform="translate(10,10)" aria-hidden="true">
                            <rect x="0" y="0" width="3" height="12"></rect>
                            <rect x="6" y="0" width="3" height="12"></rect>
                        </g>
                    })}
                    {name_lines}
                    {details}
                    {is_matrix.then(|| view! {
                        <g class="graph-matrix-toggle" data-testid="graph-matrix-toggle" role="button" tabindex="0"
                            aria-expanded=is_open.to_string()
                            transform=format!("translate({},{})", BOX_WIDTH - 26.0, 6.0)
                            on:click=toggle>
                            <title>{lang.text(if is_open { Msg::ConfigGraphVariantsClose } else { Msg::ConfigGraphVariantsOpen })}</title>
                            <rect width="20" height="18" rx="4"></rect>
                            <text x="10" y="13">{if is_open { "−" } else { "+" }}</text>
                        </g>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <defs>
            <marker id=marker viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" class="graph-arrowhead"></path>
            </marker>
        </defs>
        {arrows}
        {boxes}
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
