//! Small page-level browser facts: the document title and the skip link.

/// Set the document title ("My agenda · MesosCon Europe 2017").
pub fn set_title(title: &str) {
    if let Some(doc) = super::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

thread_local! {
    /// The app has drawn its page (its own copy may still wait for a part).
    static DRAWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Lazily loaded parts of the page still loading: the build-time copy
    /// stays until they have drawn, so the page changes in one frame.
    static HOLDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The app has drawn its page: the build-time copy goes in the same task,
/// or, when a part of the page is still loading, once it has drawn.
/// A copy the guard hid (`no-prerender`: another schedule, path or
/// setting) is never waited for: no second page stays in the document.
pub fn app_drawn() {
    DRAWN.with(|d| d.set(true));
    if HOLDS.with(std::cell::Cell::get) == 0 || copy_hidden() {
        remove_prerender();
    }
}

/// Has the guard hidden the build-time copy?
fn copy_hidden() -> bool {
    super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|html| html.class_list().contains("no-prerender"))
}

/// A part of the page being drawn starts loading: the copy waits for it.
pub fn hold_prerender() {
    HOLDS.with(|h| h.set(h.get() + 1));
}

/// That part has drawn (or failed, or gone): the copy goes with the last one.
pub fn release_prerender() {
    let left = HOLDS.with(|h| {
        h.set(h.get().saturating_sub(1));
        h.get()
    });
    if left == 0 && DRAWN.with(std::cell::Cell::get) {
        remove_prerender();
    }
}

/// Is the screen wide enough for the layout that shows the filters at once
/// (`style.css`'s `min-width: 40rem`)?
pub fn wide_screen() -> bool {
    super::window()
        .and_then(|w| w.match_media("(min-width: 40rem)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Go on in a new task, after the browser has had its turn (input, paint):
/// the start's work cut in two where it would be one long task. A message
/// to itself, not a timer: a timer can be held (a paused clock, a
/// background tab's throttling), the message queue is not.
pub async fn next_task() {
    let channel = web_sys::MessageChannel::new().ok();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let posted = channel.as_ref().is_some_and(|c| {
            c.port1().set_onmessage(Some(&resolve));
            c.port2().post_message(&wasm_bindgen::JsValue::NULL).is_ok()
        });
        if !posted {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    // Kept until its message has come.
    drop(channel);
}

/// Run `f` once the start's work is done: in the browser's idle time, or
/// after a second where it has none to tell (WebKit has no
/// `requestIdleCallback`).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = super::window() else {
        return;
    };
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let f: &js_sys::Function = wasm_bindgen::JsCast::unchecked_ref(&f);
    if window.request_idle_callback(f).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f, 1000);
    }
}

/// A new, empty element just before `element`, to mount into.
pub fn element_before(element: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let new = super::window()?
        .document()?
        .create_element("div")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    element.before_with_node_1(&new).ok()?;
    Some(new)
}

/// Remove the build-time copy of the page (`#prerender`).
fn remove_prerender() {
    if let Some(el) = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
    {
        el.remove();
    }
}

/// Where keyboard focus is, told so that it can be found again in a view
/// rebuilt with the same controls (a live update of the schedule).
#[derive(Clone, Debug, Default)]
pub struct FocusMark {
    id: String,
    tag: String,
    label: Option<String>,
    text: String,
}

/// The focused element's mark; None when nothing in particular has focus.
pub fn focused() -> Option<FocusMark> {
    let active = super::window()?.document()?.active_element()?;
    let tag = active.tag_name();
    if tag.eq_ignore_ascii_case("body") {
        return None;
    }
    Some(FocusMark {
        id: active.id(),
        label: active.get_attribute("aria-label"),
        text: active.text_content().unwrap_or_default(),
        tag,
    })
}

/// How many turns of the task queue a rebuilt view may take to appear (a
/// lazily loaded part resolves its module, already loaded, in a few).
const REFOCUS_TURNS: usize = 64;

/// Focus the element `mark` names again, if focus was lost (its element was
/// rebuilt): by id, else the first of its kind with the same name and text;
/// waits a few turns for a view that is built asynchronously.
pub async fn refocus(mark: Option<FocusMark>) {
    let Some(mark) = mark else {
        return;
    };
    for _ in 0..REFOCUS_TURNS {
        match find_again(&mark) {
            Found::NotLost => return,
            Found::At(el) => {
                let _ = el.focus();
                return;
            }
            Found::NotYet => {
                // One turn: let the queued view updates run.
                let turn = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
                let _ = wasm_bindgen_futures::JsFuture::from(turn).await;
            }
        }
    }
}

enum Found {
    NotLost,
    At(web_sys::HtmlElement),
    NotYet,
}

fn find_again(mark: &FocusMark) -> Found {
    use wasm_bindgen::JsCast;
    let Some(document) = super::window().and_then(|w| w.document()) else {
        return Found::NotLost;
    };
    let lost = document
        .active_element()
        .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
    if !lost {
        return Found::NotLost;
    }
    let by_id = (!mark.id.is_empty())
        .then(|| document.get_element_by_id(&mark.id))
        .flatten();
    let same = |e: &web_sys::Element| {
        e.get_attribute("aria-label") == mark.label
            && e.text_content().unwrap_or_default() == mark.text
    };
    let found = by_id.or_else(|| {
        // `getElementsByTagName` through js_sys: its collection type is
        // not among the web-sys features this app builds with.
        let get = js_sys::Reflect::get(&document, &"getElementsByTagName".into()).ok()?;
        let list = get
            .dyn_into::<js_sys::Function>()
            .ok()?
            .call1(&document, &mark.tag.as_str().into())
            .ok()?;
        js_sys::Array::from(&list)
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::Element>().ok())
            .find(|e| same(e))
    });
    match found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => Found::At(el),
        None => Found::NotYet,
    }
}

/// Focus the element with this id (it needs a tabindex), which scrolls it into view.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The skip link: move focus to `<main>` (the router would treat `#main` as navigation).
pub fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    focus_element("main");
}

thread_local! {
    /// Scroll position of each page visited in this tab, by URL.
    static SCROLL: std::cell::RefCell<std::collections::HashMap<String, f64>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Back and Forward return to where the list was. The browser's own
/// restoration runs before the app has drawn the page, and so lands short on
/// a long list; this restores once the page is tall enough.
pub fn keep_scroll_positions() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = super::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let href = |w: &web_sys::Window| w.location().href().unwrap_or_default();
    let remember = move || {
        if let Some(w) = super::window() {
            let y = w.scroll_y().unwrap_or(0.0);
            SCROLL.with(|m| m.borrow_mut().insert(href(&w), y));
        }
    };
    // Remembered when a click may navigate away (before the router acts): a
    // scroll listener would also see the clamped position of the half-drawn
    // next page and file it under the old address.
    let on_click = Closure::<dyn Fn()>::new(remember);
    let on_popstate = Closure::<dyn Fn()>::new(move || {
        let Some(w) = super::window() else {
            return;
        };
        let Some(y) = SCROLL.with(|m| m.borrow().get(&href(&w)).copied()) else {
            return;
        };
        restore_scroll(y, 60);
    });
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let _ =
        window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    // For the life of the page.
    on_click.forget();
    on_popstate.forget();
}

/// Scroll to `y` on the next animation frame; while the page is still too
/// short to get there (the app is drawing it), try again, for at most
/// `frames` frames.
fn restore_scroll(y: f64, frames: u32) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let step = Closure::once_into_js(move || {
        let Some(w) = super::window() else {
            return;
        };
        w.scroll_to_with_x_and_y(0.0, y);
        let reached = (w.scroll_y().unwrap_or(0.0) - y).abs() < 1.0;
        if !reached && frames > 0 {
            restore_scroll(y, frames - 1);
        }
    });
    if let Some(w) = super::window() {
        let _ = w.request_animation_frame(step.unchecked_ref());
    }
}
