//! The side panel that says what the hovered or selected part of the configuration is, with the summary
//! of its documentation page and a link to it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::common::sentence::sentence_view;
use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::routes::doc_href;
use crate::services::content::use_doc_index;
use crate::state::config::ConfigState;
use crate::wording::config_parts::{explain, kind_label, DETAIL};

/// The explanation panel.
#[component]
pub(crate) fn ConfigExplanation() -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let lang = use_lang();
    let index = use_doc_index();
    let shown = move || {
        let part_index = state.shown_part()?;
        state.analysis.with(|analysis| {
            let analysis = analysis.as_ref()?;
            let part = analysis.report.parts.get(part_index)?;
            Some((part.clone(), explain(lang.get(), &analysis.report, part)))
        })
    };
    view! {
        <aside class="config-explanation" data-testid="part-explanation" aria-live="polite" aria-labelledby="config-explanation-title">
            <h2 id="config-explanation-title">{t(Msg::ConfigExplainTitle)}</h2>
            {move || match shown() {
                None => {
                    let msg = if state.unreadable() { Msg::ConfigExplainUnreadable } else { Msg::ConfigExplainEmpty };
                    view! { <p class="config-muted">{t(msg)}</p> }.into_any()
                }
                Some((part, sentences)) => {
                    let lang = lang.get();
                    let doc = part.doc;
                    let page = index
                        .get()
                        .and_then(Result::ok)
                        .and_then(|index| index.page(doc).map(|page| (page.title.clone(), page.summary.clone())));
                    let title = page.as_ref().map_or_else(|| doc.to_owned(), |(title, _)| title.clone());
                    let at = fill(
                        lang.text(Msg::ConfigExplainAt),
                        &[("line", &part.span.line.to_string()), ("column", &part.span.column.to_string())],
                    );
                    view! {
                        <p class="config-part-kind" data-kind=format!("{:?}", part.kind)>
                            <span class="config-badge">{lang.text(kind_label(part.kind))}</span>
                            " "
                            <code class="config-part-name">{part.detail.clone()}</code>
                            " "
                            <span class="config-muted">{at}</span>
                        </p>
                        <ul class="config-part-sentences">
                            {sentences
                                .iter()
                                .map(|s| {
                                    let detail = s.strip_prefix(DETAIL);
                                    view! { <li class:is-piece=detail.is_some()>{sentence_view(detail.unwrap_or(s))}</li> }
                                })
                                .collect_view()}
                        </ul>
                        {page.map(|(_, summary)| view! { <p class="config-doc-summary" data-testid="doc-summary">{summary}</p> })}
                        <p>
                            <A href=doc_href(lang, doc, "") attr:data-testid="doc-link">
                                {fill(lang.text(Msg::ConfigExplainRead), &[("title", &title)])}
                            </A>
                        </p>
                        <crate::components::config::log_link::LogLink part=part.clone()/>
                    }
                    .into_any()
                }
            }}
            <super::export::ConfigExportMenu/>
        </aside>
    }
}
