//! Entry point: the panic hook and the mount, nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(schedule_viewer::App);
}
