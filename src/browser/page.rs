//! Small page-level browser facts: the document title and the skip link.

/// Set the document title ("My agenda · MesosCon Europe 2017").
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Remove the build-time copy of the start view (`#prerender`), once the
/// app has drawn its own.
pub fn remove_prerender() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
    {
        el.remove();
    }
}

/// The skip link: move focus to `<main>` (the router would treat `#main` as navigation).
pub fn skip_to_main(ev: web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    ev.prevent_default();
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
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
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let href = |w: &web_sys::Window| w.location().href().unwrap_or_default();
    let remember = move || {
        if let Some(w) = web_sys::window() {
            let y = w.scroll_y().unwrap_or(0.0);
            SCROLL.with(|m| m.borrow_mut().insert(href(&w), y));
        }
    };
    // Remembered when a click may navigate away (before the router acts): a
    // scroll listener would also see the clamped position of the half-drawn
    // next page and file it under the old address.
    let on_click = Closure::<dyn Fn()>::new(remember);
    let on_popstate = Closure::<dyn Fn()>::new(move || {
        let Some(w) = web_sys::window() else {
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
        let Some(w) = web_sys::window() else {
            return;
        };
        w.scroll_to_with_x_and_y(0.0, y);
        let reached = (w.scroll_y().unwrap_or(0.0) - y).abs() < 1.0;
        if !reached && frames > 0 {
            restore_scroll(y, frames - 1);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(step.unchecked_ref());
    }
}
