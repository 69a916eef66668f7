//! Step headers of `circleci local execute` / `circleci build` output: `====>> Step name`.
//!
//! The CLI prints the header right after the previous step's last byte, so a header may sit at the
//! end of a line (`...masked in run step output.====>> Checkout code`): that line starts the step.
//! An unnamed run step is titled with its whole command, which may span lines: the first one is the
//! title, the others belong to the step.

use super::lines::LogLines;
use super::titles::TitleMarker;

/// The header marker the local CLI prints.
pub(crate) const HEADER: &str = "====>> ";

/// Whether `lines` holds at least one local-execute header.
pub(crate) fn has_headers(lines: &LogLines) -> bool {
    lines.iter().any(|line| line.contains(HEADER))
}

/// Finds the step headers, in order.
pub(crate) fn local_execute_titles(lines: &LogLines) -> Vec<TitleMarker> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(line, text)| {
            let start = text.find(HEADER)?;
            let title = text[start + HEADER.len()..].trim().to_owned();
            Some(TitleMarker {
                line,
                title,
                duration_ms: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_at_line_start_and_glued() {
        let lines = LogLines::render(
            "Docker image digest: sha256:abc\n====>> Spin up environment\nBuild-agent version  ()\nmasked in run step output.====>> Checkout code\n",
        );
        assert!(has_headers(&lines));
        let markers = local_execute_titles(&lines);
        let found: Vec<_> = markers
            .iter()
            .map(|marker| (marker.line, marker.title.as_str()))
            .collect();
        assert_eq!(found, [(1, "Spin up environment"), (3, "Checkout code")]);
    }

    #[test]
    fn plain_text_has_no_header() {
        assert!(!has_headers(&LogLines::render(
            "====> not quite\nSpin up environment\n"
        )));
    }
}
