//! The two mini-languages inside configuration strings.
//!
//! - Cache key templates: `v1-deps-{{ .Branch }}-{{ checksum "requirements.txt" }}`, rendered by
//!   CircleCI when a `save_cache` or `restore_cache` step runs.
//! - Pipeline values and parameters: `<< pipeline.git.revision >>`, `<< parameters.tag >>`,
//!   `<< matrix.os >>`, replaced when the configuration is compiled, before anything runs.

use serde::Serialize;

/// One template of a cache key, `{{ ... }}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "argument", rename_all = "snake_case")]
pub enum KeyTemplate {
    /// `{{ .Branch }}`: the branch being built.
    Branch,
    /// `{{ .Revision }}`: the commit hash.
    Revision,
    /// `{{ .BuildNum }}`: the job's build number.
    BuildNum,
    /// `{{ .CheckoutKey }}`: the SSH key used to check out.
    CheckoutKey,
    /// `{{ .Environment.NAME }}`: an environment variable.
    Environment(String),
    /// `{{ checksum "file" }}`: a hash of a file's content.
    Checksum(String),
    /// `{{ epoch }}`: the current time in seconds.
    Epoch,
    /// `{{ arch }}`: the operating system and CPU architecture.
    Arch,
    /// Anything else, as written between the braces.
    Unknown(String),
}

impl KeyTemplate {
    /// A short code naming the template, used as a part's detail.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Branch => "branch",
            Self::Revision => "revision",
            Self::BuildNum => "build-num",
            Self::CheckoutKey => "checkout-key",
            Self::Environment(_) => "environment",
            Self::Checksum(_) => "checksum",
            Self::Epoch => "epoch",
            Self::Arch => "arch",
            Self::Unknown(_) => "unknown",
        }
    }

    /// Whether the rendered value changes when the project's content or the build changes, so that a
    /// key holding it gets a fresh cache (a branch name or the architecture alone do not).
    pub fn changes_between_builds(&self) -> bool {
        !matches!(self, Self::Branch | Self::Arch | Self::CheckoutKey)
    }
}

/// A piece of a cache key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "segment", rename_all = "snake_case")]
pub enum KeySegment {
    /// Literal text.
    Literal {
        /// The text.
        text: String,
    },
    /// A `{{ ... }}` template.
    Template {
        /// Which template.
        template: KeyTemplate,
        /// Byte offset of `{{` in the key.
        start: usize,
        /// Byte offset just after `}}`.
        end: usize,
    },
}

/// A cache key split into literal text and templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CacheKey {
    /// The key as written.
    pub raw: String,
    /// Its pieces in order.
    pub segments: Vec<KeySegment>,
}

impl CacheKey {
    /// Splits `key` into segments; an unclosed `{{` is kept as literal text.
    pub fn parse(key: &str) -> Self {
        let mut segments = Vec::new();
        let mut rest_start = 0;
        while let Some(open) = key[rest_start..].find("{{").map(|i| rest_start + i) {
            let Some(close) = key[open + 2..].find("}}").map(|i| open + 2 + i) else {
                break;
            };
            if open > rest_start {
                segments.push(KeySegment::Literal {
                    text: key[rest_start..open].to_owned(),
                });
            }
            let template = parse_template(key[open + 2..close].trim());
            segments.push(KeySegment::Template {
                template,
                start: open,
                end: close + 2,
            });
            rest_start = close + 2;
        }
        if rest_start < key.len() {
            segments.push(KeySegment::Literal {
                text: key[rest_start..].to_owned(),
            });
        }
        Self {
            raw: key.to_owned(),
            segments,
        }
    }

    /// The templates of the key with their byte ranges.
    pub fn templates(&self) -> impl Iterator<Item = (&KeyTemplate, usize, usize)> {
        self.segments.iter().filter_map(|s| match s {
            KeySegment::Template {
                template,
                start,
                end,
            } => Some((template, *start, *end)),
            KeySegment::Literal { .. } => None,
        })
    }

    /// The text before the first template: what is known before the key is rendered.
    pub fn literal_prefix(&self) -> &str {
        let end = self
            .templates()
            .next()
            .map_or(self.raw.len(), |(_, start, _)| start);
        &self.raw[..end]
    }

    /// Whether the key holds no template at all.
    pub fn is_literal(&self) -> bool {
        self.templates().next().is_none()
    }

    /// Whether some template makes the key change between builds (see
    /// [`KeyTemplate::changes_between_builds`]).
    pub fn changes_between_builds(&self) -> bool {
        self.templates().any(|(t, _, _)| t.changes_between_builds())
    }
}

/// How one key of a `restore_cache` step is matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreMatch {
    /// The key as written.
    pub key: String,
    /// The literal text every matching saved key starts with.
    pub literal_prefix: String,
    /// Whether the key is only literal text, so it matches any saved key that starts with it (a
    /// fallback key such as `v1-deps-`); otherwise the rendered key is matched as a prefix.
    pub prefix_only: bool,
}

/// For the keys of a `restore_cache` step, in the order CircleCI tries them, what each one matches.
///
/// CircleCI renders each key and restores the most recent cache whose key starts with it; the first
/// key that finds one wins. A key with templates is known only up to its first template.
pub fn restore_matches(keys: &[&str]) -> Vec<RestoreMatch> {
    keys.iter()
        .map(|key| {
            let parsed = CacheKey::parse(key);
            RestoreMatch {
                key: (*key).to_owned(),
                literal_prefix: parsed.literal_prefix().to_owned(),
                prefix_only: parsed.is_literal(),
            }
        })
        .collect()
}

/// Reads the text between `{{` and `}}`.
fn parse_template(inner: &str) -> KeyTemplate {
    match inner {
        ".Branch" => KeyTemplate::Branch,
        ".Revision" => KeyTemplate::Revision,
        ".BuildNum" => KeyTemplate::BuildNum,
        ".CheckoutKey" => KeyTemplate::CheckoutKey,
        "epoch" => KeyTemplate::Epoch,
        "arch" => KeyTemplate::Arch,
        _ => {
            if let Some(name) = inner.strip_prefix(".Environment.") {
                KeyTemplate::Environment(name.to_owned())
            } else if let Some(file) = inner.strip_prefix("checksum") {
                KeyTemplate::Checksum(file.trim().trim_matches('"').to_owned())
            } else {
                KeyTemplate::Unknown(inner.to_owned())
            }
        }
    }
}

/// What a `<< ... >>` refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum Reference {
    /// `<< pipeline.parameters.NAME >>`: a pipeline parameter.
    PipelineParameter(String),
    /// `<< pipeline.PATH >>`: another pipeline value (`git.revision`, `trigger_parameters.*`...).
    PipelineValue(String),
    /// `<< parameters.NAME >>`: a parameter of the enclosing job, command or executor.
    Parameter(String),
    /// `<< matrix.NAME >>`: a matrix parameter of a workflow job.
    Matrix(String),
    /// Anything else, as written.
    Other(String),
}

impl Reference {
    /// The reference as written between `<<` and `>>` (`pipeline.git.branch`, `parameters.tag`).
    pub fn path(&self) -> String {
        match self {
            Self::PipelineParameter(name) => format!("pipeline.parameters.{name}"),
            Self::PipelineValue(path) => format!("pipeline.{path}"),
            Self::Parameter(name) => format!("parameters.{name}"),
            Self::Matrix(name) => format!("matrix.{name}"),
            Self::Other(text) => text.clone(),
        }
    }
}

/// A pipeline value CircleCI documents (`<< pipeline.PATH >>`), other than pipeline parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PipelineValue {
    /// `pipeline.id`.
    Id,
    /// `pipeline.number`.
    Number,
    /// `pipeline.project.git_url`.
    GitUrl,
    /// `pipeline.project.type`.
    ProjectType,
    /// `pipeline.git.tag`.
    GitTag,
    /// `pipeline.git.branch`.
    GitBranch,
    /// `pipeline.git.revision`.
    GitRevision,
    /// `pipeline.git.base_revision`.
    GitBaseRevision,
    /// `pipeline.in_setup`.
    InSetup,
    /// `pipeline.trigger_source`.
    TriggerSource,
    /// `pipeline.schedule.name`.
    ScheduleName,
    /// `pipeline.schedule.id`.
    ScheduleId,
    /// `pipeline.trigger_parameters.*`: a value sent by the trigger (a GitHub App, a custom webhook).
    TriggerParameter,
}

impl PipelineValue {
    /// The value of `<< pipeline.PATH >>`, from `PATH`; `None` when CircleCI documents no such value.
    pub fn from_path(path: &str) -> Option<Self> {
        Some(match path {
            "id" => Self::Id,
            "number" => Self::Number,
            "project.git_url" => Self::GitUrl,
            "project.type" => Self::ProjectType,
            "git.tag" => Self::GitTag,
            "git.branch" => Self::GitBranch,
            "git.revision" => Self::GitRevision,
            "git.base_revision" => Self::GitBaseRevision,
            "in_setup" => Self::InSetup,
            "trigger_source" => Self::TriggerSource,
            "schedule.name" => Self::ScheduleName,
            "schedule.id" => Self::ScheduleId,
            _ if path.starts_with("trigger_parameters.") => Self::TriggerParameter,
            _ => return None,
        })
    }
}

/// A `<< ... >>` found in a string, with its byte range in that string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundReference {
    /// What it refers to.
    pub reference: Reference,
    /// Byte offset of `<<`.
    pub start: usize,
    /// Byte offset just after `>>`.
    pub end: usize,
}

/// Every `<< ... >>` in `text`, including the conditional forms `<<# ... >>` and `<<^ ... >>`.
pub fn find_references(text: &str) -> Vec<FoundReference> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = find_doubled(text, from, b'<') {
        let Some(close) = find_doubled(text, open + 2, b'>') else {
            break;
        };
        let inner = text[open + 2..close]
            .trim_start_matches(['#', '^', '/'])
            .trim();
        if !inner.is_empty() && !inner.contains("<<") {
            found.push(FoundReference {
                reference: classify(inner),
                start: open,
                end: close + 2,
            });
        }
        from = close + 2;
    }
    found
}

/// The byte offset of the first `bracket` written twice (`<<`, `>>`) in `text` from `from` on.
///
/// Every scalar of a config is searched, most of them holding none: looking at each byte for one value
/// costs far less there than `str::find("<<")`, which sets up a substring searcher for each call.
fn find_doubled(text: &str, from: usize, bracket: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(offset) = bytes.get(at..)?.iter().position(|&byte| byte == bracket) {
        let index = at + offset;
        if bytes.get(index + 1) == Some(&bracket) {
            return Some(index);
        }
        at = index + 1;
    }
    None
}

/// Names the thing a `<< ... >>` expression refers to.
fn classify(inner: &str) -> Reference {
    let word: String = inner
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .collect();
    if let Some(name) = word.strip_prefix("pipeline.parameters.") {
        Reference::PipelineParameter(name.to_owned())
    } else if let Some(path) = word.strip_prefix("pipeline.") {
        Reference::PipelineValue(path.to_owned())
    } else if let Some(name) = word.strip_prefix("parameters.") {
        Reference::Parameter(name.to_owned())
    } else if let Some(name) = word.strip_prefix("matrix.") {
        Reference::Matrix(name.to_owned())
    } else {
        Reference::Other(inner.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_key_splits_into_literals_and_templates() {
        let key = CacheKey::parse("v1-{{ .Branch }}-{{ checksum \"requirements.txt\" }}");
        let templates: Vec<_> = key.templates().map(|(t, _, _)| t.clone()).collect();
        assert_eq!(
            templates,
            vec![
                KeyTemplate::Branch,
                KeyTemplate::Checksum("requirements.txt".into())
            ]
        );
        assert_eq!(key.literal_prefix(), "v1-");
        assert!(key.changes_between_builds());
        let (_, start, end) = key.templates().next().unwrap();
        assert_eq!(&key.raw[start..end], "{{ .Branch }}");
    }

    #[test]
    fn every_known_template_is_recognised() {
        let key = CacheKey::parse("{{.Revision}}{{ .BuildNum }}{{ epoch }}{{ arch }}{{ .Environment.HOME }}{{ .CheckoutKey }}{{ nope }}");
        let codes: Vec<_> = key.templates().map(|(t, _, _)| t.code()).collect();
        assert_eq!(
            codes,
            [
                "revision",
                "build-num",
                "epoch",
                "arch",
                "environment",
                "checkout-key",
                "unknown"
            ]
        );
    }

    #[test]
    fn a_key_with_only_the_branch_never_changes_on_a_branch() {
        assert!(!CacheKey::parse("deps-{{ .Branch }}-{{ arch }}").changes_between_builds());
        assert!(!CacheKey::parse("deps").changes_between_builds());
    }

    #[test]
    fn an_unclosed_template_stays_literal() {
        let key = CacheKey::parse("v1-{{ .Branch");
        assert!(key.is_literal());
        assert_eq!(key.literal_prefix(), "v1-{{ .Branch");
    }

    #[test]
    fn restore_keys_match_by_literal_prefix() {
        let matches = restore_matches(&["v1-deps-{{ checksum \"a\" }}", "v1-deps-"]);
        assert_eq!(matches[0].literal_prefix, "v1-deps-");
        assert!(!matches[0].prefix_only);
        assert_eq!(matches[1].literal_prefix, "v1-deps-");
        assert!(matches[1].prefix_only);
    }

    #[test]
    fn references_are_found_with_their_ranges() {
        let text = "docker build -t x:<< pipeline.trigger_parameters.github_app.commit_sha >> << parameters.tag >><<# matrix.os >>";
        let found = find_references(text);
        assert_eq!(
            found[0].reference,
            Reference::PipelineValue("trigger_parameters.github_app.commit_sha".into())
        );
        assert_eq!(
            &text[found[0].start..found[0].end],
            "<< pipeline.trigger_parameters.github_app.commit_sha >>"
        );
        assert_eq!(found[1].reference, Reference::Parameter("tag".into()));
        assert_eq!(found[2].reference, Reference::Matrix("os".into()));
        assert_eq!(
            find_references("<< pipeline.parameters.deploy >>")[0].reference,
            Reference::PipelineParameter("deploy".into())
        );
    }
}
