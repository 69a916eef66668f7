//! Draws a [`Snapshot`] on a `<canvas>` in the theme's colours ([`crate::services::download`] saves it
//! as PNG).
//!
//! The colours are read from the page's own style sheets ([`theme`]).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

mod theme;

use crate::report::snapshot::Snapshot;
use theme::{paint_of, read_theme, Theme};

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
    let muted_font = format!("italic 12px {}", theme.sans);
    for (index, line) in snapshot.lines.iter().enumerate() {
        if index == snapshot.elided_at {
            if let Some(more) = &snapshot.more {
                y = draw_muted(&context, &theme, &muted_font, more, y)?;
            }
        }
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
    let more_at_end = snapshot
        .more
        .as_ref()
        .filter(|_| snapshot.elided_at >= snapshot.lines.len());
    for footer in [more_at_end, snapshot.note.as_ref()].into_iter().flatten() {
        y = draw_muted(&context, &theme, &muted_font, footer, y)?;
    }
    Ok(canvas)
}

/// Draws a muted line of prose (an elision, a note) at `y`; returns where the next line goes.
fn draw_muted(
    context: &CanvasRenderingContext2d,
    theme: &Theme,
    font: &str,
    text: &str,
    y: f64,
) -> Result<f64, String> {
    context.set_font(font);
    context.set_fill_style_str(&theme.muted);
    context
        .fill_text(text, PADDING, y + FONT_SIZE)
        .map_err(describe)?;
    Ok(y + LINE_HEIGHT)
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
