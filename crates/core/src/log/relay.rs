//! Lines one tool relays from another, or stamps: git prints what the remote says under `remote: ` (a
//! Heroku build, a server hook), BuildKit prefixes a build step's output with `#12 0.532 ` and its error
//! with `#12 `, fastlane prints its time first (`[14:02:33]: `). The causes and the first error line
//! read what such a line says, without its prefix.

/// `text` (a trimmed line) without the prefix a relaying tool put before it; the line itself when it
/// has none.
pub(crate) fn relayed(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix("remote:") {
        return rest.trim_start();
    }
    buildkit_output(text)
        .or_else(|| buildkit_error(text))
        .or_else(|| fastlane_output(text))
        .unwrap_or(text)
}

/// BuildKit's error line without its step: `#16 ERROR: failed to push ...`.
fn buildkit_error(text: &str) -> Option<&str> {
    let (step, rest) = text.strip_prefix('#')?.split_once(' ')?;
    let digits = !step.is_empty() && step.bytes().all(|byte| byte.is_ascii_digit());
    (digits && rest.starts_with("ERROR")).then_some(rest)
}

/// What fastlane prints after its time: `[14:02:33]: Error: ...`.
fn fastlane_output(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('[')?;
    let (time, output) = rest.split_once("]: ")?;
    let shape = time.len() == 8
        && time.bytes().enumerate().all(|(at, byte)| {
            if at == 2 || at == 5 {
                byte == b':'
            } else {
                byte.is_ascii_digit()
            }
        });
    shape.then_some(output)
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
    fn buildkit_errors_and_fastlane_lines_are_read_without_their_prefix() {
        assert_eq!(
            relayed("#16 ERROR: failed to push 1234.dkr.ecr.us-east-1.amazonaws.com/app:1"),
            "ERROR: failed to push 1234.dkr.ecr.us-east-1.amazonaws.com/app:1"
        );
        assert_eq!(
            relayed("[14:02:33]: Error: There are no local code signing identities found."),
            "Error: There are no local code signing identities found."
        );
        assert_eq!(
            relayed("[1/4] Resolving packages..."),
            "[1/4] Resolving packages..."
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
