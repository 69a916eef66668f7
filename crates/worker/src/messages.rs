//! What the worker receives and posts (see the steps in `main.rs`).

use js_sys::{Array, ArrayBuffer, Uint32Array, Uint8Array};
use pipelens_core::log::{encode_report, parse_log_with_progress};
use pipelens_core::secrets::{find_secrets, secrets_to_words};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::DedicatedWorkerGlobalScope;

/// The message that says the worker listens.
const READY: &str = "ready";

/// Tells the page that the worker listens.
pub(crate) fn post_ready(scope: &DedicatedWorkerGlobalScope) {
    // Posting a string to our own page cannot fail.
    let _posted = scope.post_message(&JsValue::from_str(READY));
}

/// Parses the log in `data` (UTF-8 bytes) and posts the progress, then the encoded report, then the
/// secrets the text holds (a `Uint32Array`, see `pipelens_core::secrets::secrets_to_words`). Anything
/// else than bytes is ignored: only the page talks to this worker.
pub(crate) fn answer(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let Some(buffer) = data.dyn_ref::<ArrayBuffer>() else {
        return;
    };
    let bytes = Uint8Array::new(buffer).to_vec();
    // The page sends a Rust `String`, so this is valid UTF-8 and borrows without copying.
    let text = String::from_utf8_lossy(&bytes);
    let mut percent_posted = 0;
    let report = parse_log_with_progress(&text, &mut |fraction| {
        let percent = (fraction * 100.0) as u32;
        if percent > percent_posted {
            percent_posted = percent;
            let _posted = scope.post_message(&JsValue::from_f64(f64::from(fraction)));
        }
    });
    let encoded = encode_report(&report, &text);
    drop(report);
    let out = Uint8Array::new_with_length(encoded.len() as u32);
    out.copy_from(&encoded);
    drop(encoded);
    let buffer = out.buffer();
    let transfer = Array::of1(&buffer);
    // Posting to our own page fails only if the buffer is detached, which it is not.
    let _posted = scope.post_message_with_transfer(&buffer, &transfer);
    // Then the secrets, which the page would otherwise look for on its own thread (seconds for 100 MB).
    if let Some(words) = secrets_to_words(&find_secrets(&text)) {
        let _posted = scope.post_message(&Uint32Array::from(words.as_slice()));
    }
}
