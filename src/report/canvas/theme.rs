//! The theme a screenshot is painted in, read from the page's own style sheets: hidden probe elements
//! carry the classes the log and config views use (`ansi-fg-1`, `tok-key`...), so that a screenshot looks
//! like the view, in the light or dark theme.

use std::collections::HashMap;

use leptos::prelude::*;
use pipelens_core::log::{Color, Style};
use web_sys::Element;

use super::describe;
use crate::report::ansi::rgb_of;
use crate::report::snapshot::{Ink, Snapshot};
use crate::state::config_tokens::token_class;

/// How a run is painted.
#[derive(Debug, Clone, Default)]
pub(super) struct Paint {
    pub(super) color: Option<String>,
    pub(super) background: Option<String>,
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) underline: bool,
    pub(super) dim: bool,
}

/// The theme's colours and fonts, read from the page.
pub(super) struct Theme {
    pub(super) bg: String,
    pub(super) fg: String,
    pub(super) muted: String,
    pub(super) line: String,
    pub(super) panel: String,
    pub(super) accent: String,
    pub(super) fail: String,
    pub(super) mono: String,
    pub(super) sans: String,
    /// The paint of each class probed (`ansi-fg-1`, `tok-key`...).
    pub(super) classes: HashMap<String, Paint>,
}

/// Reads the theme's variables, and the paint of every class `snapshot` uses from hidden probes.
pub(super) fn read_theme(snapshot: &Snapshot) -> Result<Theme, String> {
    let document = document();
    let root = document.document_element().ok_or("no root element")?;
    let style = window()
        .get_computed_style(&root)
        .map_err(describe)?
        .ok_or("no computed style")?;
    let var = |name: &str, fallback: &str| {
        let value = style.get_property_value(name).unwrap_or_default();
        let value = value.trim();
        if value.is_empty() {
            fallback.to_owned()
        } else {
            value.to_owned()
        }
    };
    let mut classes: Vec<String> = Vec::new();
    for line in &snapshot.lines {
        for (_, ink) in &line.runs {
            for class in classes_of(*ink) {
                if !classes.contains(&class) {
                    classes.push(class);
                }
            }
        }
    }
    Ok(Theme {
        bg: var("--bg", "#ffffff"),
        fg: var("--fg", "#1d232a"),
        muted: var("--muted", "#5b6570"),
        line: var("--line", "#dcdfe3"),
        panel: var("--panel", "#ffffff"),
        accent: var("--accent", "#0b7a75"),
        fail: var("--fail", "#c62828"),
        mono: var("--mono", "monospace"),
        sans: var("--sans", "sans-serif"),
        classes: probe(&document, &classes)?,
    })
}

/// The classes whose look an ink takes from the style sheets.
fn classes_of(ink: Ink) -> Vec<String> {
    match ink {
        Ink::Token(kind) => vec![token_class(kind).to_owned()],
        Ink::Ansi(style) => {
            let mut out = Vec::new();
            if let Some(Color::Indexed { index }) = style.fg.filter(is_palette) {
                out.push(format!("ansi-fg-{index}"));
            }
            if let Some(Color::Indexed { index }) = style.bg.filter(is_palette) {
                out.push(format!("ansi-bg-{index}"));
            }
            out
        }
    }
}

fn is_palette(color: &Color) -> bool {
    matches!(color, Color::Indexed { index } if *index < 16)
}

/// Puts one hidden element per class inside a hidden `.config-source` (the config colours are scoped
/// to it), reads their computed colours and weights, then removes them.
fn probe(
    document: &web_sys::Document,
    classes: &[String],
) -> Result<HashMap<String, Paint>, String> {
    let holder = document.create_element("div").map_err(describe)?;
    holder.set_class_name("config-source export-probe");
    holder.set_attribute("hidden", "").map_err(describe)?;
    holder
        .set_attribute("aria-hidden", "true")
        .map_err(describe)?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&holder).map_err(describe)?;
    let mut probes: Vec<(String, Element)> = Vec::new();
    for class in classes {
        let span = document.create_element("span").map_err(describe)?;
        span.set_class_name(class);
        holder.append_child(&span).map_err(describe)?;
        probes.push((class.clone(), span));
    }
    let mut out = HashMap::new();
    for (class, span) in probes {
        let Some(style) = window().get_computed_style(&span).ok().flatten() else {
            continue;
        };
        let get = |name: &str| style.get_property_value(name).unwrap_or_default();
        let background = get("background-color");
        let weight = get("font-weight");
        out.insert(
            class,
            Paint {
                color: Some(get("color")),
                background: (!background.is_empty()
                    && background != "rgba(0, 0, 0, 0)"
                    && background != "transparent")
                    .then_some(background),
                bold: weight.parse::<u32>().is_ok_and(|w| w >= 600) || weight == "bold",
                italic: get("font-style") == "italic",
                underline: false,
                dim: false,
            },
        );
    }
    holder.remove();
    Ok(out)
}

/// The paint of an ink: its classes' colours, its ANSI attributes, true colours as they are.
pub(super) fn paint_of(theme: &Theme, ink: Ink) -> Paint {
    match ink {
        Ink::Token(kind) => theme
            .classes
            .get(token_class(kind))
            .cloned()
            .unwrap_or_default(),
        Ink::Ansi(style) => ansi_paint(theme, style),
    }
}

fn ansi_paint(theme: &Theme, style: Style) -> Paint {
    let class_colour = |prefix: &str, color: Color, background: bool| match color {
        Color::Indexed { index } if index < 16 => theme
            .classes
            .get(&format!("{prefix}{index}"))
            .and_then(|paint| {
                if background {
                    paint.background.clone()
                } else {
                    paint.color.clone()
                }
            }),
        other => rgb_of(other),
    };
    Paint {
        color: style.fg.and_then(|c| class_colour("ansi-fg-", c, false)),
        background: style.bg.and_then(|c| class_colour("ansi-bg-", c, true)),
        bold: style.bold,
        italic: style.italic,
        underline: style.underline,
        dim: style.dim,
    }
}
