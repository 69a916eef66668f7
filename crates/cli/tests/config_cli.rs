//! `pipelens config` end to end: readable output, JSON, standard input and exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seed-config.yml");

fn pipelens(args: &[&str], stdin: Option<&str>) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pipelens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pipelens starts");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("a stdin pipe")
            .write_all(input.as_bytes())
            .expect("stdin is writable");
    }
    drop(child.stdin.take());
    let output = child.wait_with_output().expect("pipelens ends");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_seed_config_reports_its_jobs_workflow_and_one_warning() {
    let (code, out) = pipelens(&["config", SEED], None);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("seed-config.yml:112:16: warning: the cache key \"v1-docker-{{ .Branch }}\""),
        "{out}"
    );
    assert!(out.contains("112 |           key: v1-docker-{{ .Branch }}\n    |                ^~~~~~~~~~~~~~~~~~~~~~~\n"), "{out}");
    assert!(
        out.contains("  stage 1: pytest, coverage, linting\n  stage 2: container\n"),
        "{out}"
    );
}

#[test]
fn json_output_has_jobs_workflows_and_diagnostics() {
    let (code, out) = pipelens(&["config", "--json", SEED], None);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(report["version"], "2.1");
    assert_eq!(report["jobs"][0]["name"], "pytest");
    assert_eq!(report["jobs"][0]["line"], 39);
    let container = &report["workflows"][0]["jobs"][3];
    assert_eq!(container["name"], "container");
    assert_eq!(container["type"], "job");
    assert_eq!(
        container["requires"],
        serde_json::json!(["pytest", "coverage", "linting"])
    );
    assert_eq!(report["diagnostics"][0]["rule"], "cache-key-no-checksum");
    assert_eq!(report["diagnostics"][0]["line"], 112);
}

#[test]
fn standard_input_with_an_error_exits_1() {
    let yaml = "version: 2.1\njobs:\n  a:\n    docker: [{image: cimg/base:2024.01}]\n    steps: [checkout]\nworkflows:\n  w:\n    jobs:\n      - a: {requires: [b]}\n      - hold: {type: approval}\n";
    let (code, out) = pipelens(&["config", "-", "--json"], Some(yaml));
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(report["diagnostics"][0]["rule"], "unknown-requires");
    assert_eq!(report["diagnostics"][0]["severity"], "error");
    assert_eq!(report["workflows"][0]["jobs"][1]["type"], "approval");
}

#[test]
fn a_missing_file_exits_1_and_misuse_exits_2() {
    assert_eq!(pipelens(&["config", "/nonexistent/config.yml"], None).0, 1);
    assert_eq!(pipelens(&["config"], None).0, 2);
    assert_eq!(pipelens(&["config", "a.yml", "b.yml"], None).0, 2);
}

#[test]
fn explain_prints_what_a_position_holds_as_the_page_says_it() {
    let (code, out) = pipelens(&["config", SEED, "--explain", "24:40"], None);
    assert_eq!(code, 0, "{out}");
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("24:35: cache key template `checksum` (docs: concepts/cache-key-templates)")
    );
    assert!(
        lines.next().is_some_and(|line| line
            .starts_with("  A checksum (SHA-256) of the content of the file `requirements.txt`")),
        "{out}"
    );
    assert!(out.contains("\n    `deps1-`: fixed text.\n"), "{out}");
    let (code, out) = pipelens(&["config", SEED, "--explain", "79:3"], None);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("79:3: job `container` (docs: keys/jobs)\n"),
        "{out}"
    );
    assert!(
        out.contains("Workflows that run it: `test_build_and_push`."),
        "{out}"
    );
}

#[test]
fn explain_says_when_nothing_is_there() {
    let (code, out) = pipelens(&["config", SEED, "--explain", "9999:1"], None);
    assert_eq!((code, out.as_str()), (2, ""));
    let (code, _) = pipelens(&["config", SEED, "--explain", "24"], None);
    assert_eq!(code, 2);
}
