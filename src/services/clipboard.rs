//! Writing text to the clipboard with the asynchronous Clipboard API.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; `false` when the browser has no clipboard or refused (the page is
/// not focused, the permission is denied).
pub(crate) async fn copy_text(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
