//! The editor of the config page: a text box to paste into or drop a file on, a file picker, the example
//! and a button that clears it all. What the user wrote is never changed by the analysis.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{DragEvent, Event, File, HtmlInputElement};

use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::samples::{SEED_CONFIG, SEED_JOB_CONFIG};
use crate::services::text_file::read_text_file;

/// The editor.
#[component]
pub(crate) fn ConfigEditor(
    /// The text of the configuration, shared with the page.
    text: RwSignal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let textarea = NodeRef::<html::Textarea>::new();
    let file_error = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    // Replaces the whole text, as loading a file or the example does.
    let replace = move |content: String| {
        if let Some(element) = textarea.get_untracked() {
            element.set_value(&content);
        }
        file_error.set(None);
        text.set(content);
    };
    // The textarea is not bound to the text, so that typing is never disturbed; when the text is changed
    // from elsewhere (secrets masked), the textarea follows.
    Effect::new(move |_| {
        let current = text.get();
        if let Some(element) = textarea.get_untracked() {
            if element.value() != current {
                element.set_value(&current);
            }
        }
    });
    let load = move |file: File| {
        let name = file.name();
        spawn_local(async move {
            match read_text_file(file).await {
                Ok(read) => replace(read.text),
                Err(_) => file_error.set(Some(name)),
            }
        });
    };
    let on_pick = move |event: Event| {
        let input = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(HtmlInputElement::files)
            .and_then(|files| files.get(0))
        {
            load(file);
        }
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let on_drop = move |event: DragEvent| {
        event.prevent_default();
        dragging.set(false);
        if let Some(file) = event
            .data_transfer()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0))
        {
            load(file);
        }
    };
    view! {
        <section class="config-editor" aria-labelledby="config-editor-label">
            <div class="config-toolbar">
                <label id="config-editor-label" for="config-input" class="config-editor-label">{t(Msg::ConfigEditorLabel)}</label>
                <button type="button" data-testid="load-example" on:click=move |_| replace(SEED_CONFIG.to_owned())>
                    {t(Msg::ConfigEditorExample)}
                </button>
                <button type="button" data-testid="load-example-log-config" on:click=move |_| replace(SEED_JOB_CONFIG.to_owned())>
                    {t(Msg::ConfigEditorExampleLogConfig)}
                </button>
                <label class="config-file-button">
                    {t(Msg::ConfigEditorOpen)}
                    <input type="file" accept=".yml,.yaml,text/yaml,text/plain" data-testid="config-file" on:change=on_pick/>
                </label>
                <button type="button" data-testid="clear-config" on:click=move |_| replace(String::new())>
                    {t(Msg::ConfigEditorClear)}
                </button>
            </div>
            <textarea
                id="config-input"
                node_ref=textarea
                data-testid="config-input"
                class:is-dragging=move || dragging.get()
                spellcheck="false"
                autocomplete="off"
                wrap="off"
                rows="12"
                placeholder=t(Msg::ConfigEditorPlaceholder)
                prop:value=text.get_untracked()
                on:input=move |event| text.set(event_target_value(&event))
                on:dragover=move |event: DragEvent| {
                    event.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            ></textarea>
            {move || file_error.get().map(|name| view! {
                <p class="config-file-error" role="alert">{fill(lang.get().text(Msg::ConfigEditorFileError), &[("name", &name)])}</p>
            })}
        </section>
    }
}
