//! The log explainer: paste a CircleCI build log, see its phases explained.

use leptos::prelude::*;

use crate::i18n::{t, Msg};

/// The log explainer page (the home page of each language).
#[component]
pub(crate) fn LogPage() -> impl IntoView {
    view! {
        <section class="tool-page" data-testid="log-page">
            <h1>{t(Msg::LogTitle)}</h1>
            <p class="intro">{t(Msg::LogIntro)}</p>
        </section>
    }
}
