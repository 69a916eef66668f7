//! Facts of `Checkout code`: the git version, the branch and the commit checked out.

use super::{after, push, Fact, FactKind, LineReader};

/// Reads the checkout output.
#[derive(Debug, Default)]
pub(super) struct Checkout;

impl LineReader for Checkout {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        if let Some(rest) = after(text, "git version ") {
            push(facts, FactKind::GitVersion, rest);
        } else if let Some(rest) = after(text, "HEAD is now at ") {
            push(facts, FactKind::Commit, rest);
        } else if let Some(rest) =
            after(text, "Reset branch ").or_else(|| after(text, "Switched to a new branch "))
        {
            push(facts, FactKind::Branch, rest.trim_matches('\''));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_commit_and_git() {
        let mut facts = Vec::new();
        for line in [
            "git version 2.30.2",
            "Reset branch 'master'",
            "HEAD is now at 95959e3 Small fix",
        ] {
            Checkout.read(line, &mut facts);
        }
        assert_eq!(
            facts,
            [
                Fact::new(FactKind::GitVersion, "2.30.2"),
                Fact::new(FactKind::Branch, "master"),
                Fact::new(FactKind::Commit, "95959e3 Small fix"),
            ]
        );
    }
}
