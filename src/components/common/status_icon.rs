//! The icon of a phase's status, coloured by its `status-<id>` class, named for screen readers.

use leptos::prelude::*;
use pipelens_core::log::PhaseStatus;

use crate::i18n::use_lang;
use crate::wording::status::{status_icon, status_label};

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
