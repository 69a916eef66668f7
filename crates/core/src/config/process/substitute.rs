//! `<< parameters.x >>`, `<< pipeline.parameters.x >>` and `<< matrix.x >>` replaced by their values,
//! and parameters bound to the arguments of a call.
//!
//! A scalar that is nothing but one reference takes the value itself, whatever its type: a list of
//! steps given to a `steps` parameter is spliced into the list it stands in. A reference inside longer
//! text is replaced by the value's text. Pipeline values (`<< pipeline.git.branch >>`) are known only
//! when a pipeline runs, so they stay as written.
//!
//! Conditional sections, Mustache's (CircleCI's templates are Mustache): a section opened by
//! `<<# parameters.x >>` and closed by `<</ parameters.x >>` keeps its text when the value is true
//! (CircleCI's truthiness, as for `when`); one opened by `<<^ parameters.x >>`, when it is false. A section
//! whose value only the running pipeline knows stays as written, and its line says so.

use std::collections::HashMap;

use super::super::span::Span;
use super::super::templates::{find_references, FoundReference, Reference};
use super::super::tree::{Node, Value};
use super::condition::decide;
use super::out::{Out, OutKey, OutValue};
use super::{LineNote, ProcessMessage, Processor};

/// The values a piece of configuration can refer to, besides pipeline parameters.
#[derive(Default)]
pub(crate) struct Scope<'s> {
    /// The parameters of the job, command or executor being expanded: `None` for a parameter declared
    /// with no default and given no argument.
    pub(crate) parameters: Option<&'s HashMap<String, Option<Out>>>,
    /// The matrix values of the workflow job being expanded.
    pub(crate) matrix: Option<&'s HashMap<String, Out>>,
}

/// What a reference stands for in a scope.
enum Lookup {
    /// The value.
    Found(Out),
    /// Known only when the pipeline runs, or not a reference processing replaces.
    Kept,
    /// Declared, without a value.
    Missing,
    /// Declared nowhere.
    Unknown(ProcessMessage),
}

impl Processor<'_> {
    /// `node` with every reference of `scope` replaced.
    pub(crate) fn substitute(&mut self, node: &Node, scope: &Scope<'_>) -> Out {
        match &node.value {
            Value::Scalar { text, plain } => self.substitute_scalar(text, *plain, node.span, scope),
            Value::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    let value = self.substitute(item, scope);
                    let spliced = matches!(item.value, Value::Scalar { .. })
                        && matches!(value.value, OutValue::Seq(_));
                    match value.value {
                        OutValue::Seq(inner) if spliced => out.extend(inner),
                        _ => out.push(value),
                    }
                }
                Out::seq(out, node.span)
            }
            Value::Map(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                for (key, value) in entries {
                    let key_text = key.as_str().unwrap_or_default();
                    let key_out = if key_text.contains("<<") {
                        let replaced = self.substitute_scalar(key_text, true, key.span, scope);
                        OutKey::new(replaced.as_str().unwrap_or(key_text), key.span)
                    } else {
                        OutKey::of(key)
                    };
                    out.push((key_out, self.substitute(value, scope)));
                }
                Out::map(out, node.span)
            }
        }
    }

    /// A scalar with its references replaced.
    pub(crate) fn substitute_scalar(
        &mut self,
        text: &str,
        plain: bool,
        span: Span,
        scope: &Scope<'_>,
    ) -> Out {
        let found = find_references(text);
        if found.is_empty() {
            return Out::scalar(text, plain, span);
        }
        if found
            .iter()
            .any(|reference| is_conditional(text, reference.start))
        {
            let mut undecided = false;
            let resolved = self.resolve_sections(text, span, scope, &mut undecided);
            let found = find_references(&resolved);
            let mut scalar = self.substitute_references(&resolved, &found, plain, span, scope);
            if undecided {
                scalar = scalar.with_note(LineNote::DecidedWhenRunning);
            }
            return scalar;
        }
        self.substitute_references(text, &found, plain, span, scope)
    }

    /// `text` with its references `found` (none of them a conditional section to decide) replaced.
    fn substitute_references(
        &mut self,
        text: &str,
        found: &[FoundReference],
        plain: bool,
        span: Span,
        scope: &Scope<'_>,
    ) -> Out {
        if found.is_empty() {
            return Out::scalar(text, plain, span);
        }
        if let [only] = found {
            if text[..only.start].trim().is_empty()
                && text[only.end..].trim().is_empty()
                && !is_conditional(text, only.start)
            {
                if let Lookup::Found(value) = self.lookup(&only.reference, span, scope) {
                    return value;
                }
                return Out::scalar(text, plain, span);
            }
        }
        let mut result = String::with_capacity(text.len());
        let mut from = 0;
        for reference in found {
            result.push_str(&text[from..reference.start]);
            let written = &text[reference.start..reference.end];
            let replacement = if is_conditional(text, reference.start) {
                None
            } else {
                match self.lookup(&reference.reference, span, scope) {
                    Lookup::Found(value) => value.as_str().map(str::to_owned),
                    _ => None,
                }
            };
            result.push_str(replacement.as_deref().unwrap_or(written));
            from = reference.end;
        }
        result.push_str(&text[from..]);
        Out::scalar(result, plain, span)
    }

    /// `text` with each conditional section decided: its inner text kept (its own sections decided in
    /// turn) or dropped; a section whose value is not known here is kept as written, and `undecided` set.
    fn resolve_sections(
        &mut self,
        text: &str,
        span: Span,
        scope: &Scope<'_>,
        undecided: &mut bool,
    ) -> String {
        let found = find_references(text);
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        let mut index = 0;
        while index < found.len() {
            let opening = &found[index];
            let wanted = match section_mark(text, opening.start) {
                Some('#') => true,
                Some('^') => false,
                _ => {
                    index += 1;
                    continue;
                }
            };
            let Some(close) = closing_of(text, &found, index) else {
                index += 1;
                continue;
            };
            out.push_str(&text[from..opening.start]);
            let truth = match self.lookup(&opening.reference, span, scope) {
                Lookup::Found(value) => decide(&value),
                _ => None,
            };
            match truth {
                Some(holds) if holds == wanted => {
                    let inner = &text[opening.end..found[close].start];
                    out.push_str(&self.resolve_sections(inner, span, scope, undecided));
                }
                Some(_) => {}
                None => {
                    *undecided = true;
                    out.push_str(&text[opening.start..found[close].end]);
                }
            }
            from = found[close].end;
            index = close + 1;
        }
        out.push_str(&text[from..]);
        out
    }

    /// What `reference` stands for; notes a reference to something declared nowhere.
    fn lookup(&mut self, reference: &Reference, span: Span, scope: &Scope<'_>) -> Lookup {
        let lookup = match reference {
            Reference::Parameter(name) => match scope.parameters {
                Some(parameters) => match parameters.get(name) {
                    Some(Some(value)) => Lookup::Found(value.clone()),
                    Some(None) => Lookup::Missing,
                    None => {
                        Lookup::Unknown(ProcessMessage::UnknownParameter { name: name.clone() })
                    }
                },
                None => Lookup::Unknown(ProcessMessage::UnknownParameter { name: name.clone() }),
            },
            Reference::PipelineParameter(name) => match self.pipeline.get(name) {
                Some(value) => Lookup::Found(value.clone()),
                None => {
                    Lookup::Unknown(ProcessMessage::UnknownPipelineParameter { name: name.clone() })
                }
            },
            Reference::Matrix(name) => match scope.matrix.and_then(|matrix| matrix.get(name)) {
                Some(value) => Lookup::Found(value.clone()),
                None => Lookup::Kept,
            },
            Reference::PipelineValue(_) | Reference::Other(_) => Lookup::Kept,
        };
        if let Lookup::Unknown(message) = &lookup {
            self.note(message.clone(), Some(span));
        }
        lookup
    }

    /// Binds the parameters declared by `declarations` (a `parameters:` mapping) to `arguments`, or to
    /// their defaults; notes a parameter with neither. `owner` names the job, command or executor.
    pub(crate) fn bind(
        &mut self,
        declarations: Option<&Node>,
        arguments: &[(OutKey, Out)],
        owner: &str,
        call: Span,
    ) -> HashMap<String, Option<Out>> {
        let mut bound = HashMap::new();
        for (name, declaration) in declarations.map(Node::entries).unwrap_or_default() {
            let Some(name) = name.as_str() else { continue };
            let given = arguments
                .iter()
                .find(|(key, _)| key.text == name)
                .map(|(_, value)| value.clone());
            let value = given.or_else(|| {
                let default = declaration.get("default")?;
                Some(self.substitute(default, &Scope::default()))
            });
            if value.is_none() {
                self.note(
                    ProcessMessage::MissingArgument {
                        parameter: name.to_owned(),
                        owner: owner.to_owned(),
                    },
                    Some(call),
                );
            }
            bound.insert(name.to_owned(), value);
        }
        bound
    }
}

/// Whether the reference at `start` is a conditional section (`<<# x >>`, `<<^ x >>`, `<</ x >>`).
fn is_conditional(text: &str, start: usize) -> bool {
    section_mark(text, start).is_some()
}

/// The mark of the conditional section at `start`: `#` (shown when true), `^` (when false), `/` (its end).
fn section_mark(text: &str, start: usize) -> Option<char> {
    text[start + 2..]
        .trim_start()
        .chars()
        .next()
        .filter(|mark| matches!(mark, '#' | '^' | '/'))
}

/// The index in `found` of the `<</ x >>` that closes the section `found[opening]` opens, sections of the
/// same reference nested inside it skipped.
fn closing_of(text: &str, found: &[FoundReference], opening: usize) -> Option<usize> {
    let reference = &found[opening].reference;
    let mut depth = 0usize;
    for (index, other) in found.iter().enumerate().skip(opening + 1) {
        if other.reference != *reference {
            continue;
        }
        match section_mark(text, other.start) {
            Some('#' | '^') => depth += 1,
            Some('/') if depth == 0 => return Some(index),
            Some('/') => depth -= 1,
            _ => {}
        }
    }
    None
}
