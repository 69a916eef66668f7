//! How far the parser has got, reported to a caller that shows it (the web app's progress bar).
//!
//! The parser walks the input in stages; each stage owns a share of the range 0.0–1.0 and reports its
//! own advance inside that share. Reports are cheap and rare: a stage reports once per
//! [`LINES_PER_REPORT`] lines or per [`BYTES_PER_REPORT`] bytes, never per line, and a report never
//! goes back or repeats.

/// How many lines a stage walks between two reports.
pub(crate) const LINES_PER_REPORT: usize = 16_384;

/// How many bytes of input the line renderer reads between two reports.
pub(crate) const BYTES_PER_REPORT: usize = 64 * 1024;

/// The share of the work each stage ends at: rendering lines, finding titles, building phases.
pub(crate) const RENDERED: f32 = 0.35;
/// Where title detection ends (see [`RENDERED`]).
pub(crate) const TITLED: f32 = 0.55;

/// Passes the parser's advance to the caller's callback, monotonically, ending at 1.0.
pub(crate) struct Progress<'a> {
    callback: &'a mut dyn FnMut(f32),
    last: f32,
    /// Where the current stage starts and how wide it is.
    stage_start: f32,
    stage_width: f32,
}

impl<'a> Progress<'a> {
    /// Progress at 0.0, reporting to `callback`.
    pub(crate) fn new(callback: &'a mut dyn FnMut(f32)) -> Self {
        Self {
            callback,
            last: 0.0,
            stage_start: 0.0,
            stage_width: 0.0,
        }
    }

    /// Starts the stage that covers the overall range from where the last one ended to `end`.
    pub(crate) fn stage(&mut self, end: f32) {
        self.stage_start = self.last;
        self.stage_width = (end - self.last).max(0.0);
    }

    /// Reports that the current stage has done `done` of its `total` units.
    pub(crate) fn advance(&mut self, done: usize, total: usize) {
        let share = if total == 0 {
            1.0
        } else {
            (done.min(total) as f64 / total as f64) as f32
        };
        self.report(self.stage_start + self.stage_width * share);
    }

    /// Reports the end of the whole parse.
    pub(crate) fn finish(&mut self) {
        self.report(1.0);
    }

    /// Calls the callback with `fraction` if it moves the bar forward.
    fn report(&mut self, fraction: f32) {
        let fraction = fraction.clamp(0.0, 1.0);
        if fraction > self.last {
            self.last = fraction;
            (self.callback)(fraction);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_share_the_range_and_never_go_back() {
        let mut seen = Vec::new();
        let mut record = |fraction: f32| seen.push(fraction);
        let mut progress = Progress::new(&mut record);
        progress.stage(0.5);
        progress.advance(1, 2);
        progress.advance(1, 2);
        progress.advance(0, 2);
        progress.advance(2, 2);
        progress.stage(1.0);
        progress.advance(5, 10);
        progress.advance(0, 0);
        progress.finish();
        assert_eq!(seen, [0.25, 0.5, 0.75, 1.0]);
    }
}
