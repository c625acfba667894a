//! The service worker from the page's side: register it, notice when a new
//! deployment is waiting, and hand over to it when the user agrees.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = super::window()?.navigator();
    // Absent in insecure contexts and some private modes.
    let present = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    present.then(|| navigator.service_worker())
}

/// Register `<base>sw.js` (its scope: the base); call `update_ready` when a new version has installed and
/// waits to take over from the one controlling this page.
pub fn register(update_ready: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let update_ready = Rc::new(update_ready);
    let promise = container.register(&crate::model::route::under_base("sw.js"));
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        // Some environments (blocked workers, privacy modes) resolve without a registration.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if registration.waiting().is_some() && container.controller().is_some() {
            update_ready();
        }
        let reg = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let worker = installing.clone();
            let update_ready = update_ready.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                let controlled = container_controlled();
                if worker.state() == ServiceWorkerState::Installed && controlled {
                    update_ready();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

fn container_controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Let the waiting worker take over, and reload once it controls the page.
pub fn activate_update() {
    let Some(container) = container() else {
        return;
    };
    let on_change = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = super::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let container2 = container.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(reg) = JsFuture::from(container2.get_registration()).await {
            if let Some(waiting) = reg
                .dyn_into::<ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.waiting())
            {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
        }
    });
}

/// Ask the browser not to evict this site's data; `Some(granted)` once it answers.
pub async fn request_persistence() -> Option<bool> {
    let storage = super::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Ask the service worker to look for a new deployment (at the moments
/// the schedule is checked); one found is offered as usual ("Reload").
pub fn check_for_update() {
    let Some(container) = container() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(reg) = JsFuture::from(container.get_registration()).await {
            if let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() {
                if let Ok(promise) = reg.update() {
                    let _ = JsFuture::from(promise).await;
                }
            }
        }
    });
}
