//! Entry point: the panic hook and the mount, nothing else.

// Natively (the test harness builds every binary) the views' async types nest
// deeper than the default limit (see lib.rs).
#![recursion_limit = "256"]

// Talc in place of std's dlmalloc: smaller code on every first load.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(schedule_viewer::App);
}
