//! The thin browser layer: the only code that touches `web-sys`.

pub mod adopt;
pub mod clock;
pub mod conferences;
pub mod files;
pub mod language;
pub mod live;
pub mod loader;
pub mod location;
pub mod notify;
pub mod offline;
pub mod page;
pub mod part;
pub mod settings;
pub mod storage;

/// The browser's window; `None` in the build step, which renders the pages
/// natively where no browser exists: every function here then does nothing
/// or answers its default (no storage, no location, no zones of its own).
pub(crate) fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
