//! A sentence of the interface whose `` `names` `` are shown as code.

use leptos::prelude::*;

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
