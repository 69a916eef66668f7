//! The secrets found in a text, named in the current language: "a GitHub token (line 3), a password
//! (line 9) and 2 more".

use pipelens_core::secrets::{Secret, SecretKind};

use crate::format::{fill, format_count};
use crate::i18n::{Lang, Msg};

/// At most this many secrets are listed by kind and line; the rest are counted.
const LISTED: usize = 5;

/// The name of a kind of secret in `lang`.
pub(crate) fn kind_label(kind: SecretKind, lang: Lang) -> &'static str {
    lang.text(match kind {
        SecretKind::AwsAccessKeyId => Msg::SecretsKindAwsAccessKeyId,
        SecretKind::AwsSecretAccessKey => Msg::SecretsKindAwsSecretAccessKey,
        SecretKind::GitHubToken => Msg::SecretsKindGithubToken,
        SecretKind::DockerHubToken => Msg::SecretsKindDockerHubToken,
        SecretKind::SlackToken => Msg::SecretsKindSlackToken,
        SecretKind::PrivateKey => Msg::SecretsKindPrivateKey,
        SecretKind::Jwt => Msg::SecretsKindJwt,
        SecretKind::UrlPassword => Msg::SecretsKindUrlPassword,
        SecretKind::Password => Msg::SecretsKindPassword,
        SecretKind::AssignedSecret => Msg::SecretsKindAssignedSecret,
    })
}

/// "a GitHub token (line 3), a password (line 9) and 2 more".
pub(crate) fn summary(found: &[Secret], lang: Lang) -> String {
    summary_from_line(found, 1, lang)
}

/// [`summary`] for secrets found in an excerpt whose first line is line `first_line` of the whole text.
pub(crate) fn summary_from_line(found: &[Secret], first_line: usize, lang: Lang) -> String {
    let mut items: Vec<String> = found
        .iter()
        .take(LISTED)
        .map(|secret| {
            let kind = kind_label(secret.kind, lang);
            fill(
                lang.text(Msg::SecretsItem),
                &[
                    ("kind", kind.to_owned()),
                    ("line", (secret.line + first_line - 1).to_string()),
                ],
            )
        })
        .collect();
    if found.len() > LISTED {
        items.push(fill(
            lang.text(Msg::SecretsMore),
            &[("count", format_count(found.len() - LISTED, lang))],
        ));
    }
    items.join(", ")
}
