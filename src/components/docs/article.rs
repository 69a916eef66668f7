//! One page of the documentation: its title, its body (HTML rendered at build time), its table of
//! contents and the links to the previous and next pages. A `#section` in the address is scrolled to once
//! the body has loaded, also after a reload or a change of language.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use pipelens_core::docs::{DocIndex, DocPage};

use crate::components::docs::toc::DocsToc;
use crate::i18n::{t, use_lang, Msg};
use crate::routes::{doc_href, HOME_PAGE};
use crate::services::content::fetch_doc_html;
use crate::services::page_meta::{name_page, set_page_meta};
use crate::services::prerendered::page_ready_after_render;

/// The page `id` of `index`, or "no such page".
#[component]
pub(crate) fn DocsArticle(
    /// The documentation index of the current language.
    index: Arc<DocIndex>,
    /// The id of the page to show.
    id: String,
) -> impl IntoView {
    let lang = use_lang();
    let Some(page) = index.page(&id).cloned() else {
        name_page(Msg::DocsMissingTitle, Msg::DocsMissingBody);
        page_ready_after_render();
        return view! {
            <section class="docs-missing" data-testid="docs-not-found">
                <h1>{t(Msg::DocsMissingTitle)}</h1>
                <p>{t(Msg::DocsMissingBody)}</p>
                <p><a href=move || doc_href(lang.get(), HOME_PAGE, "")>{t(Msg::DocsMissingHome)}</a></p>
            </section>
        }
        .into_any();
    };
    let (previous, next) = index.neighbours(&id);
    let (previous, next) = (previous.cloned(), next.cloned());
    let html = {
        let id = id.clone();
        LocalResource::new(move || fetch_doc_html(lang.get(), id.clone()))
    };
    scroll_to_hash_when_loaded(html);
    set_page_meta(&page.title, &page.summary);
    // The written copy of the page gives way once the article is in (or could not be fetched).
    Effect::new(move |_| {
        if html.with(Option::is_some) {
            page_ready_after_render();
        }
    });
    let body = move || match html.get() {
        None => {
            view! { <p class="docs-status" role="status">{t(Msg::DocsPageLoading)}</p> }.into_any()
        }
        Some(Err(_)) => {
            view! { <p class="docs-status docs-error" role="alert">{t(Msg::DocsPageError)}</p> }
                .into_any()
        }
        Some(Ok(html)) => {
            let html = html.to_string();
            view! { <div class="docs-body" data-testid="docs-body" inner_html=html></div> }
                .into_any()
        }
    };
    let toc = (!page.sections.is_empty()).then(|| view! { <DocsToc page=page.clone()/> });
    view! {
        <div class="docs-layout">
            <article class="docs-article" data-severity=page.severity.clone()>
                <h1>{page.title.clone()}</h1>
                {body}
                <nav class="docs-pager" aria-label=t(Msg::DocsPagerLabel)>
                    {previous.map(|page| pager_link(page, "docs-prev", Msg::DocsPrevious))}
                    {next.map(|page| pager_link(page, "docs-next", Msg::DocsNext))}
                </nav>
            </article>
            {toc}
        </div>
    }
    .into_any()
}

/// A link to the previous or next page, with its direction and title.
fn pager_link(page: DocPage, test_id: &'static str, direction: Msg) -> impl IntoView {
    let lang = use_lang();
    let id = page.id;
    let href = move || doc_href(lang.get(), &id, "");
    view! {
        <a href=href class=test_id data-testid=test_id rel=if test_id == "docs-prev" { "prev" } else { "next" }>
            <span class="docs-pager-direction">{t(direction)}</span>
            <span class="docs-pager-title">{page.title}</span>
        </a>
    }
}

/// Scrolls to the element named by the address's `#anchor` each time the body has loaded or the anchor
/// changes (the router scrolls too, but before the body is there).
fn scroll_to_hash_when_loaded<T: Clone + 'static, E: Clone + 'static>(
    html: LocalResource<Result<T, E>>,
) {
    let location = use_location();
    Effect::new(move |_| {
        let loaded = html.with(|html| matches!(html, Some(Ok(_))));
        let hash = location.hash.get();
        let anchor = hash.trim_start_matches('#').to_owned();
        if loaded && !anchor.is_empty() {
            request_animation_frame(move || {
                if let Some(element) = document().get_element_by_id(&anchor) {
                    element.scroll_into_view();
                }
            });
        }
    });
}
