//! Pipeline Lens, the web app: mounts the root component. Everything else lives in [`app`].

mod app;
mod components;
mod content;
mod format;
mod i18n;
mod pages;
mod preferences;
mod text_file;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
