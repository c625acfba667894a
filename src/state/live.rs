//! The open page stays live: it checks for a newer schedule on
//! `model::live`'s cadence (and when it becomes visible again or the network
//! returns, or on "Check now"), takes a newer one in place, and keeps what
//! the user needs to know: how fresh the schedule is, what the last update
//! changed, and a notification for starred sessions that moved or were
//! cancelled (when reminders are on).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_split_helpers::wasm_split;

use super::{AgendaStore, AppStatus, Clock, Display, ScheduleChanges};
use crate::browser::loader::{read_any_format, schedule_url, ShownCopy};
use crate::browser::part::PartMissing;
use crate::browser::{live as net, notify, offline};
use crate::model::changes::{diff, Snapshot};
use crate::model::live::{
    alerts, body_fingerprint, conference_span, judge, next_check, Answer, CheckProblem, Freshness,
    Outcome, UpdateSummary, Validators, Verdict,
};
use crate::model::schedule::Schedule;
use crate::model::time::{parse_instant, Instant};

/// The live state of the open schedule; provided once it has loaded.
#[derive(Clone, Copy)]
pub struct Live {
    /// How fresh the schedule is (the checks' outcome).
    pub freshness: RwSignal<Freshness>,
    /// The last update taken in place: when, and what it brought.
    pub update: RwSignal<Option<(Instant, UpdateSummary)>>,
    /// A check is under way.
    pub checking: RwSignal<bool>,
    /// Where checks go; None for a local file (nothing to check).
    url: StoredValue<Option<String>>,
    parts: Parts,
    timer: StoredValue<Option<leptos::leptos_dom::helpers::TimeoutHandle>>,
}

/// What a check reads and updates.
#[derive(Clone, Copy)]
struct Parts {
    schedule: RwSignal<Arc<Schedule>>,
    status: AppStatus,
    agenda: AgendaStore,
    changes: ScheduleChanges,
    clock: Clock,
    display: Display,
}

impl Live {
    /// Start checking the schedule in `schedule` (once, when it has loaded).
    pub fn start(schedule: RwSignal<Arc<Schedule>>, changes: ScheduleChanges) -> Live {
        let live = Live::new(schedule, changes);
        // Adopting the built page, "checked" was first the build's time.
        let adopting = crate::browser::adopt::adopting().is_some();
        crate::browser::adopt::after_adoption(move || {
            if adopting {
                let now = live.parts.clock.read();
                live.freshness.update(|f| {
                    if f.offline_since.is_none() {
                        f.checked = Some(now);
                    }
                });
            }
            if live.can_check() {
                live.plan_next();
                net::on_wake(move || live.check_now());
            }
        });
        live
    }

    /// The state of the checks, none planned (the build step's pages show
    /// it as a first visit does).
    pub fn new(schedule: RwSignal<Arc<Schedule>>, changes: ScheduleChanges) -> Live {
        let status = expect_context::<AppStatus>();
        let clock = expect_context::<Clock>();
        let now = clock.now.get_untracked();
        // Loaded from the saved copy: offline since now, as of when it was saved.
        let freshness = match status.offline_as_of.get_untracked() {
            Some(at) => Freshness {
                checked: parse_instant(&at),
                offline_since: Some(now),
                failures: 1,
                problem: None,
            },
            None => Freshness {
                checked: Some(now),
                ..Freshness::default()
            },
        };
        Live {
            freshness: RwSignal::new(freshness),
            update: RwSignal::new(None),
            checking: RwSignal::new(false),
            url: StoredValue::new(status.source.with_value(schedule_url)),
            parts: Parts {
                schedule,
                status,
                agenda: expect_context::<AgendaStore>(),
                changes,
                clock,
                display: expect_context::<Display>(),
            },
            timer: StoredValue::new(None),
        }
    }

    /// Whether the schedule has an address to check (not a local file).
    pub fn can_check(&self) -> bool {
        self.url.with_value(Option::is_some)
    }

    /// Check at once (an event, or "Check now"); the next check is planned from here.
    pub fn check_now(&self) {
        let Some(url) = self.url.get_value() else {
            return;
        };
        if self.checking.get_untracked() {
            return;
        }
        self.checking.set(true);
        offline::check_for_update();
        let live = *self;
        leptos::task::spawn_local(async move {
            let (outcome, now) = match check(live, url).await {
                Ok(checking) => checking.await,
                // The server was not asked (the service worker has every
                // part after the first visit: this is a tab without one).
                Err(PartMissing) => (
                    Outcome::Refused(CheckProblem::CheckerMissing),
                    live.parts.clock.read(),
                ),
            };
            if outcome == Outcome::Fresh {
                // Online again: the offline notice of the first load is over.
                live.parts.status.offline_as_of.set(None);
            }
            live.freshness.update(|f| *f = f.after(outcome, now));
            live.checking.set(false);
            live.plan_next();
        });
    }

    /// What an answer comes to: nothing new, a newer schedule taken, or why not.
    async fn outcome(&self, answer: Answer, copy: ShownCopy, now: Instant) -> Outcome {
        // The same bytes under new validators (a server restarted): ask
        // with the new ones next time.
        let fresh_validators = match &answer {
            Answer::File { validators, .. } => Some(validators.clone()),
            _ => None,
        };
        match judge(answer, copy.body) {
            Verdict::Unchanged => {
                if let Some(validators) = fresh_validators {
                    self.parts
                        .status
                        .shown
                        .update_value(|c| c.validators = validators);
                }
                Outcome::Fresh
            }
            Verdict::Offline => Outcome::Offline,
            Verdict::ServerError(status) => Outcome::Refused(CheckProblem::Server(status)),
            Verdict::Parse { text, validators } => {
                match take_newer(*self, text, validators, now).await {
                    Ok(taking) => taking.await,
                    Err(PartMissing) => Outcome::Refused(CheckProblem::PartMissing),
                }
            }
        }
    }

    /// Read a newer file as the schedule shown was read (format, zone).
    async fn read(&self, text: String) -> Result<Schedule, CheckProblem> {
        let zone = self.parts.status.zone.with_value(|z| z.zone.clone());
        let hint = self.parts.status.source.with_value(|s| s.name_hint());
        let imported = read_any_format(text, zone, hint)
            .await
            .map_err(|PartMissing| CheckProblem::PartMissing)?
            .map_err(|e| CheckProblem::Broken(e.to_string()))?;
        let same = self
            .parts
            .schedule
            .with_untracked(|s| s.conference.id == imported.schedule.conference.id);
        if !same {
            return Err(CheckProblem::OtherConference);
        }
        Ok(imported.schedule)
    }

    /// Put a newer schedule in place: what changed is counted for the notice,
    /// the starred sessions that moved or went are notified, the changes
    /// panel compares with the last seen, and focus stays where it was.
    fn take(&self, new: Schedule, now: Instant) {
        let Parts {
            schedule,
            agenda,
            changes,
            display,
            ..
        } = self.parts;
        let shown_before = schedule.get_untracked();
        let found = diff(&Snapshot::of(&shown_before), &new, |id| {
            agenda.is_starred(id)
        });
        let (summary, owed) = agenda.agenda.with_untracked(|a| {
            let owed = alerts(&found, &new, a, &|t| display.show(t));
            (UpdateSummary::of(&found, &new, a), owed)
        });
        if display.settings.with_untracked(|s| s.reminders) {
            for alert in owed {
                notify::show(&alert.title, &alert.body);
            }
        }
        let new = Arc::new(new);
        let focus = crate::browser::page::focused();
        schedule.set(new.clone());
        changes.refresh(new, agenda, Some(shown_before));
        self.update.set(Some((now, summary)));
        leptos::task::spawn_local(crate::browser::page::refocus(focus));
    }

    /// Plan the next check by the cadence (none once the conference is over).
    fn plan_next(&self) {
        if let Some(old) = self.timer.get_value() {
            old.clear();
        }
        let now = self.parts.clock.now.get_untracked();
        let span = self.parts.schedule.with_untracked(|s| conference_span(s));
        let failures = self.freshness.with_untracked(|f| f.failures);
        let live = *self;
        let handle = next_check(now, span, failures).and_then(|at| {
            let wait = (at - now).to_std().ok()?;
            set_timeout_with_handle(move || live.check_now(), wait).ok()
        });
        self.timer.set_value(handle);
    }
}

/// A check under way: its outcome, and when the answer came.
type Checking = Pin<Box<dyn Future<Output = (Outcome, Instant)>>>;

/// Ask the schedule's address whether it has changed, and what that comes
/// to: a lazily loaded part, fetched at the first check (none runs while the
/// start view is drawn; a page left open checks on `model::live`'s cadence).
#[wasm_split(live_check, fallible)]
fn check(live: Live, url: String) -> Result<Checking, PartMissing> {
    Ok(Box::pin(async move {
        let copy = live.parts.status.shown.get_value();
        let answer = net::ask(&url, &copy.validators).await;
        let now = live.parts.clock.read();
        (live.outcome(answer, copy, now).await, now)
    }))
}

/// Read a newer file and take it in place: a lazily loaded part, fetched
/// the first time a check brings a newer schedule (most visits never do).
#[wasm_split(live_update, fallible)]
fn take_newer(
    live: Live,
    text: String,
    validators: Validators,
    now: Instant,
) -> Result<Pin<Box<dyn Future<Output = Outcome>>>, PartMissing> {
    Ok(Box::pin(async move {
        let body = body_fingerprint(&text);
        match live.read(text).await {
            Ok(schedule) => {
                live.parts
                    .status
                    .shown
                    .set_value(ShownCopy { validators, body });
                live.take(schedule, now);
                Outcome::Fresh
            }
            Err(problem) => Outcome::Refused(problem),
        }
    }))
}

/// The live state, provided once the schedule has loaded.
pub fn use_live() -> Live {
    expect_context::<Live>()
}
