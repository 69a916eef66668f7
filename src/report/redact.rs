//! What an export masks: the secrets `pipelens_core::secrets` finds in the exported text, replaced by
//! [`MASK`] in every string taken from that text (lines, titles, facts, names, messages).
//!
//! The secrets are found once, over the whole text, so that a value split from its key name (a fact, a
//! step name) is still recognised: each found value is then masked wherever it appears.

use std::ops::Range;

use pipelens_core::secrets::{find_secrets, Secret, MASK};

use crate::format::{fill, format_count};
use crate::i18n::{Lang, Msg};
use crate::wording::secrets::summary_from_line;

/// The secrets of a text and whether the export masks them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Redaction {
    /// The secrets found, in order.
    found: Vec<Secret>,
    /// The values to mask (each line of a multi-line value apart), longest first; empty when the
    /// reader chose to include the secrets.
    values: Vec<String>,
}

impl Redaction {
    /// Finds the secrets of `text`; they are masked when `mask_secrets` is set.
    pub(crate) fn new(text: &str, mask_secrets: bool) -> Self {
        let found = find_secrets(text);
        let mut values: Vec<String> = if mask_secrets {
            found
                .iter()
                .filter_map(|secret| text.get(secret.range.clone()))
                .flat_map(str::lines)
                .map(str::trim)
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
                .collect()
        } else {
            Vec::new()
        };
        values.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        values.dedup();
        Self { found, values }
    }

    /// The secrets found, masked or not.
    #[cfg(test)]
    pub(crate) fn found(&self) -> &[Secret] {
        &self.found
    }

    /// Whether the secrets are masked (and there were some).
    pub(crate) fn masks(&self) -> bool {
        !self.values.is_empty()
    }

    /// The byte ranges of `text` to mask, sorted and never overlapping.
    pub(crate) fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for value in &self.values {
            for (start, _) in text.match_indices(value.as_str()) {
                let range = start..start + value.len();
                if !ranges
                    .iter()
                    .any(|r| r.start < range.end && range.start < r.end)
                {
                    ranges.push(range);
                }
            }
        }
        ranges.sort_by_key(|r| r.start);
        ranges
    }

    /// `text` with every secret value replaced by [`MASK`].
    pub(crate) fn apply(&self, text: &str) -> String {
        if self.values.is_empty() {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for range in self.ranges(text) {
            out.push_str(&text[copied..range.start]);
            out.push_str(MASK);
            copied = range.end;
        }
        out.push_str(&text[copied..]);
        out
    }

    /// `runs` (pieces of `line` with a look each, covering it in order) with every secret value of the
    /// line replaced by [`MASK`], which takes the look of the run where the value starts.
    pub(crate) fn runs<S: Copy>(&self, line: &str, runs: &[(Range<usize>, S)]) -> Vec<(String, S)> {
        let masked = self.ranges(line);
        let mut out: Vec<(String, S)> = Vec::with_capacity(runs.len());
        for (range, look) in runs {
            let mut at = range.start;
            while at < range.end {
                if let Some(secret) = masked.iter().find(|r| r.start <= at && at < r.end) {
                    // The mask is written once, in the run where the value starts.
                    if secret.start == at {
                        out.push((MASK.to_owned(), *look));
                    }
                    at = secret.end.min(range.end);
                    continue;
                }
                let next = masked
                    .iter()
                    .map(|r| r.start)
                    .filter(|&start| start > at)
                    .min()
                    .unwrap_or(range.end)
                    .min(range.end);
                if let Some(text) = line.get(at..next) {
                    out.push((text.to_owned(), *look));
                }
                at = next;
            }
        }
        out
    }

    /// The sentence saying what the export masked or includes: "1 secret masked: an AWS access key id
    /// (line 3)."; `None` when the text holds no secret.
    pub(crate) fn note(&self, lang: Lang, first_line: usize) -> Option<String> {
        let count = self.found.len();
        if count == 0 {
            return None;
        }
        let list = summary_from_line(&self.found, first_line, lang);
        let msg = match (self.masks(), count) {
            (true, 1) => Msg::ExportMaskedOne,
            (true, _) => Msg::ExportMaskedMany,
            (false, _) => Msg::ExportUnmasked,
        };
        Some(fill(
            lang.text(msg),
            &[("count", format_count(count, lang)), ("list", list)],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "AKIAIOSFODNN7ABCDEFG";

    #[test]
    fn values_are_masked_wherever_they_appear() {
        let text = format!("export AWS_ACCESS_KEY_ID={KEY}\necho {KEY}\n");
        let redaction = Redaction::new(&text, true);
        assert_eq!(redaction.found().len(), 2);
        assert!(redaction.masks());
        assert_eq!(redaction.apply(&format!("id {KEY}!")), "id ••••••••!");
        assert_eq!(
            redaction.apply(&text),
            "export AWS_ACCESS_KEY_ID=••••••••\necho ••••••••\n"
        );
    }

    #[test]
    fn nothing_is_masked_when_the_reader_includes_secrets() {
        let text = format!("key {KEY}");
        let redaction = Redaction::new(&text, false);
        assert_eq!(redaction.found().len(), 1);
        assert!(!redaction.masks());
        assert_eq!(redaction.apply(&text), text);
        let note = redaction.note(Lang::En, 1).unwrap_or_default();
        assert!(note.contains("unmasked"), "{note}");
    }

    #[test]
    fn runs_keep_their_looks_around_the_mask() {
        let line = format!("id={KEY} done");
        let redaction = Redaction::new(&line, true);
        // The value starts in the first run and ends in the second.
        let runs = [(0..8, 'a'), (8..line.len(), 'b')];
        let masked = redaction.runs(&line, &runs);
        assert_eq!(
            masked,
            vec![
                ("id=".to_owned(), 'a'),
                ("••••••••".to_owned(), 'a'),
                (" done".to_owned(), 'b')
            ]
        );
        let text: String = masked.iter().map(|(t, _)| t.as_str()).collect();
        assert!(!text.contains("AKIA"));
    }

    #[test]
    fn the_note_counts_and_names_what_was_masked() {
        let text = format!("a\nkey {KEY}\n");
        let redaction = Redaction::new(&text, true);
        assert_eq!(
            redaction.note(Lang::En, 10).as_deref(),
            Some("1 secret masked: an AWS access key id (line 11).")
        );
        assert_eq!(Redaction::new("nothing here", true).note(Lang::En, 1), None);
        let two = format!("{KEY}\npassword=hunter2xyz\n");
        let note = Redaction::new(&two, true)
            .note(Lang::Fr, 1)
            .unwrap_or_default();
        assert!(note.starts_with("2 secrets masqués"), "{note}");
    }
}
