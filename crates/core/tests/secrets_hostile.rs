//! The secret finder on adversarial text: long runs of what starts a secret (prefixes, separators,
//! key headers) are read in linear time, within a 60 s hang guard in a debug build (where the finder
//! reads about 8 MB of plain text per second; 10 to 30 times more when optimised).

use std::time::{Duration, Instant};

use pipelens_core::secrets::{find_secrets, mask, Secret};

/// The most one search may take before the test calls it a hang.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// Finds the secrets of `text` within [`HANG_GUARD`], and masks them keeping the line count.
fn find(text: &str) -> Vec<Secret> {
    let started = Instant::now();
    let secrets = find_secrets(text);
    let masked = mask(text, &secrets);
    let took = started.elapsed();
    assert!(took < HANG_GUARD, "took {took:?}");
    assert_eq!(masked.matches('\n').count(), text.matches('\n').count());
    secrets
}

#[test]
fn runs_of_separators_on_one_line() {
    // Each unit repeated 200,000 times on one line, and how many secrets the rules find there: the
    // first `password=` takes the rest of the line as its value; `docker login -p docker` is a
    // password each time but the last, which has no argument; the others have empty or flag values.
    for (unit, expected) in [
        ("password=", 1),
        ("token: ", 0),
        ("\"api_key\": \"", 0),
        ("--password ", 0),
        ("docker login -p ", 199_999),
        ("a=", 0),
        (":", 0),
    ] {
        let text = unit.repeat(200_000);
        assert_eq!(find(&text).len(), expected, "{unit:?}");
    }
}

#[test]
fn runs_of_token_prefixes() {
    for unit in [
        "ghp_",
        "AKIA",
        "xoxb-",
        "eyJ.",
        "dckr_pat_",
        "github_pat_",
        "://a:b@",
    ] {
        let text = unit.repeat(200_000);
        let secrets = find(&text);
        assert!(secrets.len() <= 1, "{unit:?}: {}", secrets.len());
    }
}

#[test]
fn many_unterminated_private_key_headers() {
    let text = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n".repeat(50_000);
    let secrets = find(&text);
    assert_eq!(secrets.len(), 50_000);
    let lone = "-----BEGIN PRIVATE KEY-----".repeat(100_000);
    assert!(find(&lone).is_empty());
}

#[test]
fn a_4_mb_line_and_300000_short_lines() {
    let long = format!("password={}", "x1".repeat(2 * 1024 * 1024));
    assert_eq!(find(&long).len(), 1);
    let short = "token=t0k3n\n".repeat(300_000);
    let secrets = find(&short);
    assert_eq!(secrets.len(), 300_000);
    assert_eq!(secrets[299_999].line, 300_000);
}
