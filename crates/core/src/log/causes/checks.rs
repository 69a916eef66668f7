//! The checks of needles whose text alone is not enough: a count that must not be zero, a path where a
//! word must be, the step a line must be in. Each reads only the line it is given.

use super::catalogue::LineContext;

const SPIN_UP: &str = "Spin up environment";
const REMOTE_DOCKER: &str = "Setup a remote Docker engine";

/// A check that always passes (the needle alone is enough).
pub(crate) fn always(_: &LineContext<'_>) -> bool {
    true
}

/// The needle is the whole line.
pub(crate) fn whole_line(line: &LineContext<'_>) -> bool {
    line.at == 0 && line.end == line.text.len()
}

/// A host that could not be created for a reason other than an image no longer offered.
pub(crate) fn generic_host_failure(line: &LineContext<'_>) -> bool {
    !unsupported_machine_image(line) && !line.text.contains("Image docker-")
}

/// `failed to create host: Image xcode:10.2.0 is not supported` (a machine or macOS image).
pub(crate) fn unsupported_machine_image(line: &LineContext<'_>) -> bool {
    line.text.contains("is not supported") && !line.text.contains("Image docker-")
}

/// `Image docker-20.10.7 is not supported`, or any such line in Setup a remote Docker engine.
pub(crate) fn unsupported_remote_docker(line: &LineContext<'_>) -> bool {
    line.text.contains("is not supported") || line.is_step(REMOTE_DOCKER)
}

/// Refused, not replaced: `... Default class medium will be used.` lets the job run.
pub(crate) fn resource_class_refused(line: &LineContext<'_>) -> bool {
    (line.text.contains("is not available") || line.text.contains("not a valid resource class"))
        && !line.text.contains("will be used")
}

/// `This job has been blocked because resource-class:large is not available on your plan`.
pub(crate) fn not_on_plan(line: &LineContext<'_>) -> bool {
    line.text.contains("not available on your plan")
}

/// `manifest for cimg/node:20 not found`.
pub(crate) fn manifest_not_found(line: &LineContext<'_>) -> bool {
    line.rest().contains(" not found")
}

/// A daemon error that refuses an image in the spin-up of the job (the primary or a secondary
/// container); a run step's `docker login` or `docker push` is another story.
pub(crate) fn refused_in_spin_up(line: &LineContext<'_>) -> bool {
    let refused = [
        "unauthorized",
        "denied",
        "incorrect username or password",
        "authentication required",
    ]
    .iter()
    .any(|word| line.text.contains(word));
    refused && line.is_step(SPIN_UP)
}

/// A refusal that is not about pulling an image (`pull access denied` is an image the job could not get).
pub(crate) fn not_a_pull(line: &LineContext<'_>) -> bool {
    !line.text.contains("pull access denied")
}

/// `Get "https://...": context deadline exceeded`: an HTTP request that timed out.
pub(crate) fn http_request(line: &LineContext<'_>) -> bool {
    let before = line.before();
    before.contains("Get ") || before.contains("Post ") || before.contains("dial tcp")
}

/// Anywhere but the spin-up of the job.
pub(crate) fn not_in_spin_up(line: &LineContext<'_>) -> bool {
    !line.is_step(SPIN_UP)
}

/// `/bin/bash: line 1:  2440 Killed   python train.py`, `Killed` alone, `bash: line 3: 12 Killed`.
pub(crate) fn killed_by_the_kernel(line: &LineContext<'_>) -> bool {
    if line.text.get(line.at..line.end) != Some("Killed") {
        return false;
    }
    let before = line.before();
    let after = line.rest();
    let alone = before.is_empty() && after.trim().is_empty();
    let by_the_shell =
        before.ends_with(' ')
            && before.trim_end().rsplit(' ').next().is_some_and(|pid| {
                !pid.is_empty() && pid.bytes().all(|byte| byte.is_ascii_digit())
            });
    alone || by_the_shell
}

/// `/tmp/.bash_env-...: line 39: README.md: command not found`, or a `cat` of a missing `$BASH_ENV`.
pub(crate) fn broken_bash_env(line: &LineContext<'_>) -> bool {
    line.text.contains("command not found")
        || line.text.contains("syntax error")
        || line.text.contains("No such file or directory")
}

/// `Load key "/home/circleci/.ssh/id_rsa": invalid format` (or `error in libcrypto` on Windows).
pub(crate) fn invalid_key(line: &LineContext<'_>) -> bool {
    line.text.contains("invalid format") || line.text.contains("error in libcrypto")
}

/// `/bin/bash: line 3: ruff: command not found`, `bash: foo: command not found`.
pub(crate) fn command_not_found(line: &LineContext<'_>) -> bool {
    line.at > 0
}

/// `/bin/sh: 1: foo: not found` (dash), `/bin/sh: foo: not found` (busybox), and dash running a script:
/// `./build.sh: 47: ./build.sh: g++: not found` (the script, its line, the script again, the command).
pub(crate) fn sh_not_found(line: &LineContext<'_>) -> bool {
    if !line.rest().trim().is_empty() {
        return false;
    }
    let numbered = |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    let command = |part: &str| !part.is_empty() && !part.contains(' ');
    let parts: Vec<&str> = line.before().split(": ").collect();
    match parts.as_slice() {
        [shell, name] => shell.ends_with("sh") && command(name),
        [shell, number, name] => shell.ends_with("sh") && numbered(number) && command(name),
        [script, number, again, name] => {
            script == again && !script.contains(' ') && numbered(number) && command(name)
        }
        _ => false,
    }
}

/// The shell prefix of a line, and the place in the script after it: `/bin/bash: line 3: `, `bash: `,
/// `/bin/sh: 1: `; `None` when the line does not start with a shell.
fn after_the_shell(before: &str) -> Option<&str> {
    let rest = [
        "/bin/bash: ",
        "/bin/sh: ",
        "/usr/bin/env: ",
        "bash: ",
        "sh: ",
    ]
    .iter()
    .find_map(|shell| before.strip_prefix(shell))?;
    Some(match rest.split_once(": ") {
        Some((place, after))
            if place.starts_with("line ") || place.bytes().all(|byte| byte.is_ascii_digit()) =>
        {
            after
        }
        _ => rest,
    })
}

/// The shell could not find the program it was told to run by its path:
/// `/bin/bash: ./deploy.sh: No such file or directory`, `/bin/bash: line 1: bin/ci: No such file or
/// directory` (exit code 127); not a tool's missing argument (`cat: x: No such file or directory`).
pub(crate) fn program_path_missing(line: &LineContext<'_>) -> bool {
    line.rest().trim().is_empty()
        && after_the_shell(line.before())
            .is_some_and(|path| !path.is_empty() && !path.contains(' ') && !path.contains(": "))
}

/// A command that needed a file or directory that is not there: `cat: out.txt: No such file or
/// directory`, `/bin/bash: line 0: cd: ./src/api: No such file or directory`, `ls: cannot access
/// 'dist': No such file or directory`; not the shell missing the program itself
/// ([`program_path_missing`]), nor a broken `$BASH_ENV`, nor npm's own `ENOENT` report.
pub(crate) fn missing_path(line: &LineContext<'_>) -> bool {
    let before = line.before();
    if !line.rest().trim().is_empty()
        || before.contains(".bash_env")
        || before.starts_with("npm ")
        || program_path_missing(line)
    {
        return false;
    }
    let Some((tool, path)) = before.rsplit_once(": ") else {
        return false;
    };
    let tool = tool.rsplit(": ").next().unwrap_or(tool);
    // A path with a blank in it is quoted (`cannot access 'My Files'`): `psql: could not connect to
    // server: No such file or directory` names no path.
    let named_by_a_tool =
        !path.is_empty() && !path.contains(' ') && !tool.is_empty() && !tool.contains(' ');
    let quoted_by_a_tool = ["cannot access ", "cannot stat ", "cannot open "]
        .iter()
        .any(|words| path.starts_with(words));
    named_by_a_tool || quoted_by_a_tool
}

/// `Error applying workspace layer for job ...: Concurrent upstream jobs persisted the same file(s)` says
/// no more than the report above it, which has its own cause.
pub(crate) fn not_concurrent_files(line: &LineContext<'_>) -> bool {
    !line.text.contains("Concurrent upstream jobs")
}

/// `Post http:///var/run/docker.sock/...: dial unix /var/run/docker.sock: no such file or directory`
/// (no Docker engine), not `... connect: permission denied` (an engine the user may not use).
pub(crate) fn docker_socket_missing(line: &LineContext<'_>) -> bool {
    !line.text.contains("permission denied")
}

/// The shell refusing to run a file: `/bin/bash: line 1: ./deploy.sh: Permission denied`, `sh: 1:
/// ./x: Permission denied`, `npm ERR! sh: /x/.bin/husky: Permission denied`; not a tool that could not
/// write somewhere (`/bin/cp: cannot create regular file 'x': Permission denied`).
pub(crate) fn script_permission_denied(line: &LineContext<'_>) -> bool {
    if !line.rest().trim().is_empty() {
        return false;
    }
    let before = line.before();
    let before = before
        .strip_prefix("npm ERR! ")
        .or_else(|| before.strip_prefix("npm error "))
        .unwrap_or(before);
    // The place in the script (`line 3: `, `1: `) is skipped: what is left is the file.
    let Some(rest) = after_the_shell(before) else {
        return false;
    };
    !rest.is_empty() && !rest.contains(' ')
}

/// `Your Pipfile.lock (ee5679) is out of date. Expected: (c5ad03).`, not pipenv's own harmless
/// `Pipfile.lock (ee5679) out of date, updating to (c5ad03)...`.
pub(crate) fn pipfile_out_of_date(line: &LineContext<'_>) -> bool {
    line.text.contains("out of date") && !line.text.contains("updating to")
}

/// A line of npm's error output (`npm ERR!` until npm 10.5, `npm error` since 10.6).
pub(crate) fn npm_prefixed(line: &LineContext<'_>) -> bool {
    line.text.starts_with("npm ERR!") || line.text.starts_with("npm error")
}

/// `Error: Cannot find module 'express'` (CommonJS), not TypeScript's own diagnostic.
pub(crate) fn node_module_missing(line: &LineContext<'_>) -> bool {
    line.text.contains("Error: Cannot find module") || line.text.starts_with("Cannot find module")
}

/// pytest-cov: `FAIL Required test coverage of 80% not reached. Total coverage: 75.00%`.
pub(crate) fn coverage_not_reached(line: &LineContext<'_>) -> bool {
    line.text.contains("not reached")
}

/// nyc, c8 and Jest 30.4+: `Coverage for lines (75%) does not meet "global" threshold (80%)`.
pub(crate) fn coverage_does_not_meet(line: &LineContext<'_>) -> bool {
    line.before().contains("Coverage for ") && line.rest().contains("threshold")
}

/// Jest up to 30.3: `Jest: "global" coverage threshold for lines (80%) not met: 75%`.
pub(crate) fn coverage_not_met(line: &LineContext<'_>) -> bool {
    line.text.contains("not met")
}

/// mypy's `app/models.py:12: error: Incompatible types in assignment  [assignment]`.
pub(crate) fn mypy_error(line: &LineContext<'_>) -> bool {
    let before = line.before();
    let mut parts = before.rsplitn(2, ':');
    let number = parts.next().unwrap_or("");
    let path = parts.next().unwrap_or("");
    !number.is_empty()
        && number.bytes().all(|byte| byte.is_ascii_digit())
        && !path.is_empty()
        && !path.contains(' ')
}

/// RuboCop's `44 files inspected, 26 offenses detected`.
pub(crate) fn rubocop_offenses(line: &LineContext<'_>) -> bool {
    line.text.contains("inspected,") && !line.text.contains(" no offenses")
}

/// eslint's summary: `✖ 3 problems (3 errors, 0 warnings)`; warnings alone do not fail it.
pub(crate) fn eslint_problems(line: &LineContext<'_>) -> bool {
    let rest = line.rest();
    let errors = rest
        .split_once('(')
        .and_then(|(_, counts)| counts.split(' ').next())
        .and_then(|count| count.parse::<u64>().ok());
    rest.contains(" problem") && errors != Some(0)
}

/// ruff's `Found 3 errors.`, mypy's `Found 2 errors in 1 file (checked 10 source files)`.
pub(crate) fn lint_found_errors(line: &LineContext<'_>) -> bool {
    let rest = line.rest();
    line.at == 0
        && rest.split(' ').next().is_some_and(|count| {
            !count.is_empty() && count != "0" && count.bytes().all(|byte| byte.is_ascii_digit())
        })
        && (rest.contains(" error") || rest.contains(" violation"))
}

/// `ENOSPC` from a full disk, not the limit of file watchers that Node's watchers hit
/// (`Error: ENOSPC: System limit for number of file watchers reached`).
pub(crate) fn not_file_watchers(line: &LineContext<'_>) -> bool {
    !line.text.contains("file watchers")
}

/// An errno word (`ETIMEDOUT`, `ECONNRESET`, `EAI_AGAIN`) in a tool's error, not in the text of a test
/// or a warning: npm's `code` lines, `Error: connect ETIMEDOUT`, `getaddrinfo EAI_AGAIN`, `errno`.
pub(crate) fn errno_of_a_tool(line: &LineContext<'_>) -> bool {
    let text = line.text;
    text.starts_with("npm ERR!")
        || text.starts_with("npm error")
        || text.contains("Error: connect")
        || text.contains("Error: read")
        || text.contains("getaddrinfo")
        || text.contains("errno")
        || text.contains("request to http")
}

/// `cannot load such file -- /opt/circleci/.../gems/bundler-1.16.3/exe/bundle (LoadError)`: the
/// `bundle` program of a Bundler version that is not installed.
pub(crate) fn bundler_executable(line: &LineContext<'_>) -> bool {
    let before = line.before();
    before.contains("cannot load such file") && before.contains("/bundler-")
}

/// `Tested 143 dependencies for known issues, found 2 issues.`, not `found 0 issues`.
pub(crate) fn some_found(line: &LineContext<'_>) -> bool {
    let count = line.rest().split_whitespace().next().unwrap_or("");
    !count.is_empty() && count.bytes().all(|byte| byte.is_ascii_digit()) && count != "0"
}

/// An HTTP status of 400 or more right after the needle: `The requested URL returned error: 403`,
/// `awaiting response... 404 Not Found`.
pub(crate) fn http_error(line: &LineContext<'_>) -> bool {
    is_error_status(line.rest())
}

/// wget's `ERROR 404: Not Found.`: the needle holds the status's first digit.
pub(crate) fn wget_error(line: &LineContext<'_>) -> bool {
    let status = line.text.get(line.end - 1..).unwrap_or("");
    is_error_status(status) && status.get(3..4) == Some(":")
}

/// Whether `text` starts with a three-digit HTTP status of 400 to 599.
fn is_error_status(text: &str) -> bool {
    let status = text.get(..3).unwrap_or("");
    status.bytes().all(|byte| byte.is_ascii_digit())
        && matches!(status.as_bytes().first(), Some(b'4' | b'5'))
        && !text
            .as_bytes()
            .get(3)
            .is_some_and(|byte| byte.is_ascii_digit())
}

/// A connection to this machine, where the services of a job listen: `dial tcp 127.0.0.1:5432: connect:
/// connection refused`, `connection to server at "localhost" (127.0.0.1), port 5432 failed`, `Error 111
/// connecting to localhost:6379`; not to a host elsewhere (a network failure).
pub(crate) fn local_address(line: &LineContext<'_>) -> bool {
    ["127.0.0.1", "localhost", "[::1]", "0.0.0.0"]
        .iter()
        .any(|host| line.text.contains(host))
}
