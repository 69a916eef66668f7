//! Why a phase failed: a catalogue of causes, each recognised by the lines CircleCI or a common tool
//! prints, with the arguments read from them and a sentence in English and in French.
//!
//! 1. [`catalogue`]: every [`CauseId`], with what it is ([`Level`]), how sure and how specific it is
//!    ([`CauseId::rank`]), the lines that give it away ([`Needle`]s), the exit codes that alone say it,
//!    and which phases it can explain.
//! 2. [`needles`]: all the needles in one Aho-Corasick automaton, built once: a phase's lines are read
//!    once, in linear time, however many causes there are.
//! 3. [`find`]: which phases are read, the causes their lines show, the most specific first; a phase
//!    whose end the log does not print but whose lines show a failure is marked failed, and says so.
//! 4. [`args`] and [`tests_named`]: the arguments of a cause (the missing file, the image, the exit
//!    code, the failing tests...), read from its evidence lines.
//! 5. [`summary_en`] and [`summary_fr`]: one sentence per cause with its arguments.
//!
//! The documentation page of a cause is `causes/<id>` in `content/<lang>/`.

mod args;
mod catalogue;
mod checks;
mod find;
mod needles;
mod summary_en;
mod summary_fr;
mod tests_named;

use serde::Serialize;

use crate::Lang;

pub use catalogue::{CauseId, Level};
pub(crate) use find::diagnose;

/// One reason a phase failed (or one line worth explaining that is not a failure), with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cause {
    /// What it is.
    pub id: CauseId,
    /// The line that shows it best (0-based, in the report's lines).
    pub line: usize,
    /// Every line that shows it, `line` first, at most [`MOST_EVIDENCE`].
    pub evidence: Vec<usize>,
    /// What the evidence says: the file, the image, the failing tests...
    pub args: Vec<CauseArg>,
}

/// The most evidence lines one cause keeps.
pub const MOST_EVIDENCE: usize = 8;

/// The most failing tests one cause names.
pub const MOST_TESTS: usize = 20;

/// One argument of a cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CauseArg {
    /// Which argument.
    pub name: ArgName,
    /// Its value, as the log prints it (trimmed, at most [`LONGEST_ARG`] characters).
    pub value: String,
}

/// The longest argument value kept, in characters.
pub const LONGEST_ARG: usize = 200;

macro_rules! arg_names {
    ($($(#[$doc:meta])* $variant:ident => $id:literal;)*) => {
        /// The name of an argument of a cause. `Test` may repeat; every other name appears at most once.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ArgName {
            $($(#[$doc])* $variant,)*
        }

        impl ArgName {
            /// Every name, in declaration order.
            pub const ALL: &'static [ArgName] = &[$(ArgName::$variant,)*];

            /// The stable snake_case id, as in the JSON output.
            pub fn id(self) -> &'static str {
                match self {
                    $(ArgName::$variant => $id,)*
                }
            }
        }
    };
}

arg_names! {
    /// A file the step needed (`package-lock.json`, the file a checksum reads).
    File => "file";
    /// A path or directory.
    Path => "path";
    /// A container or machine image.
    Image => "image";
    /// An exit code.
    ExitCode => "exit_code";
    /// A limit or a duration (`10m0s`).
    Limit => "limit";
    /// A cache key.
    Key => "key";
    /// A command that was not found or not run.
    Command => "command";
    /// A failing test, by the name its runner prints.
    Test => "test";
    /// How many tests failed, or how many problems a linter found.
    Count => "count";
    /// A package, module or orb.
    Package => "package";
    /// A tool (`npm`, `pipenv`, `yarn`).
    Tool => "tool";
    /// A host or registry.
    Host => "host";
    /// A Docker repository or a Git repository.
    Repository => "repository";
    /// A job name.
    Job => "job";
    /// A resource class.
    ResourceClass => "resource_class";
    /// A coverage figure reached.
    Total => "total";
    /// A coverage figure required.
    Required => "required";
    /// A place in a file (`path:line:column`).
    Location => "location";
    /// The signal that stopped a process (`SIGKILL`, `SIGTERM`).
    Signal => "signal";
    /// The message the tool printed, when it says more than the cause.
    Detail => "detail";
    /// A version a tool asked for (`1.16.4` of Bundler).
    Version => "version";
    /// A Kubernetes deployment.
    Deployment => "deployment";
    /// An address a step fetched.
    Url => "url";
    /// An HTTP status code (`403`).
    Status => "status";
}

impl Cause {
    /// The first value of the argument `name`.
    pub fn arg(&self, name: ArgName) -> Option<&str> {
        self.args
            .iter()
            .find(|arg| arg.name == name)
            .map(|arg| arg.value.as_str())
    }

    /// Every value of the argument `name` (the failing tests).
    pub fn all(&self, name: ArgName) -> impl Iterator<Item = &str> {
        self.args
            .iter()
            .filter(move |arg| arg.name == name)
            .map(|arg| arg.value.as_str())
    }

    /// The one-line summary, with its arguments, in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        match lang {
            Lang::En => summary_en::summary(self),
            Lang::Fr => summary_fr::summary(self),
        }
    }
}

#[cfg(test)]
mod tests;
