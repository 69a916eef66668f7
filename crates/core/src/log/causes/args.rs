//! Reading the arguments of a cause from its evidence: small parsers, one per shape of line.

use std::ops::Range;

use super::{ArgName, CauseArg, LONGEST_ARG};
pub(crate) use crate::log::errors::is_lint_location;
use crate::log::lines::LogLines;
use crate::log::relay::relayed;

/// What an argument reader sees: the phase's lines and the lines that showed the cause.
#[derive(Debug, Clone)]
pub(crate) struct Evidence<'a> {
    /// Every line of the report.
    pub(crate) lines: &'a LogLines,
    /// The phase's lines.
    pub(crate) range: Range<usize>,
    /// The lines that showed the cause, in order (the exit footer for a cause shown by its code).
    pub(crate) hits: &'a [usize],
    /// The phase's exit code.
    pub(crate) exit_code: Option<i32>,
}

impl<'a> Evidence<'a> {
    /// A line, trimmed, without the prefix of a tool that relays it ([`relayed`]).
    pub(crate) fn text(&self, index: usize) -> &'a str {
        relayed(self.lines.text(index).trim())
    }

    /// The evidence lines, trimmed.
    pub(crate) fn hit_texts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.hits.iter().map(|&index| self.text(index))
    }

    /// The phase's lines, trimmed, blank ones left out.
    pub(crate) fn phase_texts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.range
            .clone()
            .map(|index| self.text(index))
            .filter(|text| !text.is_empty())
    }

    /// The first non-blank line after `index` in the phase.
    pub(crate) fn next_text(&self, index: usize) -> Option<&'a str> {
        (index + 1..self.range.end)
            .map(|next| self.text(next))
            .find(|text| !text.is_empty())
    }

    /// The first evidence line that contains `needle`, and what follows it there.
    pub(crate) fn after(&self, needle: &str) -> Option<&'a str> {
        self.hit_texts()
            .find_map(|text| text.find(needle).map(|at| &text[at + needle.len()..]))
    }

    /// The first line around the evidence (up to [`LINES_BEFORE`] lines before it, [`LINES_AFTER`] after
    /// it, in the phase) that contains `needle`, and what follows it there. What names a cause's subject
    /// (the command, the image, the key) is printed near it; a step of a million lines is not read whole.
    pub(crate) fn after_in_phase(&self, needle: &str) -> Option<&'a str> {
        let first = self.hits.first().copied().unwrap_or(self.range.start);
        let last = self.hits.last().copied().unwrap_or(self.range.start);
        let start = first.saturating_sub(LINES_BEFORE).max(self.range.start);
        let end = (last + LINES_AFTER).min(self.range.end);
        (start..end)
            .map(|index| self.text(index))
            .find_map(|text| text.find(needle).map(|at| &text[at + needle.len()..]))
    }
}

/// How far before the first evidence line [`Evidence::after_in_phase`] looks.
const LINES_BEFORE: usize = 300;

/// How far after the last evidence line [`Evidence::after_in_phase`] looks.
const LINES_AFTER: usize = 30;

/// Reads the arguments of a cause.
pub(crate) type ArgReader = fn(&Evidence<'_>) -> Vec<CauseArg>;

/// Picks the line of a cause a person should read first.
pub(crate) type LinePicker = fn(&Evidence<'_>) -> Option<usize>;

/// An argument, trimmed and bounded; `None` when empty.
pub(crate) fn arg(name: ArgName, value: &str) -> Option<CauseArg> {
    let value = value.trim().trim_end_matches(['.', ',', ';']).trim();
    if value.is_empty() {
        return None;
    }
    let value = match value.char_indices().nth(LONGEST_ARG) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_owned(),
    };
    Some(CauseArg { name, value })
}

/// The text between the first pair of `open` and `close` in `text`.
pub(crate) fn between(text: &str, open: char, close: char) -> Option<&str> {
    let start = text.find(open)? + open.len_utf8();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// The first word of `text` (up to a blank).
pub(crate) fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// No argument.
pub(crate) fn nothing(_: &Evidence<'_>) -> Vec<CauseArg> {
    Vec::new()
}

/// The phase's exit code.
pub(crate) fn exit_code(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .exit_code
        .and_then(|code| arg(ArgName::ExitCode, &code.to_string()))
        .into_iter()
        .collect()
}

/// The exit code and, when the lines say the kernel killed the process (exit 137, `Killed`, `signal:
/// killed`, `SIGKILL`), the signal: a runtime that stopped at its own limit (Python's `MemoryError`) was
/// not killed.
pub(crate) fn out_of_memory(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let killed = evidence.exit_code == Some(137)
        || evidence.hit_texts().any(|text| {
            text.contains("Killed")
                || text.contains("signal: killed")
                || text.contains("SIGKILL")
                || text.contains("\"killed\" signal")
                || text.contains("137")
        });
    // A test JVM or a Gradle daemon that vanished says only that it died: memory is the likely
    // reason, not a fact the log states, unless something else in it says the kernel killed it.
    let only_vanished = !killed
        && evidence
            .hit_texts()
            .all(|text| VANISHED.iter().any(|words| text.contains(words)));
    let vanished = only_vanished
        .then(|| {
            evidence
                .hit_texts()
                .find_map(|text| VANISHED.iter().find(|words| text.contains(**words)))
                .and_then(|words| arg(ArgName::Detail, words))
        })
        .flatten();
    exit_code(evidence)
        .into_iter()
        .chain(killed.then(|| arg(ArgName::Signal, "SIGKILL")).flatten())
        .chain(vanished)
        .collect()
}

/// What a JVM test fork or a Gradle daemon prints when it dies without saying why.
const VANISHED: &[&str] = &[
    "The forked VM terminated without properly saying goodbye",
    "Gradle build daemon disappeared unexpectedly",
];

/// The exit code and the signal it means: 143 is SIGTERM, 130 SIGINT.
pub(crate) fn terminated(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let signal = match evidence.exit_code {
        Some(143) => Some("SIGTERM"),
        Some(130) => Some("SIGINT"),
        _ if evidence
            .hit_texts()
            .any(|text| text.contains("terminated") || text.contains("Terminated")) =>
        {
            Some("SIGTERM")
        }
        _ => None,
    };
    exit_code(evidence)
        .into_iter()
        .chain(signal.and_then(|signal| arg(ArgName::Signal, signal)))
        .collect()
}

/// Why a cache could not be stored: CircleCI's storage said so, or the message after the first `: `.
pub(crate) fn cache_upload(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    const STORAGE: &str = "an unexpected storage error occurred";
    if evidence.hit_texts().any(|text| text.contains(STORAGE)) {
        return arg(ArgName::Detail, STORAGE).into_iter().collect();
    }
    detail_after_colon(evidence)
}

/// What follows the first `: ` of the first evidence line (`Error untarring cache: exit status 2`).
pub(crate) fn detail_after_colon(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .hit_texts()
        .next()
        .and_then(|text| text.split_once(": ").map(|(_, rest)| rest))
        .and_then(|rest| arg(ArgName::Detail, rest))
        .into_iter()
        .collect()
}

/// The detail of a configuration error: the line after the heading, without its `#` or `*`.
pub(crate) fn config_detail(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let Some(&first) = evidence.hits.first() else {
        return Vec::new();
    };
    let heading = evidence.text(first);
    let own = heading
        .split_once(": ")
        .map(|(_, rest)| rest.trim())
        .filter(|rest| rest.len() > 3 && !rest.ends_with(':'))
        .filter(|rest| !rest.eq_ignore_ascii_case("Unable to parse YAML"));
    let detail = own.or_else(|| {
        evidence
            .next_text(first)
            .map(|text| text.trim_start_matches(['#', '*', '-', ' ']))
    });
    detail
        .and_then(|detail| arg(ArgName::Detail, detail))
        .into_iter()
        .collect()
}

/// The job of ``Cannot find a job named `build` to run``.
pub(crate) fn config_job(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after("Cannot find a job named ")
        .and_then(|rest| between(rest, '`', '`').or_else(|| between(rest, '"', '"')))
        .and_then(|job| arg(ArgName::Job, job))
        .into_iter()
        .collect()
}

/// The orb of `Cannot find codecov/codecov@1.0.6 in the orb registry` or `Orb x/y@1 not loaded`.
pub(crate) fn orb(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let named = evidence.hit_texts().find_map(|text| {
        let text = text.trim_start_matches(['#', ' ']);
        text.strip_prefix("Cannot find ")
            .or_else(|| text.strip_prefix("Error: Cannot find "))
            .or_else(|| text.strip_prefix("Orb "))
            .or_else(|| text.strip_prefix("Error loading "))
            .map(first_word)
            .map(|orb| orb.trim_end_matches(':'))
    });
    named
        .and_then(|orb| arg(ArgName::Package, orb))
        .into_iter()
        .collect()
}

/// The image of `failed to create host: Image xcode:10.2.0 is not supported`.
pub(crate) fn machine_image(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after("Image ")
        .map(first_word)
        .or_else(|| {
            evidence
                .after_in_phase("Creating a dedicated VM with ")
                .map(|rest| rest.trim_end_matches(" image"))
        })
        .and_then(|image| arg(ArgName::Image, image))
        .into_iter()
        .collect()
}

/// The version of `Image docker-20.10.7 is not supported`, or of `Requesting version: 20.10.7`.
pub(crate) fn remote_docker_version(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after("Image docker-")
        .map(first_word)
        .or_else(|| evidence.after_in_phase("Requesting version:"))
        .and_then(|version| arg(ArgName::Detail, version))
        .into_iter()
        .collect()
}

/// The class of `Resource class docker for xlarge is not available` or `resource-class:large`.
pub(crate) fn resource_class(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let class = evidence.hit_texts().find_map(|text| {
        if let Some(rest) = text.split_once("resource-class:").map(|(_, rest)| rest) {
            return Some(first_word(rest));
        }
        let rest = text.split_once("Resource class ")?.1;
        // `Resource class docker for xlarge is not available` names the executor, then the class.
        match rest.split_once(" for ") {
            Some((executor, class)) if executor == "docker" || executor == "machine" => {
                Some(first_word(class))
            }
            _ => Some(first_word(rest)),
        }
    });
    class
        .and_then(|class| arg(ArgName::ResourceClass, class))
        .into_iter()
        .collect()
}

/// The image a spin-up or `docker pull` was getting: named on the error line, or on the last line before
/// it that started a container or its download (a job starts several: the one that failed is the last
/// started before the error).
pub(crate) fn image(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let on_the_line = evidence.hit_texts().find_map(|text| {
        if let Some(rest) = text
            .split_once("Error pulling image ")
            .map(|(_, rest)| rest)
        {
            return Some(first_word(rest).trim_end_matches(':'));
        }
        if let Some(rest) = text.split_once("manifest for ").map(|(_, rest)| rest) {
            return Some(first_word(rest));
        }
        if let Some((before, _)) = text.split_once(" targets wrong architecture") {
            if let Some((_, image)) = before.rsplit_once("docker image ") {
                return Some(first_word(image));
            }
        }
        if let Some(rest) = text
            .split_once("pull access denied for ")
            .map(|(_, rest)| rest)
        {
            return Some(first_word(rest).trim_end_matches(','));
        }
        None
    });
    let started = || {
        let first_hit = *evidence.hits.first()?;
        (evidence.range.start..=first_hit).rev().find_map(|index| {
            let text = evidence.text(index);
            [
                "Starting container ",
                "image cache not found on this host, downloading ",
            ]
            .iter()
            .find_map(|prefix| text.split_once(prefix).map(|(_, rest)| first_word(rest)))
        })
    };
    on_the_line
        .or_else(started)
        .and_then(|image| arg(ArgName::Image, image))
        .into_iter()
        .collect()
}

/// The limit of `Too long with no output (exceeded 10m0s): context deadline exceeded`.
pub(crate) fn no_output_limit(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after("(exceeded ")
        .and_then(|rest| rest.split(')').next())
        .and_then(|limit| arg(ArgName::Limit, limit))
        .into_iter()
        .collect()
}

/// The line of `$BASH_ENV` and the word run as a command: `/tmp/.bash_env-…: line 39: README.md:
/// command not found`.
pub(crate) fn bash_env(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let Some(text) = evidence.hit_texts().next() else {
        return Vec::new();
    };
    let command = text
        .strip_suffix(": command not found")
        .and_then(|rest| rest.rsplit(": ").next());
    command
        .and_then(|command| arg(ArgName::Command, command))
        .into_iter()
        .collect()
}

/// The repository a clone or an SSH access was for: `error running git clone "git@github.com:o/r.git"`,
/// `Cloning git repository - git@github.com:o/r.git`, a `git clone`, `git ls-remote` or `ssh://` address
/// of the phase (npm's private git dependencies), or none.
pub(crate) fn git_repository(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let from_error = evidence
        .after_in_phase("error running git clone ")
        .and_then(|rest| between(rest, '"', '"').or(Some(first_word(rest))));
    let from_progress = || {
        evidence
            .after_in_phase("Cloning git repository - ")
            .map(first_word)
    };
    let from_command = || {
        ["git clone ", "git ls-remote ", "clone of ", "ssh://"]
            .iter()
            .find_map(|marker| {
                let rest = evidence.after_in_phase(marker)?;
                let rest = if *marker == "ssh://" {
                    return Some(format!(
                        "ssh://{}",
                        first_word(rest).trim_matches(['"', '\'', ')'])
                    ));
                } else {
                    rest
                };
                rest.split_whitespace()
                    .find(|word| word.contains('@') || word.contains("://"))
                    .map(|url| url.trim_matches(['"', '\'']).to_owned())
            })
    };
    let url = from_error
        .or_else(from_progress)
        .map(str::to_owned)
        .or_else(from_command);
    url.filter(|url| url.contains(['@', '/', ':']))
        .and_then(|url| arg(ArgName::Repository, &url))
        .into_iter()
        .collect()
}

/// The directory of `Directory (/home/circleci/project) you are trying to checkout to is not empty`.
pub(crate) fn checkout_directory(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .hit_texts()
        .find_map(|text| between(text, '(', ')'))
        .and_then(|path| arg(ArgName::Path, path))
        .into_iter()
        .collect()
}

/// The file a cache key's checksum could not read: `... error calling checksum: open /home/x/lock:
/// no such file or directory`, or the quoted file of `<checksum "lock">`.
pub(crate) fn cache_key_file(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let text = evidence.hit_texts().next().unwrap_or("");
    let opened = text
        .split_once(": open ")
        .and_then(|(_, rest)| rest.split(": ").next());
    let quoted = || {
        text.split_once("checksum ")
            .and_then(|(_, rest)| between(rest, '"', '"'))
    };
    let mut args: Vec<CauseArg> = opened
        .or_else(quoted)
        .and_then(|file| arg(ArgName::File, file))
        .into_iter()
        .collect();
    if let Some(template) = text
        .split_once("executing \"cacheKey\" at <")
        .and_then(|(_, rest)| rest.split(">:").next())
    {
        args.extend(arg(ArgName::Detail, template));
    }
    args
}

/// The first path listed under the evidence line (`  - dist/app.js` after "Concurrent upstream jobs
/// persisted the same file(s) into the workspace:").
pub(crate) fn listed_path(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let Some(&first) = evidence.hits.first() else {
        return Vec::new();
    };
    let own = evidence
        .text(first)
        .split_once("workspace:")
        .map(|(_, rest)| rest.trim().trim_start_matches("- "))
        .filter(|rest| !rest.is_empty());
    own.or_else(|| {
        evidence
            .next_text(first)
            .and_then(|text| text.strip_prefix("- "))
    })
    .and_then(|path| arg(ArgName::Path, path))
    .into_iter()
    .collect()
}

/// The path of `The specified paths did not match any files in /tmp/x` or `stat /tmp/x: no such file`.
pub(crate) fn workspace_path(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let path = evidence.hit_texts().find_map(|text| {
        text.split_once("did not match any files in ")
            .map(|(_, rest)| rest)
            .or_else(|| {
                text.split_once("stat ")
                    .and_then(|(_, rest)| rest.split(": ").next())
            })
    });
    path.and_then(|path| arg(ArgName::Path, path))
        .into_iter()
        .collect()
}

/// The file of `failed uploading test results: File: <path> had the following problems:`.
pub(crate) fn test_results_file(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let file = evidence
        .after_in_phase("File: ")
        .and_then(|rest| rest.split(" had the following").next());
    let problem = evidence
        .hit_texts()
        .find(|text| text.contains("invalid "))
        .map(|text| text.trim_start_matches(['*', ' ']));
    file.and_then(|file| arg(ArgName::File, file))
        .into_iter()
        .chain(problem.and_then(|detail| arg(ArgName::Detail, detail)))
        .collect()
}

/// The registry of `Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized`.
pub(crate) fn registry(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .hit_texts()
        .find_map(|text| text.split_once("https://").map(|(_, rest)| rest))
        .and_then(|rest| rest.split(['/', '"', ':']).next())
        .and_then(|host| arg(ArgName::Host, host))
        .into_iter()
        .collect()
}

/// The repository of `The push refers to repository [docker.io/org/app]`.
pub(crate) fn push_repository(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after_in_phase("The push refers to repository ")
        .and_then(|rest| between(rest, '[', ']'))
        .and_then(|repository| arg(ArgName::Repository, repository))
        .into_iter()
        .collect()
}

/// The host of a network failure: `Could not resolve host: github.com`, `getaddrinfo ENOTFOUND
/// registry.npmjs.org`, `Failed to connect to x port 443`, a URL on the line.
pub(crate) fn host(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let host = evidence.hit_texts().find_map(|text| {
        for marker in [
            "Could not resolve host: ",
            "Could not resolve host ",
            "getaddrinfo ENOTFOUND ",
            "getaddrinfo EAI_AGAIN ",
            "Failed to connect to ",
            "Could not connect to ",
        ] {
            if let Some((_, rest)) = text.split_once(marker) {
                return Some(first_word(rest).trim_matches(['\'', '"', ':']));
            }
        }
        text.split_once("://")
            .map(|(_, rest)| rest.split(['/', '"', '\'', ' ', ')']).next().unwrap_or(""))
            .map(|host| host.split('@').next_back().unwrap_or(host))
    });
    host.filter(|host| host.contains('.') || host.contains(':'))
        .and_then(|host| arg(ArgName::Host, host))
        .into_iter()
        .collect()
}

/// The command of `/bin/bash: line 3: ruff: command not found`, `/bin/sh: 1: ruff: not found`,
/// `/bin/bash: ./deploy.sh: No such file or directory`, PowerShell's `The term 'npm' is not recognized
/// as the name of a cmdlet, ...`, or the agent's `failed to start cmd: exec: "/bin/bash": file does not
/// exist`.
pub(crate) fn missing_command(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let command = evidence.hit_texts().find_map(|text| {
        for (opening, closing) in [("The term '", "'"), ("failed to start cmd: exec: \"", "\"")] {
            if let Some((_, rest)) = text.split_once(opening) {
                return rest.split_once(closing).map(|(name, _)| name);
            }
        }
        let rest = text
            .strip_suffix(": command not found")
            .or_else(|| text.strip_suffix(": not found"))
            .or_else(|| text.strip_suffix(": No such file or directory"))?;
        rest.rsplit(": ").next()
    });
    command
        .and_then(|command| arg(ArgName::Command, command))
        .into_iter()
        .chain(exit_code(evidence))
        .collect()
}

/// The address of the engine in `Cannot connect to the Docker daemon at tcp://127.0.0.1:59249. Is the
/// docker daemon running?`, when the line names one.
pub(crate) fn docker_daemon(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let host = evidence.hit_texts().find_map(|text| {
        let (_, rest) = text.split_once("Cannot connect to the Docker daemon at ")?;
        Some(first_word(rest).trim_end_matches(['.', ',']))
    });
    host.and_then(|host| arg(ArgName::Host, host))
        .into_iter()
        .collect()
}

/// The path of `cat: out.txt: No such file or directory`, `/bin/bash: line 0: cd: ./src/api: No such
/// file or directory` or `ls: cannot access 'dist': No such file or directory`.
pub(crate) fn absent_path(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let path = evidence.hit_texts().find_map(|text| {
        let (_, path) = text
            .strip_suffix(": No such file or directory")?
            .rsplit_once(": ")?;
        let quoted = ['\'', '"', '‘', '’', '`']
            .iter()
            .find_map(|quote| path.split_once(*quote))
            .and_then(|(_, rest)| rest.split(['\'', '"', '’', '`']).next());
        Some(quoted.unwrap_or_else(|| path.rsplit(' ').next().unwrap_or(path)))
    });
    path.and_then(|path| arg(ArgName::Path, path))
        .into_iter()
        .chain(exit_code(evidence))
        .collect()
}

/// The file of `/bin/bash: line 1: ./deploy.sh: Permission denied`.
pub(crate) fn not_executable(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let file = evidence.hit_texts().find_map(|text| {
        text.strip_suffix(": Permission denied")
            .and_then(|rest| rest.rsplit(": ").next())
    });
    file.and_then(|file| arg(ArgName::File, file))
        .into_iter()
        .chain(exit_code(evidence))
        .collect()
}

/// The tool whose lock file is out of date, and the file.
pub(crate) fn lockfile(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let text = evidence.hit_texts().next().unwrap_or("");
    let (tool, file) = if text.contains("Pipfile.lock") {
        ("pipenv", "Pipfile.lock")
    } else if text.contains("package-lock.json") {
        ("npm", "package-lock.json")
    } else if text.contains("yarn was run with")
        || text.contains("lockfile would have been modified")
    {
        ("yarn", "yarn.lock")
    } else if text.contains("PNPM") {
        ("pnpm", "pnpm-lock.yaml")
    } else if text.contains("poetry.lock") {
        ("poetry", "poetry.lock")
    } else if text.contains("--locked") {
        ("cargo", "Cargo.lock")
    } else if text.contains("go.sum") {
        ("go", "go.sum")
    } else if text.contains("deployment mode") {
        ("bundler", "Gemfile.lock")
    } else {
        ("", "")
    };
    arg(ArgName::Tool, tool)
        .into_iter()
        .chain(arg(ArgName::File, file))
        .collect()
}

/// The requirement of `Could not find a version that satisfies the requirement ortools<7 (from ...)`.
pub(crate) fn requirement(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after("satisfies the requirement ")
        .or_else(|| evidence.after("No matching distribution found for "))
        .map(first_word)
        .and_then(|requirement| arg(ArgName::Package, requirement))
        .into_iter()
        .collect()
}

/// The module of `ModuleNotFoundError: No module named 'django'`.
pub(crate) fn python_module(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after("No module named ")
        .map(|rest| rest.trim().trim_matches(['\'', '"']))
        .and_then(|module| arg(ArgName::Package, module))
        .into_iter()
        .collect()
}

/// The module of `Error: Cannot find module 'express'` or of `Error [ERR_MODULE_NOT_FOUND]: Cannot find
/// package '@src/lib' imported from ...`.
pub(crate) fn node_module(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after("Cannot find module ")
        .or_else(|| evidence.after("Cannot find package "))
        .and_then(|rest| between(rest, '\'', '\''))
        .and_then(|module| arg(ArgName::Package, module))
        .into_iter()
        .collect()
}

/// The coverage reached and required: `FAIL Required test coverage of 80% not reached. Total coverage:
/// 75.00%`, `Coverage failure: total of 75 is less than fail-under=80`, jest's `... threshold for lines
/// (80%) not met: 75%`, nyc's `Coverage for lines (75%) does not meet global threshold (80%)`.
pub(crate) fn coverage(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let Some(text) = evidence.hit_texts().next() else {
        return Vec::new();
    };
    let (total, required) = if let Some(rest) = text.split_once("Required test coverage of ") {
        let required = first_word(rest.1);
        let total = text
            .split_once("Total coverage: ")
            .map(|(_, rest)| first_word(rest));
        (total, Some(required))
    } else if let Some((_, rest)) = text.split_once("Coverage failure: total of ") {
        let total = first_word(rest);
        let required = rest
            .split_once("fail-under=")
            .map(|(_, rest)| first_word(rest));
        (Some(total), required)
    } else if let Some((_, rest)) = text.split_once("coverage threshold for ") {
        let required = between(rest, '(', ')');
        let total = rest
            .split_once("not met: ")
            .map(|(_, rest)| first_word(rest));
        (total, required)
    } else if let Some((_, rest)) = text.split_once("Coverage for ") {
        let total = between(rest, '(', ')');
        let required = rest
            .split_once("threshold ")
            .and_then(|(_, rest)| between(rest, '(', ')'));
        (total, required)
    } else {
        (None, None)
    };
    total
        .and_then(|total| arg(ArgName::Total, total))
        .into_iter()
        .chain(required.and_then(|required| arg(ArgName::Required, required)))
        .collect()
}

/// How many problems a linter found, and the first place: counted from `path:line:col:` lines, or read
/// from its summary.
pub(crate) fn lint(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let locations: Vec<&str> = evidence
        .hit_texts()
        .filter(|text| is_lint_location(text))
        .collect();
    let reformat: Vec<&str> = evidence
        .hit_texts()
        .filter_map(|text| text.strip_prefix("would reformat "))
        .collect();
    let summary = evidence.hit_texts().find_map(|text| {
        let rest = text
            .strip_prefix("✖ ")
            .or_else(|| text.strip_prefix("Found "))?;
        Some(first_word(rest))
    });
    let first = locations
        .first()
        .map(|text| {
            let mut parts = text.splitn(4, ':');
            let place: Vec<&str> = parts.by_ref().take(3).collect();
            place.join(":")
        })
        .or_else(|| reformat.first().map(|path| (*path).to_owned()));
    let count = summary
        .map(str::to_owned)
        .or_else(|| (!locations.is_empty()).then(|| evidence_count(evidence)))
        .or_else(|| (!reformat.is_empty()).then(|| reformat.len().to_string()));
    count
        .and_then(|count| arg(ArgName::Count, &count))
        .into_iter()
        .chain(first.and_then(|first| arg(ArgName::Location, &first)))
        .collect()
}

/// How many `path:line:col:` lines the phase prints.
fn evidence_count(evidence: &Evidence<'_>) -> String {
    evidence
        .phase_texts()
        .filter(|text| is_lint_location(text))
        .count()
        .to_string()
}

/// The key of `No cache is found for key: v1-deps-abc` or of `Skipping cache generation, cache already
/// exists for key: v1-deps-abc`, or the key of the phase's `Found a cache from build 12 at <key>`.
pub(crate) fn cache_key(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after("for key: ")
        .or_else(|| evidence.after("for key "))
        .map(first_word)
        .or_else(|| {
            evidence
                .after_in_phase("Found a cache from build ")
                .and_then(|rest| rest.split_once(" at ").map(|(_, key)| first_word(key)))
        })
        .or_else(|| evidence.after_in_phase("Stored Cache to ").map(first_word))
        .and_then(|key| arg(ArgName::Key, key))
        .into_iter()
        .collect()
}

/// The path of `No artifact files found at /x`, `Unable to save test results from /x`.
pub(crate) fn missing_path(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let path = evidence.hit_texts().find_map(|text| {
        text.split_once("found at ")
            .or_else(|| text.split_once("test results from "))
            .map(|(_, rest)| first_word(rest))
    });
    path.and_then(|path| arg(ArgName::Path, path))
        .into_iter()
        .collect()
}

/// The key of the cache and the path that was missing when it was saved (`Warning: could not archive
/// /root/.ccache - Not found`).
pub(crate) fn empty_cache(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let path = evidence
        .after_in_phase("could not archive ")
        .map(|rest| rest.trim_end_matches(" - Not found"));
    cache_key(evidence)
        .into_iter()
        .chain(path.and_then(|path| arg(ArgName::Path, path)))
        .collect()
}

/// The Bundler version asked for: `Could not find 'bundler' (1.16.4) required by ...`, `can't find gem
/// bundler (>= 0.a)`, or the version in the path of `.../gems/bundler-1.16.3/exe/bundle (LoadError)`.
pub(crate) fn bundler_version(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let in_brackets = evidence
        .after("Could not find 'bundler' (")
        .and_then(|rest| rest.split(')').next());
    let in_path = || {
        evidence
            .after("/bundler-")
            .and_then(|rest| rest.split('/').next())
    };
    in_brackets
        .or_else(in_path)
        .and_then(|version| arg(ArgName::Version, version))
        .into_iter()
        .collect()
}

/// Composer's first problem: the line under `Problem 1` (`- Root composer.json requires php ^8.1 but
/// your php version (7.4.33) does not satisfy that requirement.`).
pub(crate) fn composer_problem(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let first = evidence
        .hits
        .first()
        .copied()
        .unwrap_or(evidence.range.start);
    let end = (first + LINES_AFTER).min(evidence.range.end);
    (first..end)
        .find(|&index| evidence.text(index) == "Problem 1")
        .and_then(|index| evidence.next_text(index))
        .map(|text| text.trim_start_matches("- "))
        .and_then(|problem| arg(ArgName::Detail, problem))
        .into_iter()
        .collect()
}

/// The package pip could not build: `Failed building wheel for ripser`, `Could not build wheels for
/// ripser, which is required ...`, `Failed to build installable wheels for some pyproject.toml based
/// projects (ripser)`.
pub(crate) fn wheel(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let named = evidence
        .after("Failed building wheel for ")
        .or_else(|| evidence.after("Could not build wheels for "))
        .map(|rest| first_word(rest).trim_end_matches([',', '.']))
        .or_else(|| {
            evidence
                .after("Failed to build installable wheels")
                .and_then(|rest| between(rest, '(', ')'))
        });
    named
        .and_then(|package| arg(ArgName::Package, package))
        .into_iter()
        .collect()
}

/// What a security scanner found: how many (`found 2 issues`, `2 incidents have been found`) and the
/// first vulnerable package (`✗ Critical severity vulnerability found in pcre2/libpcre2-8-0`).
pub(crate) fn findings(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let count = evidence
        .after("for known issues, found ")
        .map(first_word)
        .or_else(|| {
            evidence.hit_texts().find_map(|text| {
                let (before, _) = text.split_once(" have been found in file ")?;
                before.split_whitespace().rev().nth(1)
            })
        })
        .filter(|count| count.bytes().all(|byte| byte.is_ascii_digit()));
    let package = evidence
        .after("severity vulnerability found in ")
        .map(first_word);
    [
        count.and_then(|count| arg(ArgName::Count, count)),
        package.and_then(|package| arg(ArgName::Package, package)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The deployment of `error: deployment "web" exceeded its progress deadline` (also with the quotes
/// escaped, as Ansible prints a command's error inside JSON).
pub(crate) fn deployment(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .hit_texts()
        .find_map(|text| {
            let (before, _) = text.split_once(" exceeded its progress deadline")?;
            let (_, name) = before.rsplit_once("deployment ")?;
            Some(name.trim_matches(['"', '\\', '\'']))
        })
        .and_then(|name| arg(ArgName::Deployment, name))
        .into_iter()
        .collect()
}

/// Why the remote refused a push: `! [rejected] main -> main (fetch first)`, `! [remote rejected]
/// master -> master (pre-receive hook declined)`, Heroku's `Push rejected, failed to compile Node.js
/// app.`, GitHub's `GH006: Protected branch update failed for refs/heads/main.`
pub(crate) fn push_refusal(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let reason = evidence.hit_texts().find_map(|text| {
        if text.contains("rejected]") {
            return text
                .rsplit_once('(')
                .map(|(_, rest)| rest.trim_end_matches(')'));
        }
        if let Some((_, rest)) = text.split_once("Push rejected, ") {
            return Some(rest.trim_end_matches('.'));
        }
        text.contains("Protected branch update failed")
            .then_some("protected branch")
    });
    reason
        .and_then(|reason| arg(ArgName::Detail, reason))
        .into_iter()
        .collect()
}

/// The HTTP status of a failed download (`returned error: 403`, `awaiting response... 404 Not Found`,
/// wget's `ERROR 404: Not Found.`) and its address, when a line near it names one.
pub(crate) fn http_status(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let status = ["returned error: ", "awaiting response... ", "ERROR "]
        .iter()
        .find_map(|marker| evidence.after(marker))
        .map(|rest| rest.get(..3).unwrap_or(rest));
    // The hit's line first, then the lines under it (`failed to download <url>`), then those above it
    // (wget's `--2024-01-01 12:00:00--  <url>`).
    let first = evidence
        .hits
        .first()
        .copied()
        .unwrap_or(evidence.range.start);
    let start = first.saturating_sub(3).max(evidence.range.start);
    let end = (first + 4).min(evidence.range.end);
    let url = (first..end).chain((start..first).rev()).find_map(|index| {
        let text = evidence.text(index);
        let at = text.find("https://").or_else(|| text.find("http://"))?;
        Some(first_word(&text[at..]).trim_end_matches(['"', '\'', ')', ',', '.']))
    });
    [
        status.and_then(|status| arg(ArgName::Status, status)),
        url.and_then(|url| arg(ArgName::Url, url)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Where the service was looked for: `127.0.0.1:5432` (`connect ECONNREFUSED 127.0.0.1:5432`, `dial tcp
/// 127.0.0.1:5432: ...`, `Error 111 connecting to localhost:6379.`), a socket (`Unix domain socket
/// "/var/run/postgresql/.s.PGSQL.5432"`, `through socket '/var/run/mysqld/mysqld.sock'`), or an address
/// waited for (`Timed out waiting for: http://localhost:3000`).
pub(crate) fn service_address(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let word_after = |marker: &str| {
        evidence
            .after_in_phase(marker)
            .map(|rest| first_word(rest).trim_end_matches([':', '.', ',']))
    };
    let quoted_after = |marker: &str| {
        evidence
            .after_in_phase(marker)
            .and_then(|rest| between(rest, '"', '"').or_else(|| between(rest, '\'', '\'')))
    };
    let address = word_after("ECONNREFUSED ")
        .or_else(|| word_after("dial tcp "))
        .or_else(|| word_after("connecting to "))
        .or_else(|| word_after("Timed out waiting for: "))
        .or_else(|| quoted_after("Unix domain socket "))
        .or_else(|| quoted_after("server on socket "))
        .or_else(|| quoted_after("through socket "))
        .filter(|address| address.contains([':', '/', '.']));
    address
        .and_then(|address| arg(ArgName::Host, address))
        .into_iter()
        .collect()
}

/// The dependency a build tool could not resolve: Gradle's `> Could not find com.example:lib:1.2.3.`,
/// Maven's `Could not find artifact com.example:lib:jar:1.2.3 in central (...)`.
pub(crate) fn unresolved_dependency(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after_in_phase("Could not find artifact ")
        .or_else(|| evidence.after_in_phase("> Could not find "))
        .map(|rest| first_word(rest).trim_end_matches(['.', ',']))
        .filter(|dependency| dependency.contains(':'))
        .and_then(|dependency| arg(ArgName::Package, dependency))
        .into_iter()
        .collect()
}

/// The dependency whose checksum does not match: Go's `verifying github.com/x/y@v1.2.3/go.mod: checksum
/// mismatch`, yarn's `Integrity check failed for "left-pad"`.
pub(crate) fn mismatched_dependency(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let go = evidence.hit_texts().find_map(|text| {
        let (before, _) = text.split_once(": checksum mismatch")?;
        let module = before.rsplit("verifying ").next()?;
        Some(module.trim_end_matches("/go.mod"))
    });
    let yarn = || {
        evidence
            .after("Integrity check failed for ")
            .and_then(|rest| between(rest, '"', '"'))
    };
    go.or_else(yarn)
        .filter(|module| !module.is_empty() && !module.contains(' '))
        .and_then(|module| arg(ArgName::Package, module))
        .into_iter()
        .collect()
}

/// What Xcode said it could not sign with: `Code Signing Error: No profile for team 'X' matching 'Y'
/// found: ...` up to its first colon.
pub(crate) fn signing_error(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .after("Code Signing Error: ")
        .map(|rest| rest.split(": ").next().unwrap_or(rest))
        .and_then(|detail| arg(ArgName::Detail, detail))
        .into_iter()
        .collect()
}

/// The cloud tool that had no valid credentials: `gcloud`, `aws` or `az`, told by its wording.
pub(crate) fn cloud_tool(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let tool = evidence.hit_texts().find_map(|text| {
        if text.contains("gcloud") || text.contains("active account selected") {
            Some("gcloud")
        } else if text.contains("AADSTS") {
            Some("az")
        } else if text.contains("credentials") || text.contains("An error occurred (") {
            Some("aws")
        } else {
            None
        }
    });
    tool.and_then(|tool| arg(ArgName::Tool, tool))
        .into_iter()
        .collect()
}

/// The Dockerfile command that failed and its own exit code: BuildKit's `process "/bin/sh -c npm ci" did
/// not complete successfully: exit code: 1`, the legacy builder's `The command '/bin/sh -c npm install'
/// returned a non-zero code: 1`.
pub(crate) fn dockerfile_command(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let buildkit = evidence.hit_texts().find_map(|text| {
        let rest = text.split_once("process \"")?.1;
        let (command, after) = rest.split_once("\" did not complete successfully: exit code: ")?;
        Some((command, first_word(after)))
    });
    let legacy = || {
        evidence.hit_texts().find_map(|text| {
            let rest = text.split_once("The command '")?.1;
            let (command, after) = rest.split_once("' returned a non-zero code: ")?;
            Some((command, first_word(after)))
        })
    };
    let Some((command, code)) = buildkit.or_else(legacy) else {
        return Vec::new();
    };
    let command = command
        .strip_prefix("/bin/sh -c ")
        .unwrap_or(command)
        .trim();
    [
        arg(ArgName::Command, command),
        code.bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| arg(ArgName::ExitCode, code))
            .flatten(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The host git asked credentials for: `could not read Username for 'https://github.com'`,
/// `Authentication failed for 'https://github.com/org/repo.git/'`.
pub(crate) fn https_host(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    evidence
        .hit_texts()
        .find_map(|text| {
            let url = between(text, '\'', '\'')?;
            let rest = url.split_once("://")?.1;
            let host = rest.split('/').next()?;
            Some(host.rsplit('@').next().unwrap_or(host))
        })
        .and_then(|host| arg(ArgName::Host, host))
        .into_iter()
        .collect()
}
