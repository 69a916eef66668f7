//! YAML text to a [`Node`] tree with spans, using `saphyr-parser`'s event stream.
//!
//! 1. The parser emits events with character positions; [`CharToByte`] turns them into byte offsets.
//! 2. An explicit stack (no recursion) builds nodes; aliases share their anchor's node.
//! 3. When a mapping closes, its `<<` entries (one or several) are merged in: explicit keys win, then
//!    earlier merge sources over later ones, as YAML's merge-key convention says.
//!
//! 4. Along the way it notes each anchor and whether an alias uses it, and, past the first document,
//!    whether a second one starts: [`parse_document`] returns them with the tree.
//!
//! Guards: nesting deeper than [`MAX_DEPTH`] and alias expansion beyond [`MAX_EXPANDED_NODES`] nodes
//! (the "billion laughs" attack) stop the parse with an error instead of exhausting memory.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};

use super::span::{CharToByte, Span};
use super::tree::{Node, Value};

/// The deepest nesting of mappings and sequences accepted.
pub(crate) const MAX_DEPTH: usize = 128;

/// The most nodes that the document may stand for once every alias is expanded.
pub(crate) const MAX_EXPANDED_NODES: usize = 2_000_000;

/// Why the YAML could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum YamlError {
    /// The text is not valid YAML; the parser's own description.
    Syntax(String),
    /// An alias names an anchor that is not defined before it.
    UndefinedAlias(String),
    /// Aliases expand to more nodes than [`MAX_EXPANDED_NODES`].
    TooLarge,
    /// Mappings and sequences nest deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// A [`YamlError`] and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LocatedYamlError {
    /// What went wrong.
    pub(crate) error: YamlError,
    /// Where.
    pub(crate) span: Span,
}

/// A mapping or sequence being built.
struct Frame {
    is_map: bool,
    anchor: usize,
    start: Span,
    children: Vec<Rc<Node>>,
    /// The expanded size of the children so far (aliases count as what they stand for).
    children_size: usize,
}

/// The first document of a text, and what the rules need to know of the text around it.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    /// The first document's root; `None` when the text holds no document.
    pub(crate) root: Option<Rc<Node>>,
    /// The anchors of the first document that no alias uses: each name and the span of `&name`.
    pub(crate) unused_anchors: Vec<(String, Span)>,
    /// Where a second document starts (its `---`), when the text holds one.
    pub(crate) second_document: Option<Span>,
}

/// An anchor defined in the document: its id, the span of the node it names, and whether an alias
/// used it.
struct Anchor {
    id: usize,
    node: Span,
    aliased: bool,
}

/// Reads the first YAML document of `text`; `Ok(None)` when the text holds no document.
pub(crate) fn parse_yaml(text: &str) -> Result<Option<Rc<Node>>, LocatedYamlError> {
    parse_document(text).map(|parsed| parsed.root)
}

/// Reads the first YAML document of `text`, its anchors that no alias uses, and whether a second
/// document follows.
pub(crate) fn parse_document(text: &str) -> Result<Parsed, LocatedYamlError> {
    let bytes = CharToByte::new(text);
    let locate = |marker: Marker| -> Span {
        let byte = bytes.byte(marker.index());
        Span {
            line: marker.line(),
            column: marker.col() + 1,
            end_line: marker.line(),
            end_column: marker.col() + 1,
            start: byte,
            end: byte,
        }
    };
    let span_of = |span: saphyr_parser::Span| locate(span.start).to(locate(span.end));
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (Rc<Node>, usize)> = HashMap::new();
    let mut expanded = 0usize;
    let mut root: Option<Rc<Node>> = None;
    let mut defined: Vec<Anchor> = Vec::new();
    while let Some(event) = parser.next_event() {
        let (event, raw_span) = event.map_err(|e| scan_error(text, &e, &locate))?;
        let span = span_of(raw_span);
        let (node, anchor, size) = match event {
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => continue,
            Event::DocumentEnd | Event::StreamEnd => break,
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(LocatedYamlError {
                        error: YamlError::TooDeep,
                        span,
                    });
                }
                let is_map = matches!(event, Event::MappingStart(..));
                stack.push(Frame {
                    is_map,
                    anchor,
                    start: span,
                    children: Vec::new(),
                    children_size: 0,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { continue };
                let end = frame
                    .children
                    .iter()
                    .map(|c| c.span)
                    .fold(frame.start, |a, b| if b.end > a.end { a.to(b) } else { a });
                let value = if frame.is_map {
                    Value::Map(merge_entries(frame.children))
                } else {
                    Value::Seq(frame.children)
                };
                let size = frame.children_size.saturating_add(1);
                (Rc::new(Node { value, span: end }), frame.anchor, size)
            }
            Event::Scalar(value, style, anchor, _) => {
                let plain = matches!(style, ScalarStyle::Plain);
                (
                    Rc::new(Node {
                        value: Value::Scalar {
                            text: value.into_owned(),
                            plain,
                        },
                        span,
                    }),
                    anchor,
                    1,
                )
            }
            Event::Alias(id) => {
                let Some((node, size)) = anchors.get(&id) else {
                    return Err(LocatedYamlError {
                        error: YamlError::UndefinedAlias(alias_name(text, span)),
                        span,
                    });
                };
                if let Some(anchor) = defined.iter_mut().rev().find(|a| a.id == id) {
                    anchor.aliased = true;
                }
                expanded = expanded.saturating_add(*size);
                if expanded > MAX_EXPANDED_NODES {
                    return Err(LocatedYamlError {
                        error: YamlError::TooLarge,
                        span,
                    });
                }
                (Rc::clone(node), 0, *size)
            }
        };
        if anchor > 0 {
            anchors.insert(anchor, (Rc::clone(&node), size));
            defined.push(Anchor {
                id: anchor,
                node: node.span,
                aliased: false,
            });
        }
        match stack.last_mut() {
            Some(frame) => {
                frame.children.push(node);
                frame.children_size = frame.children_size.saturating_add(size);
            }
            None => {
                root = Some(node);
                break;
            }
        }
    }
    Ok(Parsed {
        root,
        unused_anchors: unused_anchors(text, &defined),
        second_document: second_document(&mut parser, &locate),
    })
}

/// The span of the `---` of a second document, read past the end of the first; a scanner error
/// there belongs to the second document and is not reported.
fn second_document(
    parser: &mut Parser<'_, saphyr_parser::StrInput<'_>>,
    locate: &dyn Fn(Marker) -> Span,
) -> Option<Span> {
    while let Some(Ok((event, span))) = parser.next_event() {
        match event {
            Event::DocumentEnd | Event::Nothing => continue,
            Event::DocumentStart(_) => return Some(locate(span.start)),
            _ => return None,
        }
    }
    None
}

/// The anchors that no alias uses, as names with the span of `&name`. An anchor whose node holds
/// an anchor that is used (a `references: &refs` block of anchored pieces) is a holder, not a
/// forgotten anchor, and is left out; so is an anchor whose name cannot be read back from the text.
fn unused_anchors(text: &str, defined: &[Anchor]) -> Vec<(String, Span)> {
    defined
        .iter()
        .filter(|a| !a.aliased)
        .filter(|a| {
            !defined
                .iter()
                .any(|b| b.aliased && b.node.start >= a.node.start && b.node.end <= a.node.end)
        })
        .filter_map(|a| anchor_at(text, a.node.start))
        .collect()
}

/// The anchor written just before (or at) byte `start`: its name and the span of `&name`.
fn anchor_at(text: &str, start: usize) -> Option<(String, Span)> {
    let start = start.min(text.len());
    let amp = if text[start..].starts_with('&') {
        start
    } else {
        let amp = text[..start].rfind('&')?;
        let name_end = text[amp..start]
            .find(char::is_whitespace)
            .map_or(start, |i| amp + i);
        // Only blanks, or a tag, may stand between the anchor and its node.
        let between = text[name_end..start].trim();
        if !(between.is_empty() || between.starts_with('!')) {
            return None;
        }
        amp
    };
    let name: String = text[amp + 1..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
        .collect();
    if name.is_empty() {
        return None;
    }
    let mut span = span_at(text, amp);
    span.end = amp + 1 + name.len();
    span.end_column = span.column + 1 + name.chars().count();
    Some((name, span))
}

/// Pairs a mapping's children into entries and resolves its `<<` merge keys.
fn merge_entries(children: Vec<Rc<Node>>) -> Vec<(Rc<Node>, Rc<Node>)> {
    let mut entries = Vec::with_capacity(children.len() / 2);
    let mut merges = Vec::new();
    let mut iter = children.into_iter();
    while let (Some(key), Some(value)) = (iter.next(), iter.next()) {
        if matches!(&key.value, Value::Scalar { text, plain: true } if text == "<<") {
            merges.push(value);
        } else {
            entries.push((key, value));
        }
    }
    if merges.is_empty() {
        return entries;
    }
    let mut present: HashSet<String> = entries
        .iter()
        .filter_map(|(k, _)| k.as_str().map(str::to_owned))
        .collect();
    for merge in merges {
        let sources: Vec<Rc<Node>> = match &merge.value {
            Value::Seq(items) => items.clone(),
            _ => vec![merge],
        };
        for source in sources {
            for (key, value) in source.entries() {
                let Some(name) = key.as_str() else { continue };
                if present.insert(name.to_owned()) {
                    entries.push((Rc::clone(key), Rc::clone(value)));
                }
            }
        }
    }
    entries
}

/// Turns a scanner error into ours, recognising an undefined alias.
fn scan_error(text: &str, error: &ScanError, locate: &dyn Fn(Marker) -> Span) -> LocatedYamlError {
    let mut span = locate(*error.marker());
    if error.info().contains("found a tab") {
        // The scanner marks the end of the scalar it was reading; the tab it found is what to show.
        if let Some(tab) = text.get(span.start..).and_then(|rest| rest.find('\t')) {
            span = span_at(text, span.start + tab);
        }
    }
    if error.info().contains("unknown anchor") {
        return LocatedYamlError {
            error: YamlError::UndefinedAlias(alias_name(text, span)),
            span,
        };
    }
    if error.info().contains("recursion limit") {
        return LocatedYamlError {
            error: YamlError::TooDeep,
            span,
        };
    }
    LocatedYamlError {
        error: YamlError::Syntax(error.info().to_owned()),
        span,
    }
}

/// The empty span at byte `byte` of `text` (a character boundary): its line, and its column in characters.
fn span_at(text: &str, byte: usize) -> Span {
    let before = &text[..byte];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    Span {
        line,
        column,
        end_line: line,
        end_column: column,
        start: byte,
        end: byte,
    }
}

/// The name of the alias written at (or just before) `span`, for the error message.
fn alias_name(text: &str, span: Span) -> String {
    let line_start = text[..span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let from = span.start.saturating_sub(line_start).min(line.len());
    let star = line
        .get(from..)
        .and_then(|rest| rest.find('*').map(|i| from + i))
        .or_else(|| line.get(..from).and_then(|head| head.rfind('*')));
    star.map(|i| {
        line[i + 1..]
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
            .collect()
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> LocatedYamlError {
        match parse_yaml(text) {
            Err(e) => e,
            Ok(_) => panic!("expected an error for {text:?}"),
        }
    }

    #[test]
    fn merge_keys_resolve_with_explicit_keys_winning() {
        let text = "a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  <<: *a\n  <<: *b\n  x: 9\n";
        let root = parse_yaml(text).unwrap().unwrap();
        let c = root.get("c").unwrap();
        assert_eq!(c.get_str("x"), Some("9"));
        assert_eq!(c.get_str("y"), Some("2"));
        assert_eq!(c.get_str("z"), Some("4"));
        assert!(c.get("<<").is_none());
    }

    #[test]
    fn merge_of_a_list_prefers_the_first_source() {
        let text = "a: &a {y: 1}\nb: &b {y: 2, w: 5}\nc:\n  <<: [*a, *b]\n";
        let root = parse_yaml(text).unwrap().unwrap();
        let c = root.get("c").unwrap();
        assert_eq!(c.get_str("y"), Some("1"));
        assert_eq!(c.get_str("w"), Some("5"));
    }

    #[test]
    fn undefined_alias_is_an_error_with_its_name() {
        let error = error_of("a:\n  <<: *missing\n");
        assert_eq!(error.error, YamlError::UndefinedAlias("missing".into()));
        assert_eq!(error.span.line, 2);
    }

    #[test]
    fn anchor_defined_twice_uses_the_latest() {
        let root = parse_yaml("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
            .unwrap()
            .unwrap();
        assert_eq!(root.get_str("b"), Some("1"));
        assert_eq!(root.get_str("d"), Some("2"));
    }

    #[test]
    fn billion_laughs_is_stopped() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
        }
        assert_eq!(error_of(&text).error, YamlError::TooLarge);
    }

    #[test]
    fn deep_nesting_is_stopped() {
        let flow = "[".repeat(10_000);
        assert_eq!(error_of(&flow).error, YamlError::TooDeep);
        let block: String = (0..300)
            .map(|depth| format!("{}k:\n", " ".repeat(depth)))
            .collect();
        assert_eq!(error_of(&block).error, YamlError::TooDeep);
    }

    #[test]
    fn spans_are_one_based_with_byte_offsets() {
        let text = "é: 1\njobs:\n  build: {}\n";
        let root = parse_yaml(text).unwrap().unwrap();
        let (key, _) = root.get("jobs").unwrap().entry("build").unwrap();
        assert_eq!((key.span.line, key.span.column), (3, 3));
        assert_eq!(&text[key.span.start..key.span.end], "build");
    }

    #[test]
    fn a_tab_in_the_indentation_is_shown_where_it_is() {
        let text = "jobs:\n  build:\n    steps:\n      - checkout\n\t  - run: pytest\n";
        let error = error_of(text);
        assert_eq!((error.span.line, error.span.column), (5, 1), "{error:?}");
        assert_eq!(&text[error.span.start..=error.span.start], "\t");
    }

    #[test]
    fn anchors_without_alias_are_noted_but_not_holders_of_used_ones() {
        let text = "refs: &refs\n  a: &a {x: 1}\n  b: &b {y: 2}\nuse:\n  <<: *a\n";
        let parsed = parse_document(text).unwrap();
        let names: Vec<&str> = parsed
            .unused_anchors
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        assert_eq!(names, ["b"]);
        let (_, span) = &parsed.unused_anchors[0];
        assert_eq!(&text[span.start..span.end], "&b");
        assert_eq!((span.line, span.column), (3, 6));
    }

    #[test]
    fn a_second_document_is_noted_at_its_marker() {
        let parsed = parse_document("---\na: 1\n---\nb: 2\n").unwrap();
        assert_eq!(parsed.second_document.map(|s| s.line), Some(3));
        let parsed = parse_document("---\na: 1\n...\n").unwrap();
        assert_eq!(parsed.second_document, None);
        assert_eq!(parse_document("a: 1\n").unwrap().second_document, None);
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        let error = error_of("a: [1, 2\nb: 3\n");
        assert!(matches!(error.error, YamlError::Syntax(_)));
        assert!(error.span.line >= 1);
    }

    #[test]
    fn a_flow_sequence_may_close_at_its_key_s_column() {
        // ethereum/web3.py's matrix: CircleCI accepts it (the vendored parser's one fix).
        let text = "matrix:\n  parameters:\n    tox_env: [\n      \"lint\",\n      \"core\"\n    ]\n    name: x\n";
        let root = parse_document(text)
            .expect("valid YAML")
            .root
            .expect("a document");
        let env = root
            .get("matrix")
            .and_then(|m| m.get("parameters"))
            .and_then(|p| p.get("tox_env"))
            .expect("the list");
        let items: Vec<&str> = env.items().iter().filter_map(|i| i.as_str()).collect();
        assert_eq!(items, ["lint", "core"]);
        // Outside a flow collection, a key left of its block is still an error.
        assert!(matches!(
            error_of("a:\n    b: 1\n  c: 2\n").error,
            YamlError::Syntax(_)
        ));
    }
}
