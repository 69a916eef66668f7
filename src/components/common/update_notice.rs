//! "A new version is available — reload": shown when the service worker has installed a newer deploy
//! of the site (`services/offline.rs`).

use leptos::prelude::*;

use crate::i18n::{t, Msg};
use crate::services::offline;

/// The notice, empty until a newer version waits.
#[component]
pub(crate) fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(false);
    offline::register(ready);
    move || {
        ready.get().then(|| {
            view! {
                <div class="update-notice" role="status" data-testid="update-notice">
                    <p>{t(Msg::UpdateAvailable)}</p>
                    <button type="button" data-testid="update-reload" on:click=move |_| offline::take_over()>
                        {t(Msg::UpdateReload)}
                    </button>
                </div>
            }
        })
    }
}
