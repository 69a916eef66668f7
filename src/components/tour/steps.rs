//! The stops of the guided tour: a start page, one stop per phase of the seed job's log, an end page;
//! and the seed pair they are read from (the log, and the configuration that produced it, linked by
//! [`pipelens_core::crosslink`]).

use std::sync::{Arc, OnceLock};

use pipelens_core::config::{analyse_config, ConfigReport};
use pipelens_core::crosslink::{link_log_to_config, JobLink};
use pipelens_core::log::{parse_log, LogReport, Phase};
use pipelens_core::phases::RUN_STEP_DOC;

use crate::samples::{SEED_JOB_CONFIG, SEED_LOG};

/// The section of `content/<lang>/tour.md` shown before the first phase.
pub(crate) const START_SECTION: &str = "start";

/// The section of `content/<lang>/tour.md` shown after the last phase.
pub(crate) const END_SECTION: &str = "next-steps";

/// The seed log, the seed job's configuration, and the link between them.
pub(crate) struct TourData {
    /// The parsed seed log.
    pub(crate) log: Arc<LogReport>,
    /// The configuration's text.
    pub(crate) config_text: &'static str,
    /// The analysed configuration.
    pub(crate) config: ConfigReport,
    /// Which step printed which phase (`None` only if the samples stopped matching).
    pub(crate) link: Option<JobLink>,
}

/// The tour's data, read once.
pub(crate) fn tour_data() -> &'static TourData {
    static DATA: OnceLock<TourData> = OnceLock::new();
    DATA.get_or_init(|| {
        let log = Arc::new(parse_log(SEED_LOG));
        let config = analyse_config(SEED_JOB_CONFIG);
        let link = link_log_to_config(&log, &config);
        TourData {
            log,
            config_text: SEED_JOB_CONFIG,
            config,
            link,
        }
    })
}

/// One stop of the tour. Stop 0 is the start, stops 1 to N the phases, N + 1 the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// What the pipeline does overall.
    Start,
    /// A phase of the log (index into its phases).
    Phase(usize),
    /// What to try next.
    End,
}

impl Stop {
    /// The stop numbered `number` in a tour of `phases` phases; past the end, the end.
    pub(crate) fn from_number(number: usize, phases: usize) -> Stop {
        match number {
            0 => Stop::Start,
            n if n <= phases => Stop::Phase(n - 1),
            _ => Stop::End,
        }
    }
}

/// The id of the section of `tour.md` that explains `phase`: its documentation page's name
/// (`phases/checkout-code` → `checkout-code`), or for a `run` step its title in kebab case (`run-tests`).
pub(crate) fn phase_section_id(phase: &Phase) -> String {
    match phase.doc {
        Some(doc) if doc != RUN_STEP_DOC => doc.rsplit('/').next().unwrap_or(doc).to_owned(),
        _ => kebab_case(&phase.title),
    }
}

fn kebab_case(title: &str) -> String {
    title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// The part of a rendered page that is the `<h2 id="{id}">` section: from that heading to the next
/// `<h2`. Only ever applied to our own build-time HTML.
pub(crate) fn section_html<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let start = html.find(&format!("<h2 id=\"{id}\">"))?;
    let rest = &html[start..];
    let end = rest[4..].find("<h2").map_or(rest.len(), |at| at + 4);
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{#id}` of every `##` heading of a Markdown page.
    fn section_ids(markdown: &str) -> Vec<String> {
        markdown
            .lines()
            .filter(|line| line.starts_with("## "))
            .filter_map(|line| {
                let id = line.rsplit_once("{#")?.1.strip_suffix('}')?;
                Some(id.to_owned())
            })
            .collect()
    }

    fn expected_ids() -> Vec<String> {
        let data = tour_data();
        let mut ids = vec![START_SECTION.to_owned()];
        ids.extend(data.log.phases.iter().map(phase_section_id));
        ids.push(END_SECTION.to_owned());
        ids
    }

    #[test]
    fn every_phase_of_the_seed_log_has_its_section_in_both_languages() {
        let english = include_str!("../../../content/en/tour.md");
        let french = include_str!("../../../content/fr/tour.md");
        assert_eq!(section_ids(english), expected_ids());
        assert_eq!(section_ids(french), expected_ids());
    }

    #[test]
    fn the_seed_pair_links_every_phase() {
        let data = tour_data();
        let link = data
            .link
            .as_ref()
            .expect("the seed job produced the seed log");
        assert_eq!(link.job, "build_and_test");
        assert!(link.phases.iter().all(Option::is_some));
        assert_eq!(data.log.phases.len(), 12);
    }

    #[test]
    fn stops_are_numbered_from_the_start_to_the_end() {
        assert_eq!(Stop::from_number(0, 12), Stop::Start);
        assert_eq!(Stop::from_number(3, 12), Stop::Phase(2));
        assert_eq!(Stop::from_number(13, 12), Stop::End);
        assert_eq!(Stop::from_number(99, 12), Stop::End);
    }

    #[test]
    fn a_section_runs_to_the_next_h2() {
        let html =
            "<p>a</p><h2 id=\"x\">X</h2><p>b</p><h3 id=\"y\">Y</h3><h2 id=\"z\">Z</h2><p>c</p>";
        assert_eq!(
            section_html(html, "x"),
            Some("<h2 id=\"x\">X</h2><p>b</p><h3 id=\"y\">Y</h3>")
        );
        assert_eq!(section_html(html, "z"), Some("<h2 id=\"z\">Z</h2><p>c</p>"));
        assert_eq!(section_html(html, "w"), None);
    }
}
