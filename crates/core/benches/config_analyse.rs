//! Speed of the config analyser and processor: `cargo bench -p pipelens-core --bench config_analyse`.
//!
//! Inputs: the seed config (`samples/seed-config.yml`, 131 lines) and the largest corpus config,
//! aws-amplify's (17,800 lines, from the real-world corpus: `$PIPELENS_CORPUS`, else `../shared/corpus`
//! beside the repository; skipped with a line saying so when it is not on this machine).

#![allow(
    missing_docs,
    reason = "criterion_group! generates an undocumented pub fn"
)]

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pipelens_core::config::{analyse_config, process_config};

/// The seed config of the project.
const SEED_CONFIG: &str = include_str!("../../../samples/seed-config.yml");

/// The largest config of the real-world corpus, when the corpus is on this machine.
fn amplify_config() -> Option<String> {
    let corpus = std::env::var_os("PIPELENS_CORPUS").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
        Into::into,
    );
    let path = corpus.join("configs/aws-amplify__amplify-cli.yml");
    let text = std::fs::read_to_string(&path);
    if text.is_err() {
        println!(
            "config/aws-amplify: skipped, {} is not here (scripts/fetch-corpus.sh gets it)",
            path.display()
        );
    }
    text.ok()
}

/// Times `analyse_config` and `process_config` on the seed config and on aws-amplify's.
fn config_benches(c: &mut Criterion) {
    let amplify = amplify_config();
    let mut group = c.benchmark_group("config");
    group.measurement_time(Duration::from_secs(5));
    group.warm_up_time(Duration::from_secs(1));
    let inputs = [
        ("seed", Some(SEED_CONFIG)),
        ("aws-amplify", amplify.as_deref()),
    ];
    for (name, text) in inputs
        .into_iter()
        .filter_map(|(name, text)| Some((name, text?)))
    {
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        // Ten samples of the large config keep a run under a minute.
        group.sample_size(if text.len() > 100_000 { 10 } else { 100 });
        group.bench_function(name, |b| {
            b.iter(|| analyse_config(std::hint::black_box(text)))
        });
        group.bench_function(format!("{name}/processed"), |b| {
            b.iter(|| process_config(std::hint::black_box(text), &[]))
        });
    }
    group.finish();
}

criterion_group!(benches, config_benches);
criterion_main!(benches);
