//! The table of contents of a documentation page: a link to each of its sections.

use leptos::prelude::*;
use pipelens_core::docs::DocPage;

use crate::i18n::{t, use_lang, Msg};
use crate::routes::doc_href;

/// The sections of `page`, `###` ones indented under their `##`.
#[component]
pub(crate) fn DocsToc(
    /// The page whose sections are listed.
    page: DocPage,
) -> impl IntoView {
    let lang = use_lang();
    let id = page.id.clone();
    view! {
        <nav class="docs-toc" data-testid="docs-toc" aria-labelledby="docs-toc-title">
            <h2 id="docs-toc-title">{t(Msg::DocsTocTitle)}</h2>
            <ul>
                {page
                    .sections
                    .into_iter()
                    .map(|section| {
                        let id = id.clone();
                        let anchor = section.id.clone();
                        let href = move || doc_href(lang.get(), &id, &anchor);
                        view! {
                            <li class=format!("docs-toc-level-{}", section.level)>
                                <a href=href>{section.title}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
