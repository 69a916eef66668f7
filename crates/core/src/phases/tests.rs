//! The catalogue is consistent: every title names one step, every key one step, every page one phase.

use super::*;

#[test]
fn titles_are_found_whatever_their_case() {
    let phase = find_by_title("  checkout CODE ").expect("a built-in title");
    assert_eq!(phase.doc, "phases/checkout-code");
    assert_eq!(phase.kind, PhaseKind::BuiltIn);
    assert!(find_by_title("npm test").is_none());
}

#[test]
fn every_title_leads_back_to_its_own_step() {
    for phase in known_phases() {
        for title in std::iter::once(&phase.title).chain(phase.other_titles) {
            let found = find_by_title(&title.to_ascii_uppercase()).expect("a title is found");
            assert_eq!(found.title, phase.title, "{title} names another step");
        }
    }
}

#[test]
fn every_doc_id_and_config_key_is_unique() {
    let mut docs: Vec<_> = doc_ids().collect();
    let count = docs.len();
    docs.sort_unstable();
    docs.dedup();
    assert_eq!(docs.len(), count);
    let mut keys: Vec<_> = config_keys().map(|config| config.key).collect();
    let count = keys.len();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), count);
}

#[test]
fn every_step_is_written_or_printed() {
    for step in STEPS {
        assert!(step.config.is_some() || step.phase.is_some(), "{step:?}");
    }
    for config in config_keys() {
        assert!(config.doc.starts_with("keys/"), "{}", config.key);
        let mut args = config.args.to_vec();
        args.sort_unstable();
        let count = args.len();
        args.dedup();
        assert_eq!(args.len(), count, "{} names an argument twice", config.key);
    }
}

#[test]
fn config_keys_lead_to_their_phase() {
    assert_eq!(
        phase_of_config_key("restore_cache").map(|phase| phase.title),
        Some("Restoring cache")
    );
    assert!(phase_of_config_key("run").is_none());
    assert!(find_by_config_key("run").is_some());
    assert!(find_by_config_key("spin_up").is_none());
}

#[test]
fn no_status_line_means_two_things() {
    for phase in known_phases() {
        let ends = phase.ends;
        for line in ends.failure {
            assert!(
                !ends.success.contains(line) && !ends.skip.contains(line),
                "{}: {line}",
                phase.title
            );
        }
    }
}
