//! The guided tour of the seed pipeline, for a training session.
//!
//! 1. The stop is in the address: `/en/tour` is the start, `/en/tour/3` the third phase of the seed
//!    log, `/en/tour/13` the end; a link or a reload opens the same stop, in either language.
//! 2. Each phase stop shows the phase's lines ([`TourLog`]), the lines of the configuration that asked
//!    for it ([`TourConfig`], through the crosslink), the trainer's text — the section of
//!    `content/<lang>/tour.md` whose id is the phase's — and a link to the phase's reference page.
//! 3. Previous / next buttons and the ← → keys (not while typing) move between stops.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::tour::config::TourConfig;
use crate::components::tour::log::TourLog;
use crate::components::tour::steps::{
    phase_section_id, section_html, tour_data, Stop, END_SECTION, START_SECTION,
};
use crate::format::fill;
use crate::i18n::{t, use_lang, Lang, Msg};
use crate::routes::{doc_href, site_href, tour_path};
use crate::services::content::{fetch_doc_html, ContentError};
use crate::services::next_task::next_task;
use crate::services::page_meta::set_page_meta;
use crate::services::prerendered::page_ready_after_render;
use crate::wording::phases::display_title;

/// The id of the page of `content/<lang>/` that holds the tour's text.
const TOUR_PAGE: &str = "tour";

/// The tour page. Its stop is drawn two tasks after the page starts: the module's start (the router, the
/// header), the reading of the seed pair, and the drawing of the stop then run as three short tasks
/// rather than one long one, so that a phone's page stays answerable while it starts. The written copy
/// of the stop (`scripts/prerender.mjs`) is on screen meanwhile.
#[component]
pub(crate) fn TourPage() -> impl IntoView {
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        next_task().await;
        tour_data();
        next_task().await;
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| view! { <TourStops/> })
}

/// The tour's controls, its list of stops, and the current stop.
#[component]
fn TourStops() -> impl IntoView {
    let data = tour_data();
    let phases = data.log.phases.len();
    let last = phases + 1;
    let lang = use_lang();
    let params = use_params_map();
    let number = Memo::new(move |_| {
        params
            .read()
            .get("step")
            .and_then(|step| step.parse::<usize>().ok())
            .unwrap_or(0)
            .min(last)
    });
    let stop = Memo::new(move |_| Stop::from_number(number.get(), phases));

    let navigate = use_navigate();
    let go = move |to: usize| {
        navigate(&tour_path(lang.get_untracked(), to), Default::default());
    };
    let go_by = {
        let go = go.clone();
        move |forward: bool| {
            let now = number.get_untracked();
            match (forward, now) {
                (true, n) if n < last => go(n + 1),
                (false, n) if n > 0 => go(n - 1),
                _ => {}
            }
        }
    };
    let keys = window_event_listener(ev::keydown, {
        let go_by = go_by.clone();
        move |event| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() || is_typing(&event) {
                return;
            }
            match event.key().as_str() {
                "ArrowRight" => go_by(true),
                "ArrowLeft" => go_by(false),
                _ => return,
            }
            event.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    let html = LocalResource::new(move || {
        let lang = lang.get();
        async move { fetch_doc_html(lang, TOUR_PAGE.to_owned()).await }
    });
    // Each stop has its own title: "Step 3 of 12: Checkout code · Guided tour".
    Effect::new(move |_| {
        let lang = lang.get();
        let title = match stop.get() {
            Stop::Start => lang.text(Msg::TourTitle).to_owned(),
            Stop::Phase(index) => {
                let progress = fill(
                    lang.text(Msg::TourStepOf),
                    &[
                        ("step", (index + 1).to_string()),
                        ("total", phases.to_string()),
                    ],
                );
                fill(
                    lang.text(Msg::TourStopTitle),
                    &[
                        ("progress", progress.as_str()),
                        ("phase", data.log.phases[index].title.as_str()),
                        ("tour", lang.text(Msg::TourNav)),
                    ],
                )
            }
            Stop::End => format!(
                "{} · {}",
                lang.text(Msg::TourEndLabel),
                lang.text(Msg::TourNav)
            ),
        };
        set_page_meta(&title, lang.text(Msg::TourIntro));
    });
    // The written copy of a stop gives way once the stop's text is in.
    Effect::new(move |_| {
        if html.with(Option::is_some) {
            page_ready_after_render();
        }
    });
    let text = move || {
        let id = match stop.get() {
            Stop::Start => START_SECTION.to_owned(),
            Stop::Phase(index) => phase_section_id(&data.log.phases[index]),
            Stop::End => END_SECTION.to_owned(),
        };
        match html.get() {
            None => view! { <p class="tour-muted">{t(Msg::TourLoading)}</p> }.into_any(),
            Some(Ok(html)) => match section_html(&html, &id) {
                Some(section) => view! {
                    <div class="doc-body tour-text" data-testid="tour-text" data-section=id inner_html=section.to_owned()></div>
                }
                .into_any(),
                None => failed().into_any(),
            },
            Some(Err(ContentError::NotFound | ContentError::Failed(_))) => failed().into_any(),
        }
    };

    let progress = move || {
        let lang = lang.get();
        match stop.get() {
            Stop::Start => lang.text(Msg::TourStartLabel).to_owned(),
            Stop::Phase(index) => fill(
                lang.text(Msg::TourStepOf),
                &[
                    ("step", (index + 1).to_string()),
                    ("total", phases.to_string()),
                ],
            ),
            Stop::End => lang.text(Msg::TourEndLabel).to_owned(),
        }
    };
    let panels = move || match stop.get() {
        Stop::Phase(index) => {
            let doc = data.log.phases[index].doc;
            view! {
                <div class="tour-panels">
                    <TourLog report=data.log.clone() index=index/>
                    <TourConfig index=index/>
                </div>
                {doc.map(|doc| view! {
                    <p class="tour-doc-link">
                        <A href=move || doc_href(lang.get(), doc, "") attr:data-testid="tour-doc-link">
                            {t(Msg::TourReadDoc)}
                        </A>
                    </p>
                })}
            }
            .into_any()
        }
        Stop::Start | Stop::End => ().into_any(),
    };
    let (go_back, go_on) = (go_by.clone(), go_by);

    view! {
        <section class="tour-page" data-testid="tour-page" data-step=move || number.get()>
            <h1>{t(Msg::TourTitle)}</h1>
            <p class="intro">{t(Msg::TourIntro)}</p>
            <nav class="tour-controls" aria-label=t(Msg::TourStepsLabel)>
                <button type="button" class="secondary" data-testid="tour-prev"
                    disabled={move || number.get() == 0} on:click=move |_| go_back(false)>
                    "← " {t(Msg::TourPrevious)}
                </button>
                <p class="tour-progress" data-testid="tour-progress" aria-live="polite">{progress}</p>
                <button type="button" data-testid="tour-next"
                    disabled={move || number.get() >= last} on:click=move |_| go_on(true)>
                    {move || if number.get() == 0 { t(Msg::TourBegin)() } else { t(Msg::TourNext)() }} " →"
                </button>
            </nav>
            <p class="tour-muted tour-keys">{t(Msg::TourKeysHint)}</p>
            <div class="tour-body">
                <ol class="tour-steps" data-testid="tour-steps">
                    {(0..=last).map(|n| step_item(n, phases, number, lang)).collect_view()}
                </ol>
                <div class="tour-stop">
                    {text}
                    {panels}
                </div>
            </div>
        </section>
    }
}

/// One entry of the list of stops: a link, marked when it is the current one.
fn step_item(n: usize, phases: usize, current: Memo<usize>, lang: Signal<Lang>) -> impl IntoView {
    let data = tour_data();
    // Phases are numbered as the progress counts them ("Step 3 of 12"); the start and the end are not.
    let number = match Stop::from_number(n, phases) {
        Stop::Phase(index) => Some(format!("{}.", index + 1)),
        Stop::Start | Stop::End => None,
    };
    let label = move || match Stop::from_number(n, phases) {
        Stop::Start => lang.get().text(Msg::TourStartLabel).to_owned(),
        Stop::Phase(index) => display_title(&data.log.phases[index].title, index, lang.get()),
        Stop::End => lang.get().text(Msg::TourEndLabel).to_owned(),
    };
    let href = move || site_href(&tour_path(lang.get(), n));
    view! {
        <li class:is-current=move || current.get() == n>
            <A href=href attr:aria-current=move || (current.get() == n).then_some("step")>
                {number.map(|number| view! { <span class="tour-step-number">{number}</span> })}
                {label}
            </A>
        </li>
    }
}

fn failed() -> impl IntoView {
    view! { <p class="notice warning" data-testid="tour-failed">{t(Msg::TourFailed)}</p> }
}

/// Whether the key was pressed in a field the reader types into.
fn is_typing(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}
