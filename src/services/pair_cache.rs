//! The last value computed from a pair: a result of this page (held in an `Arc`) and the draft of the
//! other explainer kept in this browser. The cross-links between a log and a config use it, so that
//! redrawing an explanation does not parse the other draft again.

use std::cell::RefCell;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Weak};

/// What a value is computed from: this page's result, held weakly (a weak reference keeps its
/// allocation, so no later result can take its address while the value is remembered), and a hash of
/// the draft with whatever else the caller names.
type PairKey<R> = (Weak<R>, u64);

/// One remembered value and its pair; keep it in a `thread_local!`.
pub(crate) struct PairCache<R, T>(RefCell<Option<(PairKey<R>, T)>>);

impl<R, T: Clone> PairCache<R, T> {
    /// An empty cache.
    pub(crate) const fn new() -> Self {
        Self(RefCell::new(None))
    }

    /// The value for `result`, `draft` and `extra`: the remembered one if the pair is the same as last
    /// time, else `compute(draft)`, then remembered.
    pub(crate) fn get(
        &self,
        result: &Arc<R>,
        draft: &str,
        extra: impl Hash,
        compute: impl FnOnce(&str) -> T,
    ) -> T {
        let mut hasher = DefaultHasher::new();
        draft.hash(&mut hasher);
        extra.hash(&mut hasher);
        let hash = hasher.finish();
        if let Some(value) = self
            .0
            .borrow()
            .as_ref()
            .filter(|((last, last_hash), _)| {
                *last_hash == hash && Weak::ptr_eq(last, &Arc::downgrade(result))
            })
            .map(|(_, value)| value.clone())
        {
            return value;
        }
        let value = compute(draft);
        *self.0.borrow_mut() = Some(((Arc::downgrade(result), hash), value.clone()));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_value_is_computed_once_per_pair() {
        let cache = PairCache::new();
        let computed = Cell::new(0);
        let count = |draft: &str| {
            computed.set(computed.get() + 1);
            draft.len()
        };
        let result = Arc::new(());
        assert_eq!(cache.get(&result, "abc", 1, count), 3);
        assert_eq!(cache.get(&result, "abc", 1, count), 3);
        assert_eq!(computed.get(), 1);
        // Another draft, another extra, another result: computed again.
        assert_eq!(cache.get(&result, "abcd", 1, count), 4);
        assert_eq!(cache.get(&result, "abcd", 2, count), 4);
        assert_eq!(cache.get(&Arc::new(()), "abcd", 2, count), 4);
        assert_eq!(computed.get(), 4);
    }

    #[test]
    fn a_new_result_is_never_taken_for_a_dropped_one() {
        let cache = PairCache::new();
        let computed = Cell::new(0);
        let count = |draft: &str| {
            computed.set(computed.get() + 1);
            draft.len()
        };
        for _ in 0..100 {
            // Each result is dropped before the next is made: an allocator would happily reuse its
            // address, but the cache still holds it weakly.
            let result = Arc::new(7_u64);
            cache.get(&result, "abc", 1, count);
        }
        assert_eq!(computed.get(), 100);
    }
}
