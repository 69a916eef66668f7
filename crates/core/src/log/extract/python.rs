//! Facts of Python install steps: the paths the python orb moves in and out of its cache, the
//! lockfile pipenv installs from, and how many packages pip installed.

use super::{after, push, Fact, FactKind, LineReader};

/// Reads python orb and pip output.
#[derive(Debug, Default)]
pub(super) struct Python {
    /// Whether the phase is an orb step (whose `Copying`/`Restoring` lines are cache moves).
    pub(super) orb: bool,
}

impl LineReader for Python {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        let text = text.strip_prefix("INFO: ").unwrap_or(text);
        if let Some(rest) = after(text, "Installing dependencies from Pipfile.lock (") {
            push(
                facts,
                FactKind::LockfileHash,
                rest.split(')').next().unwrap_or(""),
            );
        } else if let Some(rest) = after(text, "Successfully installed ") {
            push(
                facts,
                FactKind::PackagesInstalled,
                &rest.split_whitespace().count().to_string(),
            );
        } else if self.orb {
            let moved = after(text, "Copying ").or_else(|| after(text, "Restoring "));
            if let Some((source, destination)) = moved.and_then(|rest| rest.split_once(" to ")) {
                push(
                    facts,
                    FactKind::PythonCachePath,
                    &format!("{source} → {destination}"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orb_moves_lockfile_and_pip() {
        let mut reader = Python { orb: true };
        let mut facts = Vec::new();
        for line in [
            "Copying /home/circleci/project/Pipfile.lock to /tmp/cci_pycache/lockfile",
            "Installing dependencies from Pipfile.lock (bbdd7e)...",
            "Successfully installed six-1.16.0 toml-0.10.2",
        ] {
            reader.read(line, &mut facts);
        }
        assert_eq!(
            facts,
            [
                Fact::new(
                    FactKind::PythonCachePath,
                    "/home/circleci/project/Pipfile.lock → /tmp/cci_pycache/lockfile"
                ),
                Fact::new(FactKind::LockfileHash, "bbdd7e"),
                Fact::new(FactKind::PackagesInstalled, "2"),
            ]
        );
        let mut run_facts = Vec::new();
        Python { orb: false }.read("Copying a to b", &mut run_facts);
        assert!(run_facts.is_empty());
    }
}
