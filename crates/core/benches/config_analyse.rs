//! Speed of the config analyser: `cargo bench -p pipelens-core --bench config_analyse`.
//!
//! Inputs: the seed config (`samples/seed-config.yml`, 131 lines) and the largest corpus config,
//! aws-amplify's (17,800 lines, from the shared corpus beside the repository).

#![allow(
    missing_docs,
    reason = "criterion_group! generates an undocumented pub fn"
)]

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pipelens_core::config::analyse_config;

/// The seed config of the project.
const SEED_CONFIG: &str = include_str!("../../../samples/seed-config.yml");

/// Where the largest config of the shared corpus is.
const AMPLIFY_CONFIG_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/configs/aws-amplify__amplify-cli.yml"
);

/// Times `analyse_config` on the seed config and on aws-amplify's.
fn config_benches(c: &mut Criterion) {
    let amplify = std::fs::read_to_string(AMPLIFY_CONFIG_PATH)
        .unwrap_or_else(|error| panic!("cannot read {AMPLIFY_CONFIG_PATH} ({error})"));
    let mut group = c.benchmark_group("config");
    group.measurement_time(Duration::from_secs(5));
    group.warm_up_time(Duration::from_secs(1));
    for (name, text) in [("seed", SEED_CONFIG), ("aws-amplify", amplify.as_str())] {
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        // Ten samples of the large config keep a run under a minute.
        group.sample_size(if text.len() > 100_000 { 10 } else { 100 });
        group.bench_function(name, |b| {
            b.iter(|| analyse_config(std::hint::black_box(text)))
        });
    }
    group.finish();
}

criterion_group!(benches, config_benches);
criterion_main!(benches);
