//! The line under each editor that says where its text is kept (this browser only) and lets the visitor
//! forget it and stop keeping drafts, or start keeping them again.

use leptos::prelude::*;

use crate::i18n::{t, Msg};
use crate::services::preferences::{self, Draft};

/// Says that the editor's text is kept in this browser only, with a "forget" button.
#[component]
pub(crate) fn DraftNotice(
    /// Which editor this notice belongs to.
    which: Draft,
    /// The editor's text, kept again at once when the visitor asks to keep drafts.
    text: RwSignal<String>,
) -> impl IntoView {
    let keeping = RwSignal::new(preferences::keeps_drafts());
    let forget = move |_| {
        preferences::set_keeps_drafts(false);
        keeping.set(false);
    };
    let keep = move |_| {
        preferences::set_keeps_drafts(true);
        text.with_untracked(|text| preferences::save_draft(which, text));
        keeping.set(true);
    };
    move || {
        if keeping.get() {
            view! {
                <p class="draft-notice hint" data-testid="draft-notice" data-keeping="true">
                    {t(Msg::DraftsKept)}
                    " "
                    <button type="button" class="link-button" data-testid="forget-drafts" on:click=forget>
                        {t(Msg::DraftsForget)}
                    </button>
                </p>
            }
            .into_any()
        } else {
            view! {
                <p class="draft-notice hint" role="status" data-testid="draft-notice" data-keeping="false">
                    {t(Msg::DraftsNotKept)}
                    " "
                    <button type="button" class="link-button" data-testid="keep-drafts" on:click=keep>
                        {t(Msg::DraftsKeep)}
                    </button>
                </p>
            }
            .into_any()
        }
    }
}
