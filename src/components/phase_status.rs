//! How a phase's status and kind are shown: an icon, a colour class and a localised label.

use leptos::prelude::*;
use pipelens_core::log::PhaseStatus;
use pipelens_core::phases::PhaseKind;

use crate::i18n::{use_lang, Lang};

/// The icon of a status (the colour comes from the `status-<id>` class).
pub(crate) fn status_icon(status: PhaseStatus) -> &'static str {
    match status {
        PhaseStatus::Success => "✔",
        PhaseStatus::Failed => "✖",
        PhaseStatus::Skipped => "⤼",
        PhaseStatus::Unknown => "•",
    }
}

/// The localised name of a status.
pub(crate) fn status_label(status: PhaseStatus, lang: Lang) -> &'static str {
    lang.lookup(&format!("status.{}", status.id()))
        .unwrap_or(status.id())
}

/// The localised name of a phase kind.
pub(crate) fn kind_label(kind: PhaseKind, lang: Lang) -> &'static str {
    lang.lookup(&format!("kind.{}", kind.id()))
        .unwrap_or(kind.id())
}

/// The status icon with its label for screen readers and as a tooltip.
#[component]
pub(crate) fn StatusIcon(
    /// The status to show.
    status: PhaseStatus,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <span
            class=format!("status-icon status-{}", status.id())
            role="img"
            aria-label=move || status_label(status, lang.get())
            title=move || status_label(status, lang.get())
        >
            {status_icon(status)}
        </span>
    }
}
