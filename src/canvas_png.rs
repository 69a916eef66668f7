//! Draws a [`Snapshot`] on a `<canvas>` in the theme's colours, and downloads files the page made
//! (a canvas as PNG, a report as text) through a Blob object URL and an `<a download>`: nothing leaves
//! the page, and the strict Content-Security-Policy needs no change.
//!
//! The colours are read from the page's own style sheets: hidden probe elements carry the classes the
//! log and config views use (`ansi-fg-1`, `tok-key`...), so a screenshot looks like the view, in the
//! light or dark theme.

use std::collections::HashMap;

use gloo_file::{Blob, ObjectUrl};
use leptos::prelude::*;
use pipelens_core::log::{Color, Style};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement};

use crate::components::config_tokens::token_class;
use crate::components::log_line::rgb_of;
use crate::report::snapshot::{Ink, Snapshot};

/// CSS pixels around the content.
const PADDING: f64 = 16.0;
/// The size of the code font, in CSS pixels.
const FONT_SIZE: f64 = 13.0;
/// The height of one code line.
const LINE_HEIGHT: f64 = 18.0;
/// The height of the title bar.
const TITLE_HEIGHT: f64 = 52.0;
/// Longer lines are cut at this many characters.
const MAX_COLUMNS: usize = 160;
/// How long an object URL stays valid after its download started.
const URL_LIFETIME: std::time::Duration = std::time::Duration::from_secs(60);

/// How a run is painted.
#[derive(Debug, Clone, Default)]
struct Paint {
    color: Option<String>,
    background: Option<String>,
    bold: bool,
    italic: bool,
    underline: bool,
    dim: bool,
}

/// The theme's colours and fonts, read from the page.
struct Theme {
    bg: String,
    fg: String,
    muted: String,
    line: String,
    panel: String,
    accent: String,
    fail: String,
    mono: String,
    sans: String,
    /// The paint of each class probed (`ansi-fg-1`, `tok-key`...).
    classes: HashMap<String, Paint>,
}

/// Draws `snapshot` on a new canvas sized for the device's pixel ratio.
pub(crate) fn draw(snapshot: &Snapshot) -> Result<HtmlCanvasElement, String> {
    let document = document();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "no canvas element".to_owned())?;
    let context = context_of(&canvas)?;
    let theme = read_theme(snapshot)?;
    let code_font = format!("{FONT_SIZE}px {}", theme.mono);
    context.set_font(&code_font);
    let char_width = context.measure_text("M").map_err(describe)?.width();
    let gutter = (snapshot
        .lines
        .last()
        .map_or(1, |l| l.number.to_string().len()) as f64
        + 2.0)
        * char_width;
    let columns = snapshot
        .lines
        .iter()
        .map(|line| {
            line.runs
                .iter()
                .map(|(text, _)| text.chars().count())
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
        .clamp(60, MAX_COLUMNS);
    let footer_lines = usize::from(snapshot.more.is_some()) + usize::from(snapshot.note.is_some());
    let width = (PADDING * 2.0 + gutter + columns as f64 * char_width).ceil();
    let height = (TITLE_HEIGHT
        + PADDING
        + (snapshot.lines.len() + footer_lines) as f64 * LINE_HEIGHT
        + PADDING)
        .ceil();
    let ratio = window().device_pixel_ratio().max(1.0);
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((height * ratio) as u32);
    // Resizing resets the context: everything below is set after it.
    let context = context_of(&canvas)?;
    context.scale(ratio, ratio).map_err(describe)?;

    context.set_fill_style_str(&theme.bg);
    context.fill_rect(0.0, 0.0, width, height);
    context.set_fill_style_str(&theme.panel);
    context.fill_rect(0.0, 0.0, width, TITLE_HEIGHT);
    context.set_fill_style_str(&theme.line);
    context.fill_rect(0.0, TITLE_HEIGHT - 1.0, width, 1.0);
    context.set_text_baseline("alphabetic");
    context.set_font(&format!("700 15px {}", theme.sans));
    context.set_fill_style_str(&theme.accent);
    context
        .fill_text(&snapshot.title, PADDING, 22.0)
        .map_err(describe)?;
    context.set_font(&format!("12px {}", theme.sans));
    context.set_fill_style_str(&theme.muted);
    context
        .fill_text(&snapshot.subtitle, PADDING, 41.0)
        .map_err(describe)?;

    let mut y = TITLE_HEIGHT + PADDING;
    for line in &snapshot.lines {
        let baseline = y + FONT_SIZE;
        if line.marked {
            context.set_fill_style_str(&theme.fail);
            context.set_global_alpha(0.18);
            context.fill_rect(0.0, y, width, LINE_HEIGHT);
            context.set_global_alpha(1.0);
        }
        context.set_font(&code_font);
        context.set_fill_style_str(&theme.muted);
        context.set_text_align("right");
        context
            .fill_text(
                &line.number.to_string(),
                PADDING + gutter - char_width,
                baseline,
            )
            .map_err(describe)?;
        context.set_text_align("left");
        let mut x = PADDING + gutter;
        let mut left = MAX_COLUMNS;
        for (text, ink) in &line.runs {
            if left == 0 {
                break;
            }
            let shown: String = text.chars().take(left).collect();
            left -= shown.chars().count();
            let shown = if left == 0 && shown.len() < text.len() {
                format!("{shown}…")
            } else {
                shown
            };
            let paint = paint_of(&theme, *ink);
            let font = format!(
                "{}{}{FONT_SIZE}px {}",
                if paint.italic { "italic " } else { "" },
                if paint.bold { "700 " } else { "" },
                theme.mono
            );
            context.set_font(&font);
            let run_width = context.measure_text(&shown).map_err(describe)?.width();
            if let Some(background) = &paint.background {
                context.set_fill_style_str(background);
                context.fill_rect(x, y, run_width, LINE_HEIGHT);
            }
            context.set_fill_style_str(paint.color.as_deref().unwrap_or(&theme.fg));
            context.set_global_alpha(if paint.dim { 0.7 } else { 1.0 });
            context.fill_text(&shown, x, baseline).map_err(describe)?;
            if paint.underline {
                context.fill_rect(x, baseline + 2.0, run_width, 1.0);
            }
            context.set_global_alpha(1.0);
            x += run_width;
        }
        y += LINE_HEIGHT;
    }
    context.set_font(&format!("italic 12px {}", theme.sans));
    context.set_fill_style_str(&theme.muted);
    for footer in [&snapshot.more, &snapshot.note].into_iter().flatten() {
        context
            .fill_text(footer, PADDING, y + FONT_SIZE)
            .map_err(describe)?;
        y += LINE_HEIGHT;
    }
    Ok(canvas)
}

/// Encodes `canvas` as PNG and downloads it as `file_name`; `done` is told how it went.
pub(crate) fn download_canvas(
    canvas: &HtmlCanvasElement,
    file_name: String,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    let callback = Closure::once_into_js(move |blob: JsValue| {
        let result = match blob.dyn_into::<web_sys::Blob>() {
            Ok(blob) => download_blob(Blob::from(blob), &file_name),
            Err(_) => Err("the canvas gave no image".to_owned()),
        };
        done(result);
    });
    if let Err(error) = canvas.to_blob(callback.unchecked_ref()) {
        leptos::logging::warn!("toBlob failed: {}", describe(error));
    }
}

/// Downloads `content` as a file named `file_name` of type `mime`.
pub(crate) fn download_text(content: &str, mime: &str, file_name: &str) -> Result<(), String> {
    download_blob(Blob::new_with_options(content, Some(mime)), file_name)
}

/// Clicks a temporary `<a download>` pointing at an object URL of `blob`, then forgets the URL later.
fn download_blob(blob: Blob, file_name: &str) -> Result<(), String> {
    let url = ObjectUrl::from(blob);
    let document = document();
    let link: HtmlElement = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "no link element".to_owned())?;
    link.set_attribute("href", &url).map_err(describe)?;
    link.set_attribute("download", file_name)
        .map_err(describe)?;
    link.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link).map_err(describe)?;
    link.click();
    link.remove();
    set_timeout(move || drop(url), URL_LIFETIME);
    Ok(())
}

fn context_of(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .map_err(describe)?
        .ok_or("no 2d context")?
        .dyn_into()
        .map_err(|_| "not a 2d context".to_owned())
}

fn describe(error: JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Reads the theme's variables, and the paint of every class `snapshot` uses from hidden probes.
fn read_theme(snapshot: &Snapshot) -> Result<Theme, String> {
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
fn paint_of(theme: &Theme, ink: Ink) -> Paint {
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
