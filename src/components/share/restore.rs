//! Opening a share link when a page starts: on `#share=v1.…`, [`restore_log_link`] or
//! [`restore_config_link`] puts the text in the editor and rewrites the address in the page's normal form
//! (`#phase-3`, `?line=12&column=5`), from which the page selects and scrolls as it does for any link;
//! reloading then does not apply the link again over later edits. A link that cannot be opened leaves
//! the draft alone, and [`OpenFailure`] says why.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::i18n::{use_lang, Msg};
use crate::services::share_link::{self, Selection, ShareError, SharedPage};
use crate::state::config::ConfigState;

/// Why the share link the page was opened with could not be restored, if it could not.
#[derive(Clone, Copy)]
struct OpenedLink(RwSignal<Option<ShareError>>);

/// Opens the log explainer on the share link in the address, if there is one: the text goes into
/// `text` and the address becomes `#phase-N`, which the page reads next to select and scroll to the phase.
/// Call it before the page reads its `#phase-N`.
pub(crate) fn restore_log_link(text: RwSignal<String>) {
    restore(SharedPage::Log, text, |selection| match selection {
        Selection::Phase(number) => format!("#phase-{number}"),
        _ => String::new(),
    });
}

/// Opens the config explainer on the share link in the address, if there is one: the text goes into
/// `text`, the address becomes `?line=L&column=C`, and the part there is selected and scrolled to once
/// the text is analysed. (The route's own copy of the query is updated only after the page has started,
/// so the page would not see the new query in time.)
pub(crate) fn restore_config_link(state: ConfigState, text: RwSignal<String>) {
    let Some(selection) = restore(SharedPage::Config, text, |selection| match selection {
        Selection::Line(line) => format!("?line={line}"),
        Selection::Position { line, column } => format!("?line={line}&column={column}"),
        _ => String::new(),
    }) else {
        return;
    };
    let pending = StoredValue::new(Some(selection));
    Effect::new(move |_| {
        if state.analysis.with(Option::is_none) {
            return;
        }
        match pending.try_update_value(Option::take).flatten() {
            Some(Selection::Position { line, column }) => state.select_position(line, column),
            Some(Selection::Line(line)) => {
                state.line.set(Some(line));
                state.scroll_to_line(line);
            }
            _ => {}
        }
    });
}

/// Restores the view of the link in the address for `page`, or notes why it cannot; either way the
/// address loses the link, keeping the path (and so the language) and gaining `address_of` the
/// selection. Gives the selection restored, if a view was.
fn restore(
    page: SharedPage,
    text: RwSignal<String>,
    address_of: fn(Selection) -> String,
) -> Option<Selection> {
    let failure = RwSignal::new(None);
    provide_context(OpenedLink(failure));
    let hash = window().location().hash().unwrap_or_default();
    let opened = share_link::decode_for(page, &hash)?;
    let (rest, restored) = match opened {
        Ok(view) => {
            text.set(view.text);
            (address_of(view.selection), Some(view.selection))
        }
        Err(error) => {
            failure.set(Some(error));
            (String::new(), None)
        }
    };
    let path = window().location().pathname().unwrap_or_default();
    let options = NavigateOptions {
        resolve: false,
        replace: true,
        scroll: false,
        ..NavigateOptions::default()
    };
    use_navigate()(&format!("{path}{rest}"), options);
    restored
}

/// Why the link the page was opened with could not be restored, until dismissed.
#[component]
pub(crate) fn OpenFailure() -> impl IntoView {
    let lang = use_lang();
    let failure = use_context::<OpenedLink>().map(|opened| opened.0);
    move || {
        let error = failure.and_then(|failure| failure.get())?;
        let lang = lang.get();
        let reason = lang.text(match error {
            ShareError::Damaged => Msg::ShareErrorDamaged,
            ShareError::UnsupportedVersion => Msg::ShareErrorVersion,
            ShareError::TooLarge => Msg::ShareErrorTooLarge,
            ShareError::OtherPage => Msg::ShareErrorOtherPage,
        });
        Some(view! {
            <div class="notice warning share-error" role="alert" data-testid="share-error" data-error=error.id()>
                <p><strong>{lang.text(Msg::ShareErrorTitle)}</strong> " " {reason}</p>
                <p data-testid="share-draft-kept">{lang.text(Msg::ShareErrorKept)}</p>
                <button type="button" data-testid="share-error-dismiss" on:click=move |_| {
                    if let Some(failure) = failure {
                        failure.set(None);
                    }
                }>
                    {lang.text(Msg::ShareErrorDismiss)}
                </button>
            </div>
        })
    }
}
