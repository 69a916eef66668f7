//! Why a log failed, as report blocks: the step that failed first, its exit code, the causes, the line
//! to read, the failing tests and the pages that say how to fix it. The log report opens with them, and
//! "Copy as Markdown" turns them into a comment for an issue or a pull request. Every string taken from
//! the log goes through the [`Redaction`].

use pipelens_core::log::causes::Cause;
use pipelens_core::log::LogReport;
use pipelens_core::text::excerpt;

use super::document::{Block, CodeLine, Document, Inline};
use super::log_report::ReportContext;
use super::markdown::to_markdown;
use super::redact::Redaction;
use crate::format::fill;
use crate::i18n::Msg;
use crate::wording::phases::display_title;

/// The title and blocks of the failure summary, when a phase failed.
pub(crate) fn failure_blocks(
    report: &LogReport,
    context: ReportContext<'_>,
    redaction: &Redaction,
) -> Option<(String, Vec<Block>)> {
    let failure = report.failure()?;
    let lang = context.lang;
    let phase = &report.phases[failure.phase];
    let title = if failure.no_job_ran {
        lang.text(Msg::FailureMdNoJobRan).to_owned()
    } else {
        fill(
            lang.text(Msg::FailureMdFailedAt),
            &[
                ("number", (failure.phase + 1).to_string()),
                (
                    "title",
                    redaction.apply(&display_title(&phase.title, failure.phase, lang)),
                ),
            ],
        )
    };
    let mut blocks = Vec::new();
    let mut rows = Vec::new();
    if let Some(code) = failure.exit_code {
        rows.push((
            lang.text(Msg::FailureMdExitCode).to_owned(),
            vec![Inline::Code(code.to_string())],
        ));
    }
    for cause in &failure.causes {
        rows.push((
            lang.text(Msg::FailureMdWhy).to_owned(),
            vec![Inline::Text(redaction.apply(&cause.summary(lang.core())))],
        ));
    }
    if !rows.is_empty() {
        blocks.push(Block::Table(rows));
    }
    if failure.inferred {
        blocks.push(Block::Note(lang.text(Msg::FailureInferred).to_owned()));
    }
    if let Some(line) = failure.line {
        blocks.push(Block::Paragraph(vec![Inline::Strong(fill(
            lang.text(Msg::FailureMdLine),
            &[("line", (line + 1).to_string())],
        ))]));
        blocks.push(Block::Code {
            lines: vec![CodeLine {
                number: line + 1,
                text: excerpt(&redaction.apply(report.lines.text(line))).into_owned(),
                marked: true,
            }],
            mark_label: lang
                .text(if failure.line_is_a_guess {
                    Msg::FactLastOutput
                } else {
                    Msg::LogFirstError
                })
                .to_owned(),
        });
    }
    if failure.causes.is_empty() {
        let no_cause = if failure.line_is_a_guess {
            Msg::FailureMdNoCauseGuess
        } else {
            Msg::FailureMdNoCause
        };
        blocks.push(Block::Paragraph(vec![Inline::Text(
            lang.text(no_cause).to_owned(),
        )]));
    }
    if !failure.tests.is_empty() {
        blocks.push(Block::Heading {
            level: 3,
            text: lang.text(Msg::FailureMdTests).to_owned(),
        });
        blocks.push(Block::List(
            failure
                .tests
                .iter()
                .map(|test| vec![Inline::Code(redaction.apply(test))])
                .collect(),
        ));
    }
    let fixes: Vec<Vec<Inline>> = failure
        .causes
        .iter()
        .map(|cause| fix_link(cause, context))
        .collect();
    if !fixes.is_empty() {
        blocks.push(Block::Heading {
            level: 3,
            text: lang.text(Msg::FailureMdFix).to_owned(),
        });
        blocks.push(Block::List(fixes));
    }
    Some((title, blocks))
}

/// The link to the page of a cause, named by its title when the index has it.
fn fix_link(cause: &Cause, context: ReportContext<'_>) -> Vec<Inline> {
    let doc = cause.id.doc();
    let text = context
        .doc_page(doc)
        .map_or_else(|| doc.to_owned(), |(title, _)| title.to_owned());
    vec![Inline::Link {
        text,
        href: context.doc_url(doc),
    }]
}

/// The failure summary as a Markdown comment (a level-3 heading, then the blocks), when a phase failed.
pub(crate) fn failure_markdown(
    report: &LogReport,
    context: ReportContext<'_>,
    redaction: &Redaction,
) -> Option<String> {
    let (title, blocks) = failure_blocks(report, context, redaction)?;
    let document = Document {
        lang: context.lang,
        title,
        blocks,
    };
    let markdown = to_markdown(&document, context.lang.text(Msg::FailureMdFooter));
    Some(format!("##{markdown}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::report::log_report::log_text;
    use pipelens_core::log::parse_log;

    fn context(lang: Lang) -> ReportContext<'static> {
        ReportContext {
            lang,
            docs: None,
            site_url: "https://example.org/pipelens/",
        }
    }

    const FAILED: &str = "Run tests\n#!/bin/bash -eo pipefail\npytest\n\nFAILED tests/test_views.py::test_profile - assert 404 == 200\n= 1 failed, 2 passed in 0.48s =\n\nExited with code exit status 1\nCircleCI received exit code 1\n";

    #[test]
    fn the_markdown_names_the_step_the_cause_the_line_the_tests_and_the_fix() {
        let report = parse_log(FAILED);
        let redaction = Redaction::new(&log_text(&report), true);
        let markdown = failure_markdown(&report, context(Lang::En), &redaction).expect("a failure");
        assert!(
            markdown.starts_with("### Build failed at step 1: Run tests\n"),
            "{markdown}"
        );
        assert!(
            markdown
                .contains("pytest reported 1 failing test: tests/test\\_views.py::test\\_profile."),
            "{markdown}"
        );
        assert!(
            markdown.contains("FAILED tests/test_views.py::test_profile - assert 404 == 200"),
            "{markdown}"
        );
        assert!(
            markdown.contains("`tests/test_views.py::test_profile`"),
            "{markdown}"
        );
        assert!(
            markdown.contains("https://example.org/pipelens/en/docs/causes/pytest-failures"),
            "{markdown}"
        );
        assert!(markdown.contains("`1`"), "{markdown}");
    }

    #[test]
    fn the_markdown_is_in_french_and_masks_secrets() {
        let text = "Fetch the styles\n#!/bin/bash -eo pipefail\ngit clone \"$STYLES_URL\"\nCloning into 'styles'...\nfatal: unable to access 'https://deploy:ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8@github.com/lettings-dev/styles.git/': Could not resolve host: github.com\n\nExited with code exit status 128\n";
        let report = parse_log(text);
        let redaction = Redaction::new(&log_text(&report), true);
        let markdown = failure_markdown(&report, context(Lang::Fr), &redaction).expect("a failure");
        assert!(
            markdown.starts_with("### Le build a échoué à l’étape 1"),
            "{markdown}"
        );
        assert!(
            markdown.contains("Could not resolve host: github.com"),
            "the evidence line is quoted: {markdown}"
        );
        assert!(!markdown.contains("a1B2c3D4e5F6"), "{markdown}");
    }

    #[test]
    fn a_passing_log_has_no_summary() {
        let report = parse_log("Checkout code\nHEAD is now at abc123 Fix\n");
        let redaction = Redaction::new(&log_text(&report), true);
        assert!(failure_markdown(&report, context(Lang::En), &redaction).is_none());
    }
}
