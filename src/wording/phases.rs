//! How a phase and a log are named: the title shown for a phase, the name of the form a log came in.

use pipelens_core::log::LogFormat;

use crate::format::fill;
use crate::i18n::{Lang, Msg};

/// The title shown for phase `index`: its title, or "Step N" in `lang` when the log gives none (no title
/// and no command to name it after).
pub(crate) fn display_title(title: &str, index: usize, lang: Lang) -> String {
    if title.trim().is_empty() {
        fill(
            lang.text(Msg::PhaseUntitled),
            &[("number", (index + 1).to_string())],
        )
    } else {
        title.to_owned()
    }
}

/// The name of the form a log came in, in `lang`.
pub(crate) fn format_label(format: LogFormat, lang: Lang) -> &'static str {
    lang.text(match format {
        LogFormat::JobPage => Msg::FormatJobPage,
        LogFormat::LocalExecute => Msg::FormatLocalExecute,
        LogFormat::ApiJson => Msg::FormatApiJson,
        LogFormat::SingleStep => Msg::FormatSingleStep,
    })
}
