//! The log worker: parses a pasted log in a Web Worker, so that the page never freezes.
//!
//! Trunk builds this binary as the `data-type="worker"` rust asset of `index.html`; the page starts it
//! with `src/services/log_worker.rs`. What they say to each other is defined once, for both, in
//! `crates/worker-protocol`.

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
