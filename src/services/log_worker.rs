//! Parses the pasted log off the page's thread, in the log worker (`crates/worker`), so that the page
//! never freezes; the page shows the progress and can cancel.
//!
//! 1. A log smaller than [`MAIN_THREAD_LIMIT`] is parsed right here: it takes a few milliseconds,
//!    less than starting a worker.
//! 2. A larger one goes to the worker, started on first use from the script that `index.html` names in
//!    `<meta name="pipelens-log-worker">` (written by `scripts/finalize-site.mjs`, relative to the
//!    page's base, so it works under a sub-path). They talk in the messages of
//!    `pipelens_worker_protocol`: the text goes as UTF-8 bytes in a transferred buffer; the worker
//!    answers with the fraction done, then the report as bytes ([`pipelens_core::log::ReportDecoder`]),
//!    then the secrets of the text ([`pipelens_core::secrets::secrets_from_words`]; scanning 100 MB
//!    here held the page for seconds), which go to the signal given to [`LogParser::provide`]. The
//!    report's bytes describe the visible text as pieces of the log: the page rebuilds it from the text
//!    it holds, which has not changed (a change stops the parse), [`DECODE_STEP`] items per task so that
//!    it never holds its thread long; the progress bar stays full meanwhile, and Cancel or a newer text
//!    drop the decoding.
//! 3. Cancelling, or a newer text, terminates the worker; so does the end of a parse, to give its
//!    memory back. The next parse starts a new one.
//! 4. If no worker can be started or it fails, the log is parsed on the page's thread, as before.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Uint8Array;
use leptos::prelude::*;
use pipelens_core::log::{parse_log, LogReport, ReportDecoder, Stepped, TransferError};
use pipelens_core::secrets::{secrets_from_words, Secret};
use pipelens_worker_protocol::{ToPage, ToWorker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::services::next_task::next_task;

/// Below this size (bytes) a log is parsed on the page's thread: about 5 ms at the parser's speed,
/// where starting the worker and its module takes tens of milliseconds.
pub(crate) const MAIN_THREAD_LIMIT: usize = 256 * 1024;

/// How many items (pieces of text, spans, lines) of a report the page reads per task: about 20 ms
/// (a 100 MB log's report has about 6.5 million).
const DECODE_STEP: usize = 400_000;

/// The `<meta name>` whose content is the worker's script, relative to the page's base.
const WORKER_META: &str = "pipelens-log-worker";

/// Where the current parse stands, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ParseState {
    /// Nothing runs.
    Idle,
    /// The worker is parsing; the fraction done, 0.0 to 1.0.
    Running(f32),
    /// The reader cancelled the last parse.
    Cancelled,
}

/// What to do with the report of a parse.
type OnReport = Box<dyn FnOnce(LogReport)>;

/// The log parser of the page: a handle that can be copied into closures.
#[derive(Clone, Copy)]
pub(crate) struct LogParser {
    /// Where the current parse stands.
    pub(crate) state: RwSignal<ParseState>,
    /// The text it parses: read, never copied, when a parse starts, when the worker is ready for it,
    /// when it fails and when its secrets arrive. A change of the text must [`LogParser::stop`] the parse.
    text: RwSignal<String>,
    /// Where the secrets the worker finds in the text it parsed go.
    secrets: RwSignal<Option<Vec<Secret>>>,
    worker: StoredValue<Rc<RefCell<WorkerSlot>>, LocalStorage>,
}

/// The worker, when one is started, and the parse it runs.
#[derive(Default)]
struct WorkerSlot {
    worker: Option<StartedWorker>,
    /// The worker could not be started or failed: parse on the page's thread from now on.
    unavailable: bool,
    /// The report being read, step by step, if one is: its number, so that a stopped one knows.
    decoding: Option<u64>,
    /// How many reports have arrived, to number the next one.
    reports_received: u64,
}

/// A started worker, its event handlers and the job it has.
struct StartedWorker {
    worker: Worker,
    ready: bool,
    /// The log waiting for the worker to be ready, and what to do with its report.
    job: Option<Job>,
    /// The report was delivered; the worker is still looking for the secrets of the text.
    scanning: bool,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

/// One log being parsed (the parser's text).
struct Job {
    /// Whether it has been posted to the worker.
    posted: bool,
    on_report: OnReport,
}

impl LogParser {
    /// A parser of `text` for the current page, provided as context for the progress bar; its worker
    /// ends with the page. The secrets the worker finds in a log it parsed are put in `secrets` (which
    /// is `None` for a log parsed on the page's thread: the page looks for them itself).
    pub(crate) fn provide(text: RwSignal<String>, secrets: RwSignal<Option<Vec<Secret>>>) -> Self {
        let parser = Self {
            state: RwSignal::new(ParseState::Idle),
            text,
            secrets,
            worker: StoredValue::new_local(Rc::default()),
        };
        provide_context(parser);
        on_cleanup(move || {
            if let Some(slot) = parser.worker.try_get_value() {
                terminate(&mut slot.borrow_mut());
            }
        });
        parser
    }

    /// Parses the text and gives its report to `on_report`, at once for a small log, later for a large
    /// one (then [`LogParser::state`] shows the progress, and the secrets follow the report). A parse
    /// still running is cancelled.
    pub(crate) fn parse(self, on_report: impl FnOnce(LogReport) + 'static) {
        self.stop();
        let Some(slot) = self.worker.try_get_value() else {
            return;
        };
        let Some(length) = self.text.try_with_untracked(String::len) else {
            return;
        };
        if length < MAIN_THREAD_LIMIT || slot.borrow().unavailable {
            self.parse_here(on_report);
            return;
        }
        if slot.borrow().worker.is_none() {
            let started = start_worker(self, &slot);
            let mut slot = slot.borrow_mut();
            match started {
                Some(worker) => slot.worker = Some(worker),
                None => slot.unavailable = true,
            }
        }
        let job = Job {
            posted: false,
            on_report: Box::new(on_report),
        };
        let mut slot = slot.borrow_mut();
        match slot.worker.as_mut() {
            Some(worker) => {
                worker.job = Some(job);
                self.state.set(ParseState::Running(0.0));
                self.post_job(worker);
            }
            None => {
                drop(slot);
                self.parse_here(job.on_report);
            }
        }
    }

    /// Parses the text on the page's thread.
    fn parse_here(self, on_report: impl FnOnce(LogReport)) {
        if let Some(report) = self.text.try_with_untracked(|text| parse_log(text)) {
            on_report(report);
        }
    }

    /// Posts the waiting job's text once the worker is ready, as bytes in a transferred buffer.
    fn post_job(self, worker: &mut StartedWorker) {
        let Some(job) = worker
            .job
            .as_mut()
            .filter(|job| worker.ready && !job.posted)
        else {
            return;
        };
        let Some(bytes) = self.text.try_with_untracked(|text| {
            let bytes = Uint8Array::new_with_length(text.len() as u32);
            bytes.copy_from(text.as_bytes());
            bytes
        }) else {
            return;
        };
        let posted = ToWorker::Parse(bytes).to_posted();
        job.posted = worker
            .worker
            .post_message_with_transfer(&posted.message, &posted.transfer)
            .is_ok();
    }

    /// Cancels the parse in progress, if any, and says so.
    pub(crate) fn cancel(self) {
        if self.stop() {
            self.state.set(ParseState::Cancelled);
        }
    }

    /// Stops the parse in progress, if any (the worker is terminated), without saying it was
    /// cancelled: for a newer text. Returns whether one was running.
    pub(crate) fn stop(self) -> bool {
        let Some(slot) = self.worker.try_get_value() else {
            return false;
        };
        let mut slot = slot.borrow_mut();
        // A worker still looking for the secrets of the previous text is busy too: its answer would
        // describe another text.
        let busy = slot
            .worker
            .as_ref()
            .is_some_and(|worker| worker.job.is_some() || worker.scanning);
        if busy {
            terminate(&mut slot);
        }
        // A report being read describes the old text: its next step sees it was stopped.
        let running = slot.decoding.take().is_some() || busy;
        if self
            .state
            .try_get_untracked()
            .is_some_and(|state| state != ParseState::Idle)
        {
            self.state.set(ParseState::Idle);
        }
        running
    }

    /// Handles a message of the worker: ready, progress, the report, or the secrets that follow it.
    fn on_message(self, slot: &Rc<RefCell<WorkerSlot>>, data: &JsValue) {
        let Some(message) = ToPage::read(data) else {
            return;
        };
        match message {
            ToPage::Ready => {
                if let Some(worker) = slot.borrow_mut().worker.as_mut() {
                    worker.ready = true;
                    self.post_job(worker);
                }
            }
            ToPage::Progress(fraction) => {
                if slot
                    .borrow()
                    .worker
                    .as_ref()
                    .is_some_and(|worker| worker.job.is_some())
                {
                    self.state.try_set(ParseState::Running(fraction as f32));
                }
            }
            ToPage::Secrets(words) => {
                let scanned = slot
                    .borrow_mut()
                    .worker
                    .as_mut()
                    .is_some_and(|worker| std::mem::take(&mut worker.scanning));
                if scanned {
                    let secrets = self
                        .text
                        .try_with_untracked(|text| secrets_from_words(&words, text));
                    self.secrets.try_set(secrets.flatten());
                    // Done with this text: a worker's memory never shrinks (about 4x the last log), so
                    // it goes, and the next large log starts a new one (tens of milliseconds).
                    terminate(&mut slot.borrow_mut());
                }
            }
            ToPage::Report(bytes) => {
                let job = slot
                    .borrow_mut()
                    .worker
                    .as_mut()
                    .and_then(|worker| worker.job.take());
                let Some(job) = job else {
                    return;
                };
                let bytes = bytes.to_vec();
                let number = {
                    let mut slot = slot.borrow_mut();
                    if let Some(worker) = slot.worker.as_mut() {
                        worker.scanning = true;
                    }
                    slot.reports_received += 1;
                    slot.decoding = Some(slot.reports_received);
                    slot.reports_received
                };
                self.state.try_set(ParseState::Running(1.0));
                wasm_bindgen_futures::spawn_local(self.decode(
                    Rc::clone(slot),
                    bytes,
                    number,
                    job.on_report,
                ));
            }
        }
    }

    /// Reads the report in `bytes` (the `number`th), a step per task, then gives it to `on_report`;
    /// stops when [`LogParser::stop`] was called meanwhile, and parses here if the bytes do not fit.
    async fn decode(
        self,
        slot: Rc<RefCell<WorkerSlot>>,
        bytes: Vec<u8>,
        number: u64,
        on_report: OnReport,
    ) {
        let mut decoder = match ReportDecoder::new(bytes) {
            Ok(decoder) => decoder,
            Err(error) => return self.end_decoding(&slot, Err(error), on_report),
        };
        loop {
            next_task().await;
            if slot.borrow().decoding != Some(number) {
                return;
            }
            let Some(stepped) = self
                .text
                .try_with_untracked(|text| decoder.step(text, DECODE_STEP))
            else {
                return;
            };
            match stepped {
                Ok(Stepped::More(more)) => decoder = *more,
                Ok(Stepped::Done(report)) => {
                    return self.end_decoding(&slot, Ok(report), on_report)
                }
                Err(error) => return self.end_decoding(&slot, Err(error), on_report),
            }
        }
    }

    /// Ends the reading of a report: shows it, or parses here if its bytes did not fit.
    fn end_decoding(
        self,
        slot: &Rc<RefCell<WorkerSlot>>,
        outcome: Result<LogReport, TransferError>,
        on_report: OnReport,
    ) {
        slot.borrow_mut().decoding = None;
        self.state.try_set(ParseState::Idle);
        match outcome {
            Ok(report) => on_report(report),
            Err(error) => {
                web_sys::console::warn_1(&format!("log worker: {error}").into());
                self.parse_here(on_report);
            }
        }
    }

    /// The worker failed (its script did not load, or it stopped): parse here from now on.
    fn on_error(self, slot: &Rc<RefCell<WorkerSlot>>, message: String) {
        web_sys::console::warn_1(
            &format!("log worker failed, parsing on the page: {message}").into(),
        );
        let job = {
            let mut slot = slot.borrow_mut();
            let job = slot.worker.as_mut().and_then(|worker| worker.job.take());
            terminate(&mut slot);
            slot.unavailable = true;
            job
        };
        self.state.try_set(ParseState::Idle);
        if let Some(job) = job {
            self.parse_here(job.on_report);
        }
    }
}

/// Starts the worker named in the page; `None` if there is none or the browser refuses it.
fn start_worker(parser: LogParser, slot: &Rc<RefCell<WorkerSlot>>) -> Option<StartedWorker> {
    let script = document()
        .query_selector(&format!("meta[name='{WORKER_META}']"))
        .ok()
        .flatten()?
        .get_attribute("content")?;
    let options = WorkerOptions::new();
    // The worker's loader is an ES module (`data-bindgen-target="web"` in index.html).
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&script, &options).ok()?;
    let weak = Rc::downgrade(slot);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(slot) = weak.upgrade() {
            parser.on_message(&slot, &event.data());
        }
    });
    let weak = Rc::downgrade(slot);
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        if let Some(slot) = weak.upgrade() {
            parser.on_error(&slot, event.message());
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(StartedWorker {
        worker,
        ready: false,
        job: None,
        scanning: false,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Ends the worker and forgets it (and its job).
fn terminate(slot: &mut WorkerSlot) {
    if let Some(started) = slot.worker.take() {
        started.worker.terminate();
        started.worker.set_onmessage(None);
        started.worker.set_onerror(None);
    }
}
