//! The JSON the CLI prints and the golden files hold:
//!
//! ```text
//! {"format", "phases": [{"title", "kind", "doc", "status", "status_inferred", "exit_code",
//!   "lines": [first, last], "duration_ms", "facts": [{"label", "value"}],
//!   "causes": [{"id", "doc", "summary", "line", "args"}], "notices": [same shape]}],
//!  "notes": [{"id", ...arguments, "label"}]}
//! ```
//!
//! Lines are 1-based, `lines` inclusive. `causes` says why a failed phase failed, the most specific first;
//! `notices` explains lines that look alarming but are not failures (a cache miss). `summary` is the
//! English sentence; `args` maps each argument name to its value, except `test`, a list of the failing
//! tests.

use serde_json::{json, Map, Value};

use super::causes::{ArgName, Cause, Level};
use super::report::{LogReport, Phase};
use crate::Lang;

/// The report as JSON.
pub fn report_json(report: &LogReport) -> Value {
    let phases: Vec<Value> = report.phases.iter().map(phase_json).collect();
    let notes: Vec<Value> = report
        .notes
        .iter()
        .map(|note| {
            let mut value =
                serde_json::to_value(note).unwrap_or_else(|_| json!({ "id": note.id() }));
            if let Value::Object(fields) = &mut value {
                fields.insert("label".to_owned(), Value::String(note.label()));
            }
            value
        })
        .collect();
    json!({ "format": report.format.id(), "phases": phases, "notes": notes })
}

/// One phase as JSON.
fn phase_json(phase: &Phase) -> Value {
    let facts: Vec<Value> = phase
        .facts
        .iter()
        .map(|fact| json!({ "label": fact.kind.label(), "value": fact.value }))
        .collect();
    let of_level = |level: Level| -> Vec<Value> {
        phase
            .causes
            .iter()
            .filter(|cause| cause.id.level() == level)
            .map(cause_json)
            .collect()
    };
    json!({
        "title": phase.title,
        "kind": phase.kind.id(),
        "doc": phase.doc,
        "status": phase.status.id(),
        "status_inferred": phase.status_inferred,
        "exit_code": phase.exit_code,
        "lines": [phase.first_line(), phase.last_line()],
        "duration_ms": phase.duration_ms,
        "facts": facts,
        "causes": of_level(Level::Failure),
        "notices": of_level(Level::Notice),
    })
}

/// One cause as JSON: `{"id", "doc", "summary", "line", "args"}`.
pub fn cause_json(cause: &Cause) -> Value {
    let mut args = Map::new();
    for arg in &cause.args {
        if arg.name == ArgName::Test {
            let tests = args
                .entry(arg.name.id())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(tests) = tests {
                tests.push(Value::String(arg.value.clone()));
            }
        } else {
            args.entry(arg.name.id())
                .or_insert_with(|| Value::String(arg.value.clone()));
        }
    }
    json!({
        "id": cause.id.id(),
        "doc": cause.id.doc(),
        "summary": cause.summary(Lang::En),
        "line": cause.line + 1,
        "args": args,
    })
}
