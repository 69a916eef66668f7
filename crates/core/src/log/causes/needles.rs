//! Every needle of the catalogue in one Aho-Corasick automaton, built once: each line is read once,
//! in time linear in its length, whatever the number of causes.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::catalogue::{At, CauseId, LineContext, Needle};
use crate::phases::KnownPhase;

/// The longest part of a line that is searched: a minified bundle printed on one line says nothing a
/// person reads, and its first bytes are enough.
pub(crate) const SEARCHED_BYTES: usize = 4096;

/// The automaton and, for each of its patterns, the cause and needle it stands for.
struct Needles {
    automaton: AhoCorasick,
    owners: Vec<(CauseId, Needle)>,
}

static NEEDLES: LazyLock<Needles> = LazyLock::new(|| {
    let owners: Vec<(CauseId, Needle)> = CauseId::ALL
        .iter()
        .flat_map(|&id| id.spec().needles.iter().map(move |needle| (id, *needle)))
        .collect();
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(owners.iter().map(|(_, needle)| needle.text))
        .expect("the needles are valid patterns");
    Needles { automaton, owners }
});

/// Calls `found` with the cause of every needle on `text` (a trimmed line) that passes its checks.
pub(crate) fn search(
    text: &str,
    in_script: bool,
    phase: Option<&'static KnownPhase>,
    found: &mut impl FnMut(CauseId),
) {
    let mut end = text.len().min(SEARCHED_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let haystack = &text[..end];
    let needles = &*NEEDLES;
    for hit in needles.automaton.find_overlapping_iter(haystack) {
        let (cause, needle) = needles.owners[hit.pattern().as_usize()];
        if in_script && !needle.in_script {
            continue;
        }
        if needle.at == At::Start
            && (hit.start() != 0 || haystack.get(hit.range()) != Some(needle.text))
        {
            continue;
        }
        let context = LineContext {
            text: haystack,
            at: hit.start(),
            end: hit.end(),
            phase,
        };
        if needle.check.is_none_or(|check| check(&context)) {
            found(cause);
        }
    }
}

/// How many needles the automaton holds.
#[cfg(test)]
pub(crate) fn count() -> usize {
    NEEDLES.owners.len()
}
