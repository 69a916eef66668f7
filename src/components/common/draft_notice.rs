//! The line under each editor that says where its text is kept (this browser only) and lets the visitor
//! forget it and stop keeping drafts, or start keeping them again; it also says when a text could not be
//! kept.

use leptos::prelude::*;

use crate::i18n::{t, Msg};
use crate::services::drafts::{set_keeps_drafts, DraftKeeper, SaveState};
use crate::services::preferences;

/// Says that the editor's text is kept in this browser only, with a "forget" button.
#[component]
pub(crate) fn DraftNotice(
    /// What keeps this editor's draft.
    keeper: DraftKeeper,
    /// The editor's text, kept again at once when the visitor asks to keep drafts.
    text: RwSignal<String>,
) -> impl IntoView {
    let keeping = RwSignal::new(preferences::keeps_drafts());
    let forget = move |_| {
        set_keeps_drafts(false);
        keeping.set(false);
    };
    let keep = move |_| {
        set_keeps_drafts(true);
        keeping.set(true);
        text.with_untracked(|text| keeper.save(text));
    };
    let saved = keeper.state();
    let kept_bytes = keeper.kept_bytes();
    move || {
        if keeping.get() {
            let state = saved.get();
            let sentence = match state {
                SaveState::Kept | SaveState::Saving => Msg::DraftsKept,
                SaveState::NotKept => Msg::DraftsNotSaved,
            };
            view! {
                <p class="draft-notice hint" class:warning=state == SaveState::NotKept
                    data-testid="draft-notice" data-keeping="true" data-state=state.id()
                    data-kept-bytes=move || kept_bytes.get()>
                    {t(sentence)}
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
