//! `pipelens config FILE --processed [--param NAME=VALUE]...`: the configuration as CircleCI would run
//! it (what `circleci config process` prints), computed offline.
//!
//! The processed YAML goes to standard output, each remarked line followed by its remark as a comment
//! (`# defined by the orb ...`); the notes go to standard error as `file:line:col: note: ...`. With
//! `--json`, the whole [`ProcessedConfig`] is printed instead, each line with its source span.

use std::fmt::Write as _;

use pipelens_core::config::{process_config, ProcessedConfig};
use pipelens_core::Lang;

/// What `--processed` and its `--param`s ask for.
pub(crate) struct ProcessedRequest {
    /// The pipeline parameter values typed (`--param name=value`).
    pub(crate) values: Vec<(String, String)>,
}

/// Takes `--processed` and `--param NAME=VALUE` out of `args`: the request (when `--processed` is
/// there) and the other arguments. `Err` when a `--param` is malformed or given without `--processed`.
pub(crate) fn split_processed(
    args: &[String],
) -> Result<(Option<ProcessedRequest>, Vec<String>), ()> {
    let mut processed = false;
    let mut values = Vec::new();
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--processed" => processed = true,
            "--param" => {
                let value = args.next().ok_or(())?;
                let (name, value) = value.split_once('=').ok_or(())?;
                values.push((name.to_owned(), value.to_owned()));
            }
            _ => rest.push(arg.clone()),
        }
    }
    match (processed, values.is_empty()) {
        (true, _) => Ok((Some(ProcessedRequest { values }), rest)),
        (false, true) => Ok((None, rest)),
        (false, false) => Err(()),
    }
}

/// The processed configuration of `text`: the YAML (standard output) and the notes (standard error),
/// or the JSON of everything.
pub(crate) fn processed(
    name: &str,
    text: &str,
    request: &ProcessedRequest,
    json: bool,
) -> (String, String) {
    let config = process_config(text, &request.values);
    if json {
        return (
            serde_json::to_string_pretty(&config).unwrap_or_default() + "\n",
            String::new(),
        );
    }
    (yaml(&config), notes(name, &config))
}

/// The YAML lines, remarks as trailing comments.
fn yaml(config: &ProcessedConfig) -> String {
    let mut out = String::new();
    for line in &config.lines {
        match &line.note {
            Some(note) => {
                let _ = writeln!(out, "{}  # {}", line.text, note.text(Lang::En));
            }
            None => {
                let _ = writeln!(out, "{}", line.text);
            }
        }
    }
    out
}

/// The notes, one per line, placed in the source.
fn notes(name: &str, config: &ProcessedConfig) -> String {
    let mut out = String::new();
    for note in &config.notes {
        let place = note
            .span
            .map(|span| format!("{name}:{}:{}: ", span.line, span.column))
            .unwrap_or_else(|| format!("{name}: "));
        let _ = writeln!(out, "{place}note: {}", note.message.text(Lang::En));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn params_are_read_only_with_processed() {
        let (request, rest) =
            split_processed(&args(&["c.yml", "--processed", "--param", "deploy=true"])).unwrap();
        assert_eq!(request.unwrap().values, [("deploy".into(), "true".into())]);
        assert_eq!(rest, ["c.yml"]);
        assert!(split_processed(&args(&["c.yml", "--param", "a=b"])).is_err());
        assert!(split_processed(&args(&["c.yml", "--processed", "--param", "ab"])).is_err());
        assert!(split_processed(&args(&["c.yml"])).unwrap().0.is_none());
    }

    #[test]
    fn orb_lines_carry_their_remark_as_a_comment() {
        let text = "version: 2.1\norbs:\n  node: circleci/node@5.2.0\nworkflows:\n  w:\n    jobs: [node/test]\n";
        let request = ProcessedRequest { values: Vec::new() };
        let (yaml, notes) = processed("c.yml", text, &request, false);
        assert!(
            yaml.contains(
                "- node/test  # defined by the orb `circleci/node@5.2.0`, fetched by CircleCI"
            ),
            "{yaml}"
        );
        assert!(notes.is_empty());
    }
}
