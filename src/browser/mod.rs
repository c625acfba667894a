//! The thin browser layer: the only code that touches `web-sys`.

pub mod loader;
pub mod page;
pub mod storage;
