//! The config explainer: paste a `.circleci/config.yml`, see every part explained, drawn and checked.

use leptos::prelude::*;

use crate::i18n::{t, Msg};

/// The config explainer page.
#[component]
pub(crate) fn ConfigPage() -> impl IntoView {
    view! {
        <section class="tool-page" data-testid="config-page">
            <h1>{t(Msg::ConfigTitle)}</h1>
            <p class="intro">{t(Msg::ConfigIntro)}</p>
        </section>
    }
}
