//! The JSON the CLI prints and the golden files hold:
//! `{"format", "phases": [{"title", "kind", "doc", "status", "exit_code", "lines": [first, last],
//! "duration_ms", "facts": [{"label", "value"}]}], "notes": [{"id", ...arguments, "label"}]}`,
//! lines 1-based inclusive.

use serde_json::{json, Value};

use super::report::{LogReport, Phase};

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
    json!({
        "title": phase.title,
        "kind": phase.kind.id(),
        "doc": phase.doc,
        "status": phase.status.id(),
        "exit_code": phase.exit_code,
        "lines": [phase.first_line(), phase.last_line()],
        "duration_ms": phase.duration_ms,
        "facts": facts,
    })
}
