//! A scrolling list of lines of one height, drawn only where it is in view: the analysed text
//! (`source.rs`) and the processed configuration (`processed.rs`) both scroll this way, so a configuration
//! of 17,800 lines scrolls as smoothly as one of 30. Every line has the same height, so the line at a
//! scroll position is a division away.

use leptos::html;
use leptos::prelude::*;

/// The height of a line in pixels; `style/config.css` gives `.source-line` and `.processed-line` the same.
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

/// The scrolling element of a list of lines, and where it is scrolled and how tall it shows, read back
/// on each scroll.
#[derive(Clone, Copy)]
pub(crate) struct LineScroller {
    /// The element that scrolls (`node_ref` it, and call [`LineScroller::measure`] on its `scroll`).
    pub(crate) element: NodeRef<html::Div>,
    scroll_top: RwSignal<f64>,
    viewport: RwSignal<f64>,
}

impl LineScroller {
    /// A scroller at the top, assumed 480 pixels tall until measured.
    pub(crate) fn new() -> Self {
        Self {
            element: NodeRef::new(),
            scroll_top: RwSignal::new(0.0),
            viewport: RwSignal::new(480.0),
        }
    }

    /// Reads the element's scroll position and height again.
    pub(crate) fn measure(self) {
        if let Some(element) = self.element.get_untracked() {
            self.scroll_top.set(f64::from(element.scroll_top()));
            self.viewport.set(f64::from(element.client_height()));
        }
    }

    /// Scrolls the element so that `line` (1-based) is a third of the way down, and measures it; gives
    /// the element, if it is in the page.
    pub(crate) fn scroll_to_line(self, line: usize) -> Option<leptos::web_sys::HtmlDivElement> {
        let element = self.element.get_untracked()?;
        let height = f64::from(element.client_height());
        element.set_scroll_top(scroll_top_for(line, height) as i32);
        self.measure();
        Some(element)
    }

    /// The lines to draw (0-based, end excluded) of a list of `count()` lines.
    pub(crate) fn window(
        self,
        count: impl Fn() -> usize + Send + Sync + 'static,
    ) -> Memo<(usize, usize)> {
        Memo::new(move |_| visible_lines(self.scroll_top.get(), self.viewport.get(), count()))
    }
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
