//! The YAML document as a tree of nodes that each know where they are in the pasted text.
//!
//! Built by [`super::parse`]: anchors, aliases and `<<` merge keys are already resolved, so a reader
//! sees the mapping CircleCI sees. Aliased subtrees are shared (`Rc`), never copied.

use std::rc::Rc;

use super::span::Span;

/// One YAML node and its place in the text.
#[derive(Debug)]
pub(crate) struct Node {
    /// What the node holds.
    pub(crate) value: Value,
    /// Where the node is written (for an alias: where its anchor's node is written).
    pub(crate) span: Span,
}

/// The content of a node.
#[derive(Debug)]
pub(crate) enum Value {
    /// A scalar and whether it was written plain (unquoted, not a block scalar).
    Scalar {
        /// The scalar's text after YAML unescaping.
        text: String,
        /// Whether it was written plain, so that `null`, `~` and numbers keep their YAML meaning.
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Rc<Node>>),
    /// A mapping in written order, merge keys resolved.
    Map(Vec<(Rc<Node>, Rc<Node>)>),
}

impl Node {
    /// The scalar's text, `None` for a sequence, a mapping or a null.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    /// Whether the node is a plain null (`~`, `null` or nothing).
    pub(crate) fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The entries of a mapping (empty for anything else).
    pub(crate) fn entries(&self) -> &[(Rc<Node>, Rc<Node>)] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The items of a sequence (empty for anything else).
    pub(crate) fn items(&self) -> &[Rc<Node>] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    /// Whether the node is a mapping.
    pub(crate) fn is_map(&self) -> bool {
        matches!(self.value, Value::Map(_))
    }

    /// Whether the node is a sequence.
    pub(crate) fn is_seq(&self) -> bool {
        matches!(self.value, Value::Seq(_))
    }

    /// The entry whose key is the scalar `key`, with the key node.
    pub(crate) fn entry(&self, key: &str) -> Option<(&Rc<Node>, &Rc<Node>)> {
        self.entries()
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(k, v)| (k, v))
    }

    /// The value of the entry whose key is the scalar `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Rc<Node>> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The value of `key` as text, when it is a scalar.
    pub(crate) fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(|v| v.as_str())
    }

    /// A scalar or a sequence of scalars as a list of texts with their spans.
    pub(crate) fn str_list(&self) -> Vec<(String, Span)> {
        match &self.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| item.as_str().map(|s| (s.to_owned(), item.span)))
                .collect(),
            _ => self
                .as_str()
                .map(|s| vec![(s.to_owned(), self.span)])
                .unwrap_or_default(),
        }
    }
}
