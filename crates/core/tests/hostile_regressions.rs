//! Every input of `tests/regressions/` through the function its name starts with (`log-`, `config-`,
//! `secrets-`), within a hang guard, checking that function's properties (see the folder's README).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pipelens_core::config::{analyse_config, Span};
use pipelens_core::log::parse_log;
use pipelens_core::secrets::{find_secrets, mask};

/// The most one input may take before the test calls it a hang.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// The regression inputs, sorted (the README excepted).
fn inputs() -> Vec<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/regressions"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/regressions is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.file_name().is_some_and(|name| name != "README.md"))
        .collect();
    files.sort();
    files
}

/// The properties of the log parser: every line in exactly one phase, in order.
fn check_log(text: &str) -> Result<(), String> {
    let report = parse_log(text);
    let mut next = 0;
    for phase in &report.phases {
        if phase.lines.start != next || phase.lines.end <= phase.lines.start {
            return Err(format!("phase {:?} after line {next}", phase.lines));
        }
        next = phase.lines.end;
    }
    if next == report.lines.len() {
        Ok(())
    } else {
        Err(format!(
            "the phases end at {next} of {} lines",
            report.lines.len()
        ))
    }
}

/// The properties of the analyser: every span in the text, on character boundaries.
fn check_config(text: &str) -> Result<(), String> {
    let report = analyse_config(text);
    let spans = report
        .diagnostics
        .iter()
        .map(|d| d.span)
        .chain(report.parts.iter().map(|p| p.span));
    let inside = |span: &Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
            && span.line >= 1
    };
    match spans
        .filter(|span| !inside(span))
        .collect::<Vec<_>>()
        .first()
    {
        Some(span) => Err(format!("{span:?} is not in the text")),
        None => Ok(()),
    }
}

/// The properties of the secret finder and the masking.
fn check_secrets(text: &str) -> Result<(), String> {
    let secrets = find_secrets(text);
    let mut end = 0;
    for secret in &secrets {
        let range = &secret.range;
        let well_placed = range.start >= end
            && range.start < range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end)
            && secret.line == text[..range.start].matches('\n').count() + 1;
        if !well_placed {
            return Err(format!("{secret:?}"));
        }
        end = range.end;
    }
    let masked = mask(text, &secrets);
    if masked.matches('\n').count() == text.matches('\n').count() {
        Ok(())
    } else {
        Err("masking changed the line count".to_owned())
    }
}

#[test]
fn every_regression_input_keeps_its_properties() {
    let files = inputs();
    for prefix in ["log-", "config-", "secrets-"] {
        assert!(
            files.iter().any(|f| f
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))),
            "no regression input starts with {prefix}"
        );
    }
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path).expect("a regression input is readable");
        let text = String::from_utf8_lossy(&bytes);
        let started = Instant::now();
        let outcome = if name.starts_with("log-") {
            check_log(&text)
        } else if name.starts_with("config-") {
            check_config(&text)
        } else if name.starts_with("secrets-") {
            check_secrets(&text)
        } else {
            Err("the name starts with no known prefix".to_owned())
        };
        let took = started.elapsed();
        assert_eq!(outcome, Ok(()), "{name}");
        assert!(took < HANG_GUARD, "{name} took {took:?}");
    }
}
