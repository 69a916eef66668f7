//! What the worker does with each message (the conversation is `pipelens_worker_protocol`'s).

use js_sys::Uint8Array;
use pipelens_core::log::{encode_report, parse_log_with_progress};
use pipelens_core::secrets::{find_secrets, secrets_to_words};
use pipelens_worker_protocol::{ToPage, ToWorker};
use wasm_bindgen::JsValue;
use web_sys::DedicatedWorkerGlobalScope;

/// Posts a message to the page. Posting to our own page fails only for a detached buffer, which ours
/// never are.
fn post(scope: &DedicatedWorkerGlobalScope, message: &ToPage) {
    let posted = message.to_posted();
    let _posted = scope.post_message_with_transfer(&posted.message, &posted.transfer);
}

/// Tells the page that the worker listens.
pub(crate) fn post_ready(scope: &DedicatedWorkerGlobalScope) {
    post(scope, &ToPage::Ready);
}

/// Answers a message of the page: parses the log it sends and posts the progress, the encoded report,
/// then the secrets the text holds. Anything else is ignored: only the page talks to this worker.
pub(crate) fn answer(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let Some(ToWorker::Parse(bytes)) = ToWorker::read(data) else {
        return;
    };
    let bytes = bytes.to_vec();
    // The page sends a Rust `String`, so this is valid UTF-8 and borrows without copying.
    let text = String::from_utf8_lossy(&bytes);
    let mut percent_posted = 0;
    let report = parse_log_with_progress(&text, &mut |fraction| {
        let percent = (fraction * 100.0) as u32;
        if percent > percent_posted {
            percent_posted = percent;
            post(scope, &ToPage::Progress(f64::from(fraction)));
        }
    });
    let encoded = encode_report(&report, &text);
    drop(report);
    let out = Uint8Array::new_with_length(encoded.len() as u32);
    out.copy_from(&encoded);
    drop(encoded);
    post(scope, &ToPage::Report(out));
    // Then the secrets, which the page would otherwise look for on its own thread (seconds for 100 MB).
    if let Some(words) = secrets_to_words(&find_secrets(&text)) {
        post(scope, &ToPage::Secrets(words));
    }
}
