//! Arbitrary bytes (decoded lossily, as the site decodes a dropped file) into the log parser.
//!
//! Properties: it never panics; its phases cover every line exactly once, in order, none empty; every
//! error line lies inside its phase.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pipelens_core::log::parse_log;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = parse_log(&text);
    let mut next = 0;
    for phase in &report.phases {
        assert_eq!(
            phase.lines.start, next,
            "a gap or an overlap before a phase"
        );
        assert!(phase.lines.end > phase.lines.start, "an empty phase");
        if let Some(line) = phase.error_line {
            assert!(
                phase.lines.contains(&line),
                "an error line outside its phase"
            );
        }
        next = phase.lines.end;
    }
    assert_eq!(
        next,
        report.lines.len(),
        "the phases do not reach the last line"
    );
});
