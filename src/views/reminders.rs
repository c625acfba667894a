//! Reminders: while the app is open, a notification 10 minutes before each
//! "must" session, with its room. Checked at every tick of the shared clock
//! (`state::Clock`, which `?now=` fixes).

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::notify;
use crate::model::plan::due_reminders;
use crate::model::schedule::Schedule;
use crate::model::time::clock_range;
use crate::state::{use_agenda, use_clock, use_display, use_schedule, AgendaStore, Clock, Display};

#[derive(Clone)]
pub struct Reminders {
    schedule: Arc<Schedule>,
    agenda: AgendaStore,
    display: Display,
    clock: Clock,
    notified: StoredValue<Vec<String>>,
}

impl Reminders {
    pub fn check(&self) {
        if !self.display.settings.with_untracked(|s| s.reminders) || !notify::granted() {
            return;
        }
        let at = self.clock.now.get_untracked();
        let due = self.notified.with_value(|done| {
            self.agenda.agenda.with_untracked(|a| {
                due_reminders(
                    &self.schedule,
                    a,
                    at,
                    i64::from(crate::model::plan::REMINDER_MINUTES),
                    done,
                )
            })
        });
        for i in due {
            let s = &self.schedule.sessions[i];
            let minutes = ((s.start - at).num_seconds() + 59) / 60;
            let when = clock_range(&self.display.show(s.start), &self.display.show(s.end));
            let room = self.schedule.room_name(s);
            let body = if room.is_empty() {
                when
            } else {
                format!("{room} · {when}")
            };
            notify::show(&format!("In {minutes} min: {}", s.title), &body);
            self.notified.update_value(|n| n.push(s.id.clone()));
        }
    }
}

/// Start the reminders for the loaded schedule (once, in the app root):
/// checked now and at every tick of the shared clock.
pub fn use_reminders() {
    let clock = use_clock();
    let reminders = Reminders {
        schedule: use_schedule(),
        agenda: use_agenda(),
        display: use_display(),
        clock,
        notified: StoredValue::new(Vec::new()),
    };
    provide_context(reminders.clone());
    // The first check runs at once, before any session is drawn (the
    // browser test of a due reminder relies on that); the effect's own first
    // run would repeat it, so it checks from the first tick on.
    reminders.check();
    let tick = reminders.clone();
    Effect::new(move |ran: Option<()>| {
        clock.now.track();
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
                message.set(Some("Reminders are on while this app is open."));
                reminders.check();
            } else {
                display.update(|s| s.reminders = false);
                message.set(Some(
                    "The browser does not allow notifications for this site.",
                ));
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
