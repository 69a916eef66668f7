//! The side panel that says what the hovered or selected part of the configuration is, with the summary
//! of its documentation page and a link to it.

use leptos::prelude::*;
use leptos_router::components::A;

use super::config_part_text::{explain, kind_label, DETAIL};
use super::config_state::ConfigState;
use crate::app::site_href;
use crate::content::use_doc_index;
use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};

/// A sentence whose `` `names` `` are shown as code.
pub(crate) fn sentence_view(sentence: &str) -> impl IntoView {
    sentence
        .split('`')
        .enumerate()
        .map(|(index, text)| {
            let text = text.to_owned();
            if index % 2 == 1 {
                view! { <code>{text}</code> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
}

/// The explanation panel.
#[component]
pub(crate) fn ConfigExplanation(
    /// The page's shared state.
    state: ConfigState,
) -> impl IntoView {
    let lang = use_lang();
    let index = use_doc_index();
    let shown = move || {
        let part_index = state.shown_part()?;
        state.analysis.with(|analysis| {
            let analysis = analysis.as_ref()?;
            let part = analysis.report.parts.get(part_index)?;
            Some((
                part.clone(),
                explain(lang.get(), &analysis.report, &analysis.text, part),
            ))
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
                            <A href=site_href(&format!("/{}/docs/{doc}", lang.code())) attr:data-testid="doc-link">
                                {fill(lang.text(Msg::ConfigExplainRead), &[("title", &title)])}
                            </A>
                        </p>
                        <crate::components::log_link::LogLink state=state part=part.clone()/>
                    }
                    .into_any()
                }
            }}
            <crate::components::export_menu::ConfigExportMenu state=state/>
        </aside>
    }
}
