//! A [`Document`] as one standalone HTML file: inline CSS, no script, no remote resource, a strict
//! Content-Security-Policy of its own, so that it opens offline and prints well. Every text is escaped.

use std::fmt::Write as _;

use pipelens_core::text::escape_html as escape;

use super::document::{Block, CodeLine, Document, Inline};

/// The style of every report: readable on screen and on paper, light and dark.
const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI','DejaVu Sans',Roboto,sans-serif;line-height:1.5;\
color:#1d232a;background:#fff;max-width:60rem;margin:0 auto;padding:1.5rem}\
h1{color:#0b7a75;margin-top:0}h2{border-bottom:1px solid #dcdfe3;padding-bottom:.2rem;margin-top:2rem}\
table{border-collapse:collapse;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.2rem .8rem .2rem 0}\
th{font-weight:600;color:#5b6570}code,pre{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.9em}\
pre{background:#f6f7f9;border:1px solid #dcdfe3;border-radius:6px;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}\
.n{color:#5b6570;user-select:none;display:inline-block;min-width:3.5em}\
.mark{background:#ffdede;font-weight:600}.mark .label{color:#c62828;font-weight:400}\
.note{border-left:4px solid #8a6d00;background:#fbf6e3;padding:.4rem .8rem}\
footer{color:#5b6570;font-size:.85rem;margin-top:2rem}\
@media (prefers-color-scheme:dark){body{color:#e6e8eb;background:#14181d}h1{color:#3fb9b2}\
pre{background:#1b2027;border-color:#2c333b}th,.n,footer{color:#a3acb6}.mark{background:#4a1f22}\
.mark .label{color:#ff6b6b}.note{background:#2a2612}a{color:#3fb9b2}}\
@media print{body{max-width:none;padding:0;color:#000;background:#fff}pre{white-space:pre-wrap;background:#fff}\
.page-break{break-before:page}h2,h3{break-after:avoid}pre,table{break-inside:auto}\
a[href]::after{content:' (' attr(href) ')';font-size:.85em;color:#5b6570}}";

/// Writes `document` as a standalone HTML file; `footer` closes it (said once, escaped).
pub(crate) fn to_html(document: &Document, footer: &str) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        document.lang.code(),
        escape(&document.title),
        escape(&document.title),
    );
    for block in &document.blocks {
        write_block(&mut out, block);
    }
    let _ = write!(
        out,
        "<footer>{}</footer>\n</body>\n</html>\n",
        escape(footer)
    );
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let level = (*level).clamp(2, 4);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
        }
        Block::Paragraph(inlines) => {
            let _ = writeln!(out, "<p>{}</p>", inline_html(inlines));
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", inline_html(item));
            }
            out.push_str("</ul>\n");
        }
        Block::Table(rows) => {
            out.push_str("<table>\n");
            for (name, value) in rows {
                let _ = writeln!(
                    out,
                    "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                    escape(name),
                    inline_html(value)
                );
            }
            out.push_str("</table>\n");
        }
        Block::Code { lines, mark_label } => write_code(out, lines, mark_label),
        Block::Note(text) => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(text));
        }
        Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
    }
}

fn write_code(out: &mut String, lines: &[CodeLine], mark_label: &str) {
    out.push_str("<pre><code>");
    for line in lines {
        if line.marked {
            let _ = writeln!(
                out,
                "<span class=\"mark\"><span class=\"n\">{}</span>{} <span class=\"label\">◀ {}</span></span>",
                line.number,
                escape(&line.text),
                escape(mark_label)
            );
        } else {
            let _ = writeln!(
                out,
                "<span class=\"n\">{}</span>{}",
                line.number,
                escape(&line.text)
            );
        }
    }
    out.push_str("</code></pre>\n");
}

fn inline_html(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Code(text) => {
                let _ = write!(out, "<code>{}</code>", escape(text));
            }
            Inline::Strong(text) => {
                let _ = write!(out, "<strong>{}</strong>", escape(text));
            }
            Inline::Link { text, href } if is_safe_href(href) => {
                let _ = write!(out, "<a href=\"{}\">{}</a>", escape(href), escape(text));
            }
            Inline::Link { text, .. } => out.push_str(&escape(text)),
        }
    }
    out
}

/// Whether a link may be written: only `http:` and `https:` URLs (never `javascript:` or `data:`).
pub(crate) fn is_safe_href(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn document(blocks: Vec<Block>) -> Document {
        Document {
            lang: Lang::Fr,
            title: "Rapport <b>".into(),
            blocks,
        }
    }

    #[test]
    fn pasted_text_is_never_markup() {
        let html = to_html(
            &document(vec![
                Block::Paragraph(vec![Inline::Code(
                    "</code><script>alert(1)</script>".into(),
                )]),
                Block::Code {
                    lines: vec![
                        CodeLine {
                            number: 1,
                            text: "<script>window.x=1</script>".into(),
                            marked: false,
                        },
                        CodeLine {
                            number: 2,
                            text: "</code></pre><img src=x onerror=alert(1)>".into(),
                            marked: true,
                        },
                    ],
                    mark_label: "<i>".into(),
                },
                Block::Table(vec![("a\"b".into(), vec![Inline::Text("'&'".into())])]),
            ]),
            "end </footer>",
        );
        assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(html.contains("&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&#39;&amp;&#39;"));
        assert_eq!(html.matches("</code>").count(), 2, "{html}");
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(html.contains("default-src 'none'"));
    }

    #[test]
    fn only_web_links_are_links() {
        let html = to_html(
            &document(vec![Block::Paragraph(vec![
                Inline::Link {
                    text: "doc".into(),
                    href: "https://example.org/a?b=1&c=2".into(),
                },
                Inline::Link {
                    text: "bad".into(),
                    href: "javascript:alert(1)".into(),
                },
            ])]),
            "",
        );
        assert!(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">doc</a>"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn the_marked_line_says_why_and_others_are_numbered() {
        let mut out = String::new();
        write_code(
            &mut out,
            &[
                CodeLine {
                    number: 9,
                    text: "ok".into(),
                    marked: false,
                },
                CodeLine {
                    number: 10,
                    text: "boom".into(),
                    marked: true,
                },
            ],
            "first error",
        );
        assert_eq!(
            out,
            "<pre><code><span class=\"n\">9</span>ok\n<span class=\"mark\"><span class=\"n\">10</span>boom <span class=\"label\">◀ first error</span></span>\n</code></pre>\n"
        );
    }
}
