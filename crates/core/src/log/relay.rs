//! Lines one tool relays from another: git prints what the remote says under `remote: ` (a Heroku
//! build, a server hook), BuildKit prefixes a build step's output with `#12 0.532 `. The causes and the
//! first error line read what such a line says, without its prefix.

/// `text` (a trimmed line) without the prefix a relaying tool put before it; the line itself when it
/// has none.
pub(crate) fn relayed(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix("remote:") {
        return rest.trim_start();
    }
    buildkit_output(text).unwrap_or(text)
}

/// What follows BuildKit's `#<step> <seconds> ` (plain progress output: `#12 0.532 npm ERR! ...`).
fn buildkit_output(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('#')?;
    let (step, rest) = rest.split_once(' ')?;
    let (seconds, output) = rest.split_once(' ')?;
    let (whole, fraction) = seconds.split_once('.')?;
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    (digits(step) && digits(whole) && digits(fraction)).then(|| output.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_remote_lines_are_read_without_their_prefix() {
        assert_eq!(
            relayed("remote: sh: 1: cross-env: not found"),
            "sh: 1: cross-env: not found"
        );
        assert_eq!(
            relayed("remote:        npm ERR! code ELIFECYCLE"),
            "npm ERR! code ELIFECYCLE"
        );
        assert_eq!(relayed("remote:"), "");
    }

    #[test]
    fn buildkit_output_is_read_without_its_step_and_time() {
        assert_eq!(
            relayed("#12 0.532 npm ERR! code E404"),
            "npm ERR! code E404"
        );
        assert_eq!(
            relayed("#8 12.07 /bin/sh: 1: yarn: not found"),
            "/bin/sh: 1: yarn: not found"
        );
    }

    #[test]
    fn other_lines_are_left_as_they_are() {
        for line in [
            "#12 [3/5] RUN npm ci",
            "#12 DONE 0.5s",
            "# a comment",
            "#!/bin/bash -eo pipefail",
            "remotely: nothing",
            "Error: remote: no",
        ] {
            assert_eq!(relayed(line), line);
        }
    }
}
