//! The editor of the log explainer: paste, drop a file, open a file, load the example, clear.
//!
//! A log larger than [`EDITABLE_BYTES`] is not put in the text area: Chromium needs about a minute to lay
//! out 100 MB of text in one, during which the tab is frozen. Such a log is held by the page, described
//! in a card (size, then lines once read) and shown by the log view below. Pasting it is caught before
//! the browser inserts it, and the text is converted in slices ([`crate::services::pasted_text`]) while a line says
//! it is being read.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::format::{fill, format_count};
use crate::i18n::{t, use_lang, Lang, Msg};
use crate::samples::SEED_LOG;
use crate::services::log_worker::{LogParser, ParseState};
use crate::services::pasted_text::{large_paste, read_large_paste};
use crate::services::text_file::read_text_file;
use crate::state::log::LogState;

/// Logs larger than this (in bytes) are kept out of the text area (see the module's documentation).
pub(crate) const EDITABLE_BYTES: usize = 2 * 1024 * 1024;

/// The log editor with its buttons. Whatever happens, the text the user gave stays in it.
#[component]
pub(crate) fn LogInput() -> impl IntoView {
    let state = expect_context::<LogState>();
    // The log page's parser, to tell a large log being read from one whose reading was cancelled.
    let parser = use_context::<LogParser>();
    let lang = use_lang();
    let file_message = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    // A large paste is read in slices (`pasted_text`); whatever the reader does meanwhile (typing,
    // another paste, a file, the example, Clear) supersedes it.
    let reading = RwSignal::new(false);
    let actions = StoredValue::new(0_u64);
    let supersede_reading = move || {
        actions.update_value(|count| *count += 1);
        reading.set(false);
        actions.get_value()
    };

    let load_file = move |file: web_sys::File| {
        supersede_reading();
        spawn_local(async move {
            match read_text_file(file).await {
                Ok(read) => {
                    file_message.set(
                        read.binary
                            .then(|| lang.get_untracked().text(Msg::LogFileNotText).to_owned()),
                    );
                    state.text.set(read.text);
                }
                Err(error) => file_message.set(Some(fill(
                    lang.get_untracked().text(Msg::LogFileReadError),
                    &[("error", error)],
                ))),
            }
        });
    };
    let on_open = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        {
            load_file(file);
        }
        // Opening the same file again must fire `change` again.
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0))
        {
            load_file(file);
        }
    };

    // Only a change of side of the limit redraws the editor, so typing keeps the focus.
    let too_large = Memo::new(move |_| state.text.with(String::len) > EDITABLE_BYTES);
    // A large paste is caught before the browser puts it in the text area.
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(pasted) = ev
            .clipboard_data()
            .and_then(|data| large_paste(&data, EDITABLE_BYTES))
        else {
            return;
        };
        ev.prevent_default();
        let area = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
        let (start, end) = area.as_ref().map_or((0, 0), |area| {
            (
                area.selection_start().ok().flatten().unwrap_or(0),
                area.selection_end().ok().flatten().unwrap_or(0),
            )
        });
        file_message.set(None);
        let this_paste = supersede_reading();
        reading.set(true);
        spawn_local(async move {
            let still_wanted = move || actions.try_get_value() == Some(this_paste);
            let Some(text) = read_large_paste(pasted, still_wanted).await else {
                return;
            };
            reading.try_set(false);
            state
                .text
                .try_update(|current| splice_utf16(current, start as usize, end as usize, text));
        });
    };

    view! {
        <div
            class="log-input"
            class:is-dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label for="log-input" class="input-label">{t(Msg::LogInputLabel)}</label>
            {move || {
                if !too_large.get() {
                    return view! {
                        <textarea
                            id="log-input"
                            data-testid="log-input"
                            spellcheck="false"
                            autocomplete="off"
                            placeholder=t(Msg::LogInputPlaceholder)
                            prop:value=move || state.text.get()
                            on:paste=on_paste
                            on:input=move |ev| {
                                supersede_reading();
                                file_message.set(None);
                                state.text.set(event_target_value(&ev));
                            }
                        ></textarea>
                    }
                    .into_any();
                }
                // The line count comes with the report: counting 100 MB here would hold the page.
                let described = move || {
                    let lang = lang.get();
                    let size = megabytes(state.text.with(String::len), lang);
                    match state.report.with(|report| report.as_ref().map(|report| report.lines.len())) {
                        Some(lines) => fill(
                            lang.text(Msg::LogLargeLoaded),
                            &[("size", size), ("lines", format_count(lines, lang))],
                        ),
                        None => {
                            let cancelled = parser
                                .is_some_and(|parser| parser.state.get() == ParseState::Cancelled);
                            let message = if cancelled { Msg::LogLargeLoadedUnread } else { Msg::LogLargeLoadedReading };
                            fill(lang.text(message), &[("size", size)])
                        }
                    }
                };
                view! {
                    <p class="large-log-card" role="status" data-testid="large-log-card">{described}</p>
                }
                .into_any()
            }}
            <div class="input-actions">
                <button type="button" data-testid="load-example" on:click=move |_| {
                    supersede_reading();
                    file_message.set(None);
                    state.text.set(SEED_LOG.to_owned());
                }>
                    {t(Msg::LogLoadExample)}
                </button>
                <span class="hint">{t(Msg::LogExampleHint)}</span>
                <label class="file-button">
                    {t(Msg::LogOpenFile)}
                    <input type="file" data-testid="open-file" accept=".txt,.log,.json,text/plain,application/json" on:change=on_open/>
                </label>
                <span class="hint">{t(Msg::LogDropHint)}</span>
                <button type="button" class="secondary" data-testid="clear-log" on:click=move |_| {
                    supersede_reading();
                    file_message.set(None);
                    state.text.set(String::new());
                }>
                    {t(Msg::LogClear)}
                </button>
            </div>
            {move || reading.get().then(|| view! { <p class="notice" role="status" data-testid="paste-reading">{t(Msg::LogPasteReading)}</p> })}
            {move || file_message.get().map(|message| view! { <p class="notice warning" role="status" data-testid="file-message">{message}</p> })}
        </div>
    }
}

/// Replaces the characters from `start` to `end` (offsets in UTF-16 units, as the DOM gives a text
/// area's selection) of `text` with `inserted`; into an empty text, `inserted` is moved, not copied.
fn splice_utf16(text: &mut String, start: usize, end: usize, inserted: String) {
    if text.is_empty() {
        *text = inserted;
        return;
    }
    let byte_at = |units: usize| {
        let mut seen = 0;
        for (index, character) in text.char_indices() {
            if seen >= units {
                return index;
            }
            seen += character.len_utf16();
        }
        text.len()
    };
    let (start, end) = (byte_at(start.min(end)), byte_at(end.max(start)));
    text.replace_range(start..end, &inserted);
}

/// "100.2 MB" / "100,2 Mo".
fn megabytes(bytes: usize, lang: Lang) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    let number = format!("{}.{}", tenths / 10, tenths % 10);
    match lang {
        Lang::En => format!("{number} MB"),
        Lang::Fr => format!("{}\u{a0}Mo", number.replace('.', ",")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_replaces_the_selection_counted_in_utf16_units() {
        let mut text = String::from("a😀bc");
        // "😀" is two UTF-16 units: units 3..4 are "b".
        splice_utf16(&mut text, 3, 4, "XY".into());
        assert_eq!(text, "a😀XYc");
        let mut empty = String::new();
        splice_utf16(&mut empty, 0, 0, "log".into());
        assert_eq!(empty, "log");
        let mut end = String::from("ab");
        splice_utf16(&mut end, 9, 9, "!".into());
        assert_eq!(end, "ab!");
    }

    #[test]
    fn sizes_are_written_in_each_language() {
        assert_eq!(megabytes(100 * 1_048_576, Lang::En), "100.0 MB");
        assert_eq!(megabytes(3 * 1_048_576 / 2, Lang::Fr), "1,5\u{a0}Mo");
    }
}
