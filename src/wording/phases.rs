//! How a phase and a log are named: the title shown for a phase, the name of the form a log came in.

use pipelens_core::log::LogFormat;

use crate::i18n::{Lang, Msg};

/// The title shown for phase `index`: its title, or `#N` when the log gives none.
pub(crate) fn display_title(title: &str, index: usize) -> String {
    if title.trim().is_empty() {
        format!("#{}", index + 1)
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
