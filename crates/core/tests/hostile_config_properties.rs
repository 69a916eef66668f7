//! Properties of the configuration analyser over generated YAML-ish text: it never panics, and every
//! span it returns lies inside the text on character boundaries.
//!
//! The generators mix what breaks YAML readers: random keys and indentation, anchors and aliases
//! (defined or not), `<<` merge keys, flow collections, tags, quotes, tabs, CircleCI keys and
//! `<< parameters.x >>` templates, then lines are shuffled, cut and joined.

use pipelens_core::config::{analyse_config, ConfigReport, Span};
use proptest::prelude::*;

/// A key: a CircleCI key, a merge key or a random word.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "version",
            "jobs",
            "workflows",
            "steps",
            "docker",
            "image",
            "run",
            "command",
            "requires",
            "executors",
            "commands",
            "parameters",
            "orbs",
            "environment",
            "<<",
            "filters",
            "branches",
            "when",
            "matrix",
            "alias",
            "setup",
            "machine",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{1,8}",
        "\\PC{1,6}",
    ]
}

/// A scalar value: plain, quoted, an alias, a template, a tag, a number, empty.
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9/._:-]{0,12}",
        "\"[^\"\\\\]{0,10}\"",
        "'[^']{0,10}'",
        "\\*[a-c]",
        Just("<< parameters.a >>".to_owned()),
        Just("<< pipeline.parameters.b >>".to_owned()),
        Just("!!binary aGVsbG8=".to_owned()),
        Just("!custom x".to_owned()),
        Just("2.1".to_owned()),
        Just(String::new()),
        Just("|".to_owned()),
        Just(">-".to_owned()),
    ]
}

/// A value that opens or is a collection: anchored, flow sequences and mappings, merge sources.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => scalar(),
        1 => "&[a-c]".prop_map(|anchor| anchor),
        1 => (scalar(), scalar()).prop_map(|(a, b)| format!("[{a}, {b}]")),
        1 => (key(), scalar()).prop_map(|(k, v)| format!("{{{k}: {v}}}")),
        1 => Just("[*a, *b]".to_owned()),
        1 => Just("{".to_owned()),
        1 => Just("[[[[".to_owned()),
    ]
}

/// One line: indentation (spaces, sometimes a tab), an optional list dash, a key and a value, or a
/// comment, a document marker or nothing.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (0usize..8, any::<bool>(), key(), value()).prop_map(|(indent, dash, key, value)| {
            let dash = if dash { "- " } else { "" };
            format!("{}{dash}{key}: {value}", "  ".repeat(indent))
        }),
        2 => (0usize..8, scalar()).prop_map(|(indent, value)| format!("{}- {value}", "  ".repeat(indent))),
        1 => (0usize..4, key()).prop_map(|(indent, key)| format!("{}\t{key}: x", "  ".repeat(indent))),
        1 => Just("# comment".to_owned()),
        1 => Just("---".to_owned()),
        1 => Just(String::new()),
    ]
}

/// Asserts that a span lies in the text on character boundaries.
fn span_is_inside(text: &str, span: Span) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{:?}",
        span
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{:?}",
        span
    );
    prop_assert!(span.line >= 1 && span.column >= 1, "{:?}", span);
    Ok(())
}

/// Checks every span of a report.
fn spans_are_inside(text: &str, report: &ConfigReport) -> Result<(), TestCaseError> {
    for diagnostic in &report.diagnostics {
        span_is_inside(text, diagnostic.span)?;
    }
    for part in &report.parts {
        span_is_inside(text, part.span)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_yaml_never_panics(lines in prop::collection::vec(line(), 0..40)) {
        let text = lines.join("\n");
        let report = analyse_config(&text);
        spans_are_inside(&text, &report)?;
    }

    #[test]
    fn a_valid_head_with_generated_lines_never_panics(lines in prop::collection::vec(line(), 0..30)) {
        let text = format!(
            "version: 2.1\ndefaults: &a\n  docker: [{{image: cimg/base:2024.01}}]\njobs:\n  build:\n    <<: *a\n{}\n",
            lines.join("\n")
        );
        let report = analyse_config(&text);
        spans_are_inside(&text, &report)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}|[ -~\\t\\n]{0,300}") {
        let report = analyse_config(&text);
        spans_are_inside(&text, &report)?;
    }

    #[test]
    fn cut_corpus_like_text_never_panics(lines in prop::collection::vec(line(), 1..30), cut in 0usize..2000) {
        let text = lines.join("\n");
        let mut end = cut.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let text = &text[..end];
        let report = analyse_config(text);
        spans_are_inside(text, &report)?;
    }
}
