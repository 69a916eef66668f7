//! The "Keyboard shortcuts" button of the header and its dialog, which lists every key of the current page.
//! The dialog also opens with `?`, closes with Escape or its button, and gives the focus back to where it
//! was.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, use_lang, Msg};
use crate::services::keys::{on_shortcut, shortcuts, use_shortcut_page, HELP_KEY};

/// The button and the dialog.
#[component]
pub(crate) fn KeyboardHelp() -> impl IntoView {
    let lang = use_lang();
    let page = use_shortcut_page();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The element that had the focus before the dialog opened, to give it back.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let open = move || {
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        if dialog.open() {
            return;
        }
        let focused = document()
            .active_element()
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        opener.set_value(focused);
        let _ = dialog.show_modal();
    };
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    on_shortcut(move |key| {
        if key == HELP_KEY {
            open();
            true
        } else {
            false
        }
    });
    let rows = move || {
        let lang = lang.get();
        shortcuts(page.get())
            .into_iter()
            .map(|shortcut| {
                view! {
                    <tr data-testid="shortcut">
                        <th scope="row"><kbd>{shortcut.key}</kbd></th>
                        <td>{lang.text(shortcut.action)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <button
            type="button"
            class="header-button keyboard-help-button"
            data-testid="keyboard-help-button"
            aria-haspopup="dialog"
            on:click=move |_| open()
        >
            <span aria-hidden="true">"⌨"</span>
            " "
            <span class="header-button-label">{t(Msg::ComfortKeysButton)}</span>
        </button>
        <dialog
            node_ref=dialog
            class="keyboard-help"
            data-testid="keyboard-help"
            aria-labelledby="keyboard-help-title"
            on:close=move |_| {
                if let Some(element) = opener.get_value() {
                    let _ = element.focus();
                }
            }
        >
            <h2 id="keyboard-help-title">{t(Msg::ComfortKeysTitle)}</h2>
            <p class="keyboard-help-intro">{t(Msg::ComfortKeysIntro)}</p>
            <table class="keyboard-help-table">
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::ComfortKeysKey)}</th>
                        <th scope="col">{t(Msg::ComfortKeysAction)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <button type="button" class="header-button" data-testid="keyboard-help-close" on:click=move |_| close()>
                {t(Msg::ComfortKeysCloseButton)}
            </button>
        </dialog>
    }
}
