//! Giving the page's thread back between slices of long work (reading a large paste, decoding a
//! report), so that the page answers in between.

use js_sys::Promise;
use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task of the page's event loop, after whatever else is waiting.
pub(crate) async fn next_task() {
    let later = Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|window| {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
        });
    });
    let _ = JsFuture::from(later).await;
}
