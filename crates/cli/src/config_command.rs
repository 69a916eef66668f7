//! `pipelens config FILE [--json] [--explain LINE:COL] [--processed [--param NAME=VALUE]...]`: lint and
//! explain a `.circleci/config.yml`, or print it processed (see [`crate::processed_output`]).
//!
//! The readable report prints each diagnostic as `file:line:col: severity: message [rule]` with the line
//! and a `^~~~` underline, then the jobs and each workflow's stages. `--json` prints a machine-readable
//! summary. `--explain LINE:COL` prints instead what the part written there is, as the page explains it
//! (in English). Exit status: 0 without error diagnostics, 1 with some or when the file cannot be read,
//! 2 on misuse (or when nothing explained is written at LINE:COL).

use std::fmt::Write as _;
use std::process::ExitCode;

use pipelens_core::config::explain::{explain_part, part_at};
use pipelens_core::config::{analyse_config, diagnostic_excerpt, ConfigReport, PartKind};
use pipelens_core::Lang;
use serde_json::{json, Value};

use crate::input::InputArgs;
use crate::output::write_out;
use crate::processed_output::{processed, split_processed};

/// Runs the `config` subcommand with the arguments that follow it.
pub(crate) fn run(args: &[String]) -> ExitCode {
    const USAGE: &str =
        "usage: pipelens config FILE [--json] [--explain LINE:COL] [--processed [--param NAME=VALUE]...]";
    let Ok((processed_request, args)) = split_processed(args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (explain_at, rest) = match split_explain(&args) {
        Ok(split) => split,
        Err(()) => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(input) = InputArgs::parse(&rest) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match input.read() {
        Ok(text) => text,
        Err(error) => {
            eprintln!("pipelens config: cannot read {}: {error}", input.path);
            return ExitCode::from(1);
        }
    };
    let name = if input.path == "-" {
        "<stdin>"
    } else {
        input.path.as_str()
    };
    if let Some(request) = processed_request {
        let (out, notes) = processed(name, &text, &request, input.json);
        write_out(&out);
        eprint!("{notes}");
        return ExitCode::SUCCESS;
    }
    let report = analyse_config(&text);
    if let Some((line, column)) = explain_at {
        let Some(explained) = explanation(&report, line, column) else {
            eprintln!("pipelens config: nothing explained is written at {line}:{column}");
            return ExitCode::from(2);
        };
        write_out(&explained);
        return ExitCode::SUCCESS;
    }
    if input.json {
        write_out(&format!(
            "{}\n",
            serde_json::to_string_pretty(&json_report(&report)).unwrap_or_default()
        ));
    } else {
        write_out(&readable_report(name, &text, &report));
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The JSON summary: version, jobs, workflows with their jobs, and diagnostics in English.
fn json_report(report: &ConfigReport) -> Value {
    let config = &report.config;
    let jobs: Vec<Value> = config
        .jobs
        .iter()
        .map(|job| {
            json!({
                "name": job.name.value,
                "line": job.name.span.line,
                "column": job.name.span.column,
                "steps": job.steps.iter().map(|s| s.name.value.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let workflows: Vec<Value> = config
        .workflows
        .iter()
        .zip(&report.graphs)
        .map(|(workflow, graph)| {
            let jobs: Vec<Value> = workflow
                .jobs
                .iter()
                .zip(&graph.nodes)
                .map(|(job, node)| {
                    json!({
                        "name": job.display_name(),
                        "job": job.job.value,
                        "line": job.job.span.line,
                        "requires": job.requires.iter().map(|r| r.job.value.clone()).collect::<Vec<_>>(),
                        "type": if job.approval { "approval" } else { "job" },
                        "context": job.contexts.iter().map(|c| c.value.clone()).collect::<Vec<_>>(),
                        "stage": node.stage,
                    })
                })
                .collect();
            json!({ "name": workflow.name.value, "line": workflow.name.span.line, "jobs": jobs })
        })
        .collect();
    let diagnostics: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "rule": d.rule,
                "severity": d.severity,
                "line": d.span.line,
                "column": d.span.column,
                "end_line": d.span.end_line,
                "end_column": d.span.end_column,
                "message": d.text(Lang::En),
                "hint": d.hint(Lang::En),
                "fix": d.fix(),
                "doc": d.doc,
            })
        })
        .collect();
    json!({
        "version": config.version.as_ref().map(|v| v.value.clone()),
        "setup": config.setup,
        "jobs": jobs,
        "workflows": workflows,
        "diagnostics": diagnostics,
    })
}

/// The readable report, actionlint style.
fn readable_report(name: &str, text: &str, report: &ConfigReport) -> String {
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        out.push_str(&diagnostic_excerpt(name, text, diagnostic, Lang::En));
        if let Some(fix) = diagnostic.fix() {
            out.push_str("  write instead:\n");
            for line in fix.lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    let config = &report.config;
    if let Some(version) = &config.version {
        let _ = writeln!(
            out,
            "version {}{}",
            version.value,
            if config.setup {
                " (setup configuration)"
            } else {
                ""
            }
        );
    }
    if !config.jobs.is_empty() {
        let _ = writeln!(out, "jobs:");
        for job in &config.jobs {
            let _ = writeln!(
                out,
                "  {} (line {}, {} steps)",
                job.name.value,
                job.name.span.line,
                job.steps.len()
            );
        }
    }
    for graph in &report.graphs {
        let _ = writeln!(out, "workflow {}:", graph.workflow);
        for (stage, nodes) in graph.stages.iter().enumerate() {
            let names: Vec<String> = nodes
                .iter()
                .map(|&i| {
                    let node = &graph.nodes[i];
                    if node.approval {
                        format!("{} (approval)", node.name)
                    } else {
                        node.name.clone()
                    }
                })
                .collect();
            let _ = writeln!(out, "  stage {}: {}", stage + 1, names.join(", "));
        }
        if !graph.cycle.is_empty() {
            let names: Vec<&str> = graph
                .cycle
                .iter()
                .map(|&i| graph.nodes[i].name.as_str())
                .collect();
            let _ = writeln!(out, "  cycle: {}", names.join(", "));
        }
    }
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == pipelens_core::config::Severity::Error)
        .count();
    let _ = writeln!(
        out,
        "{} diagnostics, {errors} errors",
        report.diagnostics.len()
    );
    out
}

/// A line and a column, both from 1.
type Position = (usize, usize);

/// `--explain LINE:COL` taken out of `args`: the position, and the other arguments.
fn split_explain(args: &[String]) -> Result<(Option<Position>, Vec<String>), ()> {
    let mut position = None;
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--explain" {
            let value = args.next().ok_or(())?;
            let (line, column) = value.split_once(':').ok_or(())?;
            position = Some((
                line.parse().map_err(|_| ())?,
                column.parse().map_err(|_| ())?,
            ));
        } else {
            rest.push(arg.clone());
        }
    }
    Ok((position, rest))
}

/// What the part written at `line`:`column` is: its kind and name, its page, then the sentences of the
/// explanation, details indented.
fn explanation(report: &ConfigReport, line: usize, column: usize) -> Option<String> {
    let part = part_at(report, line, column)?;
    let mut out = format!(
        "{}:{}: {} `{}` (docs: {})\n",
        part.span.line,
        part.span.column,
        kind_word(part.kind),
        part.detail,
        part.doc
    );
    for note in explain_part(report, part) {
        let indent = if note.is_detail() { "    " } else { "  " };
        let _ = writeln!(out, "{indent}{}", note.text(Lang::En));
    }
    Some(out)
}

/// The kind of a part, as printed.
fn kind_word(kind: PartKind) -> &'static str {
    match kind {
        PartKind::Key => "key",
        PartKind::Job => "job",
        PartKind::Step => "step",
        PartKind::Workflow => "workflow",
        PartKind::WorkflowJob => "workflow job",
        PartKind::JobGroup => "job group",
        PartKind::Executor => "executor",
        PartKind::Command => "command",
        PartKind::Orb => "orb",
        PartKind::Parameter => "parameter",
        PartKind::CacheKeyTemplate => "cache key template",
        PartKind::PipelineValue => "pipeline value",
        PartKind::ParameterReference => "parameter reference",
    }
}
