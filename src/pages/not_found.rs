//! The page shown for an address the site does not have.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, use_lang, Msg};
use crate::routes::log_href;
use crate::services::page_meta::name_page;
use crate::services::prerendered::page_ready_after_render;

/// "Page not found", with a way back.
#[component]
pub(crate) fn NotFound() -> impl IntoView {
    let lang = use_lang();
    name_page(Msg::NotfoundTitle, Msg::NotfoundBody);
    page_ready_after_render();
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{t(Msg::NotfoundTitle)}</h1>
            <p>{t(Msg::NotfoundBody)}</p>
            <p><A href=move || log_href(lang.get())>{t(Msg::NotfoundHome)}</A></p>
        </section>
    }
}
