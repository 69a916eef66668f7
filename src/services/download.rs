//! Downloads files the page made (a screenshot as PNG, a report as text) through a Blob object URL and
//! an `<a download>`: nothing leaves the page, and the strict Content-Security-Policy needs no change.

use gloo_file::{Blob, ObjectUrl};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlCanvasElement, HtmlElement};

/// How long an object URL stays valid after its download started.
const URL_LIFETIME: std::time::Duration = std::time::Duration::from_secs(60);

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

/// The message of a JavaScript error.
fn describe(error: JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}
