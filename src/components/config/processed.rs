//! The "Processed" view: the configuration as CircleCI runs it, beside its source.
//!
//! The core's `process_config` does the work; this view draws its lines (only those in view, like the
//! source), its notes and a form for the pipeline parameters. A click on a processed line selects the
//! source text it came from; selecting a part of the source marks every processed line it became and
//! brings the first into view.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use pipelens_core::config::{process_config, PipelineParameter, ProcessedConfig, Span};

use crate::components::config::line_scroller::{LineScroller, LINE_HEIGHT};
use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::routes::doc_href;
use crate::state::config::ConfigState;

/// The processed view, with its pipeline parameters form and its notes.
#[component]
pub(crate) fn ConfigProcessed() -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let lang = use_lang();
    let values = RwSignal::new(Vec::<(String, String)>::new());
    let processed = Memo::new(move |_| {
        let values = values.get();
        state.analysis.with(|analysis| {
            analysis
                .as_ref()
                .map(|a| Arc::new(process_config(&a.text, &values)))
        })
    });
    view! {
        <section class="config-processed" aria-labelledby="config-processed-title" data-testid="config-processed">
            <h2 id="config-processed-title">{t(Msg::ConfigProcessedTitle)}</h2>
            <p class="config-help">
                {t(Msg::ConfigProcessedHelp)} " "
                <A href=move || doc_href(lang.get(), "concepts/processed-configuration", "") attr:data-testid="processed-doc-link">
                    {t(Msg::ConfigProcessedRead)}
                </A>
            </p>
            <PipelineParameters processed=processed values=values/>
            <ProcessNotes processed=processed/>
            <ProcessedLines processed=processed/>
        </section>
    }
}

/// The processed configuration, as a shared handle.
type Processed = Memo<Option<Arc<ProcessedConfig>>>;

/// A field per pipeline parameter: a checkbox, a list of choices or a text box.
#[component]
fn PipelineParameters(
    processed: Processed,
    values: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    let parameters = move || {
        processed.with(|p| {
            p.as_ref()
                .map(|p| p.pipeline_parameters.clone())
                .unwrap_or_default()
        })
    };
    let set = move |name: String, value: String| {
        values.update(|values| {
            values.retain(|(n, _)| *n != name);
            values.push((name, value));
        });
    };
    move || {
        let parameters = parameters();
        (!parameters.is_empty()).then(|| {
            let fields = parameters
                .into_iter()
                .map(|parameter| parameter_field(parameter, set))
                .collect_view();
            view! {
                <fieldset class="config-parameters" data-testid="pipeline-parameters">
                    <legend>{t(Msg::ConfigProcessedParameters)}</legend>
                    {fields}
                </fieldset>
            }
        })
    }
}

/// The field of one pipeline parameter.
fn parameter_field(
    parameter: PipelineParameter,
    set: impl Fn(String, String) + Copy + Send + Sync + 'static,
) -> AnyView {
    let name = parameter.name.clone();
    let value = parameter.value.clone().unwrap_or_default();
    let id = format!("pipeline-parameter-{name}");
    let input = match parameter.kind.as_str() {
        "boolean" => {
            let checked = matches!(value.as_str(), "true" | "True" | "TRUE" | "yes" | "on");
            let name = name.clone();
            view! {
                <input type="checkbox" id=id.clone() data-parameter=name.clone() checked=checked
                    on:change=move |event| set(name.clone(), event_target_checked(&event).to_string())/>
            }
            .into_any()
        }
        "enum" if !parameter.choices.is_empty() => {
            let name = name.clone();
            let options = parameter
                .choices
                .iter()
                .map(|choice| {
                    let selected = *choice == value;
                    view! { <option value=choice.clone() selected=selected>{choice.clone()}</option> }
                })
                .collect_view();
            view! {
                <select id=id.clone() data-parameter=name.clone()
                    on:change=move |event| set(name.clone(), event_target_value(&event))>
                    {options}
                </select>
            }
            .into_any()
        }
        _ => {
            let name = name.clone();
            view! {
                <input type="text" id=id.clone() data-parameter=name.clone() value=value spellcheck="false"
                    on:change=move |event| set(name.clone(), event_target_value(&event))/>
            }
            .into_any()
        }
    };
    view! {
        <div class="config-parameter">
            <label for=id><code>{parameter.name}</code></label>
            {input}
        </div>
    }
    .into_any()
}

/// The notes about the processing, each with a button to its place in the source.
#[component]
fn ProcessNotes(processed: Processed) -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let notes = processed.with(|p| p.as_ref().map(|p| p.notes.clone()).unwrap_or_default());
        (!notes.is_empty()).then(|| {
            let items = notes
                .into_iter()
                .map(|note| {
                    let place = note.span.map(|span| {
                        let at = fill(
                            lang.text(Msg::ConfigDiagnosticsPosition),
                            &[("line", &span.line.to_string()), ("column", &span.column.to_string())],
                        );
                        view! {
                            <button type="button" class="config-position"
                                on:click=move |_| state.select_position(span.line, span.column)>
                                {at}
                            </button>
                            " "
                        }
                    });
                    view! { <li data-testid="process-note">{place}{note.message.text(lang.core())}</li> }
                })
                .collect_view();
            view! { <ul class="config-process-notes">{items}</ul> }
        })
    }
}

/// The processed lines, drawn like the source: only those in view.
#[component]
fn ProcessedLines(processed: Processed) -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let lang = use_lang();
    let scroller = LineScroller::new();
    let count = move || processed.with(|p| p.as_ref().map_or(0, |p| p.lines.len()));
    // The processed lines that came from the selected part (or, without one, from the marked line).
    let linked = Memo::new(move |_| {
        let target = selected_span(state);
        processed.with(|p| {
            let (Some(p), Some(target)) = (p.as_ref(), target) else {
                return Vec::new();
            };
            p.lines
                .iter()
                .enumerate()
                .filter(|(_, line)| line.source.is_some_and(|s| comes_from(s, target)))
                .map(|(index, _)| index)
                .collect::<Vec<_>>()
        })
    });
    // A click on a processed line selects its source: the view then stays where the reader is.
    let clicked_here = StoredValue::new(false);
    Effect::new(move |_| {
        let first = linked.with(|l| l.first().copied());
        if clicked_here.get_value() {
            clicked_here.set_value(false);
            return;
        }
        let Some(first) = first else {
            return;
        };
        request_animation_frame(move || {
            scroller.scroll_to_line(first + 1);
        });
    });
    let window = scroller.window(count);
    let shown = move || {
        let (first, last) = window.get();
        let version = processed.with(|p| p.as_ref().map_or(0, |p| Arc::as_ptr(p) as usize));
        (first..last)
            .map(|index| (version, index))
            .collect::<Vec<_>>()
    };
    let line_view = move |index: usize| {
        let line =
            processed.with_untracked(|p| p.as_ref().and_then(|p| p.lines.get(index).cloned()))?;
        let source = line.source;
        let note = line.note.map(|note| {
            let text = move || note.text(lang.get().core());
            view! { <span class="processed-note">{text}</span> }
        });
        let is_linked = move || linked.with(|l| l.binary_search(&index).is_ok());
        Some(view! {
            <div
                class="processed-line"
                class:is-linked=is_linked
                data-testid="processed-line"
                data-source-line=source.map(|s| s.line)
                role="button"
                tabindex="-1"
                on:click=move |_| {
                    if let Some(span) = source {
                        clicked_here.set_value(true);
                        state.select_position(span.line, span.column);
                        // Cleared after this turn, should the selection change nothing here.
                        request_animation_frame(move || clicked_here.set_value(false));
                    }
                }
            >
                <span class="line-number" aria-hidden="true">{index + 1}</span>
                <code class="line-code">{line.text}</code>
                {note}
            </div>
        })
    };
    view! {
        <div class="config-source config-processed-lines" node_ref=scroller.element data-scrolls="true" on:scroll=move |_| scroller.measure()>
            <div class="config-source-sizer" style:height=move || format!("{}px", count() as f64 * LINE_HEIGHT)>
                <div
                    class="config-source-window"
                    style:transform=move || format!("translateY({}px)", window.get().0 as f64 * LINE_HEIGHT)
                >
                    <For each=shown key=|item| *item children=move |(_, index)| line_view(index)/>
                </div>
            </div>
        </div>
    }
}

/// The source span the reader has chosen: the selected part's, else the marked line's.
fn selected_span(state: ConfigState) -> Option<SourceTarget> {
    let selected = state.selected.get();
    let line = state.line.get();
    state.analysis.with(|a| {
        let a = a.as_ref()?;
        match selected.and_then(|index| a.report.parts.get(index)) {
            Some(part) => Some(SourceTarget::Span(part.span)),
            None => line.map(SourceTarget::Line),
        }
    })
}

/// What the reader chose in the source.
#[derive(Debug, Clone, Copy, PartialEq)]
enum SourceTarget {
    /// A part.
    Span(Span),
    /// A line (1-based).
    Line(usize),
}

/// Whether a processed line that came from `source` came from `target`: their texts overlap (a
/// template inside an image name marks the image lines it became; a job's name marks its jobs).
fn comes_from(source: Span, target: SourceTarget) -> bool {
    match target {
        SourceTarget::Span(span) => {
            source.start < span.end.max(span.start + 1)
                && span.start < source.end.max(source.start + 1)
        }
        SourceTarget::Line(line) => source.line == line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, line: usize) -> Span {
        Span {
            line,
            column: 1,
            end_line: line,
            end_column: 1,
            start,
            end,
        }
    }

    #[test]
    fn a_line_comes_from_the_part_that_holds_its_source() {
        let part = SourceTarget::Span(span(10, 40, 2));
        assert!(comes_from(span(12, 20, 2), part));
        assert!(comes_from(span(10, 40, 2), part));
        assert!(comes_from(span(5, 20, 1), part));
        assert!(!comes_from(span(0, 10, 1), part));
        assert!(!comes_from(span(41, 45, 3), part));
        assert!(comes_from(span(12, 20, 2), SourceTarget::Line(2)));
    }
}
