//! Arbitrary bytes (decoded lossily) into the log parser, looking at the failure causes it finds.
//!
//! Properties: it never panics; a failure cause is only on a failed phase; every cause points at a line
//! of its own phase and lists that line first among its evidence; causes come most specific first;
//! every argument is non-empty and bounded; both summaries can be written; the failure summary, when
//! there is one, names a failed phase.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pipelens_core::log::causes::{Level, LONGEST_ARG, MOST_EVIDENCE};
use pipelens_core::log::{parse_log, PhaseStatus};
use pipelens_core::Lang;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = parse_log(&text);
    for phase in &report.phases {
        let mut rank = 0;
        for cause in &phase.causes {
            if cause.id.level() == Level::Failure {
                assert_eq!(phase.status, PhaseStatus::Failed, "a failure cause on a phase that did not fail");
            }
            assert!(phase.lines.contains(&cause.line), "a cause outside its phase");
            assert_eq!(cause.evidence.first(), Some(&cause.line), "the cause's line is not its first evidence");
            assert!(cause.evidence.len() <= MOST_EVIDENCE, "too much evidence");
            assert!(cause.evidence.iter().all(|line| phase.lines.contains(line)), "evidence outside its phase");
            assert!(cause.id.rank() >= rank, "causes out of order");
            rank = cause.id.rank();
            for arg in &cause.args {
                assert!(!arg.value.trim().is_empty(), "an empty argument");
                assert!(arg.value.chars().count() <= LONGEST_ARG + 1, "an argument too long");
            }
            for lang in Lang::ALL {
                assert!(!cause.summary(lang).is_empty());
            }
        }
    }
    if let Some(failure) = report.failure() {
        assert_eq!(report.phases[failure.phase].status, PhaseStatus::Failed);
        if let Some(line) = failure.line {
            assert!(report.phases[failure.phase].lines.contains(&line), "the summary's line outside its phase");
        }
    }
});
