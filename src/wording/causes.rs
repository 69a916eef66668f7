//! The failure causes in the current language: their sentence (written by the core in each language)
//! and the names of their arguments.

use pipelens_core::log::causes::{ArgName, Cause};

use crate::i18n::{Lang, Msg};

/// The sentence of a cause in `lang`, with its arguments.
pub(crate) fn cause_sentence(cause: &Cause, lang: Lang) -> String {
    cause.summary(lang.core())
}

/// The name of an argument of a cause in `lang` (`locales/*/failure.json`, `arg.<id>`).
pub(crate) fn arg_label(name: ArgName, lang: Lang) -> &'static str {
    let message = match name {
        ArgName::File => Msg::ArgFile,
        ArgName::Path => Msg::ArgPath,
        ArgName::Image => Msg::ArgImage,
        ArgName::ExitCode => Msg::ArgExitCode,
        ArgName::Limit => Msg::ArgLimit,
        ArgName::Key => Msg::ArgKey,
        ArgName::Command => Msg::ArgCommand,
        ArgName::Test => Msg::ArgTest,
        ArgName::Count => Msg::ArgCount,
        ArgName::Package => Msg::ArgPackage,
        ArgName::Tool => Msg::ArgTool,
        ArgName::Host => Msg::ArgHost,
        ArgName::Repository => Msg::ArgRepository,
        ArgName::Job => Msg::ArgJob,
        ArgName::ResourceClass => Msg::ArgResourceClass,
        ArgName::Total => Msg::ArgTotal,
        ArgName::Required => Msg::ArgRequired,
        ArgName::Location => Msg::ArgLocation,
        ArgName::Detail => Msg::ArgDetail,
        ArgName::Signal => Msg::ArgSignal,
        ArgName::Version => Msg::ArgVersion,
        ArgName::Deployment => Msg::ArgDeployment,
        ArgName::Url => Msg::ArgUrl,
        ArgName::Status => Msg::ArgStatus,
    };
    lang.text(message)
}
