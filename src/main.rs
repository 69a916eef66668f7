//! Pipeline Lens, the web app: mounts the root component. Everything else lives in [`app`].

mod app;
mod canvas_png;
mod clipboard;
mod components;
mod content;
mod format;
mod i18n;
mod keyboard;
mod log_worker;
mod next_task;
mod pages;
mod pair_cache;
mod pasted_text;
mod preferences;
mod report;
mod share_link;
mod text_file;
mod theme;

fn main() {
    console_error_panic_hook::set_once();
    theme::apply_stored_theme();
    leptos::mount::mount_to_body(app::App);
}
