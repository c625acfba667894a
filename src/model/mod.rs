//! The pure core: no `web-sys`, no Leptos. Everything here is plain data and
//! functions, unit-tested natively with `cargo test`.

pub mod agenda;
// A language's catalogue file read.
pub mod catalogue;
pub mod changes;
pub mod conferences;
// Native only (the build step): reads the deployed file and converts it to our format.
#[cfg(not(target_arch = "wasm32"))]
pub mod convert;
pub mod error;
pub mod filter;
pub mod follow;
pub mod format;
pub mod frab;
pub mod ics;
pub mod import;
pub(crate) mod json;
pub(crate) mod lenient;
pub mod limits;
pub mod live;
pub mod page;
pub mod plan;
pub mod pretalx;
pub mod qr;
pub mod route;
pub mod schedule;
pub mod sessionize;
pub mod settings;
pub mod share;
// Native only (the build step): the built pages' heads and the sitemap.
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod source;
pub mod text;
pub mod time;
pub mod timetable;
pub mod url;
// Native only (the build step): the organiser's venue file, merged into the rooms.
#[cfg(not(target_arch = "wasm32"))]
pub mod venue;
// Native only (the build step): nothing in the app writes a schedule.
#[cfg(not(target_arch = "wasm32"))]
pub mod writer;
// The app's words in the visitor's language.
pub mod words;
