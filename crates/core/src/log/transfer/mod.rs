//! A log report as bytes and back: how the web worker that parses a log hands the report to the page.
//!
//! The bytes are [postcard](https://docs.rs/postcard): serde's data model written compactly (varints,
//! no field names); the millions of line sizes, styled spans and pieces of text of a long log go in it
//! as three byte strings that plain loops write and read ([`packed`]). The visible text is not in
//! them: the page holds the raw log it gave the worker, so the text goes as pieces of that raw log
//! ([`text_pieces`]); for a 100 MB log the bytes are about a tenth of the text they replace, and the
//! page neither copies nor validates 100 MB it already has. The JSON shape of the report types (their
//! `Serialize` derives, with tagged enums) is left alone: this module describes the binary shape
//! separately, with serde's `remote` definitions, and only the `transfer` feature compiles it.
//!
//! [`decode_report`] checks what it reads: bytes that do not describe a consistent report (a line, a
//! span or a phase pointing outside the text, a piece outside the raw log, another raw log than the
//! one encoded) give an error, never a report that would panic later.

mod decoder;
mod packed;
mod text_pieces;

pub use decoder::{ReportDecoder, Stepped};

use std::fmt;
use std::ops::Range;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::causes::{ArgName, Cause, CauseArg, CauseId};
use super::facts::{Fact, FactKind};
use super::lines::LogLines;
use super::notes::Note;
use super::report::{LogFormat, LogReport, Phase, PhaseStatus, Recognition};
use crate::phases::{self, PhaseKind};

/// Why bytes could not be read back as a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferError {
    /// The bytes are not a postcard-encoded report (the message says where reading stopped).
    Malformed(String),
    /// The bytes decode, but a line, span, phase or piece of text points outside the text, or they
    /// describe the text of another raw log.
    Inconsistent,
}

impl fmt::Display for TransferError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransferError::Malformed(reason) => {
                write!(formatter, "malformed report bytes: {reason}")
            }
            TransferError::Inconsistent => {
                write!(
                    formatter,
                    "the report bytes do not fit their own text or the raw log"
                )
            }
        }
    }
}

impl std::error::Error for TransferError {}

/// The report of `source` (the raw log it was parsed from) as bytes, for [`decode_report`] with the
/// same `source`.
pub fn encode_report(report: &LogReport, source: &str) -> Vec<u8> {
    let lines = &report.lines;
    let by_line = report.format != LogFormat::ApiJson;
    let (pieces, literals) = packed::pack_pieces(&text_pieces::describe(lines, source, by_line));
    let wire = WireOut {
        source_len: source.len(),
        pieces: Bytes(&pieces),
        literals: &literals,
        text_len: lines.text_buffer().len(),
        line_count: lines.len(),
        line_sizes: Bytes(&packed::pack_sizes(lines.line_sizes())),
        span_count: lines.span_buffer().len(),
        spans: Bytes(&packed::pack_spans(lines.span_buffer())),
        report: ReportRef(report),
    };
    // Writing into a growing `Vec` cannot fail, and every type here serialises infallibly.
    postcard::to_allocvec(&wire).unwrap_or_default()
}

/// The report [`encode_report`] wrote for the same `source`, read in one go (the page reads it in
/// steps, with [`ReportDecoder`]).
pub fn decode_report(bytes: &[u8], source: &str) -> Result<LogReport, TransferError> {
    let mut decoder = ReportDecoder::new(bytes.to_vec())?;
    loop {
        match decoder.step(source, usize::MAX)? {
            Stepped::More(more) => decoder = *more,
            Stepped::Done(report) => return Ok(report),
        }
    }
}

/// What [`encode_report`] writes, in order. The long lists are byte strings ([`packed`]).
#[derive(Serialize)]
struct WireOut<'a> {
    /// The raw log's length: a cheap check that the page decodes against the same log.
    source_len: usize,
    pieces: Bytes<'a>,
    literals: &'a str,
    text_len: usize,
    line_count: usize,
    line_sizes: Bytes<'a>,
    span_count: usize,
    spans: Bytes<'a>,
    /// Everything else; its lines are written empty.
    report: ReportRef<'a>,
}

/// What [`ReportDecoder`] reads.
#[derive(Deserialize)]
struct WireIn<'a> {
    source_len: usize,
    pieces: &'a [u8],
    literals: &'a str,
    text_len: usize,
    line_count: usize,
    line_sizes: &'a [u8],
    span_count: usize,
    spans: &'a [u8],
    report: ReportOwned,
}

/// A byte string, written as one (a length, then the bytes) rather than as a list of numbers.
struct Bytes<'a>(&'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

/// Serialises a borrowed report through [`ReportWire`].
struct ReportRef<'a>(&'a LogReport);

impl Serialize for ReportRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ReportWire::serialize(self.0, serializer)
    }
}

/// Deserialises a report through [`ReportWire`].
#[derive(Deserialize)]
struct ReportOwned(#[serde(with = "ReportWire")] LogReport);

/// The report but its lines, which go before it as pieces, sizes and spans.
#[derive(Serialize, Deserialize)]
#[serde(remote = "LogReport")]
struct ReportWire {
    #[serde(with = "FormatWire")]
    format: LogFormat,
    #[serde(skip)]
    lines: LogLines,
    #[serde(with = "phase_list")]
    phases: Vec<Phase>,
    #[serde(with = "note_list")]
    notes: Vec<Note>,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "LogFormat")]
enum FormatWire {
    JobPage,
    LocalExecute,
    ApiJson,
    SingleStep,
}

/// A phase's documentation id. Behind an alias, serde's derive does not take the `&'static str` for
/// a string borrowed from the input: [`doc_id`] looks it up in the catalogue instead.
type DocId = Option<&'static str>;

#[derive(Serialize, Deserialize)]
#[serde(remote = "Phase")]
struct PhaseWire {
    title: String,
    #[serde(with = "KindWire")]
    kind: PhaseKind,
    #[serde(with = "doc_id")]
    doc: DocId,
    #[serde(with = "RecognitionWire")]
    recognised_by: Recognition,
    lines: Range<usize>,
    #[serde(with = "StatusWire")]
    status: PhaseStatus,
    exit_code: Option<i32>,
    duration_ms: Option<u64>,
    #[serde(with = "fact_list")]
    facts: Vec<Fact>,
    error_line: Option<usize>,
    #[serde(with = "cause_list")]
    causes: Vec<Cause>,
    status_inferred: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Cause")]
struct CauseWire {
    #[serde(with = "cause_id")]
    id: CauseId,
    line: usize,
    evidence: Vec<usize>,
    #[serde(with = "arg_list")]
    args: Vec<CauseArg>,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "CauseArg")]
struct ArgWire {
    #[serde(with = "arg_name")]
    name: ArgName,
    value: String,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "PhaseKind")]
enum KindWire {
    BuiltIn,
    Orb,
    Run,
    Preamble,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Recognition")]
enum RecognitionWire {
    Title,
    Content,
    Neither,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "PhaseStatus")]
enum StatusWire {
    Success,
    Failed,
    Skipped,
    Unknown,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Fact")]
struct FactWire {
    #[serde(with = "fact_kind")]
    kind: FactKind,
    value: String,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Note")]
enum NoteWire {
    EmptyInput,
    NothingRecognised,
    InvalidJson { line: usize, column: usize },
    UnknownJson,
    LooksLikeConfig,
    CutMidLine { line: usize },
    JsonComments,
}

/// Lists and options of the types above, which serde's `remote` does not wrap by itself: each
/// module serialises through a borrowing newtype and deserialises through an owning one.
macro_rules! wire_list {
    ($module:ident, $item:ty, $wire:ident) => {
        pub(super) mod $module {
            use super::*;

            struct Borrowed<'a>(&'a $item);

            impl Serialize for Borrowed<'_> {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    $wire::serialize(self.0, serializer)
                }
            }

            struct Owned($item);

            impl<'de> Deserialize<'de> for Owned {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    $wire::deserialize(deserializer).map(Owned)
                }
            }

            pub(crate) fn serialize<S: Serializer>(
                items: &[$item],
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(items.iter().map(Borrowed))
            }

            pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Vec<$item>, D::Error> {
                let owned = Vec::<Owned>::deserialize(deserializer)?;
                Ok(owned.into_iter().map(|Owned(item)| item).collect())
            }
        }
    };
}

wire_list!(phase_list, Phase, PhaseWire);
wire_list!(fact_list, Fact, FactWire);
wire_list!(cause_list, Cause, CauseWire);
wire_list!(arg_list, CauseArg, ArgWire);
wire_list!(note_list, Note, NoteWire);

/// An enum with an `ALL` list, as its index in that list.
macro_rules! by_index {
    ($module:ident, $type:ty, $what:literal) => {
        mod $module {
            use super::*;

            pub(super) fn serialize<S: Serializer>(
                value: &$type,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                let index = <$type>::ALL
                    .iter()
                    .position(|known| known == value)
                    .unwrap_or(usize::MAX);
                serializer.serialize_u64(index as u64)
            }

            pub(super) fn deserialize<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> Result<$type, D::Error> {
                let index = u64::deserialize(deserializer)?;
                usize::try_from(index)
                    .ok()
                    .and_then(|index| <$type>::ALL.get(index))
                    .copied()
                    .ok_or_else(|| D::Error::custom(format!(concat!("no ", $what, " {}"), index)))
            }
        }
    };
}

by_index!(fact_kind, FactKind, "fact kind");
by_index!(cause_id, CauseId, "cause");
by_index!(arg_name, ArgName, "argument name");

/// A documentation id, read back as the catalogue's own `&'static str`.
mod doc_id {
    use super::*;

    pub(super) fn serialize<S: Serializer>(
        doc: &Option<&'static str>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        doc.serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<&'static str>, D::Error> {
        let Some(doc) = Option::<String>::deserialize(deserializer)? else {
            return Ok(None);
        };
        phases::doc_ids()
            .find(|known| *known == doc)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("unknown documentation id {doc}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::parse_log;

    /// The logs to send through the wire, as (path, text) sorted by path: every fixture of the tests
    /// (`tests/fixtures/logs`, `tests/fixtures/causes`), and the real-world corpus when it is on this
    /// machine (`$PIPELENS_CORPUS`, else `../shared/corpus` beside the repository).
    pub(super) fn sample_logs() -> Vec<(String, String)> {
        let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = std::env::var_os("PIPELENS_CORPUS")
            .map_or_else(|| manifest.join("../../../shared/corpus"), Into::into);
        let folders = [
            manifest.join("tests/fixtures/logs"),
            manifest.join("tests/fixtures/causes"),
            corpus.join("logs"),
        ];
        let mut logs: Vec<(String, String)> = folders
            .iter()
            .filter_map(|folder| std::fs::read_dir(folder).ok())
            .flatten()
            .map(|entry| entry.expect("a readable entry").path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext == "txt" || ext == "log")
            })
            .map(|path| {
                let text = String::from_utf8_lossy(&std::fs::read(&path).expect("a readable log"))
                    .into_owned();
                (path.display().to_string(), text)
            })
            .collect();
        logs.sort();
        assert!(logs.len() > 50, "too few logs: {}", logs.len());
        logs
    }

    #[test]
    fn every_sample_report_comes_back_equal() {
        let seed = include_str!("../../../../../samples/seed-build-and-test.log");
        let mut inputs = sample_logs();
        inputs.push(("seed".to_owned(), seed.to_owned()));
        inputs.push((
            "colours".to_owned(),
            "\u{1b}[1;31mred\u{1b}[0m \u{1b}[38;2;1;2;3mrgb\u{1b}[48;5;200m bg\u{1b}[0m\n{\n"
                .to_owned(),
        ));
        inputs.push((
            "invalid json".to_owned(),
            "{\n  \"steps\": [ // x\n]}\n".to_owned(),
        ));
        for (name, text) in inputs {
            let report = parse_log(&text);
            let bytes = encode_report(&report, &text);
            assert_eq!(decode_report(&bytes, &text), Ok(report), "{name}");
        }
    }

    #[test]
    fn a_report_read_in_small_steps_is_the_same() {
        let source = include_str!("../../../../../samples/seed-build-and-test.log");
        let coloured = format!("{source}\u{1b}[1;31mred\u{1b}[0m é \u{1b}[38;2;1;2;3mrgb\n");
        for text in [source, coloured.as_str()] {
            let report = parse_log(text);
            let mut decoder = ReportDecoder::new(encode_report(&report, text)).expect("decodes");
            let mut steps = 0;
            let stepped = loop {
                steps += 1;
                match decoder.step(text, 7).expect("a step") {
                    Stepped::More(more) => decoder = *more,
                    Stepped::Done(stepped) => break stepped,
                }
            };
            assert_eq!(stepped, report);
            // Pieces, spans and lines, seven at a time.
            assert!(steps > report.lines.len() / 7, "{steps} steps");
        }
        // A step against another log is refused, whenever it comes.
        let report = parse_log(source);
        let decoder = ReportDecoder::new(encode_report(&report, source)).expect("decodes");
        let Ok(Stepped::More(decoder)) = decoder.step(source, 3) else {
            panic!("more to read after three items");
        };
        assert!(decoder.step(&source[1..], 3).is_err());
    }

    #[test]
    fn cut_or_altered_bytes_give_an_error_not_a_panic() {
        let source = include_str!("../../../../../samples/seed-build-and-test.log");
        let report = parse_log(source);
        let bytes = encode_report(&report, source);
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                decode_report(&bytes[..cut], source).is_err(),
                "cut at {cut}"
            );
        }
        // A report whose last phase ends past the last line.
        let mut broken = report.clone();
        let lines = broken.lines.len();
        if let Some(phase) = broken.phases.last_mut() {
            phase.lines.end = lines + 5;
        }
        assert_eq!(
            decode_report(&encode_report(&broken, source), source),
            Err(TransferError::Inconsistent)
        );
        // The bytes of another raw log.
        let longer = format!("{source}\nmore");
        assert_eq!(
            decode_report(&bytes, &longer),
            Err(TransferError::Inconsistent)
        );
        // Every single-byte change decodes to a report or to an error, never to a panic.
        for position in (0..bytes.len()).step_by(13) {
            let mut altered = bytes.clone();
            altered[position] ^= 0x5a;
            let _outcome = decode_report(&altered, source);
        }
    }
}
