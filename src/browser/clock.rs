//! The clock and the zones, as the browser knows them: the source of the
//! app's one "now" (`?now=<RFC 3339>` fixes it, for tests and planning ahead), the
//! viewer's UTC offset at an instant, and any IANA zone's offset through
//! `Intl.DateTimeFormat` (so no zone database ships in the wasm).

#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;

use chrono::FixedOffset;
#[cfg(target_arch = "wasm32")]
use chrono::NaiveDate;
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
    let search = super::window()?.location().search().ok()?;
    crate::model::url::parse_query(&search)
        .into_iter()
        .find(|(k, _)| k == "now")
        .and_then(|(_, v)| parse_instant(&v))
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

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The last zone's formatter: building one is slow, and the app uses one zone.
    static FORMATTER: RefCell<Option<(String, Option<js_sys::Intl::DateTimeFormat>)>> =
        const { RefCell::new(None) };
}

#[cfg(target_arch = "wasm32")]
fn formatter(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    FORMATTER.with(|cell| {
        let mut cell = cell.borrow_mut();
        if let Some((name, f)) = cell.as_ref() {
            if name == zone {
                return f.clone();
            }
        }
        let made = make_formatter(zone);
        *cell = Some((zone.to_string(), made.clone()));
        made
    })
}

#[cfg(target_arch = "wasm32")]
fn make_formatter(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
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
    js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&locales, &options))
        .ok()
        .map(JsCast::unchecked_into)
}

#[cfg(target_arch = "wasm32")]
impl ZoneResolver for BrowserZones {
    fn offset(&self, zone: &str, at: Instant) -> Option<FixedOffset> {
        let f = formatter(zone)?;
        let ms = at.timestamp_millis();
        let parts = f.format_to_parts(&js_sys::Date::new(&JsValue::from_f64(ms as f64)));
        let mut v = [0i64; 6];
        for part in parts.iter() {
            let kind = js_sys::Reflect::get(&part, &JsValue::from_str("type"))
                .ok()?
                .as_string()?;
            let value = js_sys::Reflect::get(&part, &JsValue::from_str("value"))
                .ok()?
                .as_string()?;
            let slot = match kind.as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                "second" => 5,
                _ => continue,
            };
            v[slot] = value.parse().ok()?;
        }
        let local = NaiveDate::from_ymd_opt(v[0] as i32, v[1] as u32, v[2] as u32)?.and_hms_opt(
            (v[3] % 24) as u32,
            v[4] as u32,
            v[5] as u32,
        )?;
        let utc = at.naive_utc();
        // Whole seconds: the formatter drops the milliseconds.
        let utc = utc
            - chrono::TimeDelta::milliseconds(i64::from(utc.and_utc().timestamp_subsec_millis()));
        let secs = (local - utc).num_seconds();
        FixedOffset::east_opt(i32::try_from(secs).ok()?)
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
