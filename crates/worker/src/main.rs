//! The log worker: parses a pasted log in a Web Worker, so that the page never freezes.
//!
//! Trunk builds this binary as the `data-type="worker"` rust asset of `index.html`; the page starts it
//! with `src/services/log_worker.rs`. The conversation, one log per worker at a time:
//!
//! 1. The worker posts the string `"ready"` once its module runs (a message posted before would be lost).
//! 2. The page posts the log as UTF-8 bytes (a transferred `ArrayBuffer`: no copy, no UTF-16).
//! 3. The worker parses it with [`parse_log_with_progress`], posting the fraction done (a number)
//!    each time it gains a percent.
//! 4. It posts the report as [`encode_report`] bytes in a transferred `ArrayBuffer` (the visible text
//!    as pieces of the log the page sent, which the page still holds), and waits for the next log.
//!    The page cancels a parse by terminating the worker.

mod messages;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        messages::answer(&replies, &event.data());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    messages::post_ready(&scope);
}
