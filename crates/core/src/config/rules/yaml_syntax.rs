//! `yaml-syntax`: the text is not valid YAML, or not a mapping.
//!
//! Nothing else can be checked when the YAML cannot be read, so this is the only diagnostic then; it
//! carries the line and column where the parser stopped. An alias used before its anchor (or never
//! anchored), an alias bomb and absurd nesting are reported here too.

use super::{diagnostic, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::parse::{LocatedYamlError, YamlError};
use crate::config::span::Span;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "yaml-syntax",
    severity: Severity::Error,
    doc: "rules/yaml-syntax",
};

/// The diagnostic for a parse error.
pub(crate) fn from_error(error: &LocatedYamlError) -> Diagnostic {
    let message = match &error.error {
        YamlError::Syntax(detail) => Message::YamlSyntax {
            detail: detail.clone(),
        },
        YamlError::UndefinedAlias(alias) => Message::YamlUndefinedAlias {
            alias: alias.clone(),
        },
        YamlError::TooLarge => Message::YamlTooLarge,
        YamlError::TooDeep => Message::YamlTooDeep,
    };
    diagnostic(RULE, error.span, message)
}

/// The diagnostic for a document that is not a mapping.
pub(crate) fn not_a_mapping(span: Span) -> Diagnostic {
    diagnostic(RULE, span, Message::YamlNotAMapping)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;
    use crate::config::diagnostic::Message;

    #[test]
    fn a_broken_document_is_reported_with_its_position() {
        let found = diagnostics(
            "version: 2.1\njobs:\n  build:\n    steps: [checkout\n",
            "yaml-syntax",
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].span.line >= 4, "{:?}", found[0].span);
    }

    #[test]
    fn an_undefined_alias_is_named() {
        let found = diagnostics(
            "version: 2\njobs:\n  build:\n    <<: *defaults\n",
            "yaml-syntax",
        );
        assert_eq!(
            found[0].message,
            Message::YamlUndefinedAlias {
                alias: "defaults".into()
            }
        );
        assert_eq!(found[0].span.line, 4);
    }

    #[test]
    fn a_scalar_document_is_not_a_configuration() {
        assert_eq!(
            diagnostics("hello", "yaml-syntax")[0].message,
            Message::YamlNotAMapping
        );
    }

    #[test]
    fn a_valid_document_has_none() {
        assert!(diagnostics("version: 2.1\n", "yaml-syntax").is_empty());
    }
}
