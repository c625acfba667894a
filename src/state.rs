//! The app's shared state, provided once through context: the loaded schedule
//! (immutable, behind an `Arc`) and the agenda store (signals + persistence).

#[cfg(not(target_arch = "wasm32"))]
pub mod built;
mod live;
mod load;
mod provide;

use std::sync::Arc;

use leptos::prelude::*;

pub use live::{use_live, Live};
pub use load::{
    after_first_draw, before_first_draw, fetch_schedule, load_schedule, loaded_before, took,
    ScheduleLoad,
};
pub use provide::{
    provide_facts_of, provide_page_facts, provide_schedule_state, InBrowser, Origin,
};

use crate::browser::clock::{local_offset_at, now_iso, BrowserZones};
use crate::browser::storage;
use crate::model::agenda::{Agenda, AgendaChange, AgendaEntry};
use crate::model::error::StorageProblem;
use crate::model::follow::Followed;
use crate::model::schedule::Schedule;
use crate::model::settings::Zone;
use crate::model::time::{at_offset, day_and_clock, parse_instant, ConferenceZone, Instant};

/// The schedule every view reads: replaced in place when a live check
/// brings a newer one (`state::live`).
#[derive(Clone, Copy)]
pub struct ScheduleCtx(pub RwSignal<Arc<Schedule>>);

/// The schedule as it is now (untracked): a view built from it stays
/// consistent with itself; views that follow updates read [`use_schedule_signal`].
pub fn use_schedule() -> Arc<Schedule> {
    expect_context::<ScheduleCtx>().0.get_untracked()
}

/// The schedule, followed through live updates.
pub fn use_schedule_signal() -> RwSignal<Arc<Schedule>> {
    expect_context::<ScheduleCtx>().0
}

/// What the header and the filters offer, as a key that changes only when
/// a live update changes it (`model::live::offer_key`): parts built from it
/// are built again then, and only then.
pub fn use_offer() -> Memo<u64> {
    let schedule = use_schedule_signal();
    Memo::new(move |_| schedule.with(|s| crate::model::live::offer_key(s)))
}

/// The route being shown (from the path), provided once.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub Memo<crate::model::route::Route>);

/// The route being shown.
pub fn use_route() -> Memo<crate::model::route::Route> {
    expect_context::<CurrentRoute>().0
}

/// What changed in the schedule since the user last looked (see `model::changes`).
#[derive(Clone, Copy)]
pub struct ScheduleChanges {
    pub changes: RwSignal<Vec<crate::model::changes::Change>>,
}

impl ScheduleChanges {
    pub fn is_changed(&self, id: &str) -> bool {
        self.changes.with(|c| c.iter().any(|c| c.id() == id))
    }
}

impl AppStatus {
    /// The facts of this page load known before the schedule arrives: its
    /// source (from the link or remembered) and the zone a zone-less file is read in.
    pub fn new() -> Self {
        let source = crate::browser::files::current_source();
        let (zone, zone_notice) = crate::browser::settings::zone_for(&source);
        AppStatus {
            update_ready: RwSignal::new(false),
            offline_as_of: RwSignal::new(None),
            source: StoredValue::new(source),
            zone: StoredValue::new(zone),
            import: RwSignal::new(None),
            link_notices: StoredValue::new(zone_notice.into_iter().collect()),
            shown: StoredValue::new(Default::default()),
        }
    }
}

impl Default for AppStatus {
    fn default() -> Self {
        Self::new()
    }
}

/// App-wide facts about this page load, for the banners.
#[derive(Clone, Copy)]
pub struct AppStatus {
    /// A new deployment is installed and waits for "Reload".
    pub update_ready: RwSignal<bool>,
    /// The schedule came from the offline cache, fetched at this time (RFC 3339).
    pub offline_as_of: RwSignal<Option<String>>,
    /// Where the open schedule comes from.
    pub source: StoredValue<crate::model::source::ScheduleSource>,
    /// The zone a schedule without one is read in, and where it came from.
    pub zone: StoredValue<crate::model::import::ZoneChoice>,
    /// What the import found: the format, and whether the zone was assumed.
    pub import: RwSignal<Option<(crate::model::import::Format, bool)>>,
    /// Notices about the link itself (an unknown `?tz=`).
    pub link_notices: StoredValue<Vec<String>>,
    /// The file behind the schedule shown, for the live checks.
    pub shown: StoredValue<crate::browser::loader::ShownCopy>,
}

/// The one clock of the app (`?now=` fixes it), ticking every 30 seconds,
/// and what runs now and starts next by it. Every view that asks "what time
/// is it" reads `now` here, so a page left open moves on with it.
#[derive(Clone, Copy)]
pub struct Clock {
    /// Now.
    pub now: RwSignal<Instant>,
    /// Where the conference is by it: not started, running (now, next), over.
    pub state: Memo<crate::model::plan::NowAndNext>,
}

/// How often the shared clock ticks.
const CLOCK_TICK: std::time::Duration = std::time::Duration::from_secs(30);

impl Clock {
    /// Start the clock for a schedule (once, when it has loaded).
    /// Adopting the built page, it reads the build's clock first (the page
    /// was drawn at it), then the browser's.
    pub fn start(schedule: RwSignal<Arc<Schedule>>) -> Clock {
        let clock = match crate::browser::adopt::adopting() {
            Some(at) => {
                let clock = Clock::at(schedule, at);
                let now = clock.now;
                crate::browser::adopt::after_adoption(move || {
                    refresh(now);
                });
                clock
            }
            None => Clock::stopped(schedule),
        };
        let now = clock.now;
        let tick = move || {
            refresh(now);
        };
        if let Ok(handle) = set_interval_with_handle(tick, CLOCK_TICK) {
            on_cleanup(move || handle.clear());
        }
        clock
    }

    /// The clock read once, not ticking (the build step's pages).
    pub fn stopped(schedule: RwSignal<Arc<Schedule>>) -> Clock {
        Clock::at(schedule, crate::browser::clock::now())
    }

    /// The clock set at `at`, not ticking.
    fn at(schedule: RwSignal<Arc<Schedule>>, at: Instant) -> Clock {
        let now = RwSignal::new(at);
        let state =
            Memo::new(move |_| schedule.with(|s| crate::model::plan::now_and_next(s, now.get())));
        Clock { now, state }
    }

    /// Now, read afresh (a live check stamps its time with it): the
    /// shared clock moves on at once rather than at its next tick.
    pub fn read(&self) -> Instant {
        refresh(self.now)
    }
}

/// Read the browser's clock into `now`; a fixed clock (`?now=`) does not
/// wake its readers every tick.
fn refresh(now: RwSignal<Instant>) -> Instant {
    let t = crate::browser::clock::now();
    if now.with_untracked(|n| *n != t) {
        now.set(t);
    }
    t
}

/// The shared clock, provided once the schedule has loaded.
pub fn use_clock() -> Clock {
    expect_context::<Clock>()
}

/// Display preferences (zone, theme), persisted; provided once.
#[derive(Clone, Copy)]
pub struct Display {
    pub settings: RwSignal<crate::model::settings::Settings>,
    /// The open conference's zone; set once the schedule has loaded.
    conference_zone: StoredValue<Option<ConferenceZone>>,
}

impl Display {
    /// Adopting the built page, its first render has the build's settings
    /// (the defaults: the guard script shows the page only where the zone
    /// and "hide past" are theirs, and has applied the theme); the stored
    /// ones follow in place.
    pub fn new() -> Self {
        let stored = crate::browser::settings::load();
        let adopting = crate::browser::adopt::adopting().is_some();
        let settings = RwSignal::new(if adopting { Default::default() } else { stored });
        if adopting {
            crate::browser::adopt::after_adoption(move || {
                if settings.with_untracked(|s| *s != stored) {
                    settings.set(stored);
                }
            });
        } else {
            crate::browser::settings::apply_theme(stored.theme);
        }
        Display {
            settings,
            conference_zone: StoredValue::new(None),
        }
    }

    /// Show times in this schedule's zone in "conference" mode.
    pub fn set_conference(&self, schedule: &Schedule) {
        self.conference_zone
            .set_value(Some(ConferenceZone::of(schedule)));
    }

    pub fn update(&self, f: impl FnOnce(&mut crate::model::settings::Settings)) {
        self.settings.update(f);
        let s = self.settings.get_untracked();
        crate::browser::settings::apply_theme(s.theme);
        crate::browser::settings::save(&s);
    }

    /// A time as the viewer chose to see it (tracks the zone setting): in
    /// the conference's zone, or in the viewer's.
    pub fn show(&self, t: Instant) -> Instant {
        match self.settings.with(|s| s.zone) {
            Zone::Conference => self
                .conference_zone
                .with_value(|z| z.as_ref().map(|z| z.show(t, &BrowserZones)))
                .unwrap_or(t),
            Zone::Local => at_offset(t, local_offset_at(&t)),
        }
    }

    /// The instant a wall-clock time typed by the user stands for, in the
    /// zone times are shown in (the conference's or the viewer's).
    pub fn from_wall_clock(&self, value: &str) -> Option<Instant> {
        let local = crate::model::time::parse_local(value)?;
        match self.settings.with_untracked(|s| s.zone) {
            Zone::Conference => self
                .conference_zone
                .with_value(|z| z.as_ref().map(|z| z.wall_to_instant(local, &BrowserZones)))
                .flatten(),
            Zone::Local => crate::model::time::local_with(local, &|at| Some(local_offset_at(&at))),
        }
    }

    /// A stored RFC 3339 time, shown as "Thu 26 Oct 11:50"; empty if unreadable.
    pub fn day_and_clock_of(&self, rfc3339: &str) -> String {
        parse_instant(rfc3339)
            .map(|t| day_and_clock(&self.show(t)))
            .unwrap_or_default()
    }
}

impl Default for Display {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_display() -> Display {
    expect_context::<Display>()
}

/// The personal agenda of the loaded conference: one owner, many readers.
#[derive(Clone, Copy)]
pub struct AgendaStore {
    pub agenda: RwSignal<Agenda>,
    /// What loading the stored agenda ran into (disabled storage, a value kept aside).
    pub load_notice: RwSignal<Option<StorageProblem>>,
    /// Why the last write failed; cleared by the next successful write.
    pub write_error: RwSignal<Option<StorageProblem>>,
    /// The last unstarred entry, for "Removed — Undo".
    pub last_removed: RwSignal<Option<(String, AgendaEntry)>>,
    /// Changes not yet written (storage full or failing); retried with the next change.
    pending: StoredValue<Vec<AgendaChange>>,
    writable: StoredValue<bool>,
    conference_id: StoredValue<String>,
    /// Whether the browser promised not to evict the agenda; None until asked.
    pub persistent: RwSignal<Option<bool>>,
}

impl AgendaStore {
    /// Load the agenda of `conference_id` and keep it in step with other tabs.
    /// Where the app adopts the built page, its first render is a first
    /// visit's (the build drew it with nothing starred); the stored agenda
    /// follows in place.
    pub fn new(conference_id: &str) -> Self {
        let store = AgendaStore::of(conference_id, storage::LoadedAgenda::first_visit());
        let id = conference_id.to_string();
        crate::browser::adopt::after_adoption(move || store.take(storage::load_agenda(&id)));
        let key = crate::model::agenda::agenda_key(conference_id);
        // Another tab changed the agenda: take its value, plus our own changes
        // that are not written yet.
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(key.as_str()) {
                if let Some((mut agenda, written_in)) = storage::parse_external(ev.new_value()) {
                    // An older copy of the app in another tab wrote it over
                    // a value it could not read, without the follows (and
                    // what was starred here since): they are put back.
                    if written_in < crate::model::agenda::AGENDA_VERSION {
                        let mine = store.agenda.with_untracked(Agenda::to_json);
                        leptos::task::spawn_local(async move {
                            let _ = put_back(store, mine, written_in).await;
                        });
                    }
                    store
                        .pending
                        .with_value(|p| p.iter().for_each(|c| agenda.apply(c)));
                    store.agenda.set(agenda);
                }
            }
        });
        on_cleanup(move || handle.remove());
        store
    }

    /// The stored agenda, taken in.
    fn take(&self, loaded: storage::LoadedAgenda) {
        self.writable.set_value(loaded.writable);
        self.load_notice.set(loaded.notice);
        self.agenda.set(loaded.agenda);
    }

    /// The store of an agenda as loaded (not yet following other tabs).
    fn of(conference_id: &str, loaded: storage::LoadedAgenda) -> Self {
        AgendaStore {
            agenda: RwSignal::new(loaded.agenda),
            load_notice: RwSignal::new(loaded.notice),
            write_error: RwSignal::new(None),
            last_removed: RwSignal::new(None),
            pending: StoredValue::new(Vec::new()),
            persistent: RwSignal::new(None),
            writable: StoredValue::new(loaded.writable),
            conference_id: StoredValue::new(conference_id.to_string()),
        }
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.agenda.with(|a| a.contains(id))
    }

    /// Star or unstar a session of the schedule.
    pub fn toggle(&self, schedule: &Schedule, id: &str) {
        let Some(session) = schedule.session(id) else {
            return;
        };
        let change = self
            .agenda
            .with_untracked(|a| a.toggle_change(schedule, session, &now_iso()));
        let removed = match &change {
            AgendaChange::Remove { id } => self
                .agenda
                .with_untracked(|a| a.entry(id).cloned())
                .map(|e| (id.clone(), e)),
            _ => None,
        };
        self.last_removed.set(removed);
        self.apply_by_hand(change);
    }

    /// Whether this track, speaker or room is followed.
    pub fn is_following(&self, followed: &Followed) -> bool {
        self.agenda.with(|a| a.is_following(followed))
    }

    /// What is followed (tracked: read it in a memo).
    pub fn followed(&self) -> Vec<Followed> {
        self.agenda
            .with(|a| a.follows().map(|(f, _)| f.clone()).collect())
    }

    /// Follow a track, speaker or room of the schedule, or stop following it.
    pub fn toggle_follow(&self, schedule: &Schedule, followed: &Followed) {
        let change = self
            .agenda
            .with_untracked(|a| a.follow_change(schedule, followed, &now_iso()));
        if let Some(change) = change {
            self.apply_by_hand(change);
        }
    }

    /// A change the user made with a star or a Follow button: the first
    /// that adds something asks the browser to keep the agenda.
    fn apply_by_hand(&self, change: AgendaChange) {
        let adds = matches!(
            change,
            AgendaChange::Put { .. } | AgendaChange::Follow { .. }
        );
        let first = adds && self.persistent.get_untracked().is_none();
        self.apply(change);
        if first && self.writable.get_value() {
            self.ask_for_persistence();
        }
    }

    /// Remove an id outright (a session no longer in the schedule, dismissed by the user).
    pub fn dismiss(&self, id: &str) {
        self.apply(AgendaChange::Remove { id: id.to_string() });
    }

    /// Take in the new time, room or title of a starred session that changed.
    pub fn acknowledge(&self, schedule: &Schedule, id: &str) {
        let Some(session) = schedule.session(id) else {
            return;
        };
        if let Some(change) = self
            .agenda
            .with_untracked(|a| a.acknowledge_change(schedule, session))
        {
            self.apply(change);
        }
    }

    /// Add entries from an import or a shared agenda; never removes
    /// anything. How many sessions and own entries, and how many follows,
    /// were new.
    pub fn add_all(&self, other: &Agenda) -> (usize, usize) {
        let changes = self.agenda.with_untracked(|a| a.merge_changes(other));
        let n = changes.len();
        let follows = changes
            .iter()
            .filter(|c| matches!(c, AgendaChange::Follow { .. }))
            .count();
        for change in changes {
            self.agenda.update(|a| a.apply(&change));
            self.pending.update_value(|p| p.push(change));
        }
        if n > 0 {
            self.persist();
        }
        (n - follows, follows)
    }

    /// Must or maybe, for a starred session.
    pub fn set_level(&self, id: &str, level: crate::model::agenda::Level) {
        if let Some(change) = self.agenda.with_untracked(|a| a.level_change(id, level)) {
            self.apply(change);
        }
    }

    /// Resolve a clash in one action: `keep` becomes the only starred session
    /// among `clashing` (starred as "must" if it was not starred).
    pub fn choose(&self, schedule: &Schedule, keep: &str, clashing: &[String]) {
        for id in clashing.iter().filter(|id| id.as_str() != keep) {
            if self.is_starred(id) {
                self.apply(AgendaChange::Remove { id: id.clone() });
            }
        }
        if !self.is_starred(keep) {
            if let Some(session) = schedule.session(keep) {
                self.apply(AgendaChange::Put {
                    id: keep.to_string(),
                    entry: Agenda::entry_for(schedule, session, &now_iso()),
                });
            }
        }
        self.last_removed.set(None);
    }

    /// Save an own entry (new, or edited under its id).
    pub fn put_own(&self, id: String, entry: crate::model::agenda::OwnEntry) {
        self.apply(AgendaChange::PutOwn { id, entry });
    }

    /// Delete an own entry.
    pub fn remove_own(&self, id: &str) {
        self.apply(AgendaChange::RemoveOwn { id: id.to_string() });
    }

    pub fn undo_remove(&self) {
        if let Some((id, entry)) = self.last_removed.get_untracked() {
            self.last_removed.set(None);
            self.apply(AgendaChange::Put { id, entry });
        }
    }

    fn apply(&self, change: AgendaChange) {
        self.agenda.update(|a| a.apply(&change));
        self.pending.update_value(|p| p.push(change));
        self.persist();
    }

    fn persist(&self) {
        if !self.writable.get_value() {
            return;
        }
        let result = self.conference_id.with_value(|conf| {
            self.pending.with_value(|pending| {
                self.agenda
                    .with_untracked(|a| storage::save_changes(conf, pending, a))
            })
        });
        match result {
            Ok(merged) => {
                self.pending.update_value(Vec::clear);
                if self.agenda.with_untracked(|a| *a != merged) {
                    self.agenda.set(merged);
                }
                if self.write_error.get_untracked().is_some() {
                    self.write_error.set(None);
                }
            }
            Err(message) => self.write_error.set(Some(message)),
        }
    }

    fn ask_for_persistence(&self) {
        let persistent = self.persistent;
        persistent.set(Some(false));
        leptos::task::spawn_local(async move {
            if let Some(granted) = crate::browser::offline::request_persistence().await {
                persistent.set(Some(granted));
            }
        });
    }
}

/// Put back what an older app's write dropped
/// ([`Agenda::dropped_by_older_app`]; `mine` is this tab's agenda before it,
/// stored form), into the agenda now shown and storage: a lazily loaded
/// part, needed only when an old tab writes.
#[wasm_split_helpers::wasm_split(older_app, fallible)]
fn put_back(
    store: AgendaStore,
    mine: String,
    written_in: u64,
) -> Result<(), crate::browser::part::PartMissing> {
    let Ok(mine) = Agenda::from_json(&mine) else {
        return Ok(());
    };
    let dropped = store
        .agenda
        .with_untracked(|theirs| theirs.dropped_by_older_app(written_in, &mine));
    dropped.into_iter().for_each(|c| store.apply(c));
    Ok(())
}

pub fn use_agenda() -> AgendaStore {
    expect_context::<AgendaStore>()
}

/// The rooms hidden in the timetable, per conference, remembered.
#[derive(Clone, Copy)]
pub struct RoomChoice {
    /// Ids of hidden rooms.
    pub hidden: RwSignal<Vec<String>>,
    conference_id: StoredValue<String>,
}

impl RoomChoice {
    /// Load the choice for this schedule.
    pub fn new(schedule: &Schedule) -> Self {
        RoomChoice {
            hidden: RwSignal::new(crate::browser::settings::load_hidden_rooms(schedule)),
            conference_id: StoredValue::new(schedule.conference.id.clone()),
        }
    }

    /// Hide exactly these rooms, and remember it.
    pub fn set(&self, ids: Vec<String>) {
        self.conference_id
            .with_value(|c| crate::browser::settings::save_hidden_rooms(c, &ids));
        self.hidden.set(ids);
    }
}
