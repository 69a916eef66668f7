//! JSON from the CircleCI API: a step's output (`[{"message", "time", "type"}, ...]`, what a step's
//! `output_url` returns) and an API v1.1 build (`{"steps": [{"name", "actions": [...]}]}`).
//!
//! The visible lines of the report are the output the JSON carries; for a v1.1 build, which holds no
//! output, each action gives its name and its command.

use serde_json::Value;

use super::lines::{LinesBuilder, LogLines};
use super::report::{LogFormat, Phase, PhaseStatus, Recognition};
use super::segment::build_phases;
use super::titles::find_known_title;
use crate::phases::{PhaseKind, RUN_STEP_DOC};

/// What reading the input as JSON gave.
#[derive(Debug)]
pub(crate) enum JsonOutcome {
    /// A CircleCI API answer: its lines and phases, and whether comments had to be left out to read it.
    Parsed(LogLines, Vec<Phase>, Commented),
    /// Valid JSON of another shape.
    Unknown,
    /// Not valid JSON: the 1-based position of the error.
    Invalid {
        /// The line of the error.
        line: usize,
        /// The column of the error.
        column: usize,
    },
}

/// Whether the input starts like a JSON object or array (and not like `[INFO] ...` text).
pub(crate) fn looks_like_json(input: &str) -> bool {
    let text = input.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') {
        return true;
    }
    text.strip_prefix('[')
        .is_some_and(|rest| rest.trim_start().starts_with(['{', ']', '"']))
}

/// Whether the JSON was read as written, or with its comments (and trailing commas) left out, as
/// CircleCI's API documentation prints its examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Commented {
    /// Read as written.
    No,
    /// Read once its `//` and `/* */` comments and trailing commas were left out.
    Yes,
}

/// Reads the input as CircleCI API JSON; JSON with comments is read without them.
pub(crate) fn parse(input: &str) -> JsonOutcome {
    let text = input.trim_start_matches('\u{feff}');
    let (value, commented) = match serde_json::from_str::<Value>(text) {
        Ok(value) => (value, Commented::No),
        Err(error) => {
            // Blanked, not removed: a later error keeps its line and column.
            let Some(blanked) = without_comments(text) else {
                return invalid(&error);
            };
            match serde_json::from_str::<Value>(&blanked) {
                Ok(value) => (value, Commented::Yes),
                Err(error) => return invalid(&error),
            }
        }
    };
    let outcome = match &value {
        Value::Array(items) if items.iter().all(|item| item.get("message").is_some()) => {
            step_output(items)
        }
        Value::Object(object) => match object.get("steps") {
            Some(Value::Array(steps)) => build_v1(steps),
            _ => JsonOutcome::Unknown,
        },
        _ => JsonOutcome::Unknown,
    };
    match outcome {
        JsonOutcome::Parsed(lines, phases, _) => JsonOutcome::Parsed(lines, phases, commented),
        other => other,
    }
}

/// The outcome of a JSON error.
fn invalid(error: &serde_json::Error) -> JsonOutcome {
    JsonOutcome::Invalid {
        line: error.line(),
        column: error.column(),
    }
}

/// `text` as lenient JSON, the way CircleCI's API documentation prints its examples, made strict with no
/// byte moved: its `//` and `/* */` comments and its trailing commas (before `]` or `}`) become spaces,
/// and a comma the writer forgot at the end of a line (a value, then on the next line a string) goes in
/// the first blank after the value. `None` when there was nothing to change. Line ends are kept, so a
/// remaining error keeps its line and column.
pub(crate) fn without_comments(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut changed = false;
    let mut index = 0;
    // The last byte of JSON read (no blank, no comment), and where it is.
    let mut previous: Option<(u8, usize)> = None;
    // Whether a line ended since `previous`.
    let mut new_line = false;
    while index < bytes.len() {
        let byte = bytes[index];
        match (byte, bytes.get(index + 1)) {
            (b'/', Some(b'/')) => {
                let end = text[index..]
                    .find('\n')
                    .map_or(bytes.len(), |at| index + at);
                out[index..end].fill(b' ');
                changed = true;
                index = end;
                continue;
            }
            (b'/', Some(b'*')) => {
                let end = text[index + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |at| index + 2 + at + 2);
                for blank in &mut out[index..end] {
                    if *blank != b'\n' {
                        *blank = b' ';
                    }
                }
                changed = true;
                index = end;
                continue;
            }
            (b'\n', _) => new_line = true,
            (b' ' | b'\t' | b'\r', _) => {}
            (b']' | b'}', _) => {
                if let Some((b',', comma)) = previous {
                    out[comma] = b' ';
                    changed = true;
                }
                previous = Some((byte, index));
                new_line = false;
            }
            (b'"', _) => {
                let forgotten_comma = previous
                    .filter(|&(last, _)| new_line && ends_a_value(last))
                    .and_then(|(_, at)| {
                        (at + 1..index).find(|&at| matches!(out[at], b' ' | b'\t'))
                    });
                if let Some(blank) = forgotten_comma {
                    out[blank] = b',';
                    changed = true;
                }
                let end = string_end(bytes, index);
                previous = Some((b'"', end));
                new_line = false;
                index = end + 1;
                continue;
            }
            _ => {
                previous = Some((byte, index));
                new_line = false;
            }
        }
        index += 1;
    }
    // Only ASCII bytes were replaced, by ASCII bytes: the text is still UTF-8.
    changed.then(|| String::from_utf8(out).unwrap_or_default())
}

/// Whether a JSON value can end with `byte`: a string, a number, `true`, `false`, `null`, an object or
/// an array.
fn ends_a_value(byte: u8) -> bool {
    matches!(byte, b'"' | b'}' | b']' | b'0'..=b'9' | b'e' | b'l')
}

/// The index of the quote that closes the string opened at `start` (the last byte when it is never
/// closed).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut index = start + 1;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 2,
            b'"' => return index,
            _ => index += 1,
        }
    }
    bytes.len().saturating_sub(1)
}

/// A step's output messages, read like a downloaded step output.
fn step_output(messages: &[Value]) -> JsonOutcome {
    let mut builder = LinesBuilder::with_capacity(0);
    for message in messages {
        if let Some(text) = message.get("message").and_then(Value::as_str) {
            builder.push_text(text);
        }
    }
    let lines = builder.finish();
    let mut phases = build_phases(&lines, &[], LogFormat::ApiJson);
    let time = |message: Option<&Value>| {
        message
            .and_then(|item| item.get("time"))
            .and_then(Value::as_str)
            .and_then(parse_time_ms)
    };
    if let ([phase], Some(start), Some(end)) = (
        phases.as_mut_slice(),
        time(messages.first()),
        time(messages.last()),
    ) {
        phase.duration_ms = u64::try_from(end - start).ok();
    }
    JsonOutcome::Parsed(lines, phases, Commented::No)
}

/// An API v1.1 build: one phase per action, named after it, with its status, exit code and time.
fn build_v1(steps: &[Value]) -> JsonOutcome {
    let mut builder = LinesBuilder::with_capacity(0);
    let mut line_count = 0;
    let mut phases = Vec::new();
    for step in steps {
        let Some(actions) = step.get("actions").and_then(Value::as_array) else {
            continue;
        };
        for action in actions {
            let name = action
                .get("name")
                .or_else(|| step.get("name"))
                .and_then(Value::as_str)
                .unwrap_or("");
            let first = line_count;
            builder.push_text(name);
            builder.end_line();
            line_count += 1;
            if let Some(command) = action
                .get("bash_command")
                .and_then(Value::as_str)
                .filter(|command| *command != name)
            {
                builder.push_text(command);
                builder.end_line();
                line_count += command.lines().count().max(1);
            }
            phases.push(action_phase(name, action, first..line_count));
        }
    }
    let lines = builder.finish();
    if phases.is_empty() {
        return JsonOutcome::Unknown;
    }
    JsonOutcome::Parsed(lines, phases, Commented::No)
}

/// The phase of one v1.1 action.
fn action_phase(name: &str, action: &Value, lines: std::ops::Range<usize>) -> Phase {
    let known = find_known_title(name);
    let status = match action.get("status").and_then(Value::as_str) {
        Some("success" | "fixed") => PhaseStatus::Success,
        Some("failed" | "timedout" | "infrastructure_fail") => PhaseStatus::Failed,
        Some("canceled" | "not_run" | "skipped") => PhaseStatus::Skipped,
        _ => PhaseStatus::Unknown,
    };
    let exit_code = action
        .get("exit_code")
        .and_then(Value::as_i64)
        .and_then(|code| i32::try_from(code).ok());
    let duration_ms = action.get("run_time_millis").and_then(Value::as_u64);
    Phase {
        title: known.map_or(name, |phase| phase.title).to_owned(),
        kind: known.map_or(PhaseKind::Run, |phase| phase.kind),
        doc: Some(known.map_or(RUN_STEP_DOC, |phase| phase.doc)),
        recognised_by: Recognition::Title,
        lines,
        status,
        exit_code,
        duration_ms,
        facts: Vec::new(),
        error_line: None,
        causes: Vec::new(),
        status_inferred: false,
    }
}

/// Reads an RFC 3339 time (`2019-05-20T12:00:00.123Z`, `...+02:00`) as milliseconds since 1970.
pub(crate) fn parse_time_ms(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> { text.get(range)?.parse().ok() };
    if bytes.len() < 20
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b't' | b' ')
    {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let mut index = 19;
    let mut millis = 0;
    if bytes.get(index) == Some(&b'.') {
        let digits = bytes[index + 1..]
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
        let fraction = &text[index + 1..index + 1 + digits];
        millis = format!("{fraction:0<3}").get(..3)?.parse().ok()?;
        index += 1 + digits;
    }
    let offset_minutes = match bytes.get(index) {
        Some(b'Z' | b'z') => 0,
        Some(sign @ (b'+' | b'-')) => {
            let minutes = number(index + 1..index + 3)? * 60 + number(index + 4..index + 6)?;
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1_000 + millis)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_told_from_bracketed_text() {
        assert!(looks_like_json("  {\"a\": 1}"));
        assert!(looks_like_json("[{\"message\": \"x\"}]"));
        assert!(!looks_like_json("[INFO] building"));
        assert!(!looks_like_json("Build-agent version"));
    }

    #[test]
    fn invalid_json_gives_its_position() {
        let JsonOutcome::Invalid { line, column } = parse("{\n  \"a\": oops\n}") else {
            panic!("the JSON is invalid");
        };
        assert_eq!((line, column), (2, 8));
    }

    #[test]
    fn a_step_output_is_one_step_with_its_duration() {
        let json = r#"[{"message":"Found a cache from build 3 at k\r\nSize: 2 MiB\r\n","time":"2024-01-01T10:00:00.000Z","type":"out"},
                      {"message":"Unarchiving cache...\r\n","time":"2024-01-01T10:00:02.500Z","type":"out"}]"#;
        let JsonOutcome::Parsed(lines, phases, _) = parse(json) else {
            panic!("a step output");
        };
        assert_eq!(lines.len(), 3);
        assert_eq!(phases.len(), 1);
        assert_eq!(phases[0].title, "Restoring cache");
        assert_eq!(phases[0].duration_ms, Some(2_500));
    }

    #[test]
    fn a_v1_build_gives_one_phase_per_action() {
        let json = r#"{"steps":[{"name":"Spin up Environment","actions":[{"name":"Spin up Environment","status":"success","run_time_millis":1200}]},
                                {"name":"npm test","actions":[{"name":"npm test","bash_command":"npm test","status":"failed","exit_code":1}]}]}"#;
        let JsonOutcome::Parsed(lines, phases, _) = parse(json) else {
            panic!("a v1.1 build");
        };
        assert_eq!(lines.len(), 2);
        assert_eq!(phases[0].title, "Spin up environment");
        assert_eq!(phases[0].duration_ms, Some(1_200));
        assert_eq!(
            (phases[1].status, phases[1].exit_code),
            (PhaseStatus::Failed, Some(1))
        );
        assert_eq!(phases[1].lines, 1..2);
    }

    #[test]
    fn times() {
        assert_eq!(parse_time_ms("1970-01-01T00:00:01Z"), Some(1_000));
        assert_eq!(
            parse_time_ms("2024-02-29T00:00:00.5+01:00"),
            Some(1_709_161_200_500)
        );
        assert_eq!(parse_time_ms("yesterday"), None);
    }

    #[test]
    fn json_with_comments_is_read_without_them() {
        let json = "{\n  // the build\n  \"steps\": [\n    { \"name\": \"npm test\", /* its only action */\n      \"actions\": [{\"name\": \"npm test\", \"status\": \"failed\", \"exit_code\": 1},]\n    },\n  ],\n  \"url\": \"https://circleci.com/gh/org/repo/1\" // a // in a string stays\n}\n";
        let JsonOutcome::Parsed(_, phases, commented) = parse(json) else {
            panic!("read once the comments are left out");
        };
        assert_eq!(commented, Commented::Yes);
        assert_eq!(phases[0].status, PhaseStatus::Failed);
        let blanked = without_comments(json).expect("comments");
        assert_eq!(blanked.len(), json.len());
        assert_eq!(blanked.lines().count(), json.lines().count());
        assert!(blanked.contains("\"https://circleci.com/gh/org/repo/1\""));
        assert_eq!(without_comments("{\"a\": \"x // y\"}"), None);
    }

    #[test]
    fn a_comma_forgotten_at_the_end_of_a_line_is_put_back() {
        // As in CircleCI's API v1.1 documentation: no comma after "queued_at", a comment instead.
        let json = "{\n  \"queued_at\" : \"2013-02-12T21:33:30Z\" // time build was queued\n  \"steps\" : [ { \"name\": \"npm test\", \"actions\": [ { \"name\": \"npm test\", \"status\": \"success\" } ] } ]\n}\n";
        let JsonOutcome::Parsed(_, phases, Commented::Yes) = parse(json) else {
            panic!("read once repaired");
        };
        assert_eq!(phases.len(), 1);
    }

    #[test]
    fn an_error_after_the_comments_keeps_its_position() {
        let json = "{\n  // a comment\n  \"steps\": [\n    { \"name\": oops }\n  ]\n}\n";
        assert!(matches!(
            parse(json),
            JsonOutcome::Invalid {
                line: 4,
                column: 15
            }
        ));
    }
}
