//! The report of an explained configuration: its jobs and their steps explained, its workflows in order
//! with their stages, and the findings of the checks with their place and how to fix them. Every string
//! taken from the configuration goes through the [`Redaction`].

use pipelens_core::config::model::Step;
use pipelens_core::config::model::StepKind;
use pipelens_core::config::{ConfigReport, PartKind, Severity};

use super::document::{sentence, Block, Document, Inline};
use super::log_report::ReportContext;
use super::redact::Redaction;
use crate::format::{fill, format_count};
use crate::i18n::{Lang, Msg};
use crate::wording::config_parts::{explain, DETAIL};

/// The report of `report`, the analysis of `text`, masked by `redaction` (made from `text`).
pub(crate) fn config_document(
    text: &str,
    report: &ConfigReport,
    context: ReportContext<'_>,
    redaction: &Redaction,
) -> Document {
    let lang = context.lang;
    let say = |msg: Msg| lang.text(msg).to_owned();
    let mut blocks = vec![Block::Note(
        redaction
            .note(lang, 1)
            .unwrap_or_else(|| say(Msg::ExportNoSecret)),
    )];
    blocks.push(Block::Paragraph(vec![Inline::Text(fill(
        lang.text(Msg::ExportReportConfigSummary),
        &[
            ("jobs", format_count(report.config.jobs.len(), lang)),
            (
                "workflows",
                format_count(report.config.workflows.len(), lang),
            ),
            ("diagnostics", format_count(report.diagnostics.len(), lang)),
            ("lines", format_count(text.lines().count(), lang)),
        ],
    ))]));
    diagnostics(report, context, redaction, &mut blocks);
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading {
        level: 2,
        text: say(Msg::ExportReportJobs),
    });
    for job in &report.config.jobs {
        blocks.push(Block::Heading {
            level: 3,
            text: fill(
                lang.text(Msg::ExportReportJobHeading),
                &[("name", redaction.apply(&job.name.value))],
            ),
        });
        if let Some(part) = part_at(report, PartKind::Job, job.name.span.start) {
            blocks.push(Block::Paragraph(explained(lang, report, part, redaction)));
        }
        let mut items = Vec::new();
        steps(lang, report, &job.steps, 0, redaction, &mut items);
        if items.is_empty() {
            blocks.push(Block::Paragraph(vec![Inline::Text(say(
                Msg::ExportReportNoSteps,
            ))]));
        } else {
            blocks.push(Block::List(items));
        }
    }
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading {
        level: 2,
        text: say(Msg::ExportReportWorkflows),
    });
    if report.config.workflows.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(say(
            Msg::ExportReportNoWorkflows,
        ))]));
    }
    for (index, workflow) in report.config.workflows.iter().enumerate() {
        blocks.push(Block::Heading {
            level: 3,
            text: redaction.apply(&workflow.name.value),
        });
        if let Some(part) = part_at(report, PartKind::Workflow, workflow.name.span.start) {
            blocks.push(Block::Paragraph(explained(lang, report, part, redaction)));
        }
        let stages: Vec<Vec<Inline>> = report
            .graphs
            .get(index)
            .map(|graph| {
                graph
                    .stages
                    .iter()
                    .enumerate()
                    .map(|(number, nodes)| {
                        let jobs = nodes
                            .iter()
                            .filter_map(|&node| graph.nodes.get(node))
                            .map(|node| format!("`{}`", redaction.apply(&node.name)))
                            .collect::<Vec<_>>()
                            .join(", ");
                        sentence(&fill(
                            lang.text(Msg::ExportReportStage),
                            &[("number", (number + 1).to_string()), ("jobs", jobs)],
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if !stages.is_empty() {
            blocks.push(Block::List(stages));
        }
    }
    Document {
        lang,
        title: say(Msg::ExportReportConfigTitle),
        blocks,
    }
}

/// The part of `kind` written at byte `start`, if the analyser made one.
fn part_at(
    report: &ConfigReport,
    kind: PartKind,
    start: usize,
) -> Option<&pipelens_core::config::Part> {
    report
        .parts
        .iter()
        .find(|part| part.kind == kind && part.span.start == start)
}

/// The explanation of a part as one paragraph: its sentences, details included, masked.
fn explained(
    lang: Lang,
    report: &ConfigReport,
    part: &pipelens_core::config::Part,
    redaction: &Redaction,
) -> Vec<Inline> {
    let sentences: Vec<String> = explain(lang, report, part)
        .iter()
        .map(|s| redaction.apply(s.strip_prefix(DETAIL).unwrap_or(s)))
        .collect();
    sentence(&sentences.join(" "))
}

/// One list item per step, nested steps (`when`, `unless`) marked by arrows.
fn steps(
    lang: Lang,
    report: &ConfigReport,
    steps_of: &[Step],
    depth: usize,
    redaction: &Redaction,
    items: &mut Vec<Vec<Inline>>,
) {
    for step in steps_of {
        let mut item = Vec::new();
        if depth > 0 {
            item.push(Inline::Text(format!("{} ", "↳".repeat(depth))));
        }
        item.push(Inline::Code(redaction.apply(&step.name.value)));
        if let StepKind::Run {
            title: Some(title), ..
        } = &step.kind
        {
            item.push(Inline::Text(format!(" ({})", redaction.apply(title))));
        }
        if let Some(part) = part_at(report, PartKind::Step, step.name.span.start) {
            item.push(Inline::Text(" — ".to_owned()));
            item.extend(explained(lang, report, part, redaction));
        }
        items.push(item);
        if let StepKind::Conditional { steps: nested, .. } = &step.kind {
            steps(lang, report, nested, depth + 1, redaction, items);
        }
    }
}

/// The findings, most serious first as the analyser sorts them: severity, place, message, fix, page.
fn diagnostics(
    report: &ConfigReport,
    context: ReportContext<'_>,
    redaction: &Redaction,
    blocks: &mut Vec<Block>,
) {
    let lang = context.lang;
    blocks.push(Block::Heading {
        level: 2,
        text: lang.text(Msg::ExportReportDiagnostics).to_owned(),
    });
    if report.diagnostics.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(
            lang.text(Msg::ExportReportNoDiagnostics).to_owned(),
        )]));
        return;
    }
    let language = lang.core();
    let items = report
        .diagnostics
        .iter()
        .map(|diagnostic| {
            let severity = match diagnostic.severity {
                Severity::Error => Msg::ConfigSeverityError,
                Severity::Warning => Msg::ConfigSeverityWarning,
                Severity::Info => Msg::ConfigSeverityInfo,
            };
            let at = fill(
                lang.text(Msg::ExportReportDiagnosticAt),
                &[
                    ("line", diagnostic.span.line.to_string()),
                    ("column", diagnostic.span.column.to_string()),
                ],
            );
            let mut item = vec![
                Inline::Strong(lang.text(severity).to_owned()),
                Inline::Text(format!(" ({at}, {}) ", diagnostic.rule)),
            ];
            item.extend(sentence(&redaction.apply(&diagnostic.text(language))));
            let hint = diagnostic.hint(language);
            if !hint.is_empty() {
                item.push(Inline::Text(" ".to_owned()));
                item.extend(sentence(&fill(
                    lang.text(Msg::ExportReportHint),
                    &[("hint", redaction.apply(&hint))],
                )));
            }
            let title = context
                .doc_page(diagnostic.doc)
                .map_or(diagnostic.rule, |(title, _)| title);
            item.push(Inline::Text(" ".to_owned()));
            item.push(Inline::Link {
                text: fill(lang.text(Msg::ExportReportAboutRule), &[("title", title)]),
                href: context.doc_url(diagnostic.doc),
            });
            item
        })
        .collect();
    blocks.push(Block::List(items));
}

#[cfg(test)]
mod tests {
    use pipelens_core::config::analyse_config;

    use super::*;
    use crate::report::{html::to_html, markdown::to_markdown};

    const CONFIG: &str = "version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:2024.01\n        auth:\n          username: me\n          password: s3cr3t-Passw0rd\n    steps:\n      - checkout\n      - run:\n          name: Say </code><script>alert(1)</script>\n          command: echo hi\n  deploy:\n    docker:\n      - image: cimg/base:2024.01\n    steps: [checkout]\nworkflows:\n  main:\n    jobs:\n      - build\n      - deploy:\n          requires: [buidl]\n";

    fn document(lang: Lang, mask: bool) -> Document {
        let report = analyse_config(CONFIG);
        let context = ReportContext {
            lang,
            docs: None,
            site_url: "https://example.org/",
        };
        config_document(CONFIG, &report, context, &Redaction::new(CONFIG, mask))
    }

    #[test]
    fn jobs_steps_workflows_and_findings_are_written_escaped_and_masked() {
        for lang in Lang::ALL {
            let document = document(lang, true);
            let html = to_html(&document, "");
            let markdown = to_markdown(&document, "");
            for out in [&html, &markdown] {
                assert!(!out.contains("s3cr3t-Passw0rd"), "{out}");
                assert!(out.contains("build") && out.contains("deploy") && out.contains("main"));
                assert!(
                    out.contains("buidl"),
                    "the unknown requirement is reported: {out}"
                );
            }
            assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
            assert!(html.contains("&lt;/code&gt;&lt;script&gt;"), "{html}");
            assert!(!markdown.contains("<script>"), "{markdown}");
        }
        let markdown = to_markdown(&document(Lang::En, true), "");
        assert!(
            markdown.contains("> 1 secret masked: a password (line 8)."),
            "{markdown}"
        );
        assert!(markdown.contains("line 23, column"), "{markdown}");
        assert!(markdown.contains("- `checkout` — "), "{markdown}");
        let french = to_markdown(&document(Lang::Fr, true), "");
        assert!(french.contains("ligne 23, colonne"), "{french}");
        assert!(french.contains("Comment corriger"), "{french}");
    }

    #[test]
    fn the_reader_may_include_the_secrets() {
        let markdown = to_markdown(&document(Lang::En, false), "");
        assert!(
            markdown.contains("Secrets included unmasked: 1"),
            "{markdown}"
        );
    }
}
