//! Notifications for reminders: permission, and showing one.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

fn supported() -> bool {
    super::window()
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

/// Count a check for due reminders on `<html data-reminders-checked>`: the
/// checks run in a lazily loaded part, at their own pace, and this is how a
/// test (or anyone debugging) knows one has run and found nothing due.
pub fn count_check() {
    if let Some(root) = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let n = root
            .get_attribute("data-reminders-checked")
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0);
        let _ = root.set_attribute("data-reminders-checked", &(n + 1).to_string());
    }
}
