//! Reminders: while the app is open, a notification 10 minutes before each
//! "must" session, with its room. Checked at every tick of the shared clock
//! (`state::Clock`, which `?now=` fixes).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_split_helpers::wasm_split;

use crate::browser::notify;
use crate::browser::part::PartMissing;
use crate::model::plan::due_reminders;
use crate::model::schedule::Schedule;
use crate::model::time::{clock_range, Instant};
use crate::model::words::tr;
use crate::state::{
    use_agenda, use_clock, use_display, use_schedule_signal, AgendaStore, Clock, Display,
};

#[derive(Clone)]
pub struct Reminders {
    schedule: RwSignal<Arc<Schedule>>,
    agenda: AgendaStore,
    display: Display,
    clock: Clock,
    /// Sessions reminded of, with the start they were reminded for: one
    /// that moves is reminded again at its new time.
    notified: StoredValue<Vec<(String, Instant)>>,
}

impl Reminders {
    /// Notify of what is due, when reminders are on and allowed: by a lazily
    /// loaded part (most visitors never turn them on); one that cannot be
    /// fetched reminds at the next tick.
    pub fn check(&self) {
        if !self.display.settings.with_untracked(|s| s.reminders) || !notify::granted() {
            return;
        }
        let reminders = self.clone();
        leptos::task::spawn_local(async move {
            let _ = remind_of_due(reminders).await;
        });
    }
}

#[wasm_split(reminders, fallible)]
fn remind_of_due(reminders: Reminders) -> Result<(), PartMissing> {
    reminders.notify_due();
    Ok(())
}

impl Reminders {
    fn notify_due(&self) {
        let at = self.clock.now.get_untracked();
        let schedule = self.schedule.get_untracked();
        let done: Vec<String> = self.notified.with_value(|n| {
            n.iter()
                .filter(|(id, start)| schedule.session(id).is_some_and(|s| s.start == *start))
                .map(|(id, _)| id.clone())
                .collect()
        });
        let due = self.agenda.agenda.with_untracked(|a| {
            due_reminders(
                &schedule,
                a,
                at,
                i64::from(crate::model::plan::REMINDER_MINUTES),
                &done,
            )
        });
        for i in due {
            let s = &schedule.sessions[i];
            let minutes = ((s.start - at).num_seconds() + 59) / 60;
            let when = clock_range(&self.display.show(s.start), &self.display.show(s.end));
            let room = schedule.room_name(s);
            let body = if room.is_empty() {
                when
            } else {
                format!("{room} · {when}")
            };
            notify::show(
                &crate::trf!("In {m} min: {title}", m = minutes, title = s.title),
                &body,
            );
            self.notified
                .update_value(|n| n.push((s.id.clone(), s.start)));
        }
        notify::count_check();
    }
}

/// Start the reminders for the loaded schedule (once, in the app root):
/// checked now and at every tick of the shared clock.
pub fn use_reminders() {
    let clock = use_clock();
    let reminders = Reminders {
        schedule: use_schedule_signal(),
        agenda: use_agenda(),
        display: use_display(),
        clock,
        notified: StoredValue::new(Vec::new()),
    };
    provide_context(reminders.clone());
    // The first check starts at once, before any session is drawn; the
    // effect's own first run would repeat it, so it checks from the first
    // tick on.
    reminders.check();
    let tick = reminders.clone();
    // Re-planned from the new times when a newer schedule is taken in place.
    let schedule = reminders.schedule;
    Effect::new(move |ran: Option<()>| {
        clock.now.track();
        schedule.track();
        if ran.is_some() {
            tick.check();
        }
    });
}

/// "Remind me 10 minutes before my must sessions" (asks for permission).
#[component]
pub fn ReminderToggle() -> impl IntoView {
    let reminders = expect_context::<Reminders>();
    let display = use_display();
    let message = RwSignal::new(None::<&'static str>);
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let reminders = reminders.clone();
        if !on {
            display.update(|s| s.reminders = false);
            message.set(None);
            return;
        }
        leptos::task::spawn_local(async move {
            if notify::request().await {
                display.update(|s| s.reminders = true);
                message.set(Some(tr("Reminders are on while this app is open.")));
                reminders.check();
            } else {
                display.update(|s| s.reminders = false);
                message.set(Some(tr(
                    "The browser does not allow notifications for this site.",
                )));
            }
        });
    };
    view! {
        <p class="reminders">
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || display.settings.with(|s| s.reminders)
                    on:change=on_change
                />
                {format!(" {}", crate::model::plan::reminder_label())}
            </label>
            " "
            <span role="status">{move || message.get()}</span>
        </p>
    }
}
