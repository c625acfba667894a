//! The parts of the app a first visit does not need, each loaded the first
//! time it is shown (code splitting).
//!
//! Every function marked `#[wasm_split(…)]` ends up, with the code only it
//! reaches, in a wasm module of its own that the build's splitter writes beside
//! the main one (`scripts/split.mjs`). Calling it fetches that module first.
//! The loads are `fallible`: a part that cannot be fetched (network gone
//! mid-visit) shows "This part of the app could not be loaded." with Retry in
//! the place of the view, and nothing else on the page changes. The service
//! worker precaches every part, so after one visit they all work offline.

//!
//! The split points are declared beside the components they load, one
//! convention for all of them: the component's file has
//!
//! ```ignore
//! pub const AGENDA_PART: crate::views::lazy::Part = crate::views::lazy::Part {
//!     view: || Box::pin(agenda_view()),
//!     preload: || Box::pin(preload_agenda_view()),
//! };
//!
//! #[wasm_split_helpers::wasm_split(agenda, fallible, preload(preload_agenda_view))]
//! fn agenda_view() -> Result<AnyView, crate::browser::part::PartMissing> {
//!     Ok(view! { <AgendaPage /> }.into_any())
//! }
//! ```
//!
//! and a view shows it with `<LazyPart part=AGENDA_PART />`. The name in
//! `wasm_split(…)` is the part's module name: the build, `bench/budget.json`
//! and `tests/e2e/parts.spec.ts` know the parts by it. This module knows no
//! view, so no view it loads imports a module that imports it.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::browser::part::PartMissing;
use crate::model::words::tr;

/// A part's view once its module has arrived (or why it could not).
pub type PartView = Pin<Box<dyn Future<Output = Result<AnyView, PartMissing>> + Send>>;

/// A part's module fetched, without drawing it.
pub type PartLoad = Pin<Box<dyn Future<Output = Result<(), wasm_split_helpers::SplitLoaderError>>>>;

/// A part of the app that is loaded when first shown: the loaders of its
/// split point (the `…_PART` constant beside its component).
#[derive(Clone, Copy)]
pub struct Part {
    /// Fetch the module (once) and draw the part.
    pub view: fn() -> PartView,
    /// Only fetch the module: a page the app adopts draws its parts at
    /// once, as the build drew them, so their modules come first.
    pub preload: fn() -> PartLoad,
}

impl Part {
    /// The part drawn now, when its module is already here.
    pub fn ready(&self) -> Option<AnyView> {
        use futures::FutureExt;
        (self.view)().now_or_never()?.ok()
    }
}

/// A lazily loaded part in the place of its view: "Loading…" while its module
/// arrives, the view once it has, or the failure with Retry.
/// A page the app adopts has its parts' modules already (they were fetched
/// before it) and draws them at once, as the build did.
#[component]
pub fn LazyPart(
    part: Part,
    /// Nothing while loading (a notice, not a page: no "Loading…").
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    if crate::browser::adopt::adopting().is_some() {
        if let Some(view) = part.ready() {
            return view;
        }
    }
    // Bumped by Retry: the closure below runs again and starts a new load
    // (a failed load is not cached by the loader).
    let attempt = RwSignal::new(0u32);
    // A page's part: the build-time copy of the page stays until it has drawn.
    let held = StoredValue::new(!quiet);
    let release = move || {
        if held.get_value() {
            held.set_value(false);
            crate::browser::page::release_prerender();
        }
    };
    if !quiet {
        crate::browser::page::hold_prerender();
        on_cleanup(release);
    }
    view! {
        <Suspense fallback=move || {
            (!quiet)
                .then(|| {
                    view! {
                        <p class="part-loading" role="status">
                            {tr("Loading…")}
                        </p>
                    }
                })
        }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    let view = match (part.view)().await {
                        Ok(view) => view,
                        Err(PartMissing) => view! { <PartFailed attempt /> }.into_any(),
                    };
                    release();
                    view
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// The message of a part that could not be loaded, and its Retry.
#[component]
fn PartFailed(attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="part-failed" role="alert">
            <p>{tr("This part of the app could not be loaded.")}</p>
            <p class="hint">
                {tr("Check the connection; your agenda and the rest of the page are unchanged.")}
            </p>
            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                {tr("Retry")}
            </button>
        </div>
    }
}
