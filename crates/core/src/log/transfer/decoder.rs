//! Reading a report back a slice at a time, so that the page's thread is never held for long.
//!
//! The report of a 100 MB log is millions of pieces of text, line sizes and spans: read in one go, it
//! held the page for half a second. [`ReportDecoder::step`] reads a bounded number of them and hands
//! the decoder back; the page runs one step per task, so it answers in between (and a newer text simply
//! drops the decoder). The order: the text from its pieces, then the spans, then the lines over both.

use std::ops::Range;

use super::packed::{read_piece, read_size, read_span, Reader};
use super::text_pieces::TextBuilder;
use super::{ReportOwned, TransferError, WireIn};
use crate::log::ansi::StyledSpan;
use crate::log::lines::LinesAssembler;
use crate::log::LogReport;

/// A report being read back from the bytes of [`super::encode_report`].
pub struct ReportDecoder {
    bytes: Vec<u8>,
    /// Where each packed list sits in `bytes`.
    pieces: Range<usize>,
    sizes: Range<usize>,
    spans: Range<usize>,
    literals: String,
    source_len: usize,
    text_len: usize,
    line_count: usize,
    span_count: usize,
    /// Everything but the lines.
    report: LogReport,
    stage: Stage,
    text: TextBuilder,
    read_spans: Vec<StyledSpan>,
    lines: LinesAssembler,
}

/// What the next step reads, and where it resumes in its list.
#[derive(Debug, Clone, Copy)]
enum Stage {
    Text { read: usize, literal_at: usize },
    Spans { read: usize },
    Lines { read: usize },
}

/// What a step gives.
pub enum Stepped {
    /// More to read: the decoder, for the next step.
    More(Box<ReportDecoder>),
    /// The report, complete and checked.
    Done(LogReport),
}

impl ReportDecoder {
    /// Starts reading `bytes`: the small parts (phases, notes) are read now, the long lists by
    /// [`ReportDecoder::step`].
    pub fn new(bytes: Vec<u8>) -> Result<Self, TransferError> {
        let wire: WireIn<'_> = postcard::from_bytes(&bytes)
            .map_err(|error| TransferError::Malformed(error.to_string()))?;
        let place = |part: &[u8]| {
            let start = (part.as_ptr() as usize).checked_sub(bytes.as_ptr() as usize)?;
            let range = start..start.checked_add(part.len())?;
            bytes.get(range.clone()).map(|_| range)
        };
        let (Some(pieces), Some(sizes), Some(spans)) = (
            place(wire.pieces),
            place(wire.line_sizes),
            place(wire.spans),
        ) else {
            return Err(TransferError::Inconsistent);
        };
        // The counts are reserved for: no more than their bytes can hold (a line size takes two bytes
        // at least, a span three), and a text no longer than the source and the literals.
        let bounded = wire.line_count <= sizes.len() / 2
            && wire.span_count <= spans.len() / 3
            && wire.text_len <= wire.source_len.saturating_add(wire.literals.len());
        if !bounded {
            return Err(TransferError::Inconsistent);
        }
        let literals = wire.literals.to_owned();
        let (source_len, text_len) = (wire.source_len, wire.text_len);
        let (line_count, span_count) = (wire.line_count, wire.span_count);
        let ReportOwned(report) = wire.report;
        Ok(Self {
            bytes,
            pieces,
            sizes,
            spans,
            literals,
            source_len,
            text_len,
            line_count,
            span_count,
            report,
            stage: Stage::Text {
                read: 0,
                literal_at: 0,
            },
            // Each count is bounded above, so the buffers are reserved once, here.
            text: TextBuilder::with_capacity(text_len),
            read_spans: Vec::with_capacity(span_count),
            lines: LinesAssembler::with_capacity(line_count),
        })
    }

    /// Reads at most `work` more items (pieces, spans or lines) against `source`, the raw log the
    /// report was encoded for; an error if the bytes do not fit it or themselves.
    pub fn step(mut self, source: &str, work: usize) -> Result<Stepped, TransferError> {
        if source.len() != self.source_len {
            return Err(TransferError::Inconsistent);
        }
        let mut left = work.max(1);
        loop {
            let next = match self.stage {
                Stage::Text { read, literal_at } => {
                    self.read_text(source, read, literal_at, &mut left)
                }
                Stage::Spans { read } => self.read_spans(read, &mut left),
                Stage::Lines { read } => self.read_lines(read, &mut left),
            }
            .ok_or(TransferError::Inconsistent)?;
            match next {
                Some(stage) if left > 0 => self.stage = stage,
                Some(stage) => {
                    self.stage = stage;
                    return Ok(Stepped::More(Box::new(self)));
                }
                None => return self.finish().map(Stepped::Done),
            }
        }
    }

    // Each stage below reads from `read` (a position in its list) while `left` lasts, and gives the
    // stage to go on with (`None` once everything is read), or `None` for bytes that do not fit.

    /// Reads pieces of text and rebuilds the text from them.
    fn read_text(
        &mut self,
        source: &str,
        read: usize,
        mut literal_at: usize,
        left: &mut usize,
    ) -> Option<Option<Stage>> {
        let mut reader = Reader::resume(&self.bytes[self.pieces.clone()], read);
        while *left > 0 && !reader.is_done() {
            let piece = read_piece(&mut reader, &self.literals, &mut literal_at)?;
            self.text.push(piece, source)?;
            *left -= 1;
        }
        if !reader.is_done() {
            return Some(Some(Stage::Text {
                read: reader.position(),
                literal_at,
            }));
        }
        let complete = literal_at == self.literals.len() && self.text.text().len() == self.text_len;
        complete.then_some(Some(Stage::Spans { read: 0 }))
    }

    /// Reads the spans.
    fn read_spans(&mut self, read: usize, left: &mut usize) -> Option<Option<Stage>> {
        let mut reader = Reader::resume(&self.bytes[self.spans.clone()], read);
        while *left > 0 && !reader.is_done() {
            self.read_spans.push(read_span(&mut reader)?);
            *left -= 1;
        }
        if !reader.is_done() {
            return Some(Some(Stage::Spans {
                read: reader.position(),
            }));
        }
        (self.read_spans.len() == self.span_count).then_some(Some(Stage::Lines { read: 0 }))
    }

    /// Reads the line sizes and puts the lines together over the text and the spans.
    fn read_lines(&mut self, read: usize, left: &mut usize) -> Option<Option<Stage>> {
        let mut reader = Reader::resume(&self.bytes[self.sizes.clone()], read);
        while *left > 0 && !reader.is_done() {
            let size = read_size(&mut reader)?;
            self.lines.push(size, self.text.text(), &self.read_spans)?;
            *left -= 1;
        }
        if reader.is_done() {
            Some(None)
        } else {
            Some(Some(Stage::Lines {
                read: reader.position(),
            }))
        }
    }

    /// The report, its lines put together and its phases checked against them.
    fn finish(self) -> Result<LogReport, TransferError> {
        if self.lines.len() != self.line_count {
            return Err(TransferError::Inconsistent);
        }
        let lines = self
            .lines
            .finish(self.text.finish(), self.read_spans)
            .ok_or(TransferError::Inconsistent)?;
        let mut report = self.report;
        report.lines = lines;
        let count = report.lines.len();
        let phases_fit = report
            .phases
            .iter()
            .all(|phase| phase.lines.start <= phase.lines.end && phase.lines.end <= count);
        if phases_fit {
            Ok(report)
        } else {
            Err(TransferError::Inconsistent)
        }
    }
}
