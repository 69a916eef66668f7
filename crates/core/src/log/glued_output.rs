//! A run step's output glued under a built-in step's title: an excerpt that copies a cache, workspace,
//! artifacts or test-results step and then the output of the run step after it, without that step's
//! title, reads as one titled region. Such steps never print a run step's footer (`Exited with code 1`),
//! so when their region holds one, the lines from the blank line that parts the two belong to a run step
//! of their own, and the built-in step is not blamed for its exit code.

use std::ops::Range;

use super::lines::LogLines;
use super::signatures::signature;
use super::status::footer_exit_code;
use crate::phases::{phase_of_config_key, KnownPhase};

/// The configuration keys of the built-in steps that print no run-step footer.
const NO_FOOTER_STEPS: &[&str] = &[
    "save_cache",
    "restore_cache",
    "persist_to_workspace",
    "attach_workspace",
    "store_artifacts",
    "store_test_results",
];

/// Where, in `body` (the lines under the title of `phase`), the output of a run step glued to it starts:
/// the first non-blank line after the first blank line from which no line is the step's own
/// (a signature of `phase`) until a run-step footer; `None` when `phase` prints footers itself, or when
/// nothing in `body` is such output.
pub(crate) fn glued_run_output(
    lines: &LogLines,
    phase: &'static KnownPhase,
    body: Range<usize>,
) -> Option<usize> {
    if !NO_FOOTER_STEPS
        .iter()
        .any(|key| phase_of_config_key(key).is_some_and(|step| std::ptr::eq(step, phase)))
    {
        return None;
    }
    let footer = body
        .clone()
        .find(|&index| footer_exit_code(lines.text(index).trim()).is_some())?;
    let own = |index: usize| signature(lines.text(index)).is_some_and(|found| found.phase == phase);
    let blank = |index: usize| lines.text(index).trim().is_empty();
    let last_own = (body.start..footer).rev().find(|&index| own(index));
    let after_own = last_own.map_or(body.start, |index| index + 1);
    let gap = (after_own..footer).find(|&index| blank(index))?;
    (gap..footer).find(|&index| !blank(index))
}

#[cfg(test)]
mod tests {
    use crate::log::parse_log;

    /// The titles and statuses of the phases of `text`.
    fn phases(text: &str) -> Vec<(String, String)> {
        parse_log(text)
            .phases
            .iter()
            .map(|phase| (phase.title.clone(), format!("{:?}", phase.status)))
            .collect()
    }

    #[test]
    fn a_run_step_after_a_skipped_save_is_a_step_of_its_own() {
        // checkstyle/checkstyle issue 6093: the save is skipped (a fork's pull request), and the next
        // step's output, pasted without its title, fails.
        let text = "Saving Cache\nWarning: skipping this step: disabled in configuration\n\ncat: .ci-temp/skip_ci: No such file or directory\nExited with code 1\n";
        let found = phases(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "Saving cache");
        assert_ne!(found[0].1, "Failed", "{found:?}");
        assert_eq!(found[1].1, "Failed", "{found:?}");
    }

    #[test]
    fn a_built_in_step_without_a_footer_keeps_its_lines() {
        let text = "Saving cache\nCreating cache archive...\nUploading cache archive...\n\nStored Cache to v1-deps-abc\n  * /home/circleci/.cache/pip\n";
        assert_eq!(phases(text).len(), 1);
    }
}
