//! The processed tree written out as YAML, one [`ProcessedLine`] per line, in the layout
//! `circleci config process` prints: two spaces per level, sequence dashes under their key.

use super::super::span::Span;
use super::out::{Out, OutValue};
use super::{LineNote, ProcessedLine};

/// Writes `root` (a mapping) as YAML lines.
pub(crate) fn emit(root: &Out) -> Vec<ProcessedLine> {
    let mut writer = Writer { lines: Vec::new() };
    writer.map_body(root, 0);
    writer.lines
}

struct Writer {
    lines: Vec<ProcessedLine>,
}

impl Writer {
    fn push(&mut self, text: String, source: Span, note: Option<&LineNote>) {
        self.lines.push(ProcessedLine {
            text,
            source: Some(source),
            note: note.cloned(),
        });
    }

    /// The entries of a mapping, each starting at `indent`.
    fn map_body(&mut self, node: &Out, indent: usize) {
        for (key, value) in node.entries() {
            let lead = format!("{}{}:", " ".repeat(indent), scalar_text(&key.text, true));
            self.entry(lead, key.source, value, indent);
        }
    }

    /// A `lead` (`key:` or `- key:`) followed by `value`; nested content goes at `indent` + 2 for a
    /// mapping and at `indent` for a sequence.
    fn entry(&mut self, lead: String, key_source: Span, value: &Out, indent: usize) {
        match &value.value {
            OutValue::Scalar { text, plain } => self.scalar_after(
                lead,
                value.source,
                text,
                *plain,
                indent,
                value.note.as_ref(),
            ),
            OutValue::Map(entries) if entries.is_empty() => {
                self.push(format!("{lead} {{}}"), key_source, value.note.as_ref())
            }
            OutValue::Seq(items) if items.is_empty() => {
                self.push(format!("{lead} []"), key_source, value.note.as_ref())
            }
            OutValue::Map(_) => {
                self.push(lead, key_source, value.note.as_ref());
                self.map_body(value, indent + 2);
            }
            OutValue::Seq(items) => {
                self.push(lead, key_source, value.note.as_ref());
                for item in items {
                    self.item(item, indent);
                }
            }
        }
    }

    /// A sequence item whose dash is at `indent`.
    fn item(&mut self, item: &Out, indent: usize) {
        let dash = format!("{}-", " ".repeat(indent));
        match &item.value {
            OutValue::Scalar { text, plain } => {
                self.scalar_after(dash, item.source, text, *plain, indent, item.note.as_ref())
            }
            OutValue::Map(entries) if !entries.is_empty() => {
                for (index, (key, value)) in entries.iter().enumerate() {
                    let key_text = scalar_text(&key.text, true);
                    let lead = if index == 0 {
                        format!("{dash} {key_text}:")
                    } else {
                        format!("{}{key_text}:", " ".repeat(indent + 2))
                    };
                    let start = self.lines.len();
                    self.entry(lead, key.source, value, indent + 2);
                    if index == 0 && item.note.is_some() {
                        if let Some(first) = self.lines.get_mut(start) {
                            first.note = item.note.clone();
                        }
                    }
                }
            }
            OutValue::Map(_) => self.push(format!("{dash} {{}}"), item.source, item.note.as_ref()),
            OutValue::Seq(items) if items.is_empty() => {
                self.push(format!("{dash} []"), item.source, item.note.as_ref())
            }
            OutValue::Seq(items) => {
                self.push(dash, item.source, item.note.as_ref());
                for inner in items {
                    self.item(inner, indent + 2);
                }
            }
        }
    }

    /// `lead` then a scalar: on the same line, or as a `|` block below it when it spans lines.
    fn scalar_after(
        &mut self,
        lead: String,
        source: Span,
        text: &str,
        plain: bool,
        indent: usize,
        note: Option<&LineNote>,
    ) {
        if !text.contains('\n') || text.starts_with([' ', '\t']) {
            self.push(format!("{lead} {}", scalar_text(text, plain)), source, note);
            return;
        }
        let body = text.trim_end_matches('\n');
        let chomp = match text.len() - body.len() {
            0 => "-",
            1 => "",
            _ => "+",
        };
        self.push(format!("{lead} |{chomp}"), source, note);
        let pad = " ".repeat(indent + 2);
        let mut lines: Vec<&str> = body.split('\n').collect();
        if chomp == "+" {
            lines.extend(std::iter::repeat_n("", text.len() - body.len() - 1));
        }
        for line in lines {
            let text = if line.is_empty() {
                String::new()
            } else {
                format!("{pad}{line}")
            };
            self.push(text, source, None);
        }
    }
}

/// A one-line scalar as YAML: plain when that reads back as the same text (and type), else quoted.
pub(crate) fn scalar_text(text: &str, plain: bool) -> String {
    if text.contains('\n') || text.starts_with([' ', '\t']) {
        return double_quoted(text);
    }
    if plain_is_safe(text) && (plain || !looks_typed(text)) {
        return text.to_owned();
    }
    if text.chars().any(|c| c.is_control()) {
        return double_quoted(text);
    }
    format!("'{}'", text.replace('\'', "''"))
}

/// Whether `text` can be written plain and read back as the same string.
fn plain_is_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        // `-` and `?` and `:` may start a plain scalar when a non-space follows.
        let second = text[first.len_utf8()..].chars().next();
        if !matches!(first, '-' | '?' | ':') || second.is_none_or(char::is_whitespace) {
            return false;
        }
    }
    !(text.ends_with([' ', '\t', ':'])
        || text.contains(": ")
        || text.contains(" #")
        || text.contains('\t')
        || text.chars().any(|c| c.is_control()))
}

/// Whether plain `text` would read as a null, a boolean or a number rather than a string.
fn looks_typed(text: &str) -> bool {
    matches!(
        text,
        "" | "~"
            | "null"
            | "Null"
            | "NULL"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "yes"
            | "Yes"
            | "no"
            | "No"
            | "on"
            | "off"
    ) || text.parse::<f64>().is_ok()
        || text.starts_with("0x")
        || text.starts_with("0o")
}

/// `text` in double quotes with YAML escapes.
fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_stay_plain_when_they_read_back_the_same() {
        assert_eq!(scalar_text("cimg/python:3.12", false), "cimg/python:3.12");
        assert_eq!(scalar_text("echo hi", true), "echo hi");
        assert_eq!(scalar_text("-v", true), "-v");
    }

    #[test]
    fn scalars_that_would_change_meaning_are_quoted() {
        assert_eq!(scalar_text("3.10", false), "'3.10'");
        assert_eq!(scalar_text("3.10", true), "3.10");
        assert_eq!(scalar_text("true", false), "'true'");
        assert_eq!(scalar_text("a: b", true), "'a: b'");
        assert_eq!(scalar_text("it's # here", true), "'it''s # here'");
        assert_eq!(scalar_text("", true), "''");
        assert_eq!(scalar_text("- x", true), "'- x'");
        assert_eq!(scalar_text("*.py", true), "'*.py'");
        assert_eq!(scalar_text("{{ .Branch }}", true), "'{{ .Branch }}'");
        assert_eq!(scalar_text(" lead", true), "\" lead\"");
    }
}
