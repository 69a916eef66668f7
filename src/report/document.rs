//! A report as a small tree of blocks, written out by [`super::html`] or [`super::markdown`].
//!
//! The tree holds plain text only: the writers escape it, so pasted text can never become markup.

use crate::i18n::Lang;

/// A whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Document {
    /// The language it is written in.
    pub(crate) lang: Lang,
    /// Its title (the first heading, and the HTML `<title>`).
    pub(crate) title: String,
    /// Its content, in order.
    pub(crate) blocks: Vec<Block>,
}

/// A piece of a paragraph or of a list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline {
    /// Plain text.
    Text(String),
    /// Text shown as code (a name, a command).
    Code(String),
    /// Text in bold.
    Strong(String),
    /// A link to an absolute URL.
    Link {
        /// The visible text.
        text: String,
        /// Where it goes.
        href: String,
    },
}

/// One line of a code excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeLine {
    /// Its 1-based number in the pasted text.
    pub(crate) number: usize,
    /// Its text.
    pub(crate) text: String,
    /// Whether it is the line to point at (the first error).
    pub(crate) marked: bool,
}

/// A block of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A heading of level 2 or 3 (level 1 is the title).
    Heading {
        /// 2 or 3.
        level: u8,
        /// Its text.
        text: String,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted list.
    List(Vec<Vec<Inline>>),
    /// A two-column table of names and values (the facts of a phase, a summary).
    Table(Vec<(String, Vec<Inline>)>),
    /// Lines of the pasted text.
    Code {
        /// The lines shown.
        lines: Vec<CodeLine>,
        /// What the marked line is (shown beside it).
        mark_label: String,
    },
    /// A note set apart (what was masked, what was cut).
    Note(String),
    /// The start of a new section that prints on a new page.
    PageBreak,
}

/// A sentence whose `` `names` `` become code, as the explanation panels show them.
pub(crate) fn sentence(text: &str) -> Vec<Inline> {
    text.split('`')
        .enumerate()
        .filter(|(_, piece)| !piece.is_empty())
        .map(|(index, piece)| {
            if index % 2 == 1 {
                Inline::Code(piece.to_owned())
            } else {
                Inline::Text(piece.to_owned())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticks_mark_code_in_sentences() {
        assert_eq!(
            sentence("Job `build` runs `make`."),
            vec![
                Inline::Text("Job ".into()),
                Inline::Code("build".into()),
                Inline::Text(" runs ".into()),
                Inline::Code("make".into()),
                Inline::Text(".".into()),
            ]
        );
        assert_eq!(sentence(""), Vec::<Inline>::new());
    }
}
