//! The formats this viewer reads, by name (a leaf module: the importer
//! detects them, the errors list them).

/// The formats this viewer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Our own versioned JSON.
    Ours,
    /// frab / pretalx / c3voc `schedule.json`.
    Frab,
    /// Sessionize "All data" (`/api/v2/<id>/view/All`).
    Sessionize,
    /// The JSON pretalx's schedule widget loads.
    PretalxWidget,
}

impl Format {
    /// The format's name as shown to the user.
    pub fn name(self) -> &'static str {
        match self {
            Self::Ours => "schedule-viewer JSON",
            Self::Frab => "frab/pretalx schedule.json",
            Self::Sessionize => "Sessionize \"All data\" JSON",
            Self::PretalxWidget => "pretalx widget JSON",
        }
    }
}

/// Every format, in the order a message lists them.
pub const FORMATS: [Format; 4] = [
    Format::Ours,
    Format::Frab,
    Format::Sessionize,
    Format::PretalxWidget,
];

/// The list of formats for a message: "a, b, c or d".
pub fn format_list() -> String {
    let names: Vec<&str> = FORMATS.iter().map(|f| f.name()).collect();
    let (last, rest) = names.split_last().unwrap_or((&"", &[]));
    crate::trf!("{list} or {last}", list = rest.join(", "), last = last)
}
