//! The report of an explained build log: a summary, then every phase with its status, duration, facts,
//! a one-sentence explanation linked to its documentation page, and its lines with the first error
//! marked. Every string taken from the log goes through the [`Redaction`].

use pipelens_core::docs::DocIndex;
use pipelens_core::log::{LogReport, Phase, PhaseStatus};
use pipelens_core::phases::PhaseKind;

use super::document::{Block, CodeLine, Document, Inline};
use super::redact::Redaction;
use crate::format::{fill, format_count, format_duration};
use crate::i18n::{Lang, Msg};
use crate::wording::facts::fact_label;
use crate::wording::phases::display_title;
use crate::wording::phases::format_label;
use crate::wording::status::{kind_label, status_label};

/// At most this many lines of each phase are written; a phase's first error is always among them.
pub(crate) const EXCERPT_LINES: usize = 200;

/// Lines kept after the first error when the excerpt has to be moved to show it.
const AFTER_ERROR: usize = 10;

/// The visible text of the log, the text secrets are looked for in.
pub(crate) fn log_text(report: &LogReport) -> String {
    report.lines.iter().collect::<Vec<_>>().join("\n")
}

/// What the report needs besides the log.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReportContext<'a> {
    /// The language to write in.
    pub(crate) lang: Lang,
    /// The documentation index of that language, when it could be loaded.
    pub(crate) docs: Option<&'a DocIndex>,
    /// The address of the site (`https://host/sub/path/`), for links to the documentation.
    pub(crate) site_url: &'a str,
}

impl ReportContext<'_> {
    /// The address of documentation page `doc` in the report's language.
    pub(crate) fn doc_url(&self, doc: &str) -> String {
        format!(
            "{}/{}/docs/{doc}",
            self.site_url.trim_end_matches('/'),
            self.lang.code()
        )
    }

    /// The title and summary of page `doc`, if the index has it.
    pub(crate) fn doc_page(&self, doc: &str) -> Option<(&str, &str)> {
        self.docs
            .and_then(|docs| docs.page(doc))
            .map(|page| (page.title.as_str(), page.summary.as_str()))
    }
}

/// The report of `report`, masked by `redaction` (made from [`log_text`]).
pub(crate) fn log_document(
    report: &LogReport,
    context: ReportContext<'_>,
    redaction: &Redaction,
) -> Document {
    let lang = context.lang;
    let mut blocks =
        vec![Block::Note(redaction.note(lang, 1).unwrap_or_else(|| {
            lang.text(Msg::ExportNoSecret).to_owned()
        }))];
    blocks.push(Block::Heading {
        level: 2,
        text: lang.text(Msg::ExportReportSummary).to_owned(),
    });
    blocks.push(Block::Table(summary_rows(report, lang, redaction)));
    if let Some((title, failure)) =
        super::failure_report::failure_blocks(report, context, redaction)
    {
        blocks.push(Block::Heading {
            level: 2,
            text: lang.text(Msg::FailureHeading).to_owned(),
        });
        blocks.push(Block::Paragraph(vec![Inline::Strong(title)]));
        blocks.extend(failure);
    }
    for (index, phase) in report.phases.iter().enumerate() {
        blocks.push(Block::PageBreak);
        phase_blocks(report, index, phase, context, redaction, &mut blocks);
    }
    Document {
        lang,
        title: lang.text(Msg::ExportReportLogTitle).to_owned(),
        blocks,
    }
}

/// The status of the whole log: failed if a phase failed, a success if every step (the lines before
/// the first step aside) ended well or had nothing to do and one ended well, unknown otherwise.
pub(crate) fn overall_status(report: &LogReport) -> PhaseStatus {
    let steps = || {
        report
            .phases
            .iter()
            .filter(|phase| phase.kind != PhaseKind::Preamble)
            .map(|phase| phase.status)
    };
    if steps().any(|status| status == PhaseStatus::Failed) {
        PhaseStatus::Failed
    } else if steps().any(|status| status == PhaseStatus::Success)
        && steps().all(|status| status != PhaseStatus::Unknown)
    {
        PhaseStatus::Success
    } else {
        PhaseStatus::Unknown
    }
}

/// The sum of the phases' durations, when the log gives at least one.
pub(crate) fn total_duration(report: &LogReport) -> Option<u64> {
    let durations: Vec<u64> = report.phases.iter().filter_map(|p| p.duration_ms).collect();
    (!durations.is_empty()).then(|| durations.iter().sum())
}

/// "Phase 3: Run tests" for phase `index`, masked.
pub(crate) fn phase_heading(
    phase: &Phase,
    index: usize,
    lang: Lang,
    redaction: &Redaction,
) -> String {
    fill(
        lang.text(Msg::ExportReportPhaseHeading),
        &[
            ("number", (index + 1).to_string()),
            (
                "title",
                redaction.apply(&display_title(&phase.title, index, lang)),
            ),
        ],
    )
}

fn summary_rows(
    report: &LogReport,
    lang: Lang,
    redaction: &Redaction,
) -> Vec<(String, Vec<Inline>)> {
    let text = |msg: Msg| lang.text(msg).to_owned();
    let format = format_label(report.format, lang);
    let duration = total_duration(report).map_or_else(
        || text(Msg::ExportNoDuration),
        |ms| format_duration(ms, lang),
    );
    let first_failure = report
        .phases
        .iter()
        .enumerate()
        .find(|(_, phase)| phase.status == PhaseStatus::Failed)
        .map_or_else(
            || text(Msg::ExportReportNoFailure),
            |(index, phase)| phase_heading(phase, index, lang, redaction),
        );
    vec![
        (
            text(Msg::ExportReportFormat),
            vec![Inline::Text(format.to_owned())],
        ),
        (
            text(Msg::ExportReportStatus),
            vec![Inline::Strong(
                status_label(overall_status(report), lang).to_owned(),
            )],
        ),
        (
            text(Msg::ExportReportDuration),
            vec![Inline::Text(duration)],
        ),
        (
            text(Msg::ExportReportPhases),
            vec![Inline::Text(format_count(report.phases.len(), lang))],
        ),
        (
            text(Msg::ExportReportLines),
            vec![Inline::Text(format_count(report.lines.len(), lang))],
        ),
        (
            text(Msg::ExportReportFirstFailure),
            vec![Inline::Text(first_failure)],
        ),
    ]
}

fn phase_blocks(
    report: &LogReport,
    index: usize,
    phase: &Phase,
    context: ReportContext<'_>,
    redaction: &Redaction,
    blocks: &mut Vec<Block>,
) {
    let lang = context.lang;
    blocks.push(Block::Heading {
        level: 2,
        text: phase_heading(phase, index, lang, redaction),
    });
    let duration = phase.duration_ms.map_or_else(
        || lang.text(Msg::ExportNoDuration).to_owned(),
        |ms| format_duration(ms, lang),
    );
    let mut meta = fill(
        lang.text(Msg::ExportReportPhaseMeta),
        &[
            ("kind", kind_label(phase.kind, lang).to_owned()),
            ("status", status_label(phase.status, lang).to_owned()),
            ("duration", duration),
            ("first", phase.first_line().to_string()),
            ("last", phase.last_line().to_string()),
        ],
    );
    if let Some(code) = phase.exit_code {
        meta.push_str(" · ");
        meta.push_str(&fill(
            lang.text(Msg::LogExitCode),
            &[("code", code.to_string())],
        ));
    }
    blocks.push(Block::Paragraph(vec![Inline::Text(meta)]));
    blocks.push(explanation(phase, context));
    blocks.push(Block::Heading {
        level: 3,
        text: lang.text(Msg::LogFacts).to_owned(),
    });
    if phase.facts.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(
            lang.text(Msg::LogNoFacts).to_owned(),
        )]));
    } else {
        let rows = phase
            .facts
            .iter()
            .map(|fact| {
                let label = fact_label(fact.kind, lang);
                (
                    label.to_owned(),
                    vec![Inline::Code(redaction.apply(&fact.value))],
                )
            })
            .collect();
        blocks.push(Block::Table(rows));
    }
    blocks.push(Block::Heading {
        level: 3,
        text: lang.text(Msg::ExportReportExcerpt).to_owned(),
    });
    let shown = excerpt(phase);
    let lines = shown
        .clone()
        .map(|line| CodeLine {
            number: line + 1,
            text: redaction.apply(report.lines.text(line)),
            marked: phase.error_line == Some(line),
        })
        .collect();
    blocks.push(Block::Code {
        lines,
        mark_label: lang
            .text(if phase.error_line_is_a_guess() {
                Msg::ExportReportLastOutput
            } else {
                Msg::ExportReportFirstError
            })
            .to_owned(),
    });
    let hidden = phase.lines.len() - shown.len();
    if hidden > 0 {
        blocks.push(Block::Note(fill(
            lang.text(Msg::ExportReportExcerptCut),
            &[("count", format_count(hidden, lang))],
        )));
    }
}

/// The one-sentence explanation of a phase: its documentation page's summary and a link to it.
fn explanation(phase: &Phase, context: ReportContext<'_>) -> Block {
    let lang = context.lang;
    let Some(doc) = phase.doc else {
        return Block::Paragraph(vec![Inline::Text(lang.text(Msg::LogNoDoc).to_owned())]);
    };
    let (title, summary) = context.doc_page(doc).unwrap_or((doc, ""));
    let mut inlines = Vec::new();
    if !summary.is_empty() {
        inlines.push(Inline::Text(format!("{summary} ")));
    }
    inlines.push(Inline::Link {
        text: fill(
            lang.text(Msg::ExportReportDocumentation),
            &[("title", title)],
        ),
        href: context.doc_url(doc),
    });
    Block::Paragraph(inlines)
}

/// The lines of `phase` the report shows (0-based): the first [`EXCERPT_LINES`], or, when its first
/// error lies beyond them, the lines that end a little after that error.
pub(crate) fn excerpt(phase: &Phase) -> std::ops::Range<usize> {
    let (start, end) = (phase.lines.start, phase.lines.end);
    if end - start <= EXCERPT_LINES {
        return start..end;
    }
    match phase.error_line {
        Some(error) if error >= start + EXCERPT_LINES => {
            let last = (error + AFTER_ERROR + 1).min(end);
            last - EXCERPT_LINES..last
        }
        _ => start..start + EXCERPT_LINES,
    }
}

#[cfg(test)]
mod tests {
    use pipelens_core::log::parse_log;

    use super::*;
    use crate::report::{html::to_html, markdown::to_markdown};

    const KEY: &str = "AKIAIOSFODNN7ABCDEFG";

    fn hostile_log() -> String {
        [
            "Spin up environment",
            "Build-agent version 1.0.220236-88f9a5ed (2024-02-23T14:32:07+0000)",
            "Starting container cimg/python:3.12.0",
            "Checkout code",
            "Cloning git repository",
            "Run tests",
            "#!/bin/bash -eo pipefail",
            &format!("aws configure set aws_access_key_id {KEY}"),
            "echo '<script>alert(1)</script></code></pre>'",
            "",
            "FAILED tests/test_models.py::test_str - AssertionError",
            "Exited with code exit status 1",
        ]
        .join("\n")
    }

    fn context(lang: Lang) -> ReportContext<'static> {
        ReportContext {
            lang,
            docs: None,
            site_url: "https://example.org/pipelens/",
        }
    }

    #[test]
    fn pasted_markup_stays_text_and_the_key_is_masked_in_both_formats() {
        let log = hostile_log();
        let report = parse_log(&log);
        assert!(report.phases.len() >= 3, "{:?}", report.phases);
        let redaction = Redaction::new(&log_text(&report), true);
        assert_eq!(redaction.found().len(), 1);
        for lang in Lang::ALL {
            let document = log_document(&report, context(lang), &redaction);
            let html = to_html(&document, "footer");
            let markdown = to_markdown(&document, "footer");
            for out in [&html, &markdown] {
                assert!(!out.contains(KEY), "the key leaked: {out}");
                assert!(out.contains("••••••••"));
            }
            assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
            assert!(!html.contains("</code></pre>'"), "{html}");
            assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;/code&gt;&lt;/pre&gt;"));
            // In Markdown the line sits in a fence, where it is literal text.
            assert!(markdown.contains("echo '<script>alert(1)</script></code></pre>'"));
            let heading = lang.text(Msg::ExportReportPhaseHeading);
            for (index, phase) in report.phases.iter().enumerate() {
                let title = fill(
                    heading,
                    &[
                        ("number", (index + 1).to_string()),
                        ("title", display_title(&phase.title, index, lang)),
                    ],
                );
                assert!(
                    html.contains(&pipelens_core::text::escape_html(&title)),
                    "{title} in {html}"
                );
            }
        }
    }

    #[test]
    fn the_summary_gives_status_phases_and_first_failure() {
        let report = parse_log(&hostile_log());
        let redaction = Redaction::new(&log_text(&report), true);
        let markdown = to_markdown(&log_document(&report, context(Lang::En), &redaction), "");
        let failed = report
            .phases
            .iter()
            .position(|p| p.status == PhaseStatus::Failed)
            .expect("the run step failed");
        assert!(markdown.contains("| Status | **failed** |"), "{markdown}");
        assert!(
            markdown.contains(&format!(
                "| First failure | Phase {}: Run tests |",
                failed + 1
            )),
            "{markdown}"
        );
        assert!(markdown.contains(&format!("| Phases | {} |", report.phases.len())));
        assert!(
            markdown.contains("> 1 secret masked: an AWS access key id (line 8)."),
            "{markdown}"
        );
        assert!(markdown.contains("◀ first error"), "{markdown}");
        assert!(
            markdown.contains("(<https://example.org/pipelens/en/docs/"),
            "{markdown}"
        );
    }

    #[test]
    fn the_reader_may_include_the_secrets() {
        let report = parse_log(&hostile_log());
        let redaction = Redaction::new(&log_text(&report), false);
        let html = to_html(&log_document(&report, context(Lang::Fr), &redaction), "");
        assert!(html.contains(KEY));
        assert!(html.contains("Secrets inclus en clair"), "{html}");
    }

    #[test]
    fn a_long_phase_is_cut_around_its_first_error() {
        let mut lines = vec!["Run tests".to_owned()];
        lines.extend((0..500).map(|n| format!("test {n} ok")));
        lines.push("Error: boom".to_owned());
        lines.extend((0..50).map(|n| format!("after {n}")));
        lines.push("Exited with code exit status 1".to_owned());
        let report = parse_log(&lines.join("\n"));
        let phase = report
            .phases
            .iter()
            .find(|p| p.lines.len() > EXCERPT_LINES)
            .expect("one long phase");
        let shown = excerpt(phase);
        assert_eq!(shown.len(), EXCERPT_LINES);
        if let Some(error) = phase.error_line {
            assert!(shown.contains(&error), "{shown:?} holds {error}");
        }
    }
}
