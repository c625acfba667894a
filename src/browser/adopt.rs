//! Adopting the page the build drew (docs/decisions.md, "Drawing once").
//!
//! A built page carries its route's view, drawn by the app's own components
//! from a first visit's state, in `#prerender`. Where the guard script left
//! it showing (its own path, no query, the built-in schedule, the default
//! zone and "hide past"), the app hydrates that markup instead of drawing
//! it again: its first render is made from the build's state (an empty
//! agenda, the build's clock, the default settings), and what only this
//! browser knows comes after, as one update in place ([`after_adoption`]).
//!
//! A failed adoption (a mismatch between the markup and the app panics, and
//! a panic ends the wasm) never leaves a dead page: the tab remembers it
//! and reloads, and then draws anew. Nothing is written before adoption,
//! so the agenda is as it was.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;

use crate::model::page::{BuiltStamp, ADOPTED_WRAPPER_ID, BUILT_WRAPPER_ID};
use crate::model::time::{from_epoch_millis, Instant};

/// The tab's mark of an adoption that failed: it draws anew from then on.
const DRAW_ANEW_KEY: &str = "schedule-viewer/draw-anew";

/// The built page the app can adopt.
pub struct BuiltPage {
    /// Its wrapper (`#prerender`): the app hydrates what it holds.
    pub element: web_sys::HtmlElement,
    /// What it was drawn from.
    pub stamp: BuiltStamp,
}

impl BuiltPage {
    /// The build's clock when it drew the page.
    pub fn drawn_at(&self) -> Instant {
        from_epoch_millis(self.stamp.at_ms as f64).unwrap_or_default()
    }
}

thread_local! {
    /// While adopting: the build's clock, which the first render reads.
    static ADOPTING: Cell<Option<Instant>> = const { Cell::new(None) };
    /// What waits for the adoption to end.
    static AFTER: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// The page the build drew, when the app can take it over: the guard left
/// it showing, it carries its stamp, and no adoption failed in this tab.
pub fn built_page() -> Option<BuiltPage> {
    let document = super::window()?.document()?;
    if document
        .document_element()?
        .class_list()
        .contains("no-prerender")
        || super::storage::tab_flag(DRAW_ANEW_KEY)
    {
        return None;
    }
    let element = document
        .get_element_by_id(BUILT_WRAPPER_ID)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let stamp = BuiltStamp::read(
        element.get_attribute(BuiltStamp::AT_ATTR).as_deref(),
        element.get_attribute(BuiltStamp::SCHEDULE_ATTR).as_deref(),
    )?;
    Some(BuiltPage { element, stamp })
}

/// The adoption begins: the first render reads the build's clock `at`,
/// and [`after_adoption`] waits for [`adopted`].
pub fn start(at: Instant) {
    ADOPTING.with(|a| a.set(Some(at)));
}

/// While adopting, the clock the build drew the page at.
pub fn adopting() -> Option<Instant> {
    ADOPTING.with(Cell::get)
}

/// Run `f` once the page is the app's: after the adoption, or now when
/// there is none (the app draws its own page).
/// It runs under the reactive owner of the caller.
pub fn after_adoption(f: impl FnOnce() + 'static) {
    if adopting().is_some() {
        let owner = leptos::prelude::Owner::current();
        let f = move || match owner {
            Some(owner) => owner.with(f),
            None => f(),
        };
        AFTER.with(|a| a.borrow_mut().push(Box::new(f)));
    } else {
        f();
    }
}

/// The page is the app's: it is no longer the build's inert copy, and what
/// waited for the adoption runs (in the order it was asked for).
pub fn adopted(page: &BuiltPage) {
    ADOPTING.with(|a| a.set(None));
    live_page(&page.element);
    let waiting = AFTER.with(|a| std::mem::take(&mut *a.borrow_mut()));
    for f in waiting {
        f();
    }
}

/// The built copy, made the live page: no longer inert or hidden from
/// assistive technology, and no longer named as the copy.
fn live_page(element: &web_sys::HtmlElement) {
    let _ = element.remove_attribute("inert");
    let _ = element.remove_attribute("aria-hidden");
    element.set_id(ADOPTED_WRAPPER_ID);
}

thread_local! {
    /// A part of an adopted page is being adopted after the page.
    static LATE: Cell<bool> = const { Cell::new(false) };
}

/// A part of an adopted page whose code has not come yet (a phone's closed
/// filter panel): until [`adopt_within`] makes it live, the build's controls
/// in `parent` take no input. A tap there would change a control nothing
/// listens to, and then be lost when the app draws its own; inert, the
/// control does not change, so what it shows stays true.
pub fn not_live_yet(parent: &web_sys::HtmlElement) {
    parent.set_inert(true);
}

/// Adopt, after the page, a part of it the build drew inside `parent`
/// (a phone's closed filter panel, whose code came after the page): `view`
/// hydrates the markup there (a mismatch recovers as the page's would);
/// without one, the markup goes and `fresh` is drawn in its place. What
/// keeps the part live comes back: keep it as long as the part.
pub fn adopt_within<V, F>(
    parent: impl Into<web_sys::HtmlElement>,
    view: Option<V>,
    fresh: impl FnOnce() -> F + 'static,
) -> Box<dyn std::any::Any>
where
    V: leptos::tachys::view::RenderHtml + 'static,
    F: leptos::prelude::IntoView + 'static,
{
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::PositionState;
    let parent = parent.into();
    parent.set_inert(false);
    match view {
        Some(view) => {
            LATE.with(|l| l.set(true));
            let state = view.hydrate::<true>(
                &Cursor::new(parent.unchecked_into()),
                &PositionState::default(),
            );
            LATE.with(|l| l.set(false));
            Box::new(state)
        }
        None => {
            parent.set_inner_html("");
            Box::new(leptos::mount::mount_to(parent, fresh))
        }
    }
}

/// Called by the panic hook. A panic while adopting (the markup and the app
/// disagree) ends the wasm: this tab draws anew from now on, and reloads.
/// Where the tab cannot keep that mark (its storage is off), the built page
/// stays as a plain page: its links still lead to built pages.
pub fn panicked() {
    if adopting().is_none() && !LATE.with(Cell::get) {
        return;
    }
    let Some(window) = super::window() else {
        return;
    };
    if super::storage::set_tab_flag(DRAW_ANEW_KEY) {
        let _ = window.location().reload();
    } else if let Some(element) = window
        .document()
        .and_then(|d| d.get_element_by_id(BUILT_WRAPPER_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        live_page(&element);
    }
}
