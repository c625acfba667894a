//! The thin browser layer: the only code that touches `web-sys`.

pub mod clock;
pub mod conferences;
pub mod files;
pub mod live;
pub mod loader;
pub mod location;
pub mod notify;
pub mod offline;
pub mod page;
pub mod part;
pub mod settings;
pub mod storage;
