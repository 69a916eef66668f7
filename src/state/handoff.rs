//! A text handed from one explainer to the other: a config pasted on the log page, or a log pasted on
//! the config page, opened in the right explainer with the text it had (the other page would open empty,
//! or with its own draft).

use leptos::prelude::*;

use crate::services::preferences::Draft;

/// The text waiting for the page of one explainer; provided once, above the router. Read it with
/// `use_context` when a component is made, not in an event handler.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Handoff(StoredValue<Option<(Draft, String)>>);

impl Handoff {
    /// Provides the handoff to the whole site.
    pub(crate) fn provide() {
        provide_context(Self(StoredValue::new(None)));
    }

    /// Hands `text` to the page of `to`, which takes it when it opens.
    pub(crate) fn give(self, to: Draft, text: String) {
        self.0.set_value(Some((to, text)));
    }

    /// The text handed to the page of `which`, taken once.
    pub(crate) fn take(self, which: Draft) -> Option<String> {
        self.0
            .try_update_value(|slot| slot.take_if(|(to, _)| *to == which))
            .flatten()
            .map(|(_, text)| text)
    }
}
