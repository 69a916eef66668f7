//! A diagnostic as a terminal prints it: `file:line:column: severity: message [rule]`, then its source
//! line with a `^~~~` under the span. The CLI prints this, and docgen checks that each rule page's
//! example shows exactly this output.

use std::fmt::Write as _;

use super::diagnostic::{Diagnostic, Severity};
use super::span::Span;
use crate::Lang;

/// The severity as printed in `lang`.
pub fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Error, Lang::Fr) => "erreur",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Warning, Lang::Fr) => "avertissement",
        (Severity::Info, Lang::En | Lang::Fr) => "info",
    }
}

/// `diagnostic` of the configuration `text` (named `name`) as a terminal prints it, in `lang`, ending
/// with a newline.
pub fn diagnostic_excerpt(name: &str, text: &str, diagnostic: &Diagnostic, lang: Lang) -> String {
    let span = diagnostic.span;
    let mut out = String::new();
    // French puts a no-break space before a colon.
    let colon = match lang {
        Lang::En => ":",
        Lang::Fr => "\u{a0}:",
    };
    let _ = writeln!(
        out,
        "{name}:{}:{}: {}{colon} {} [{}]",
        span.line,
        span.column,
        severity_word(diagnostic.severity, lang),
        diagnostic.text(lang),
        diagnostic.rule
    );
    if let Some(line) = text.lines().nth(span.line.saturating_sub(1)) {
        let number = span.line.to_string();
        let gutter = " ".repeat(number.len());
        let _ = writeln!(
            out,
            "{gutter} |\n{number} | {line}\n{gutter} | {}",
            underline(line, span)
        );
    }
    out
}

/// `^~~~` under the span's part of its first line.
fn underline(line: &str, span: Span) -> String {
    let width = line.chars().count();
    let start = span.column.saturating_sub(1).min(width);
    let end = if span.end_line == span.line {
        span.end_column.saturating_sub(1)
    } else {
        width
    };
    let length = end.clamp(start + 1, width.max(start + 1)) - start;
    format!("{}^{}", " ".repeat(start), "~".repeat(length - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::analyse_config;

    #[test]
    fn a_diagnostic_shows_its_place_its_line_and_an_underline() {
        let text = "version: 2.1\njobs:\n  a:\n    docker: [{image: cimg/base:2024.01}]\n    steps: [checkout]\nworkflows:\n  w:\n    jobs:\n      - a:\n          requires: [b]\n";
        let report = analyse_config(text);
        let diagnostic = report
            .diagnostics
            .iter()
            .find(|d| d.rule == "unknown-requires")
            .expect("b is not a job of w");
        let shown = diagnostic_excerpt("config.yml", text, diagnostic, Lang::En);
        let mut lines = shown.lines();
        assert!(
            lines
                .next()
                .is_some_and(|first| first.starts_with("config.yml:10:22: error: ")
                    && first.ends_with(" [unknown-requires]")),
            "{shown}"
        );
        assert_eq!(lines.next(), Some("   |"));
        assert_eq!(lines.next(), Some("10 |           requires: [b]"));
        assert_eq!(lines.next(), Some("   |                      ^"));
        assert!(diagnostic_excerpt("c", text, diagnostic, Lang::Fr).contains(": erreur\u{a0}: "));
    }
}
