//! Entry point: the panic hook and the start, nothing else.

// Natively (the test harness builds every binary) the views' async types nest
// deeper than the default limit (see lib.rs).
#![recursion_limit = "256"]

// Talc in place of std's dlmalloc: smaller code on every first load.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // A panic ends the wasm: said in the console, and while adopting the
    // built page (its markup and the app disagree), the tab draws anew.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        schedule_viewer::browser::adopt::panicked();
    }));
    schedule_viewer::start();
}
