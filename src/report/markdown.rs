//! A [`Document`] as a CommonMark file. Text is backslash-escaped so that pasted text can never become
//! a heading, a link, emphasis or raw HTML; code goes in fences longer than any backtick run it holds.

use std::fmt::Write as _;

use super::document::{Block, CodeLine, Document, Inline};
use super::html::is_safe_href;

/// Writes `document` as Markdown; `footer` closes it.
pub(crate) fn to_markdown(document: &Document, footer: &str) -> String {
    let mut out = format!("# {}\n\n", escape(&document.title));
    for block in &document.blocks {
        write_block(&mut out, block);
    }
    let _ = writeln!(out, "---\n\n{}", escape(footer));
    out
}

/// Escapes text so that CommonMark shows it as typed: every punctuation mark with a meaning is
/// backslash-escaped, line breaks become spaces.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    // At the start of a line, "- ", "+ " and "=" begin a list or underline a heading, "1. " a
    // numbered list.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.')) {
        out.insert(digits, '\\');
    }
    out
}

/// Inline code: delimited by one more backtick than the longest run inside, line breaks as spaces.
fn code_span(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let fence = "`".repeat(longest_backtick_run(&text) + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let hashes = "#".repeat(usize::from((*level).clamp(2, 4)));
            let _ = write!(out, "{hashes} {}\n\n", escape(text));
        }
        Block::Paragraph(inlines) => {
            let _ = write!(out, "{}\n\n", inline_markdown(inlines));
        }
        Block::List(items) => {
            for item in items {
                let _ = writeln!(out, "- {}", inline_markdown(item));
            }
            out.push('\n');
        }
        Block::Table(rows) => {
            out.push_str("| | |\n|---|---|\n");
            for (name, value) in rows {
                let _ = writeln!(out, "| {} | {} |", escape(name), inline_markdown(value));
            }
            out.push('\n');
        }
        Block::Code { lines, mark_label } => write_code(out, lines, mark_label),
        Block::Note(text) => {
            let _ = write!(out, "> {}\n\n", escape(text));
        }
        Block::PageBreak => {}
    }
}

/// A fenced block; each line starts with its number, the marked one with `▶` and ends with its label.
fn write_code(out: &mut String, lines: &[CodeLine], mark_label: &str) {
    let width = lines
        .iter()
        .map(|line| line.number.to_string().len())
        .max()
        .unwrap_or(1);
    let mut body = String::new();
    for line in lines {
        let text = line.text.replace('\r', "");
        if line.marked {
            let _ = writeln!(body, "▶{:>width$} │ {text}   ◀ {mark_label}", line.number);
        } else {
            let _ = writeln!(body, " {:>width$} │ {text}", line.number);
        }
    }
    let fence = "`".repeat((longest_backtick_run(&body) + 1).max(3));
    let _ = write!(out, "{fence}text\n{body}{fence}\n\n");
}

fn inline_markdown(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Code(text) => out.push_str(&code_span(text)),
            Inline::Strong(text) => {
                let _ = write!(out, "**{}**", escape(text));
            }
            Inline::Link { text, href } if is_safe_href(href) => {
                let href = href
                    .replace(' ', "%20")
                    .replace('<', "%3C")
                    .replace('>', "%3E");
                let _ = write!(out, "[{}](<{href}>)", escape(text));
            }
            Inline::Link { text, .. } => out.push_str(&escape(text)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn text_cannot_become_markup() {
        assert_eq!(escape("# <script>[x](y)"), "\\# \\<script\\>\\[x\\](y)");
        assert_eq!(escape("- a-b"), "\\- a-b");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("a\nb"), "a b");
    }

    #[test]
    fn code_spans_and_fences_outgrow_the_backticks_inside() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x`"), "`` `x` ``");
        let mut out = String::new();
        write_code(
            &mut out,
            &[
                CodeLine {
                    number: 9,
                    text: "```".into(),
                    marked: false,
                },
                CodeLine {
                    number: 10,
                    text: "</code><script>".into(),
                    marked: true,
                },
            ],
            "first error",
        );
        assert_eq!(
            out,
            "````text\n  9 │ ```\n▶10 │ </code><script>   ◀ first error\n````\n\n"
        );
    }

    #[test]
    fn a_document_reads_as_markdown() {
        let document = Document {
            lang: Lang::En,
            title: "Report".into(),
            blocks: vec![
                Block::Heading {
                    level: 2,
                    text: "Summary".into(),
                },
                Block::Table(vec![(
                    "Status".into(),
                    vec![Inline::Strong("failed".into())],
                )]),
                Block::List(vec![vec![
                    Inline::Text("see ".into()),
                    Inline::Link {
                        text: "docs".into(),
                        href: "https://x.org/en/docs/a".into(),
                    },
                ]]),
                Block::Note("1 secret masked.".into()),
            ],
        };
        assert_eq!(
            to_markdown(&document, "Made here."),
            "# Report\n\n## Summary\n\n| | |\n|---|---|\n| Status | **failed** |\n\n\
             - see [docs](<https://x.org/en/docs/a>)\n\n> 1 secret masked.\n\n---\n\nMade here.\n"
        );
    }
}
