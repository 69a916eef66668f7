//! The "Share link" button and panel of both explainers: it packs the editor's text (its secrets masked
//! unless the reader unticks "Mask secrets"), the selection and the language into a link
//! ([`crate::services::share_link`]), says what it masked, how long the link is and where such a length
//! breaks, and copies it. It also says why the link the page was opened with could not be restored
//! ([`super::restore::OpenFailure`]).

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pipelens_core::secrets::{find_secrets, mask, Secret};

use super::restore::OpenFailure;
use crate::format::{fill, format_count};
use crate::i18n::{t, use_lang, Lang, Msg};
use crate::routes::page_address;
use crate::services::share_link::Selection;
use crate::services::share_link::{self, LinkLength, SharedPage, SharedView};
use crate::state::config::ConfigState;
use crate::state::log::LogState;
use crate::wording::secrets::summary;

/// The share button and panel of the log explainer: shares the selected phase.
#[component]
pub(crate) fn ShareLogLink() -> impl IntoView {
    let Some(state) = use_context::<LogState>() else {
        return ().into_any();
    };
    let selection = Signal::derive(move || {
        state
            .selected
            .get()
            .map_or(Selection::Nothing, |index| Selection::Phase(index + 1))
    });
    view! { <SharePanel page=SharedPage::Log text=state.text selection=selection/> }.into_any()
}

/// The share button and panel of the config explainer: shares the selected part, else the highlighted
/// line.
#[component]
pub(crate) fn ShareConfigLink(
    /// The editor's text.
    text: RwSignal<String>,
) -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let selection = Signal::derive(move || {
        let part = state.selected.get().and_then(|index| {
            state.analysis.with(|analysis| {
                analysis
                    .as_ref()
                    .and_then(|analysis| analysis.report.parts.get(index))
                    .map(|part| part.span)
            })
        });
        match (part, state.line.get()) {
            (Some(span), _) => Selection::Position {
                line: span.line,
                column: span.column,
            },
            (None, Some(line)) => Selection::Line(line),
            (None, None) => Selection::Nothing,
        }
    });
    view! { <SharePanel page=SharedPage::Config text=text selection=selection/> }
}

/// A link made from the current view, with what was found on the way.
#[derive(Debug, Clone, PartialEq)]
struct BuiltLink {
    /// The whole address.
    link: String,
    /// The secrets found in the text.
    secrets: Vec<Secret>,
    /// Whether they were masked in the link.
    masked: bool,
}

/// What the Copy button achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CopyStatus {
    /// Nothing yet.
    Idle,
    /// The link is in the clipboard.
    Copied,
    /// The clipboard refused; the link is selected for the reader to copy.
    Selected,
}

/// The "Share link" button, its panel, and the report of a link that could not be opened.
#[component]
fn SharePanel(
    /// Which explainer this is.
    page: SharedPage,
    /// The editor's text.
    text: RwSignal<String>,
    /// What is selected, to carry in the link.
    selection: Signal<Selection>,
) -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(false);
    let masking = RwSignal::new(true);
    let copied = RwSignal::new(CopyStatus::Idle);
    let field = NodeRef::<html::Input>::new();
    // A text longer than a link's payload may ever be is refused before anything is built: scanning
    // and compressing 100 MB would hold the page for seconds only to say the link is too long.
    let oversized = Memo::new(move |_| text.with(String::len) > share_link::MAX_PAYLOAD);
    let built = Memo::new(move |_| {
        if !open.get() || oversized.get() {
            return None;
        }
        let original = text.get();
        let secrets = find_secrets(&original);
        let masked = masking.get();
        let shared = if masked {
            mask(&original, &secrets)
        } else {
            original
        };
        let view = SharedView {
            page,
            selection: selection.get(),
            text: shared,
        };
        let link = format!(
            "{}#{}",
            page_address(page == SharedPage::Config, lang.get()),
            share_link::encode(&view)
        );
        Some(BuiltLink {
            link,
            secrets,
            masked,
        })
    });
    // A new link has not been copied yet.
    Effect::new(move |_| {
        built.track();
        copied.set(CopyStatus::Idle);
    });
    let copy = move |_| {
        let Some(input) = field.get_untracked() else {
            return;
        };
        input.select();
        let value = input.value();
        spawn_local(async move {
            let status = if crate::services::clipboard::copy_text(&value).await {
                CopyStatus::Copied
            } else {
                CopyStatus::Selected
            };
            // The reader may have left the page meanwhile.
            if !copied.is_disposed() {
                copied.set(status);
            }
        });
    };
    let link_value = move || {
        built.with(|built| match built {
            Some(built) if share_link::link_length(built.link.len()) != LinkLength::TooLong => {
                built.link.clone()
            }
            _ => String::new(),
        })
    };
    view! {
        <div class="share">
            <OpenFailure/>
            <button
                type="button"
                class="share-toggle"
                data-testid="share-open"
                aria-expanded=move || open.get().to_string()
                aria-controls="share-panel"
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {t(Msg::ShareOpen)}
            </button>
            <Show when=move || open.get()>
                <section class="share-panel" id="share-panel" data-testid="share-panel" aria-labelledby="share-title">
                    <h2 id="share-title">{t(Msg::ShareTitle)}</h2>
                    <p class="hint">{t(Msg::ShareIntro)}</p>
                    <div class="share-row">
                        <label for="share-link" class="share-label">{t(Msg::ShareFieldLabel)}</label>
                        <input
                            id="share-link"
                            type="text"
                            readonly=true
                            data-testid="share-link"
                            node_ref=field
                            prop:value=link_value
                            on:focus=move |_| {
                                if let Some(input) = field.get_untracked() {
                                    input.select();
                                }
                            }
                        />
                        <button type="button" data-testid="share-copy" on:click=copy disabled=move || link_value().is_empty()>
                            {t(Msg::ShareCopy)}
                        </button>
                    </div>
                    <CopyMessage status=copied/>
                    <label class="share-mask">
                        <input
                            type="checkbox"
                            data-testid="share-mask"
                            prop:checked=move || masking.get()
                            on:change=move |event| masking.set(event_target_checked(&event))
                        />
                        " "
                        {t(Msg::ShareMask)}
                    </label>
                    {move || built.get().map(|built| view! { <SecretsReport built=built.clone() lang=lang.get()/> <LengthReport length=built.link.len() lang=lang.get()/> })}
                    {move || oversized.get().then(|| view! { <p class="notice warning" role="alert" data-testid="share-text-too-large">{t(Msg::ShareTextTooLarge)}</p> })}
                </section>
            </Show>
        </div>
    }
}

/// What the Copy button did, said once it is known.
#[component]
fn CopyMessage(
    /// What the last copy achieved.
    status: RwSignal<CopyStatus>,
) -> impl IntoView {
    move || {
        match status.get() {
        CopyStatus::Idle => None,
        CopyStatus::Copied => Some(
            view! { <p class="notice success" role="status" data-testid="share-copied">{t(Msg::ShareCopied)}</p> }.into_any(),
        ),
        CopyStatus::Selected => Some(
            view! { <p class="notice warning" role="status" data-testid="share-copy-selected">{t(Msg::ShareCopySelected)}</p> }.into_any(),
        ),
    }
    }
}

/// What the link hides or shows of the secrets of the text, listed as the secrets notice lists them.
#[component]
fn SecretsReport(
    /// The link and what was found.
    built: BuiltLink,
    /// The language of the sentences.
    lang: Lang,
) -> impl IntoView {
    let count = format_count(built.secrets.len(), lang);
    let list = summary(&built.secrets, lang);
    let args = [("count", count), ("list", list)];
    if built.secrets.is_empty() {
        view! { <p class="hint" data-testid="share-no-secrets">{lang.text(Msg::ShareNoSecrets)}</p> }.into_any()
    } else if built.masked {
        view! { <p class="notice success" data-testid="share-masked">{fill(lang.text(Msg::ShareMasked), &args)}</p> }.into_any()
    } else {
        view! { <p class="notice warning" role="alert" data-testid="share-unmasked">{fill(lang.text(Msg::ShareUnmasked), &args)}</p> }.into_any()
    }
}

/// The length of the link, and where such a length breaks.
#[component]
fn LengthReport(
    /// The length of the link in characters.
    length: usize,
    /// The language of the sentences.
    lang: Lang,
) -> impl IntoView {
    let count = [("count", format_count(length, lang))];
    let (class, warning) = match share_link::link_length(length) {
        LinkLength::Fine => ("hint", None),
        LinkLength::Long => ("hint", Some((Msg::ShareLong, "share-long"))),
        LinkLength::TooLong => (
            "notice warning",
            Some((Msg::ShareTooLong, "share-too-long")),
        ),
    };
    view! {
        <p class=class data-testid="share-length" data-length=length>
            {fill(lang.text(Msg::ShareLength), &count)}
        </p>
        {warning.map(|(msg, id)| view! {
            <p class="notice warning" role="alert" data-testid=id>{fill(lang.text(msg), &count)}</p>
        })}
    }
}
