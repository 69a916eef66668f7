//! The analysed text with line numbers, colours and highlightable parts, only the lines in view (and a
//! margin around them) in the page ([`LineScroller`]).

use leptos::prelude::*;
use leptos::web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::components::config::line_scroller::{LineScroller, LINE_HEIGHT};
use crate::i18n::{t, Msg};
use crate::state::config::{Analysis, ConfigState};
use crate::state::config_tokens::token_class;

/// The text view.
#[component]
pub(crate) fn ConfigSource() -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let scroller = LineScroller::new();
    Effect::new(move |_| {
        let (line, count) = state.scroll_to.get();
        if count == 0 || line == 0 {
            return;
        }
        // Scrolls on the next frame, once a text analysed in the same turn has given the view its height.
        request_animation_frame(move || {
            if let Some(element) = scroller.scroll_to_line(line) {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Nearest);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });
    let line_count = move || {
        state
            .analysis
            .with(|a| a.as_ref().map_or(0, |a| a.lines.len()))
    };
    let window = scroller.window(line_count);
    let shown = move || {
        let generation = state
            .analysis
            .with(|a| a.as_ref().map_or(0, |a| a.generation));
        let (first, last) = window.get();
        (first..last)
            .map(|index| (generation, index))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="config-source-panel" aria-labelledby="config-source-title">
            <h2 id="config-source-title">{t(Msg::ConfigSourceTitle)}</h2>
            <p class="config-help">{t(Msg::ConfigSourceHelp)}</p>
            <div class="config-source" node_ref=scroller.element data-testid="config-source" data-scrolls="true" on:scroll=move |_| scroller.measure()>
                <div class="config-source-sizer" style:height=move || format!("{}px", line_count() as f64 * LINE_HEIGHT)>
                    <div
                        class="config-source-window"
                        style:transform=move || format!("translateY({}px)", window.get().0 as f64 * LINE_HEIGHT)
                    >
                        <For
                            each=shown
                            key=|item| *item
                            children=move |(_, index)| {
                                state.analysis.with_untracked(|a| a.as_ref().map(|a| source_line(state, a, index)))
                            }
                        />
                    </div>
                </div>
            </div>
        </section>
    }
}

/// One line: its number and its pieces, the parts focusable and clickable.
fn source_line(state: ConfigState, analysis: &Analysis, index: usize) -> Option<AnyView> {
    let line = analysis.lines.get(index)?;
    let number = line.number;
    let pieces = line
        .pieces
        .iter()
        .map(|piece| {
            let tokens = piece
                .tokens
                .iter()
                .map(|(range, token)| {
                    let text = line.text.get(range.clone()).unwrap_or_default().to_owned();
                    view! { <span class=token_class(*token)>{text}</span> }
                })
                .collect_view();
            match piece.part {
                Some(part) => view! {
                    <span
                        class="part"
                        class:is-selected=move || state.selected.get() == Some(part)
                        class:is-hovered=move || state.hovered.get() == Some(part)
                        role="button"
                        tabindex="0"
                        data-testid="config-part"
                        data-part=part
                        on:mouseenter=move |_| state.hovered.set(Some(part))
                        on:mouseleave=move |_| state.hovered.set(None)
                        on:focus=move |_| state.hovered.set(Some(part))
                        on:blur=move |_| state.hovered.set(None)
                        on:click=move |_| state.select_part(part, false)
                        on:keydown=move |event| {
                            if event.key() == "Enter" || event.key() == " " {
                                event.prevent_default();
                                state.select_part(part, false);
                            }
                        }
                    >
                        {tokens}
                    </span>
                }
                .into_any(),
                None => tokens.into_any(),
            }
        })
        .collect_view();
    let highlighted = move || state.line.get() == Some(number);
    Some(
        view! {
            <div
                class="source-line"
                class:is-highlighted=highlighted
                aria-current=move || highlighted().then_some("true")
                data-testid="source-line"
                data-line=number
            >
                <span class="line-number" aria-hidden="true">{number}</span>
                <code class="line-code">{pieces}</code>
            </div>
        }
        .into_any(),
    )
}
