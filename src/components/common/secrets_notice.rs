//! The warning shown when the text in an editor holds secrets (tokens, keys, passwords), with a button
//! that masks them in the editor itself.

use std::time::Duration;

use leptos::prelude::*;
use pipelens_core::secrets::{find_secrets, mask, Secret};

use crate::format::{fill, format_count};
use crate::i18n::{t, use_lang, Msg};
use crate::services::log_worker::MAIN_THREAD_LIMIT;
use crate::wording::secrets::summary;

/// How long the notice waits after the last change before looking for secrets again.
const SCAN_DELAY: Duration = Duration::from_millis(300);

/// Says what secrets the text holds, where, and offers to mask them.
#[component]
pub(crate) fn SecretsNotice(
    /// The editor's text; masking rewrites it.
    text: RwSignal<String>,
    /// The secrets of the text when someone else looks for them (the log worker, for the logs it
    /// parses): texts of [`MAIN_THREAD_LIMIT`] bytes or more are then not scanned here.
    #[prop(optional)]
    found_elsewhere: Option<RwSignal<Option<Vec<Secret>>>>,
) -> impl IntoView {
    let lang = use_lang();
    let secrets = RwSignal::new(Vec::<Secret>::new());
    let masked = RwSignal::new(0usize);
    if let Some(elsewhere) = found_elsewhere {
        Effect::new(move |_| {
            if let Some(found) = elsewhere.get() {
                secrets.set(found);
            }
        });
    }
    Effect::new(move |_| {
        // The length first: copying a 100 MB text to look at it would hold the page.
        if found_elsewhere.is_some() && text.with(String::len) >= MAIN_THREAD_LIMIT {
            // The secrets of the previous text do not describe this one; the worker's will.
            secrets.set(Vec::new());
            return;
        }
        let current = text.get();
        set_timeout(
            move || {
                // The reader may have left the page, or typed on, during the pause.
                if secrets.is_disposed() || text.with_untracked(|now| *now != current) {
                    return;
                }
                secrets.set(find_secrets(&current));
            },
            SCAN_DELAY,
        );
    });
    let mask_all = move |_| {
        let found = secrets.get_untracked();
        text.update(|current| *current = mask(current, &found));
        masked.set(found.len());
        secrets.set(Vec::new());
    };
    move || {
        let lang = lang.get();
        let found = secrets.get();
        if found.is_empty() {
            let done = masked.get();
            return (done > 0).then(|| {
                view! {
                    <p class="notice success" role="status" data-testid="secrets-masked">
                        {fill(lang.text(Msg::SecretsMasked), &[("count", format_count(done, lang))])}
                    </p>
                }
                .into_any()
            });
        }
        Some(
            view! {
                <div class="notice warning secrets-notice" role="alert" data-testid="secrets-notice">
                    <p>
                        <strong>{fill(lang.text(Msg::SecretsFound), &[("count", format_count(found.len(), lang))])}</strong>
                        " "
                        {summary(&found, lang)}
                    </p>
                    <p class="hint">{t(Msg::SecretsAdvice)}</p>
                    <button type="button" data-testid="mask-secrets" on:click=mask_all>{t(Msg::SecretsMask)}</button>
                </div>
            }
            .into_any(),
        )
    }
}
