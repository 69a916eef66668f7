//! How a phase's status and kind are named: an icon and a label of the current language.

use pipelens_core::log::PhaseStatus;
use pipelens_core::phases::PhaseKind;

use crate::i18n::{Lang, Msg};

/// The icon of a status (the colour comes from the `status-<id>` class).
pub(crate) fn status_icon(status: PhaseStatus) -> &'static str {
    match status {
        PhaseStatus::Success => "✔",
        PhaseStatus::Failed => "✖",
        PhaseStatus::Skipped => "⤼",
        PhaseStatus::Unknown => "•",
    }
}

/// The name of a status in `lang`.
pub(crate) fn status_label(status: PhaseStatus, lang: Lang) -> &'static str {
    lang.text(match status {
        PhaseStatus::Success => Msg::StatusSuccess,
        PhaseStatus::Failed => Msg::StatusFailed,
        PhaseStatus::Skipped => Msg::StatusSkipped,
        PhaseStatus::Unknown => Msg::StatusUnknown,
    })
}

/// The name of a phase kind in `lang`.
pub(crate) fn kind_label(kind: PhaseKind, lang: Lang) -> &'static str {
    lang.text(match kind {
        PhaseKind::BuiltIn => Msg::KindBuiltIn,
        PhaseKind::Orb => Msg::KindOrb,
        PhaseKind::Run => Msg::KindRun,
        PhaseKind::Preamble => Msg::KindPreamble,
    })
}
