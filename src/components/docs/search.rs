//! The search box of the documentation: it fetches `content/<lang>/search.json` the first time it is used
//! and searches it in the page with `pipelens_core::docs::PreparedSearch` (no server).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use pipelens_core::docs::{PreparedSearch, SearchIndex};

use crate::i18n::{t, use_lang, Lang, Msg};
use crate::routes::doc_href;
use crate::services::content::{fetch_text, ContentError};

/// The most results shown at once.
const MAX_RESULTS: usize = 20;

thread_local! {
    static PREPARED: RefCell<HashMap<Lang, Rc<PreparedSearch>>> = RefCell::new(HashMap::new());
}

/// The search index of `lang`, fetched and folded once per visit.
async fn prepared_search(lang: Lang) -> Result<Rc<PreparedSearch>, ContentError> {
    if let Some(prepared) = PREPARED.with(|cache| cache.borrow().get(&lang).cloned()) {
        return Ok(prepared);
    }
    let text = fetch_text(format!("content/{}/search.json", lang.code())).await?;
    let index: SearchIndex =
        serde_json::from_str(&text).map_err(|err| ContentError::Failed(err.to_string()))?;
    let prepared = Rc::new(PreparedSearch::new(index));
    PREPARED.with(|cache| cache.borrow_mut().insert(lang, prepared.clone()));
    Ok(prepared)
}

/// The search box and its results.
#[component]
pub(crate) fn DocsSearch() -> impl IntoView {
    let lang = use_lang();
    let query = RwSignal::new(String::new());
    // The index is fetched only once somebody types.
    let wanted = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || query.with(|q| !q.trim().is_empty())
    });
    let search = LocalResource::new(move || {
        let lang = lang.get();
        let wanted = wanted.get();
        async move {
            if wanted {
                Some(prepared_search(lang).await)
            } else {
                None
            }
        }
    });
    // Following a result (or any link) closes the results.
    let location = use_location();
    Effect::new(move |previous: Option<(String, String)>| {
        let now = (location.pathname.get(), location.hash.get());
        if previous.is_some_and(|previous| previous != now) {
            query.set(String::new());
        }
        now
    });
    let results = move || {
        let text = query.get();
        if text.trim().is_empty() {
            return None;
        }
        let lang = lang.get();
        let view = match search.get().flatten() {
            None => view! { <p class="docs-status" role="status">{t(Msg::DocsSearchLoading)}</p> }.into_any(),
            Some(Err(_)) => view! { <p class="docs-status docs-error" role="alert">{t(Msg::DocsSearchError)}</p> }.into_any(),
            Some(Ok(prepared)) => {
                let hits = prepared.search(&text, MAX_RESULTS);
                if hits.is_empty() {
                    view! { <p class="docs-status" role="status">{t(Msg::DocsSearchNone)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="docs-search-results" aria-label=t(Msg::DocsSearchResults)>
                            {hits
                                .into_iter()
                                .map(|hit| {
                                    let href = doc_href(lang, &hit.page, &hit.section);
                                    let section = (!hit.section_title.is_empty()).then(|| view! {
                                        <span class="docs-search-section">" › "{hit.section_title}</span>
                                    });
                                    view! {
                                        <li>
                                            <a href=href data-testid="docs-search-result" data-page=hit.page.clone()>
                                                <span class="docs-search-page">{hit.page_title}</span>
                                                {section}
                                            </a>
                                            <p class="docs-search-snippet">{hit.snippet}</p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }
            }
        };
        Some(view)
    };
    view! {
        <search class="docs-search" role="search">
            <input
                type="search"
                data-testid="docs-search"
                aria-label=t(Msg::DocsSearchLabel)
                placeholder=t(Msg::DocsSearchPlaceholder)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <div aria-live="polite">{results}</div>
        </search>
    }
}
