//! The language menu of Settings: "Automatic" (the browser's languages)
//! or one of the interface's, each named in itself. A choice is kept with
//! the other settings and the page is read again in it; where it cannot be
//! kept (storage disabled or full), the menu says so and stays.

use leptos::prelude::*;

use crate::browser::language;
use crate::model::words::{tr, Lang, LANGS};
use crate::state::use_display;
use crate::trf;

/// The `<select>` of the interface's language.
#[component]
pub fn LanguageSetting() -> impl IntoView {
    let display = use_display();
    let chosen = move || display.settings.with(|s| s.lang);
    // What "Automatic" gives here: the browser's first language the
    // interface speaks, else the page's.
    let automatic = language::browser_language().unwrap_or_else(language::page_language);
    // Where the choice cannot be stored, the reload would forget it: the
    // menu goes back and says why, instead of reloading for nothing.
    let unkept = RwSignal::new(false);
    let choose = move |ev: leptos::ev::Event| {
        let lang = Lang::of(&event_target_value(&ev));
        let before = chosen();
        display.update(|s| s.lang = lang);
        if language::kept(lang) {
            language::read_again();
        } else {
            display.update(|s| s.lang = before);
            unkept.set(true);
        }
    };
    view! {
        <div class="field">
            <label for="lang-setting">{tr("Language")}</label>
            <select id="lang-setting" on:change=choose>
                <option value="" prop:selected=move || chosen().is_none()>
                    {trf!("Automatic ({language})", language = automatic.name)}
                </option>
                {LANGS
                    .iter()
                    .map(|l| {
                        view! {
                            <option
                                value=l.code
                                lang=l.code
                                prop:selected=move || chosen().is_some_and(|c| c == l)
                            >
                                {l.name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            // Hidden until it has something to say: a property, as the
            // options' `selected` (a reactive text or attribute would bring
            // this part 1.5 to 3 KB of rendering code of its own).
            <p class="why" role="alert" prop:hidden=move || !unkept.get()>
                {tr(
                    "This browser does not let the page store data, so another language cannot be kept: the interface follows the browser's languages.",
                )}
            </p>
        </div>
    }
}
