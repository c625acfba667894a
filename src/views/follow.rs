//! Follow: a button on a track's, a speaker's and a room's page that adds it
//! to, or removes it from, what the user follows (kept with the agenda).
//! Like the star, its name says what pressing it does, so it carries no
//! `aria-pressed` (docs/decisions.md).

use leptos::prelude::*;

use crate::model::follow::{FollowKind, Followed};
use crate::model::words::tr;
use crate::state::{use_agenda, use_schedule};
use crate::trf;

/// "Follow" / "Following" for one track, speaker or room, named `name`.
#[component]
pub fn FollowButton(kind: FollowKind, id: String, name: String) -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let followed = Followed::new(kind, &id);
    let following = {
        let followed = followed.clone();
        Memo::new(move |_| agenda.is_following(&followed))
    };
    // One sentence per kind, so each language can place its noun.
    let (follow, stop) = match kind {
        FollowKind::Track => (
            trf!("Follow the track {name}", name = name),
            trf!("Stop following the track {name}", name = name),
        ),
        FollowKind::Speaker => (
            trf!("Follow the speaker {name}", name = name),
            trf!("Stop following the speaker {name}", name = name),
        ),
        FollowKind::Room => (
            trf!("Follow the room {name}", name = name),
            trf!("Stop following the room {name}", name = name),
        ),
    };
    let label = move || {
        if following.get() {
            stop.clone()
        } else {
            follow.clone()
        }
    };
    view! {
        <button
            type="button"
            class="follow"
            class:following=move || following.get()
            aria-label=label
            on:click=move |_| agenda.toggle_follow(&schedule, &followed)
        >
            // A sign before it ("+", "✓": style.css); on a phone only the
            // sign shows, so that the heading keeps its line.
            <span class="follow-word">
                {move || if following.get() { tr("Following") } else { tr("Follow") }}
            </span>
        </button>
    }
}

/// " · following", after the name of a followed track, room or speaker in
/// a filter.
#[component]
pub fn FollowingMark(kind: FollowKind, id: String) -> impl IntoView {
    let agenda = use_agenda();
    let followed = Followed::new(kind, &id);
    move || {
        agenda.is_following(&followed).then(
            || view! { <span class="following-mark">{format!(" · {}", tr("following"))}</span> },
        )
    }
}
