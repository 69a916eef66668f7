//! Throughput of the log parser: `cargo bench -p pipelens-core --bench log_parse`.
//!
//! Inputs: the seed log (`samples/seed-build-and-test.log`, 11.6 KB) and a 10 MB generated log written
//! by `node scripts/make-big-log.mjs 10` (its path can be overridden with `PIPELENS_BIG_LOG`). Besides
//! the whole `parse_log`, `LogLines::render` is timed alone: the line splitting and ANSI rendering
//! step, so that what is left is title detection, segmentation and facts. With `--features transfer`,
//! the report's trip from the log worker to the page is timed too: `encode_report` (in the worker)
//! and `decode_report` (on the page's thread) of the 10 MB log's report.

#![allow(
    missing_docs,
    reason = "criterion_group! generates an undocumented pub fn"
)]

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pipelens_core::log::{parse_log, LogLines};

/// The seed log of the project.
const SEED_LOG: &str = include_str!("../../../samples/seed-build-and-test.log");

/// Reads the 10 MB generated log, or stops with the command that writes it.
fn big_log() -> String {
    let path = std::env::var("PIPELENS_BIG_LOG").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/bench/big-10mb.log"
        )
        .to_owned()
    });
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!("cannot read {path} ({error}): run `node scripts/make-big-log.mjs 10` first")
    })
}

/// Times `parse_log` and `LogLines::render` on one input, in bytes per second.
fn bench_input(c: &mut Criterion, name: &str, text: &str, measurement: Duration) {
    let mut group = c.benchmark_group(format!("log/{name}"));
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.measurement_time(measurement);
    group.warm_up_time(Duration::from_secs(1));
    if text.len() > 1_000_000 {
        group.sample_size(10);
    }
    group.bench_function("parse_log", |b| {
        b.iter(|| parse_log(std::hint::black_box(text)))
    });
    group.bench_function("render_lines", |b| {
        b.iter(|| LogLines::render(std::hint::black_box(text)))
    });
    group.finish();
}

/// Times the report's encoding and decoding for `text`, in bytes of the raw log per second.
#[cfg(feature = "transfer")]
fn bench_transfer(c: &mut Criterion, name: &str, text: &str) {
    use pipelens_core::log::{decode_report, encode_report};

    let report = parse_log(text);
    let bytes = encode_report(&report, text);
    let mut group = c.benchmark_group(format!("transfer/{name}"));
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.sample_size(20);
    group.bench_function("encode_report", |b| {
        b.iter(|| encode_report(std::hint::black_box(&report), text))
    });
    group.bench_function("decode_report", |b| {
        b.iter(|| decode_report(std::hint::black_box(&bytes), text))
    });
    group.finish();
}

/// The log benchmarks.
fn log_benches(c: &mut Criterion) {
    bench_input(c, "seed", SEED_LOG, Duration::from_secs(3));
    let big = big_log();
    bench_input(c, "generated-10mb", &big, Duration::from_secs(10));
    #[cfg(feature = "transfer")]
    bench_transfer(c, "generated-10mb", &big);
}

criterion_group!(benches, log_benches);
criterion_main!(benches);
