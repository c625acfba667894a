//! Entry point: the panic hook and the mount, nothing else.

// Natively (the test harness builds every binary) the views' async types nest
// deeper than the default limit (see lib.rs).
#![recursion_limit = "256"]

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(schedule_viewer::App);
}
