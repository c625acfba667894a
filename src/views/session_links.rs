//! A session's recording, live stream, slides and feedback links: the list
//! on the session page, and the small "Live" / "Recording" marks on cards.
//! Only http(s) links reach here (the importers drop the rest); they open
//! as external links, without the opener.

use leptos::prelude::*;

use crate::model::schedule::{LinkKind, Session};
use crate::model::words::tr;

/// The links section of the session page, in kind order; nothing without links.
#[component]
pub fn SessionLinks(session: Session) -> impl IntoView {
    let mut links = session.links;
    if links.is_empty() {
        return None;
    }
    links.sort_by_key(|l| l.kind);
    let items = links
        .into_iter()
        .map(|l| {
            let kind = l.kind.label();
            let title = l.title;
            let words = (title != kind).then(|| format!(" ({kind})"));
            // The class by the kind's stored word: the same in every language.
            view! {
                <li class=format!("link-{}", l.kind.name())>
                    <a href=l.url rel="external noopener noreferrer" target="_blank">
                        {title}
                    </a>
                    {words}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section aria-labelledby="session-links">
            <h2 id="session-links">{tr("Links")}</h2>
            <ul class="session-links">{items}</ul>
        </section>
    })
}

/// "Live" and "Recording" marks for a card, when the session has such links.
pub fn link_marks(session: &Session) -> impl IntoView {
    let live = session
        .link(LinkKind::Live)
        .map(|_| view! { <span class="link-mark live">{tr("Live")}</span> });
    let recording = session
        .link(LinkKind::Recording)
        .map(|_| view! { <span class="link-mark recording">{tr("Recording")}</span> });
    (live, recording)
}
