//! The documentation: every phase and every key explained, in the current language.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::{t, Msg};

/// The documentation page; `/docs/<page id>` opens one page.
#[component]
pub(crate) fn DocsPage() -> impl IntoView {
    let params = use_params_map();
    let page = move || params.read().get("page").unwrap_or_default();
    view! {
        <section class="docs-page" data-testid="docs-page" data-page=page>
            <h1>{t(Msg::DocsTitle)}</h1>
            <p class="intro">{t(Msg::DocsIntro)}</p>
        </section>
    }
}
