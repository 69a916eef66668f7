//! What a highlighted part of the configuration is, as sentences in the current language: the kind of a
//! part as a label, and the core's explanation of it (`pipelens_core::config::explain`), whose sentences
//! write names between backticks, which the explanation panel shows as code. A sentence that starts with
//! a tab ([`DETAIL`]) details the sentence before it.

use pipelens_core::config::explain::explain_part;
use pipelens_core::config::{ConfigReport, Part, PartKind};

use crate::i18n::{Lang, Msg};

/// The mark at the start of a sentence that details the one before it.
pub(crate) const DETAIL: char = '\t';

/// The kind of a part, as a short label.
pub(crate) fn kind_label(kind: PartKind) -> Msg {
    match kind {
        PartKind::Key => Msg::ConfigKindKey,
        PartKind::Job => Msg::ConfigKindJob,
        PartKind::Step => Msg::ConfigKindStep,
        PartKind::Workflow => Msg::ConfigKindWorkflow,
        PartKind::WorkflowJob => Msg::ConfigKindWorkflowJob,
        PartKind::JobGroup => Msg::ConfigKindJobGroup,
        PartKind::Executor => Msg::ConfigKindExecutor,
        PartKind::Command => Msg::ConfigKindCommand,
        PartKind::Orb => Msg::ConfigKindOrb,
        PartKind::Parameter => Msg::ConfigKindParameter,
        PartKind::CacheKeyTemplate => Msg::ConfigKindCacheKeyTemplate,
        PartKind::PipelineValue => Msg::ConfigKindPipelineValue,
        PartKind::ParameterReference => Msg::ConfigKindParameterReference,
    }
}

/// The sentences explaining `part` of `report` (the core's notes, in `lang`); a sentence that details
/// the one before it starts with [`DETAIL`].
pub(crate) fn explain(lang: Lang, report: &ConfigReport, part: &Part) -> Vec<String> {
    explain_part(report, part)
        .iter()
        .map(|note| {
            let sentence = note.text(lang.core());
            if note.is_detail() {
                format!("{DETAIL}{sentence}")
            } else {
                sentence
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use pipelens_core::config::analyse_config;

    use super::*;

    #[test]
    fn the_pieces_of_a_cache_key_are_marked_as_details() {
        let report = analyse_config(crate::samples::SEED_CONFIG);
        let part = report
            .parts
            .iter()
            .find(|p| p.kind == PartKind::CacheKeyTemplate)
            .expect("a template");
        let english = explain(Lang::En, &report, part);
        assert!(
            english.iter().any(|s| s.starts_with("\t`{{ .Branch }}`")),
            "{english:?}"
        );
        assert!(!english[0].starts_with(DETAIL));
        assert_ne!(english[0], explain(Lang::Fr, &report, part)[0]);
    }
}
