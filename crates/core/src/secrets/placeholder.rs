//! Values that look assigned to a secret but are not one: references, masks and placeholders.

/// Words that stand in for a secret, or are the published default of a tool, compared without case.
const PLACEHOLDER_WORDS: &[&str] = &[
    "admin",
    "changeit",
    "changeme",
    "dummy",
    "example",
    "fake",
    "guest",
    "hidden",
    "masked",
    "mysql",
    "none",
    "null",
    "pass",
    "passwd",
    "password",
    "placeholder",
    "postgres",
    "redacted",
    "root",
    "secret",
    "test",
    "token",
    "undefined",
    "xxx",
];

/// Literal values of YAML and shell that are not text: booleans, nulls, block-scalar indicators.
const NOT_TEXT: &[&str] = &[
    "true", "false", "yes", "no", "on", "off", "null", "~", "|", ">", "|-", ">-", "|+", ">+",
];

/// Whether `value` (already stripped of its quotes) is not a secret anybody could leak.
pub(super) fn is_placeholder(value: &str) -> bool {
    let value = value.trim();
    if value.is_empty() || is_reference(value) || is_mask(value) || is_variable_name(value) {
        return true;
    }
    if value.starts_with(['&', '!', '#']) {
        // A YAML anchor or tag (the value follows on later lines), or a comment.
        return true;
    }
    if value.starts_with('<') && value.ends_with('>') {
        return true;
    }
    if value.contains("EXAMPLE") {
        return true;
    }
    let lower = value.to_ascii_lowercase();
    NOT_TEXT.contains(&lower.as_str()) || PLACEHOLDER_WORDS.contains(&lower.as_str())
}

/// Whether the value names another value: a shell, Windows, CircleCI or template variable.
fn is_reference(value: &str) -> bool {
    value.starts_with('$')
        || (value.starts_with('%') && value.ends_with('%') && value.len() > 1)
        || value.contains("<<")
        || value.contains("{{")
}

/// Whether the value is the name of an environment variable (`CODECOV_TOKEN`), as orb parameters of
/// type `env_var_name` take: upper case, digits and at least one underscore.
fn is_variable_name(value: &str) -> bool {
    value.contains('_')
        && value.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Whether the value is already masked, or is one character repeated (`****`, `xxxx`, `0000`).
fn is_mask(value: &str) -> bool {
    if value.contains("REDACTED") {
        return true;
    }
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    let repeated = chars.all(|c| c == first);
    repeated || value.chars().all(|c| matches!(c, '*' | '•' | '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn references_masks_and_words_are_placeholders() {
        for value in [
            "",
            "  ",
            "$TOKEN",
            "${TOKEN}",
            "$(cat /run/secret)",
            "%TOKEN%",
            "<< parameters.token >>",
            "<< pipeline.parameters.password >>",
            "{{ .Token }}",
            "**REDACTED**",
            "****",
            "••••••••",
            "xxxxxxxx",
            "00000000000000000000000000000000",
            "<your-token>",
            "changeme",
            "Password",
            "postgres",
            "true",
            "null",
            "|",
            ">-",
            "&defaults",
            "AKIAIOSFODNN7EXAMPLE",
            "CODECOV_TOKEN",
        ] {
            assert!(is_placeholder(value), "{value:?} should be a placeholder");
        }
    }

    #[test]
    fn real_looking_values_are_not_placeholders() {
        for value in [
            "hunter2",
            "s3cr3t-v4lue",
            "abc123",
            "pa$$word",
            "fb4c4a94-72d7",
            "ABCDEF123",
        ] {
            assert!(!is_placeholder(value), "{value:?} should be a secret");
        }
    }
}
