//! The URL as state, on the History API (in place of `leptos_router`, for
//! size): the path, query and fragment in signals; `navigate` pushes or
//! replaces a history entry without reloading; Back/Forward (`popstate`)
//! update the signals; clicks on same-origin links are taken over, as a
//! router does, so plain `<a href>` links navigate in the app.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where the app is: the parts of `window.location`, kept in step.
#[derive(Clone, Copy)]
pub struct Location {
    /// `location.pathname`, e.g. "/track/devops-and-ops".
    pub path: RwSignal<String>,
    /// `location.search`, raw (percent-encoded), with its "?" or empty.
    pub search: RwSignal<String>,
    /// `location.hash`, with its "#" or empty.
    pub hash: RwSignal<String>,
}

impl Location {
    /// A location at `path`, with no query or fragment yet.
    fn at(path: String) -> Location {
        Location {
            path: RwSignal::new(path),
            search: RwSignal::new(String::new()),
            hash: RwSignal::new(String::new()),
        }
    }

    fn read(&self) {
        let Some(w) = super::window() else {
            return;
        };
        let l = w.location();
        let set = |sig: RwSignal<String>, v: Option<String>| {
            let v = v.unwrap_or_default();
            if sig.with_untracked(|s| *s != v) {
                sig.set(v);
            }
        };
        set(self.path, l.pathname().ok());
        set(self.search, l.search().ok());
        set(self.hash, l.hash().ok());
    }
}

thread_local! {
    /// The location the app provided, for `navigate` called from event
    /// handlers (which run outside the reactive owner, so without context).
    static CURRENT: std::cell::Cell<Option<Location>> = const { std::cell::Cell::new(None) };
}

/// Provide the location to the app (once, at the root) and follow it.
pub fn provide_location() -> Location {
    let location = Location::at(String::new());
    location.read();
    provide_context(location);
    CURRENT.with(|c| c.set(Some(location)));
    let Some(window) = super::window() else {
        return location;
    };
    let on_popstate = Closure::<dyn Fn()>::new(move || location.read());
    let on_hashchange = Closure::<dyn Fn()>::new(move || location.read());
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if let Some(to) = link_to_follow(&ev) {
            ev.prevent_default();
            navigate(&to, false, true);
        }
    });
    let _ =
        window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    let _ = window
        .add_event_listener_with_callback("hashchange", on_hashchange.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // For the life of the page.
    on_popstate.forget();
    on_hashchange.forget();
    on_click.forget();
    location
}

/// The location of a page built natively (the build step): this path, no
/// query, nothing followed.
pub fn provide_built_location(path: String) -> Location {
    let location = Location::at(path);
    provide_context(location);
    location
}

/// The base the build deployed the app under (`<meta name="app-base">`,
/// written by the build step), taken by the routes; the root without it.
pub fn read_base() {
    let base = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(r#"meta[name="app-base"]"#).ok().flatten())
        .and_then(|m| m.get_attribute("content"));
    if let Some(base) = base {
        crate::model::route::set_base(&base);
    }
}

/// The page's path, as the window has it now.
pub fn path() -> String {
    super::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The decoded value of the first `key` in the page's query (`?now=`,
/// `?schedule=`, `?tz=`), by [`crate::model::url::query_value`]: the one way
/// the browser layer reads one. From the provided location (untracked), or
/// the page's own before the app has provided it.
pub fn query_value(key: &str) -> Option<String> {
    let provided = CURRENT
        .with(std::cell::Cell::get)
        .and_then(|l| l.search.try_get_untracked());
    let search = match provided {
        Some(search) => search,
        None => super::window()?.location().search().ok()?,
    };
    crate::model::url::query_value(&search, key)
}

/// The location provided at the root.
pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// Go to `to` (a path with query and fragment) in the app: a new history
/// entry, or the current one replaced (typing in search); scrolled to the
/// top for a new page.
pub fn navigate(to: &str, replace: bool, scroll_top: bool) {
    let Some(w) = super::window() else {
        return;
    };
    let Ok(history) = w.history() else {
        return;
    };
    let done = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
    };
    if done.is_err() {
        // Not a URL of this origin: let the browser go there.
        let _ = w.location().set_href(to);
        return;
    }
    if let Some(location) = CURRENT.with(std::cell::Cell::get) {
        location.read();
    }
    if scroll_top {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The in-app target of a click on a link, if the app should follow it:
/// a plain left click on a same-origin link, not a download, no target, not
/// marked external, and not only a jump within this page.
fn link_to_follow(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    if anchor.has_attribute("download")
        || !matches!(anchor.target().as_str(), "" | "_self")
        || anchor
            .get_attribute("rel")
            .is_some_and(|r| r.split_whitespace().any(|x| x == "external"))
    {
        return None;
    }
    let here = super::window()?.location();
    if anchor.origin() != here.origin().ok()? {
        return None;
    }
    let (path, search, hash) = (anchor.pathname(), anchor.search(), anchor.hash());
    // Another site on this host (the app is deployed under a sub-path).
    crate::model::route::strip_base(&crate::model::route::base(), &path)?;
    if !hash.is_empty() && path == here.pathname().ok()? && search == here.search().ok()? {
        return None;
    }
    Some(format!("{path}{search}{hash}"))
}
