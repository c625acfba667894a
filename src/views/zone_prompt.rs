//! Asking once for the zone of a schedule that names none (Sessionize):
//! its times were read in the viewer's zone; the user confirms it or picks
//! the conference's, which is remembered for this schedule and applied by
//! reloading. A zone already chosen (or given by `?tz=`) is named on the
//! programme, with a way to change it.

use leptos::prelude::*;

use crate::browser::{clock, files, location::use_location, settings};
use crate::model::import::ZoneOrigin;
use crate::model::url;
use crate::model::words::tr;
use crate::state::AppStatus;

/// Remember `zone` for the open schedule and reopen the page in it.
fn apply_zone(status: AppStatus, zone: &str) {
    settings::save_zone(&status.source.get_value(), zone);
    let location = use_location();
    let path = location.path.get_untracked();
    // The link's own tz= would win over the remembered zone: drop it.
    let query = location
        .search
        .with_untracked(|q| url::with_param(q, "tz", None));
    files::reload_at(&format!("{path}{query}"));
}

/// The zone picker: every zone the browser knows, the current one selected.
#[component]
fn ZonePicker(current: String, status: AppStatus) -> impl IntoView {
    let mut zones = clock::known_zones();
    if !zones.contains(&current) {
        zones.insert(0, current.clone());
    }
    let chosen = RwSignal::new(current.clone());
    let options = zones
        .into_iter()
        .map(|z| {
            let selected = z == current;
            view! { <option value=z.clone() selected=selected>{z.clone()}</option> }
        })
        .collect_view();
    view! {
        <form class="zone-picker" on:submit=move |ev| {
            ev.prevent_default();
            apply_zone(status, &chosen.get_untracked());
        }>
            <label for="zone-choice">{tr("The conference's zone")}</label>
            <select id="zone-choice" on:change=move |ev| chosen.set(event_target_value(&ev))>
                {options}
            </select>
            <button type="submit">{tr("Use this zone")}</button>
        </form>
    }
}

/// The question for the zone of a file that names none (Sessionize): a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const ZONE_PROMPT_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(zone_prompt_view()),
    preload: || Box::pin(preload_zone_prompt_view()),
};

#[wasm_split_helpers::wasm_split(zone_prompt, fallible, preload(preload_zone_prompt_view))]
fn zone_prompt_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <ZonePrompt /> }.into_any())
}

/// The notice for a schedule whose zone was assumed; nothing otherwise.
#[component]
pub fn ZonePrompt() -> impl IntoView {
    let status = expect_context::<AppStatus>();
    let route = crate::state::use_route();
    let changing = RwSignal::new(false);
    move || {
        let (format, assumed) = status.import.get()?;
        if !assumed {
            return None;
        }
        let choice = status.zone.get_value();
        // Once chosen, the zone is named on the programme only, not on every view.
        if choice.origin != ZoneOrigin::Viewer
            && route.get() != crate::model::route::Route::Programme
        {
            return None;
        }
        let zone = choice.zone.clone();
        let view = match choice.origin {
            ZoneOrigin::Viewer => view! {
                <div class="notice zone-prompt" role="status">
                    <p>
                        {crate::trf!(
                            "This {format} does not say its time zone: times are read as ",
                            format = format.name()
                        )}
                        <strong>{zone.clone()}</strong>
                        {tr(" (this device's). Is the conference elsewhere?")}
                    </p>
                    <ZonePicker current=zone status />
                </div>
            }
            .into_any(),
            ZoneOrigin::Remembered | ZoneOrigin::Link => {
                let why = if choice.origin == ZoneOrigin::Link {
                    tr("the zone this link names")
                } else {
                    tr("the zone chosen for this schedule")
                };
                view! {
                    <div class="notice zone-prompt" role="status">
                        <p>
                            {tr("Times are read as ")} <strong>{zone.clone()}</strong> ", " {why} ". "
                            <button
                                type="button"
                                aria-expanded=move || changing.get().to_string()
                                on:click=move |_| changing.update(|c| *c = !*c)
                            >
                                {tr("Change zone")}
                            </button>
                        </p>
                        <Show when=move || changing.get()>
                            <ZonePicker current=zone.clone() status />
                        </Show>
                    </div>
                }
                .into_any()
            }
        };
        Some(view)
    }
}
