//! `docgen`: validates the documentation in `content/` and renders it for the site.
//!
//! - `docgen CONTENT OUT [--screenshots DIR] [--allow-missing-screenshots]`: check, then write into `OUT`
//!   (Trunk's staging folder). Screenshots are read from `CONTENT/../public/screenshots` unless given,
//!   diagrams from `CONTENT/../public/diagrams`.
//!   `DOCGEN_ALLOW_MISSING_SCREENSHOTS=1` does what the option does: it lets a build that will take the
//!   screenshots (`scripts/screenshots.mjs`) go through without them.
//! - `docgen --check CONTENT`: check only.
//! - `docgen --fix-french CONTENT`: fix the French typography of `CONTENT/fr` in place.
//! - `docgen --fix-examples CONTENT`: rewrite each rule page's example report with what the analyser
//!   prints (then read the diff: a changed report may mean a changed rule).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: docgen CONTENT OUT [--screenshots DIR] [--allow-missing-screenshots] | docgen --check CONTENT | docgen --fix-french CONTENT | docgen --fix-examples CONTENT";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("docgen: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the command line; the error is the message to print.
fn run(args: &[String]) -> Result<(), String> {
    let mut positional = Vec::new();
    let mut screenshots: Option<PathBuf> = None;
    // Screenshots are made from a built site: the first build after a change of screenshots needs this.
    let mut allow_missing_screenshots =
        std::env::var_os("DOCGEN_ALLOW_MISSING_SCREENSHOTS").is_some_and(|value| value == "1");
    let mut mode = "build";
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--check" => mode = "check",
            "--fix-french" => mode = "fix-french",
            "--fix-examples" => mode = "fix-examples",
            "--allow-missing-screenshots" => allow_missing_screenshots = true,
            "--screenshots" => screenshots = Some(rest.next().ok_or(USAGE)?.into()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ => positional.push(PathBuf::from(arg)),
        }
    }
    let content = positional.first().ok_or(USAGE)?;
    if mode == "fix-french" {
        let changed = docgen::fix_french_files(content).map_err(|err| err.to_string())?;
        eprintln!("docgen: {} French pages fixed", changed.len());
        return Ok(());
    }
    if mode == "fix-examples" {
        let changed = docgen::fix_rule_examples(content).map_err(|err| err.to_string())?;
        eprintln!("docgen: {} rule examples rewritten", changed.len());
        return Ok(());
    }
    let screenshots = screenshots.unwrap_or_else(|| content.join("../public/screenshots"));
    let diagrams = content.join("../public/diagrams");
    let pages = docgen::load_content(content).map_err(report)?;
    let mut problems = docgen::validate(&pages, &screenshots, &diagrams);
    problems.extend(docgen::training::check_training(&pages, content));
    let (warnings, errors): (Vec<_>, Vec<_>) = problems.into_iter().partition(|problem| {
        allow_missing_screenshots && problem.message.starts_with("screenshot ")
    });
    for warning in &warnings {
        eprintln!("docgen: warning: {warning}");
    }
    if !errors.is_empty() {
        return Err(report(errors));
    }
    if mode == "build" {
        let out = positional.get(1).ok_or(USAGE)?;
        write(&pages, out, &screenshots, &diagrams)?;
    }
    Ok(())
}

/// Writes the site files, naming the folder on failure.
fn write(
    pages: &[pipelens_core::docs::site::SourcePage],
    out: &Path,
    screenshots: &Path,
    diagrams: &Path,
) -> Result<(), String> {
    docgen::write_site(pages, out, screenshots, diagrams)
        .map_err(|err| format!("cannot write into {}: {err}", out.display()))
}

/// The problems as one message, one per line.
fn report(problems: Vec<pipelens_core::docs::site::DocProblem>) -> String {
    let count = problems.len();
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    format!(
        "{count} problems in the documentation:\n{}",
        lines.join("\n")
    )
}
