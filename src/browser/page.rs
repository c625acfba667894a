//! Small page-level browser facts: the clock and the document title.

/// Now, as RFC 3339 in UTC ("2017-10-26T08:00:00.000Z").
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Set the document title ("My agenda · MesosCon Europe 2017").
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}
