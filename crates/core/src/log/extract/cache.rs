//! Facts of `Restoring cache` and `Saving cache`: the key, the build the cache came from, its size,
//! its paths, a miss, a cache that already exists, and the transfer times.

use super::{after, list_item, push, Fact, FactKind, LineReader};

/// Reads cache output.
#[derive(Debug, Default)]
pub(super) struct Cache {
    /// Whether the lines are the path list after `Cached paths:` or `Stored Cache to`.
    in_path_list: bool,
    /// The key of a `Skipping cache generation` line still waiting for its `Found one created at`.
    pending_existing_key: Option<String>,
}

impl LineReader for Cache {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        if self.in_path_list {
            if let Some(path) = list_item(text) {
                push(facts, FactKind::CachedPath, path);
                return;
            }
            self.in_path_list = false;
        }
        if let Some(rest) = after(text, "Found a cache from build ") {
            let (build, key) = rest.split_once(" at ").unwrap_or((rest, ""));
            push(facts, FactKind::CacheSourceBuild, build);
            push(facts, FactKind::CacheKey, key);
        } else if let Some(rest) = after(text, "Size:") {
            push(facts, FactKind::CacheSize, rest);
        } else if text == "Cached paths:" {
            self.in_path_list = true;
        } else if let Some(rest) = after(text, "Stored Cache to ") {
            push(facts, FactKind::CacheKey, rest);
            self.in_path_list = true;
        } else if let Some(rest) = after(text, "No cache is found for key:") {
            push(facts, FactKind::CacheMiss, rest);
        } else if let Some(rest) = after(
            text,
            "Skipping cache generation, cache already exists for key:",
        ) {
            push(facts, FactKind::CacheKey, rest);
            self.pending_existing_key = Some(rest.to_owned());
        } else if let Some(rest) = after(text, "Found one created at ") {
            push(facts, FactKind::CacheAlreadyExists, rest);
            self.pending_existing_key = None;
        } else if let Some(rest) = after(text, "Download duration for cache file") {
            push(
                facts,
                FactKind::CacheDownloadTime,
                rest.rsplit(": ").next().unwrap_or(rest),
            );
        } else if let Some(rest) = after(text, "Extraction duration:") {
            push(facts, FactKind::CacheExtractTime, rest);
        }
    }

    fn finish(&mut self, facts: &mut Vec<Fact>) {
        if let Some(key) = self.pending_existing_key.take() {
            push(facts, FactKind::CacheAlreadyExists, &key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lines: &[&str]) -> Vec<Fact> {
        let mut reader = Cache::default();
        let mut facts = Vec::new();
        for line in lines {
            reader.read(line.trim(), &mut facts);
        }
        reader.finish(&mut facts);
        facts
    }

    #[test]
    fn a_restored_cache() {
        let facts = read(&[
            "Found a cache from build 75 at v1-key",
            "Size: 94 MiB",
            "Cached paths:",
            "  * /tmp/cci_pycache",
            "",
            "Downloading cache archive...",
        ]);
        assert_eq!(
            facts,
            [
                Fact::new(FactKind::CacheSourceBuild, "75"),
                Fact::new(FactKind::CacheKey, "v1-key"),
                Fact::new(FactKind::CacheSize, "94 MiB"),
                Fact::new(FactKind::CachedPath, "/tmp/cci_pycache"),
            ]
        );
    }

    #[test]
    fn an_existing_cache_and_a_miss() {
        let facts = read(&[
            "Skipping cache generation, cache already exists for key: k1",
            "Found one created at 2022-02-22 21:03:08 +0000 UTC",
        ]);
        assert_eq!(
            facts[1],
            Fact::new(
                FactKind::CacheAlreadyExists,
                "2022-02-22 21:03:08 +0000 UTC"
            )
        );
        assert_eq!(
            read(&["No cache is found for key: k2"]),
            [Fact::new(FactKind::CacheMiss, "k2")]
        );
        let without_date = read(&["Skipping cache generation, cache already exists for key: k3"]);
        assert_eq!(
            without_date[1],
            Fact::new(FactKind::CacheAlreadyExists, "k3")
        );
    }
}
