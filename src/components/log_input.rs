//! The editor of the log explainer: paste, drop a file, open a file, load the example, clear.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::pages::log::{LogState, SEED_LOG};
use crate::text_file::read_text_file;

/// The log editor with its buttons. Whatever happens, the text the user gave stays in it.
#[component]
pub(crate) fn LogInput() -> impl IntoView {
    let state = expect_context::<LogState>();
    let lang = use_lang();
    let file_message = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);

    let load_file = move |file: web_sys::File| {
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
            <textarea
                id="log-input"
                data-testid="log-input"
                spellcheck="false"
                autocomplete="off"
                placeholder=t(Msg::LogInputPlaceholder)
                prop:value=move || state.text.get()
                on:input=move |ev| {
                    file_message.set(None);
                    state.text.set(event_target_value(&ev));
                }
            ></textarea>
            <div class="input-actions">
                <button type="button" data-testid="load-example" on:click=move |_| {
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
                    file_message.set(None);
                    state.text.set(String::new());
                }>
                    {t(Msg::LogClear)}
                </button>
            </div>
            {move || file_message.get().map(|message| view! { <p class="notice warning" role="status" data-testid="file-message">{message}</p> })}
        </div>
    }
}
