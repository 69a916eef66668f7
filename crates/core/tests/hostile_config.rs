//! Hostile configurations: each is analysed in bounded time and memory and gives a clear diagnostic
//! (rule, line and column checked) or a clean analysis.
//!
//! The time bound is a hang guard, not a benchmark: it is generous (60 s in a debug build, six times
//! the slowest case on a loaded 2-core machine) and only there so that a quadratic or exponential
//! path fails the suite instead of stalling it. Memory is
//! bounded by construction: the inputs are at most 50 MB and the analyser's own limits (nesting
//! depth, alias expansion) stop before anything grows with the attack.

use std::time::{Duration, Instant};

use pipelens_core::config::{analyse_config, ConfigReport, Diagnostic, Message, Span};

/// The most one analysis may take before the test calls it a hang.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// Analyses `text`, failing if it takes longer than [`HANG_GUARD`], and checks every span.
fn analyse(text: &str) -> ConfigReport {
    let started = Instant::now();
    let report = analyse_config(text);
    let took = started.elapsed();
    assert!(took < HANG_GUARD, "the analysis took {took:?}");
    for span in report
        .diagnostics
        .iter()
        .map(|d| d.span)
        .chain(report.parts.iter().map(|p| p.span))
    {
        assert_span_in(text, span);
    }
    report
}

/// Asserts that a span lies in `text`, on character boundaries, with 1-based lines and columns.
fn assert_span_in(text: &str, span: Span) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} is outside the text"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?} cuts a character"
    );
    assert!(span.line >= 1 && span.column >= 1, "{span:?}");
}

/// The only diagnostic of a report, which must be a `yaml-syntax` error.
fn the_yaml_error(report: &ConfigReport) -> &Diagnostic {
    assert_eq!(
        report.diagnostics.len(),
        1,
        "expected one diagnostic: {:?}",
        report.diagnostics
    );
    let diagnostic = &report.diagnostics[0];
    assert_eq!(diagnostic.rule, "yaml-syntax");
    diagnostic
}

/// A minimal valid configuration, to which the attacks add.
const VALID: &str = "version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:2024.01\n    steps:\n      - checkout\nworkflows:\n  main:\n    jobs:\n      - build\n";

#[test]
fn billion_laughs_aliases_are_stopped() {
    let mut text =
        String::from("version: 2.1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 10].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    let report = analyse(&text);
    let error = the_yaml_error(&report);
    assert_eq!(error.message, Message::YamlTooLarge);
    // Lines 2 to 7 (`a0` to `a5`) stand for 1,234,566 nodes; the first `*a5` of line 8 adds 1,111,111
    // more, past the 2,000,000 limit, so the error points at it.
    assert_eq!((error.span.line, error.span.column), (8, 10));
}

#[test]
fn block_nesting_100000_deep_is_stopped() {
    let text = format!("{}x\n", "- ".repeat(100_000));
    let report = analyse(&text);
    let error = the_yaml_error(&report);
    assert_eq!(error.message, Message::YamlTooDeep);
    // The 129th sequence opens at character 257 of line 1.
    assert_eq!((error.span.line, error.span.column), (1, 257));
}

#[test]
fn flow_nesting_100000_deep_is_stopped() {
    for (open, close) in [("[", "]"), ("{", "}")] {
        let text = format!(
            "version: 2.1\nkey: {}{}\n",
            open.repeat(100_000),
            close.repeat(100_000)
        );
        let report = analyse(&text);
        let error = the_yaml_error(&report);
        assert_eq!(error.message, Message::YamlTooDeep, "{open}");
        // The error points into the run of brackets of line 2, near its start. (saphyr-parser reports
        // the 256th bracket where the 128th is the one too deep: see the report of issue 7.)
        assert_eq!(error.span.line, 2, "{open}");
        assert!(
            (6..=5 + 256).contains(&error.span.column),
            "{open}: {:?}",
            error.span
        );
    }
}

/// The size of the huge scalar: 50 MB when the test is optimised; 4 MB in a debug build, where the
/// unoptimised YAML scanner reads about 1 MB per second (a linear cost, not a hang).
const HUGE: usize = if cfg!(debug_assertions) {
    4 * 1024 * 1024
} else {
    50 * 1024 * 1024
};

#[test]
fn a_huge_scalar_is_read() {
    let text = format!("{VALID}description: {}\n", "a".repeat(HUGE));
    let report = analyse(&text);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(report.config.jobs.len(), 1);
    let unterminated = format!("{VALID}description: \"{}\n", "a".repeat(HUGE));
    let report = analyse(&unterminated);
    let error = the_yaml_error(&report);
    assert!(
        matches!(error.message, Message::YamlSyntax { .. }),
        "{:?}",
        error.message
    );
    // The error points at the opening quote, where the unterminated scalar starts.
    assert_eq!((error.span.line, error.span.column), (12, 14));
}

#[test]
fn a_duplicate_key_is_named_and_its_consequences_are_reported() {
    // A second `jobs:` replaces the first, as in most YAML readers; CircleCI refuses the file. The
    // `duplicate-key` rule says so at the second key, and the consequences of the lost half follow.
    let text = format!("{VALID}jobs:\n  other:\n    machine: true\n");
    let report = analyse(&text);
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.span.line, d.span.column))
        .collect();
    assert_eq!(
        found,
        [
            ("undefined-reference", 11, 9),
            ("duplicate-key", 12, 1),
            ("unused-job", 13, 3)
        ]
    );
}

#[test]
fn non_utf8_bytes_are_decoded_lossily_and_read() {
    let mut bytes = VALID.as_bytes().to_vec();
    bytes.extend_from_slice(b"# caf\xe9 \xff\xfe\n");
    let text = String::from_utf8_lossy(&bytes);
    let report = analyse(&text);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(report.config.jobs.len(), 1);
    let inside_value = VALID.replace("cimg/base:2024.01", "cimg/base:2024.01\u{fffd}");
    let report = analyse(&inside_value);
    assert_eq!(report.config.jobs.len(), 1);
}

#[test]
fn a_json_document_is_a_configuration_too() {
    let text = r#"{"version": 2.1, "jobs": {"build": {"docker": [{"image": "cimg/base:2024.01"}], "steps": ["checkout"]}}, "workflows": {"main": {"jobs": ["build"]}}}"#;
    let report = analyse(text);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(report.config.jobs.len(), 1);
    assert_eq!(report.graphs.len(), 1);
}

#[test]
fn empty_and_comment_only_documents_give_an_empty_report() {
    for text in [
        "",
        "\n\n",
        "# only a comment\n   # and another\n",
        "---\n",
        "---\n...\n",
    ] {
        let report = analyse(text);
        assert!(
            report.diagnostics.is_empty(),
            "{text:?}: {:?}",
            report.diagnostics
        );
        assert!(report.config.jobs.is_empty());
    }
}

#[test]
fn a_mapping_of_100000_keys_is_read() {
    let mut variables = String::from("    environment:\n");
    for index in 0..100_000 {
        variables.push_str(&format!("      VARIABLE_{index}: value {index}\n"));
    }
    let text = VALID.replace("    steps:\n", &format!("{variables}    steps:\n"));
    let report = analyse(&text);
    assert!(
        report.diagnostics.is_empty(),
        "{:?}",
        report.diagnostics.first()
    );
    assert_eq!(report.config.jobs[0].environment.len(), 100_000);
    let last = &report.config.jobs[0].environment[99_999];
    assert_eq!(last.name.value, "VARIABLE_99999");
    // Line 6 is `environment:`, so variable `i` is on line 7 + i.
    assert_eq!(last.name.span.line, 7 + 99_999);
}

#[test]
fn ten_thousand_jobs_in_a_workflow_are_analysed_in_linear_time() {
    // Regression: `undefined-reference` looked each job up by name in the `jobs` mapping, and each
    // workflow job in the list of jobs, so 16,000 jobs in a workflow took 20 s in a debug build;
    // lookup tables make it linear (10,000 jobs: about 1 s; before, about 11 s).
    let mut text = String::from("version: 2.1\njobs:\n");
    for index in 0..10_000 {
        text.push_str(&format!(
            "  job{index}:\n    docker: [{{image: cimg/base:2024.01}}]\n    steps: [checkout]\n"
        ));
    }
    text.push_str("workflows:\n  main:\n    jobs:\n");
    for index in 0..10_000 {
        text.push_str(&format!("      - job{index}\n"));
    }
    text.push_str("      - missing\n");
    let report = analyse(&text);
    assert_eq!(report.config.jobs.len(), 10_000);
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.span.line, d.span.column))
        .collect();
    // `missing` is on the line after the 30,002 lines of jobs, the 3 of the workflow and the 10,000
    // workflow jobs.
    assert_eq!(found, [("undefined-reference", 40_006, 9)]);
}

#[test]
fn tabs_for_indentation_are_a_syntax_error() {
    let text = "version: 2.1\njobs:\n\tbuild:\n\t\tmachine: true\n";
    let report = analyse(text);
    let error = the_yaml_error(&report);
    assert!(
        matches!(&error.message, Message::YamlSyntax { detail } if detail.contains("tab")),
        "{:?}",
        error.message
    );
    // The scanner stops just after the tab, on the `b` of `build`.
    assert_eq!((error.span.line, error.span.column), (3, 2));
}

#[test]
fn binary_and_custom_tags_are_read_as_their_values() {
    let text = VALID.replace(
        "    steps:\n",
        "    environment:\n      DATA: !!binary aGVsbG8=\n      OTHER: !custom value\n    steps: !!seq\n",
    ) + "executors:\n  tagged: !custom\n    machine: true\n";
    let report = analyse(&text);
    // The tagged executor is read like any other, so it is reported as unused, as it is.
    let rules: Vec<_> = report.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["unused-executor"], "{:?}", report.diagnostics);
    let environment = &report.config.jobs[0].environment;
    let values: Vec<_> = environment
        .iter()
        .map(|v| v.value.as_ref().map(|s| s.value.as_str()))
        .collect();
    assert_eq!(values, [Some("aGVsbG8="), Some("value")]);
    assert_eq!(report.config.jobs[0].steps.len(), 1);
    assert_eq!(report.config.executors.len(), 1);
}
