//! The configuration of a tour stop: the lines of the seed job's configuration that asked for the
//! phase, numbered as in the file, with the sentence that says which step (or the job itself) it is.

use leptos::prelude::*;
use pipelens_core::crosslink::Origin;

use crate::components::common::sentence::sentence_view;
use crate::components::tour::steps::tour_data;
use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};

/// The lines of the configuration behind one phase of the seed log.
#[component]
pub(crate) fn TourConfig(
    /// The phase (index into the seed log's phases).
    index: usize,
) -> impl IntoView {
    let lang = use_lang();
    let data = tour_data();
    let found = data.link.as_ref().and_then(|link| {
        let origin = (*link.phases.get(index)?)?;
        let job = data.config.config.job(&link.job)?;
        let (first, last) = match origin {
            Origin::Step { index: step, .. } => {
                let step = job.steps.get(step)?;
                (step.span.line, step.span.end_line)
            }
            // The job's own lines: from its name to its `steps:` key.
            Origin::Job { .. } => {
                let first_step = job.steps.first().map_or(job.span.end_line, |s| s.span.line);
                (
                    job.span.line,
                    first_step.saturating_sub(1).max(job.span.line),
                )
            }
        };
        Some((link.job.clone(), origin, first, last))
    });
    let Some((job, origin, first, last)) = found else {
        return view! {
            <section class="tour-panel tour-config" data-testid="tour-config">
                <h2>{t(Msg::TourConfigHeading)}</h2>
                <p class="tour-muted">{t(Msg::TourConfigNone)}</p>
            </section>
        }
        .into_any();
    };
    let target = origin.span().line;
    let sentence = move || {
        let lang = lang.get();
        let (msg, step) = match origin.step() {
            Some(step) => (Msg::TourConfigStep, step + 1),
            None => (Msg::TourConfigJob, 0),
        };
        let text = fill(
            lang.text(msg),
            &[
                ("step", step.to_string()),
                ("job", job.clone()),
                ("line", target.to_string()),
            ],
        );
        sentence_view(&text)
    };
    // A trailing blank line of the step belongs to the file, not to the step.
    let lines: Vec<(usize, &str)> = data
        .config_text
        .lines()
        .enumerate()
        .map(|(at, text)| (at + 1, text))
        .filter(|(number, _)| (first..=last).contains(number))
        .collect();
    let end = lines
        .iter()
        .rposition(|(_, text)| !text.trim().is_empty())
        .map_or(0, |at| at + 1);
    let rows = lines[..end]
        .iter()
        .map(|&(number, text)| {
            view! {
                <div class="config-snippet-line" class:is-target=number == target data-line=number>
                    <span class="line-number" aria-hidden="true">{number}</span>
                    <code>{text.to_owned()}</code>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="tour-panel tour-config" data-testid="tour-config" aria-labelledby="tour-config-title">
            <h2 id="tour-config-title">{t(Msg::TourConfigHeading)}</h2>
            <p data-testid="tour-config-step">{sentence}</p>
            <div class="tour-config-lines">{rows}</div>
        </section>
    }
    .into_any()
}
