//! The `.circleci/config.yml` analyser: model, spans, workflow graph and lint rules.
//!
//! [`analyse_config`] runs the pipeline:
//! 1. [`parse`] reads the YAML into a tree of spanned nodes (`saphyr-parser` events; anchors,
//!    aliases and `<<` merge keys resolved; alias bombs and deep nesting stopped), noting the
//!    anchors no alias uses and a second document. A YAML error ends the analysis with a single
//!    `yaml-syntax` diagnostic.
//! 2. `build` turns the tree into the typed [`Config`] and collects the highlightable [`Part`]s;
//!    `<< ... >>` values are found in every string.
//! 3. [`graph`] lays out each workflow in stages.
//! 4. [`rules`] (one file per rule) produce the [`Diagnostic`]s, whose sentences live in
//!    `messages_en` and `messages_fr`.
//!
//! Architecture invariant: analysis never panics and never fails; whatever the text, it returns a
//! report.

mod build;
mod build_workflows;
mod diagnostic;
mod excerpt;
pub mod explain;
mod fixes;
pub mod graph;
mod messages_en;
mod messages_fr;
pub mod model;
mod parse;
mod parts;
pub mod process;
pub mod rules;
mod schema_keys;
pub mod span;
pub mod templates;
mod tree;

use serde::Serialize;

pub use diagnostic::{Diagnostic, Message, ReferenceKind, Severity};
pub use excerpt::{diagnostic_excerpt, severity_word};
pub use graph::WorkflowGraph;
pub use model::Config;
pub use parts::{
    doc_ids, Part, PartKind, PartSubject, CACHE_KEY_TEMPLATES_DOC, PIPELINE_VALUES_DOC,
};
pub use process::{
    process_config, LineNote, PipelineParameter, ProcessMessage, ProcessNote, ProcessedConfig,
    ProcessedLine,
};
pub use span::Span;

use templates::{find_references, Reference};

/// Everything the analyser found in a configuration.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ConfigReport {
    /// The model; empty when the YAML could not be read.
    pub config: Config,
    /// Every highlightable element, sorted by position.
    pub parts: Vec<Part>,
    /// One graph per workflow, in the order of `config.workflows`.
    pub graphs: Vec<WorkflowGraph>,
    /// The findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl ConfigReport {
    /// Whether some diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The error that stopped the reading of the YAML, when the text could not be read: then the
    /// report holds nothing else.
    pub fn syntax_error(&self) -> Option<&Diagnostic> {
        self.diagnostics
            .iter()
            .find(|d| d.rule == rules::yaml_syntax::RULE.id)
    }
}

/// Analyses the text of a `.circleci/config.yml`. Never panics; a YAML error becomes a
/// `yaml-syntax` diagnostic and an otherwise empty report.
pub fn analyse_config(text: &str) -> ConfigReport {
    let parsed = match parse::parse_document(text) {
        Ok(parsed) => parsed,
        Err(error) => {
            return ConfigReport {
                diagnostics: vec![rules::yaml_syntax::from_error(&error)],
                ..ConfigReport::default()
            };
        }
    };
    let Some(root) = parsed.root else {
        return ConfigReport::default();
    };
    if !root.is_map() {
        if root.is_null() {
            return ConfigReport::default();
        }
        return ConfigReport {
            diagnostics: vec![rules::yaml_syntax::not_a_mapping(root.span)],
            ..ConfigReport::default()
        };
    }
    let mut builder = build::Builder::new(text);
    let config = builder.config(&root);
    let mut parts = builder.parts;
    reference_parts(text, &root, &mut parts);
    parts.sort_by_key(|p| (p.span.start, p.span.end));
    // An anchor's content read through several aliases gives its parts again; the first reading names
    // them (a key shared by a restore and a save is explained as the first that uses it).
    parts.dedup_by(|later, first| {
        (later.span, later.kind, later.doc, &later.detail)
            == (first.span, first.kind, first.doc, &first.detail)
    });
    let graphs: Vec<WorkflowGraph> = config
        .workflows
        .iter()
        .map(|workflow| graph::workflow_graph_with_groups(workflow, &config.job_groups))
        .collect();
    let context = rules::Context {
        text,
        root: &root,
        config: &config,
        graphs: &graphs,
        unused_anchors: &parsed.unused_anchors,
        second_document: parsed.second_document,
    };
    let diagnostics = rules::run_all(&context);
    ConfigReport {
        config,
        parts,
        graphs,
        diagnostics,
    }
}

/// Adds a part for every `<< ... >>` written in the configuration.
fn reference_parts(text: &str, root: &tree::Node, parts: &mut Vec<Part>) {
    rules::for_each_scalar(root, &mut |scalar, span| {
        for found in find_references(scalar) {
            let kind = match &found.reference {
                Reference::PipelineParameter(_) | Reference::PipelineValue(_) => {
                    PartKind::PipelineValue
                }
                Reference::Parameter(_) | Reference::Matrix(_) => PartKind::ParameterReference,
                Reference::Other(_) => continue,
            };
            let detail = found.reference.path();
            let written = &scalar[found.start..found.end];
            let span = span.find(text, written).unwrap_or(span);
            parts.push(Part {
                span,
                kind,
                doc: PIPELINE_VALUES_DOC,
                detail,
                subject: PartSubject::Value(found.reference),
            });
        }
    });
}
