//! Notifications for reminders: permission, and showing one.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

fn supported() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::has(&w, &JsValue::from_str("Notification")).ok())
        .unwrap_or(false)
}

pub fn granted() -> bool {
    supported() && web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
}

/// Ask for permission; true if granted.
pub async fn request() -> bool {
    if !supported() {
        return false;
    }
    match web_sys::Notification::request_permission() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .is_some_and(|v| v == "granted"),
        Err(_) => false,
    }
}

pub fn show(title: &str, body: &str) {
    if !granted() {
        return;
    }
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    let _ = web_sys::Notification::new_with_options(title, &options);
}
