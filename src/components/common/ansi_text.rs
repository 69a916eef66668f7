//! One line of a build log, with its ANSI colours and bold/italic/underline as styled spans.

use leptos::prelude::*;
use pipelens_core::log::{Color, Style, StyledSpan};

use crate::report::ansi::rgb_of;

/// The visible text of a log line, cut into its styled spans. Colours 0–15 become classes (the theme
/// chooses them), the others an RGB colour set through the CSS object model (allowed by a strict CSP).
#[component]
pub(crate) fn AnsiText(
    /// The visible text of the line (escape sequences already removed by the parser).
    text: String,
    /// The styled spans, byte ranges into `text`, in order.
    spans: Vec<StyledSpan>,
) -> impl IntoView {
    if spans.is_empty() {
        return text.into_any();
    }
    let mut pieces = Vec::new();
    let mut at = 0usize;
    for span in spans {
        let (start, end) = (span.start as usize, span.end as usize);
        if start > at {
            pieces.push(plain(text.get(at..start)));
        }
        pieces.push(styled(text.get(start..end), span.style));
        at = at.max(end);
    }
    if at < text.len() {
        pieces.push(plain(text.get(at..)));
    }
    pieces.collect_view().into_any()
}

fn plain(text: Option<&str>) -> AnyView {
    text.unwrap_or_default().to_owned().into_any()
}

fn styled(text: Option<&str>, style: Style) -> AnyView {
    let text = text.unwrap_or_default().to_owned();
    view! {
        <span
            class=style_classes(&style)
            style:color=style.fg.and_then(rgb_of)
            style:background-color=style.bg.and_then(rgb_of)
        >
            {text}
        </span>
    }
    .into_any()
}

/// The classes of a style: `ansi-fg-1`, `ansi-bg-4`, `ansi-bold`...
fn style_classes(style: &Style) -> String {
    let mut classes = Vec::new();
    if let Some(Color::Indexed { index }) = style.fg {
        if index < 16 {
            classes.push(format!("ansi-fg-{index}"));
        }
    }
    if let Some(Color::Indexed { index }) = style.bg {
        if index < 16 {
            classes.push(format!("ansi-bg-{index}"));
        }
    }
    for (on, class) in [
        (style.bold, "ansi-bold"),
        (style.dim, "ansi-dim"),
        (style.italic, "ansi-italic"),
        (style.underline, "ansi-underline"),
    ] {
        if on {
            classes.push(class.to_owned());
        }
    }
    classes.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_colours_are_classes_and_others_rgb() {
        let style = Style {
            fg: Some(Color::Indexed { index: 1 }),
            bold: true,
            ..Style::default()
        };
        assert_eq!(style_classes(&style), "ansi-fg-1 ansi-bold");
        assert_eq!(rgb_of(Color::Indexed { index: 1 }), None);
        assert_eq!(
            rgb_of(Color::Indexed { index: 196 }).as_deref(),
            Some("rgb(255, 0, 0)")
        );
        assert_eq!(
            rgb_of(Color::Indexed { index: 16 }).as_deref(),
            Some("rgb(0, 0, 0)")
        );
        assert_eq!(
            rgb_of(Color::Indexed { index: 255 }).as_deref(),
            Some("rgb(238, 238, 238)")
        );
        assert_eq!(
            rgb_of(Color::Rgb { r: 1, g: 2, b: 3 }).as_deref(),
            Some("rgb(1, 2, 3)")
        );
    }
}
