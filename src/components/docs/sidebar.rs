//! The sidebar of the documentation: every page, grouped by folder, the current one marked.

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::docs::{DocIndex, DocPage};

use crate::i18n::{t, use_lang, Msg};
use crate::routes::doc_href;

/// The name of a folder of the documentation in the sidebar.
fn group_label(folder: &str) -> Msg {
    match folder {
        "guides" => Msg::DocsGroupGuides,
        "phases" => Msg::DocsGroupPhases,
        "causes" => Msg::DocsGroupCauses,
        "keys" => Msg::DocsGroupKeys,
        "concepts" => Msg::DocsGroupConcepts,
        "rules" => Msg::DocsGroupRules,
        _ => Msg::DocsGroupHome,
    }
}

/// The pages of `index` in runs of the same folder, in reading order.
fn groups(index: &DocIndex) -> Vec<(String, Vec<DocPage>)> {
    let mut groups: Vec<(String, Vec<DocPage>)> = Vec::new();
    for page in &index.pages {
        match groups.last_mut() {
            Some((folder, pages)) if *folder == page.folder => pages.push(page.clone()),
            _ => groups.push((page.folder.clone(), vec![page.clone()])),
        }
    }
    groups
}

/// The list of every page.
#[component]
pub(crate) fn DocsSidebar(
    /// The documentation index of the current language.
    index: Arc<DocIndex>,
    /// The id of the page shown.
    current: Memo<String>,
) -> impl IntoView {
    let lang = use_lang();
    // On a narrow screen the list is behind a button, so that the article comes first; it closes again
    // when another page opens.
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        current.track();
        open.set(false);
    });
    view! {
        <nav class="docs-sidebar" class:is-open=open data-testid="docs-sidebar" aria-label=t(Msg::DocsSidebarLabel)>
            <button type="button" class="docs-nav-toggle" data-testid="docs-nav-toggle"
                aria-expanded=move || open.get().to_string() aria-controls="docs-groups"
                on:click=move |_| open.update(|open| *open = !*open)>
                {t(Msg::DocsAllPages)}
            </button>
            <div class="docs-groups" id="docs-groups">
            {groups(&index)
                .into_iter()
                .map(|(folder, pages)| {
                    view! {
                        <section class="docs-group" data-folder=folder.clone()>
                            <h2>{t(group_label(&folder))}</h2>
                            <ul>
                                {pages
                                    .into_iter()
                                    .map(|page| {
                                        let id = page.id.clone();
                                        let href = move || doc_href(lang.get(), &id, "");
                                        let id = page.id.clone();
                                        view! {
                                            <li>
                                                <a href=href aria-current=move || (current.get() == id).then_some("page")>
                                                    {page.title}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
            </div>
        </nav>
    }
}
