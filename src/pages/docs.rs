//! The documentation: every phase and every key explained, in the current language.
//!
//! `/:lang/docs` shows the home page of the documentation (page `index`), `/:lang/docs/<id>` one page. The
//! pages are HTML written at build time by `crates/docgen`; this page fetches the index of the language,
//! then the page itself, and lays them out with a sidebar, a search box, a table of contents and
//! previous/next links.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::docs::article::DocsArticle;
use crate::components::docs::search::DocsSearch;
use crate::components::docs::sidebar::DocsSidebar;
use crate::i18n::{t, Msg};
use crate::routes::HOME_PAGE;
use crate::services::content::use_doc_index;
use crate::services::prerendered::page_ready;

/// The documentation page; `/docs/<page id>` opens one page.
#[component]
pub(crate) fn DocsPage() -> impl IntoView {
    let params = use_params_map();
    let page_id = Memo::new(move |_| {
        let page = params.read().get("page").unwrap_or_default();
        match page.trim_matches('/') {
            "" => HOME_PAGE.to_owned(),
            id => id.to_owned(),
        }
    });
    let index = use_doc_index();
    view! {
        <div class="docs-page" data-testid="docs-page" data-page=move || page_id.get()>
            {move || match index.get() {
                None => view! { <p class="docs-status" role="status">{t(Msg::DocsLoading)}</p> }.into_any(),
                Some(Err(_)) => {
                    page_ready();
                    view! { <p class="docs-status docs-error" role="alert">{t(Msg::DocsLoadError)}</p> }.into_any()
                }
                Some(Ok(index)) => {
                    let index = Arc::new((*index).clone());
                    view! {
                        <DocsSidebar index=index.clone() current=page_id/>
                        <div class="docs-main">
                            <DocsSearch/>
                            {move || view! { <DocsArticle index=index.clone() id=page_id.get()/> }}
                        </div>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}
