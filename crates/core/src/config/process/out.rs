//! The processed configuration as a tree, each node remembering the source text it came from.
//!
//! [`Out`] mirrors the YAML tree of [`super::super::tree`], but it is built, not parsed: parameters
//! substituted, commands inlined, matrices expanded. Its `source` is where a reader should look to see
//! why the node is there (the template it was written in, the argument that gave its value).

use super::super::span::Span;
use super::super::tree::{Node, Value};
use super::LineNote;

/// One node of the processed configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Out {
    /// What the node holds.
    pub(crate) value: OutValue,
    /// The source text it came from.
    pub(crate) source: Span,
    /// A remark drawn beside the node's first line.
    pub(crate) note: Option<LineNote>,
}

/// The content of an [`Out`] node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OutValue {
    /// A scalar, and whether it was written plain (so that `true` or `3` keep their YAML type).
    Scalar {
        /// The text.
        text: String,
        /// Whether it was written without quotes.
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Out>),
    /// A mapping in order: each key with its source, and its value.
    Map(Vec<(OutKey, Out)>),
}

/// A mapping key of the processed configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutKey {
    /// The key's text.
    pub(crate) text: String,
    /// Where the key is written.
    pub(crate) source: Span,
}

impl Out {
    /// A scalar node.
    pub(crate) fn scalar(text: impl Into<String>, plain: bool, source: Span) -> Self {
        Self {
            value: OutValue::Scalar {
                text: text.into(),
                plain,
            },
            source,
            note: None,
        }
    }

    /// A mapping node.
    pub(crate) fn map(entries: Vec<(OutKey, Out)>, source: Span) -> Self {
        Self {
            value: OutValue::Map(entries),
            source,
            note: None,
        }
    }

    /// A sequence node.
    pub(crate) fn seq(items: Vec<Out>, source: Span) -> Self {
        Self {
            value: OutValue::Seq(items),
            source,
            note: None,
        }
    }

    /// The same node with `note` beside it.
    #[must_use]
    pub(crate) fn with_note(mut self, note: LineNote) -> Self {
        self.note = Some(note);
        self
    }

    /// A copy of a parsed node, as written.
    pub(crate) fn copy(node: &Node) -> Self {
        match &node.value {
            Value::Scalar { text, plain } => Self::scalar(text.clone(), *plain, node.span),
            Value::Seq(items) => Self::seq(
                items.iter().map(|item| Self::copy(item)).collect(),
                node.span,
            ),
            Value::Map(entries) => Self::map(
                entries
                    .iter()
                    .map(|(key, value)| (OutKey::of(key), Self::copy(value)))
                    .collect(),
                node.span,
            ),
        }
    }

    /// The scalar's text, `None` for a mapping or a sequence.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            OutValue::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The entries of a mapping (empty for anything else).
    pub(crate) fn entries(&self) -> &[(OutKey, Out)] {
        match &self.value {
            OutValue::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The value of the entry whose key is `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Out> {
        self.entries()
            .iter()
            .find(|(k, _)| k.text == key)
            .map(|(_, value)| value)
    }
}

impl OutKey {
    /// The key of a parsed mapping entry.
    pub(crate) fn of(node: &Node) -> Self {
        Self {
            text: node.as_str().unwrap_or_default().to_owned(),
            source: node.span,
        }
    }

    /// A key written by the processor itself, shown as coming from `source`.
    pub(crate) fn new(text: impl Into<String>, source: Span) -> Self {
        Self {
            text: text.into(),
            source,
        }
    }
}
