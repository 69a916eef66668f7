//! The analysed text with line numbers, colours and highlightable parts.
//!
//! Only the lines in view (and a margin around them) are in the page: a configuration of 17,800 lines
//! scrolls as smoothly as one of 30. Every line has the same height, so the line at a scroll position is
//! a division away.

use leptos::html;
use leptos::prelude::*;
use leptos::web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::i18n::{t, Msg};
use crate::state::config::{Analysis, ConfigState};
use crate::state::config_tokens::token_class;

/// The height of a line in pixels, of the source and of the processed view (`processed.rs`), which
/// scrolls the same way; `style/config.css` gives `.source-line` and `.processed-line` the same.
pub(crate) const LINE_HEIGHT: f64 = 20.0;
/// How many lines are drawn above and below the visible ones.
const MARGIN_LINES: usize = 40;

/// The range of lines (0-based, end excluded) to draw for a scroll position and a viewport height.
pub(crate) fn visible_lines(scroll_top: f64, viewport: f64, count: usize) -> (usize, usize) {
    let first = (scroll_top.max(0.0) / LINE_HEIGHT) as usize;
    let shown = (viewport.max(0.0) / LINE_HEIGHT).ceil() as usize + 1;
    (
        first.saturating_sub(MARGIN_LINES).min(count),
        (first + shown + MARGIN_LINES).min(count),
    )
}

/// The scroll position that shows `line` (1-based) a third of the way down the viewport.
pub(crate) fn scroll_top_for(line: usize, viewport: f64) -> f64 {
    (line.saturating_sub(1) as f64 * LINE_HEIGHT - viewport / 3.0).max(0.0)
}

/// The text view.
#[component]
pub(crate) fn ConfigSource() -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let scroller = NodeRef::<html::Div>::new();
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport = RwSignal::new(480.0_f64);
    let measure = move || {
        if let Some(element) = scroller.get_untracked() {
            scroll_top.set(f64::from(element.scroll_top()));
            viewport.set(f64::from(element.client_height()));
        }
    };
    Effect::new(move |_| {
        let (line, count) = state.scroll_to.get();
        if count == 0 || line == 0 {
            return;
        }
        // Scrolls on the next frame, once a text analysed in the same turn has given the view its height.
        request_animation_frame(move || {
            let Some(element) = scroller.get_untracked() else {
                return;
            };
            let height = f64::from(element.client_height());
            element.set_scroll_top(scroll_top_for(line, height) as i32);
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            measure();
        });
    });
    let line_count = move || {
        state
            .analysis
            .with(|a| a.as_ref().map_or(0, |a| a.lines.len()))
    };
    let window = Memo::new(move |_| visible_lines(scroll_top.get(), viewport.get(), line_count()));
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
            <div class="config-source" node_ref=scroller data-testid="config-source" data-scrolls="true" on:scroll=move |_| measure()>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_in_view_and_a_margin_are_drawn() {
        assert_eq!(visible_lines(0.0, 400.0, 17_800), (0, 21 + MARGIN_LINES));
        assert_eq!(
            visible_lines(2000.0, 400.0, 17_800),
            (100 - MARGIN_LINES, 121 + MARGIN_LINES)
        );
        assert_eq!(visible_lines(2000.0, 400.0, 120), (60, 120));
        assert_eq!(visible_lines(0.0, 400.0, 0), (0, 0));
    }

    #[test]
    fn a_line_is_scrolled_to_a_third_of_the_viewport() {
        assert_eq!(scroll_top_for(1, 300.0), 0.0);
        assert_eq!(scroll_top_for(101, 300.0), 100.0 * LINE_HEIGHT - 100.0);
    }
}
