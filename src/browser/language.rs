//! The interface's language in the browser: which one the visitor wants
//! (chosen in Settings, else the browser's `navigator.languages`), the one
//! a built page was drawn in (its `<html lang>`), reading its catalogue
//! (`lang/<code>.json`, only the visitor's), and `<html lang>` set.

use crate::model::words::{self, english, Lang};

/// The language the visitor wants: chosen in Settings, else the first of
/// the browser's that the interface speaks, else the page's own.
pub fn wanted() -> &'static Lang {
    super::settings::load()
        .lang
        .or_else(browser_language)
        .unwrap_or_else(page_language)
}

/// The first of the browser's languages (`navigator.languages`, most
/// wanted first) that the interface speaks.
pub fn browser_language() -> Option<&'static Lang> {
    let navigator = super::window()?.navigator();
    let listed = navigator.languages();
    let first = navigator.language();
    Lang::first_spoken(listed.iter().filter_map(|l| l.as_string()).chain(first))
}

/// The language the page was written in (`<html lang>`: the build's
/// `--lang`; English for the app's own shell).
pub fn page_language() -> &'static Lang {
    html()
        .and_then(|h| h.get_attribute("lang"))
        .and_then(|code| Lang::of(&code))
        .unwrap_or_else(english)
}

fn html() -> Option<web_sys::Element> {
    super::window()?.document()?.document_element()
}

/// Speak `lang` from now on: its catalogue read (none for English) and
/// `<html lang>` set. Where the catalogue cannot be fetched or read
/// (offline on a first visit in that language), English. The language
/// spoken.
pub async fn speak(lang: &'static Lang) -> &'static Lang {
    let mut spoken = (english(), None);
    if !lang.is_source() {
        let url = crate::model::route::under_base(&lang.file());
        if let Ok((text, ..)) = super::loader::fetch_text(&url).await {
            if let Ok(catalogue) = crate::model::catalogue::read_catalogue(&text) {
                spoken = (lang, Some(catalogue));
            }
        }
    }
    words::speak(spoken.0, spoken.1);
    if let Some(html) = html() {
        let _ = html.set_attribute("lang", spoken.0.code);
    }
    spoken.0
}

/// Whether the stored settings name `lang` now (a choice the reload will
/// find): not where storage is disabled or refused the write.
pub fn kept(lang: Option<&'static Lang>) -> bool {
    super::settings::load().lang == lang
}

/// Read the page again, in the language just chosen (and kept with the
/// settings): the address keeps the view, the agenda is stored.
pub fn read_again() {
    if let Some(window) = super::window() {
        let _ = window.location().reload();
    }
}
