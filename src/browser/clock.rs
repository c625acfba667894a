//! The clock and the zones, as the browser knows them: the source of the
//! app's one "now" (`?now=<RFC 3339>` fixes it, for tests and planning ahead), the
//! viewer's UTC offset at an instant, and any IANA zone's offset through
//! `Intl.DateTimeFormat` (so no zone database ships in the wasm).

#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;

#[cfg(target_arch = "wasm32")]
use crate::model::time::{offset_from_wall_clock, OffsetMemo};
use chrono::FixedOffset;
use wasm_bindgen::{JsCast, JsValue};

use crate::model::time::{from_epoch_millis, parse_instant, Instant, ZoneResolver};

/// Now: the instant `?now=` names, else the browser's clock. Only the
/// shared clock (`state::Clock`) calls this; views read that, so that they
/// all agree and move on together.
pub fn now() -> Instant {
    fixed_now().unwrap_or_else(real_now)
}

/// The browser's clock, ignoring `?now=` (timestamps of saved data).
pub fn real_now() -> Instant {
    #[cfg(target_arch = "wasm32")]
    let ms = js_sys::Date::now();
    // The build step (native): the machine's clock.
    #[cfg(not(target_arch = "wasm32"))]
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64);
    from_epoch_millis(ms).unwrap_or_default()
}

/// Now as RFC 3339 in UTC ("2017-10-26T08:00:00.000Z"), for stored timestamps.
pub fn now_iso() -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::Date::new_0().to_iso_string());
    #[cfg(not(target_arch = "wasm32"))]
    real_now()
        .with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn fixed_now() -> Option<Instant> {
    parse_instant(&super::location::query_value("now")?)
}

/// The viewer's UTC offset at that instant (so DST is right for every date).
pub fn local_offset_at(t: &Instant) -> FixedOffset {
    // The build step has no viewer: its pages show the conference's zone.
    if cfg!(not(target_arch = "wasm32")) {
        return *t.offset();
    }
    let date = js_sys::Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
    let west_minutes = date.get_timezone_offset() as i32;
    FixedOffset::west_opt(west_minutes * 60).unwrap_or(*t.offset())
}

/// Named zones through the browser's `Intl`.
#[cfg(target_arch = "wasm32")]
pub struct BrowserZones;

/// The build step renders the pages natively: the zone database answers there.
#[cfg(not(target_arch = "wasm32"))]
pub use crate::model::convert::TzdbZones as BrowserZones;

/// One zone's `Intl` formatter (None: the browser does not know the zone)
/// and the offsets it has given.
#[cfg(target_arch = "wasm32")]
struct ZoneFormat {
    zone: String,
    format: Option<js_sys::Function>,
    memo: OffsetMemo,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The last zone's: building a formatter is slow, and the app uses one zone.
    static FORMAT: RefCell<Option<ZoneFormat>> = const { RefCell::new(None) };
}

/// `Intl.DateTimeFormat("en-US", {timeZone, hourCycle: "h23", numeric parts})`'s
/// `format`, or None for a zone the browser does not know.
#[cfg(target_arch = "wasm32")]
fn make_format(zone: &str) -> Option<js_sys::Function> {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v)).ok()
    };
    set("timeZone", zone)?;
    set("hourCycle", "h23")?;
    for part in ["year", "month", "day", "hour", "minute", "second"] {
        set(part, "numeric")?;
    }
    let locales = js_sys::Array::of1(&JsValue::from_str("en-US"));
    // The constructor is looked up, not called: `new Intl.DateTimeFormat`
    // with an unknown zone throws, and a throw through a plain binding aborts the wasm.
    let intl = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&intl, &JsValue::from_str("DateTimeFormat"))
            .ok()?
            .dyn_into()
            .ok()?;
    // Construct through Reflect: an unknown zone throws a RangeError, which
    // must become None rather than abort the wasm.
    let formatter: js_sys::Intl::DateTimeFormat =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&locales, &options))
            .ok()?
            .unchecked_into();
    Some(formatter.format())
}

#[cfg(target_arch = "wasm32")]
impl ZoneResolver for BrowserZones {
    /// One string from the browser per instant not seen before ("12/2/2026,
    /// 14:05:09"), read by [`offset_from_wall_clock`].
    fn offset(&self, zone: &str, at: Instant) -> Option<FixedOffset> {
        FORMAT.with(|cell| {
            let mut cell = cell.borrow_mut();
            if cell.as_ref().is_none_or(|z| z.zone != zone) {
                *cell = Some(ZoneFormat {
                    zone: zone.to_string(),
                    format: make_format(zone),
                    memo: OffsetMemo::default(),
                });
            }
            let z = cell.as_mut()?;
            if let Some(offset) = z.memo.get(at) {
                return Some(offset);
            }
            let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
            let text = z.format.as_ref()?.call1(&JsValue::UNDEFINED, &date).ok()?;
            let offset = offset_from_wall_clock(&text.as_string()?, at)?;
            z.memo.put(at, offset);
            Some(offset)
        })
    }
}

/// Ask the browser for `zone`'s offset once, ahead of the first draw: the
/// first `Intl.DateTimeFormat` of a page starts the browser's ICU (100–360 ms
/// at 4× CPU), a task of its own rather than part of the draw's.
pub fn warm_up(zone: &str, at: Instant) {
    if !zone.is_empty() {
        let _ = BrowserZones.offset(zone, at);
    }
}

/// The viewer's own zone name (`Intl.DateTimeFormat().resolvedOptions().timeZone`).
pub fn viewer_zone() -> Option<String> {
    super::window()?;
    let f = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let options = js_sys::Reflect::get(&f, &JsValue::from_str("resolvedOptions"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call0(&f)
        .ok()?;
    js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
}

/// Every zone name the browser knows (`Intl.supportedValuesOf("timeZone")`),
/// empty where the browser cannot list them.
pub fn known_zones() -> Vec<String> {
    if super::window().is_none() {
        return Vec::new();
    }
    let intl = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok();
    let list = intl
        .and_then(|intl| {
            let f = js_sys::Reflect::get(&intl, &JsValue::from_str("supportedValuesOf")).ok()?;
            f.dyn_into::<js_sys::Function>()
                .ok()?
                .call1(&intl, &JsValue::from_str("timeZone"))
                .ok()
        })
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok());
    list.map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}

/// Whether the browser knows this zone name.
pub fn zone_known(name: &str) -> bool {
    BrowserZones.offset(name, real_now()).is_some()
}
