//! The service worker that keeps the site working without a network (`scripts/service-worker.js`,
//! written as `sw.js` by the release build), and the news that a newer version is waiting.
//!
//! A debug build (`trunk serve`) registers nothing, so that a developer always sees the latest build.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState, ServiceWorkerUpdateViaCache,
};

/// The service worker's file, relative to the page's `<base>`.
const SCRIPT: &str = "sw.js";
/// How long after the app starts the worker is registered: the first page's own downloads come first.
const REGISTER_AFTER_MS: u64 = 2_000;

thread_local! {
    /// The newer version's worker, waiting for the reader to accept it.
    static WAITING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
    /// Whether the worker was registered already (the notice is drawn again when the language changes).
    static REGISTERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The service worker container of this browser, when it has one (not over plain HTTP, nor in some
/// private modes).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let has =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers the service worker (release builds only), a moment after the app starts; `update_ready`
/// becomes true when a newer version of the site is installed and waits for [`take_over`].
pub(crate) fn register(update_ready: RwSignal<bool>) {
    if cfg!(debug_assertions) || REGISTERED.with(|registered| registered.replace(true)) {
        return;
    }
    let Some(container) = container() else {
        return;
    };
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                if let Err(error) = register_now(container, update_ready).await {
                    web_sys::console::warn_2(&"service worker not registered:".into(), &error);
                }
            });
        },
        std::time::Duration::from_millis(REGISTER_AFTER_MS),
    );
}

/// Registers the worker and watches for a newer one.
async fn register_now(
    container: ServiceWorkerContainer,
    update_ready: RwSignal<bool>,
) -> Result<(), JsValue> {
    let options = RegistrationOptions::new();
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let registration: ServiceWorkerRegistration =
        JsFuture::from(container.register_with_options(SCRIPT, &options))
            .await?
            .dyn_into()?;
    // Only a page already controlled by a worker has an older version to replace; the first visit's
    // worker simply starts keeping the site.
    let offer = {
        let container = container.clone();
        move |worker: ServiceWorker| {
            if container.controller().is_some() {
                WAITING.with(|waiting| *waiting.borrow_mut() = Some(worker));
                update_ready.try_set(true);
            }
        }
    };
    // A newer worker may already be waiting, or installing: the browser looks for one as the page
    // opens, before this registration.
    if let Some(waiting) = registration.waiting() {
        offer(waiting);
    } else if let Some(installing) = registration.installing() {
        offer_once_installed(installing, offer.clone());
    }
    let on_update_found = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = registration.installing() {
                offer_once_installed(installing, offer.clone());
            }
        })
    };
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
    Ok(())
}

/// Calls `offer` with `worker` once it is installed (and waits to take over).
fn offer_once_installed(worker: ServiceWorker, offer: impl Fn(ServiceWorker) + 'static) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed {
            offer(watched.clone());
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Lets the waiting newer version take over, then reloads the page on it.
pub(crate) fn take_over() {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    WAITING.with(|waiting| {
        if let Some(worker) = waiting.borrow().as_ref() {
            let _ = worker.post_message(&JsValue::from_str("take-over"));
        }
    });
}
