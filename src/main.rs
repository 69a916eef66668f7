//! Pipeline Lens, the web app: mounts the root component. Everything else lives in [`app`].
//!
//! The modules are floors, each importing only from the floors below it (or from its own folder): see
//! ARCHITECTURE.md, "The floors of the web app", and the test in `tests/floors.rs` that keeps them.

mod app;
mod components;
mod format;
mod i18n;
mod pages;
mod report;
mod routes;
mod samples;
mod services;
mod state;
mod wording;

fn main() {
    console_error_panic_hook::set_once();
    services::theme::apply_stored_theme();
    leptos::mount::mount_to(services::prerendered::app_root(), app::App).forget();
}
