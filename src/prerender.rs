//! Build-time rendering of the start view (`/`) of the deployed schedule, so
//! that the first session titles paint from the HTML, before the wasm has
//! arrived. Native only: `src/bin/prerender.rs` writes it into `dist/`'s
//! `index.html` (through `scripts/post-build.mjs`).
//!
//! The markup is the app's own (`views/layout.rs`, `views/programme.rs`,
//! `views/filter_bar.rs`, `views/session_card.rs`), with the same classes,
//! so the app replaces it in one frame without a visible jump: no ids, no
//! inline scripts, no `style="…"` attributes (the CSP forbids them: track
//! colours come from `prerender.css`), and `inert` + `aria-hidden` so
//! nothing reads or clicks the copy. `public/prerender-guard.js` hides it
//! when the page is not the plain programme of the built-in schedule.

use std::fmt::Write;

use crate::model::route::Route;
use crate::model::schedule::{group_by_day, Schedule};
use crate::model::time::{self, ConferenceZone, NoZoneNames};

use crate::model::filter::PAGE_SIZE;

/// Escape text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The start view, as the `<div id="prerender">` to put first in `<body>`.
pub fn start_view(schedule: &Schedule) -> String {
    let zone = ConferenceZone::of(schedule);
    let show = |t| zone.show(t, &NoZoneNames);
    let mut h = String::with_capacity(64 * 1024);
    h.push_str(r#"<div id="prerender" inert aria-hidden="true">"#);
    header(&mut h, schedule, &show);
    h.push_str(r#"<div class="notices"></div><main><div class="page-head"><h1>Programme</h1><div class="result-bar"><p class="result-count">"#);
    let n = schedule.sessions.len();
    let _ = write!(h, "{n} session{}", if n == 1 { "" } else { "s" });
    h.push_str("</p></div></div>");
    filters(&mut h, schedule);
    cards(&mut h, schedule, &show);
    h.push_str("</main></div>");
    h
}

fn header(h: &mut String, schedule: &Schedule, show: &dyn Fn(time::Instant) -> time::Instant) {
    let c = &schedule.conference;
    let dates = match (schedule.days.first(), schedule.days.last()) {
        (Some(a), Some(b)) if a != b => format!("{} – {}", time::short_day(*a), time::long_day(*b)),
        (Some(a), _) => time::long_day(*a),
        _ => String::new(),
    };
    let location = if c.location.is_empty() {
        String::new()
    } else {
        format!(" · {}", c.location)
    };
    let offset = schedule
        .sessions
        .first()
        .map(|s| time::offset_label(&show(s.start)))
        .unwrap_or_default();
    let zone = if c.time_zone.is_empty() {
        format!("Times in the conference's zone ({offset})")
    } else {
        format!("Times in {} ({offset})", c.time_zone)
    };
    let timetable = Route::Timetable(schedule.days.first().map(|d| d.to_string())).href();
    let (programme, now, agenda) = (
        Route::Programme.href(),
        Route::Now.href(),
        Route::Agenda.href(),
    );
    let _ = write!(
        h,
        r#"<header class="site-header"><div class="masthead"><div class="conference"><p class="conference-title"><a href="{programme}">{}</a></p><p class="conference-meta">{} {}</p><p class="conference-zone">{} <span class="clock-note">, 24-hour clock</span></p></div><details class="menu settings"><summary><span class="icon">⚙</span><span class="label">Settings</span></summary></details></div>"#,
        esc(&c.title),
        esc(&dates),
        esc(&location),
        esc(&zone)
    );
    let _ = write!(
        h,
        r#"<nav class="main-nav"><ul><li><a href="{programme}" aria-current="page"><span class="icon">☰</span><span class="label">Programme</span></a></li><li><a href="{}"><span class="icon">▦</span><span class="label">Timetable</span></a></li><li><a href="{now}"><span class="icon">◷</span><span class="label">Now &amp; next</span></a></li><li><a href="{agenda}"><span class="icon">★</span><span class="label">My agenda</span><span class="count"></span></a></li><li><details class="menu more"><summary><span class="icon">⋯</span><span class="label">More</span></summary></details></li></ul></nav></header>"#,
        esc(&timetable)
    );
}

fn filters(h: &mut String, schedule: &Schedule) {
    h.push_str(r#"<form class="filters"><div class="field search"><label>Search</label><input type="search" placeholder="Title, abstract or speaker" autocomplete="off"></div><button class="filters-toggle" type="button">Filters</button><div class="filter-panel">"#);
    if !schedule.tracks.is_empty() {
        h.push_str(r#"<fieldset class="tracks"><legend>Track</legend>"#);
        for t in &schedule.tracks {
            let _ = write!(
                h,
                r#"<label class="track-choice"><input type="checkbox">{}</label>"#,
                esc(&t.name)
            );
        }
        h.push_str("</fieldset>");
    }
    h.push_str(r#"<div class="field"><label>Speaker</label><select><option value="">All speakers</option></select></div><label class="hide-past"><input type="checkbox"> Hide past sessions</label><div class="field"><label>Day</label><select><option value="">All days</option></select></div></div></form>"#);
}

/// The first page of cards, as the app shows it ([`PAGE_SIZE`]).
fn cards(h: &mut String, schedule: &Schedule, show: &dyn Fn(time::Instant) -> time::Instant) {
    let first: Vec<usize> = (0..schedule.sessions.len().min(PAGE_SIZE)).collect();
    h.push_str(r#"<div class="day-list">"#);
    for (day, indices) in group_by_day(schedule, &first) {
        let _ = write!(
            h,
            r#"<section class="day"><h2>{}</h2>"#,
            time::long_day(day)
        );
        for i in indices {
            card(h, schedule, i, show);
        }
        h.push_str("</section>");
    }
    h.push_str("</div>");
}

fn card(
    h: &mut String,
    schedule: &Schedule,
    i: usize,
    show: &dyn Fn(time::Instant) -> time::Instant,
) {
    let s = &schedule.sessions[i];
    let class = match s.track {
        Some(t) if schedule.tracks[t].color.is_some() => format!("session pr-track-{t}"),
        _ => "session".to_string(),
    };
    let _ = write!(
        h,
        r#"<article class="{class}"><p class="session-time"><time>{}</time></p><div class="session-body"><h3><a href="{}">{}</a></h3><p class="session-meta"><span class="kind">{}</span>"#,
        time::clock_range(&show(s.start), &show(s.end)),
        esc(&Route::Session(s.id.clone()).href()),
        esc(&s.title),
        s.kind.label()
    );
    let room = schedule.room_name(s);
    if !room.is_empty() {
        let _ = write!(h, r#"<span class="room">{}</span>"#, esc(room));
    }
    if let Some(t) = schedule.track_of(s) {
        let _ = write!(
            h,
            r#"<span class="track"><a href="{}">{}</a></span>"#,
            esc(&Route::Track(t.id.clone()).href()),
            esc(&t.name)
        );
    }
    h.push_str("</p>");
    if !s.speakers.is_empty() {
        h.push_str(r#"<ul class="speakers">"#);
        for &p in &s.speakers {
            let sp = &schedule.speakers[p];
            let _ = write!(
                h,
                r#"<li><a href="{}">{}</a>{}</li>"#,
                esc(&Route::Speaker(sp.id.clone()).href()),
                esc(&sp.name),
                sp.affiliation
                    .as_ref()
                    .map(|a| format!(" ({})", esc(a)))
                    .unwrap_or_default()
            );
        }
        h.push_str("</ul>");
    }
    if !s.abstract_text.is_empty() {
        let _ = write!(h, r#"<p class="abstract">{}</p>"#, esc(&s.abstract_text));
    }
    h.push_str(r#"</div><div class="card-actions"><button class="star" type="button"><span>☆</span></button></div></article>"#);
}

/// The track colours of the pre-rendered cards, as CSS (no inline styles).
pub fn track_css(schedule: &Schedule) -> String {
    let mut css = String::new();
    for (i, t) in schedule.tracks.iter().enumerate() {
        if let Some(c) = &t.color {
            let _ = writeln!(css, ".pr-track-{i}{{--track-colour:{c}}}");
        }
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_start_view_escaped_inert_and_without_inline_styles_or_scripts() {
        let mut s = crate::model::schedule::tests::small();
        s.sessions[0].title = "<script>alert(1)</script> & \"quotes\"".into();
        let html = start_view(&s);
        assert!(html.starts_with(r#"<div id="prerender" inert aria-hidden="true">"#));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("style="));
        assert_eq!(html.matches(" id=").count(), 1, "no ids beside its own");
        assert_eq!(html.matches("<article").count(), 3);
        assert!(html.contains("<p class=\"result-count\">3 sessions</p>"));
        // Times in the conference's zone, as the app shows them by default.
        assert!(html.contains("09:00–09:30"));
        assert!(html.contains("pr-track-0") || html.contains("pr-track-1"));
        assert_eq!(track_css(&s), ".pr-track-0{--track-colour:#123456}\n");
    }

    #[test]
    fn links_are_the_app_s_own_paths_with_ids_encoded() {
        let mut s = crate::model::schedule::tests::small();
        s.speakers[0].id = "a b/c".into();
        let html = start_view(&s);
        assert!(html.contains(r#"<a href="/speaker/a%20b%2Fc">"#), "{html}");
        assert!(html.contains(r#"<a href="/session/s1">"#));
        assert!(html.contains(r#"<a href="/timetable/2017-10-26">"#));
    }

    #[test]
    fn long_schedules_render_the_first_page_only() {
        let sessions: Vec<String> = (0..120)
            .map(|i| {
                format!(
                    r#"{{"id":"s{i}","title":"T{i}","start":"2020-01-01T{:02}:{:02}:00+01:00","end":"2020-01-01T{:02}:{:02}:00+01:00"}}"#,
                    9 + i / 60,
                    i % 60,
                    9 + i / 60,
                    i % 60
                )
            })
            .collect();
        let s = crate::model::schedule::parse_schedule(&format!(
            r#"{{"version":1,"conference":{{"id":"c","title":"C"}},"sessions":[{}]}}"#,
            sessions.join(",")
        ))
        .unwrap();
        let html = start_view(&s);
        assert_eq!(html.matches("<article").count(), PAGE_SIZE);
        assert!(html.contains("120 sessions"));
    }

    /// A track colour is checked once, at import, in every format: one that
    /// would break out of its CSS rule is dropped with a named problem and
    /// never reaches `prerender.css`.
    #[test]
    fn a_colour_that_would_break_out_of_the_css_is_dropped_at_import_and_named() {
        use crate::model::import::parse_any;
        let time = r#""2020-01-01T10:00:00+01:00""#;
        let frab = format!(
            r##"{{"schedule":{{"conference":{{"title":"F","tracks":[{{"name":"Art","color":"#;}}*{{x"}},{{"name":"Bold","color":"#a;}}*{{x"}},{{"name":"Fine","color":"#abc"}}],
            "days":[{{"date":"2020-01-01","rooms":{{"R":[{{"guid":"a","date":{time},"duration":"0:30","title":"A","track":"Art"}},
            {{"guid":"b","date":{time},"duration":"0:30","title":"B","track":"Bold"}},{{"guid":"c","date":{time},"duration":"0:30","title":"C","track":"Fine"}}]}}}}]}}}}}}"##
        );
        let ours = format!(
            r##"{{"version":1,"conference":{{"id":"c","title":"C"}},"tracks":[{{"id":"art","name":"Art","color":"#;}}*{{x"}}],
            "sessions":[{{"id":"a","title":"A","start":{time},"end":{time},"track":"art"}}]}}"##
        );
        let widget = format!(
            r##"{{"talks":[{{"code":"A","title":"A","start":{time},"end":{time},"track":1}}],"rooms":[],
            "tracks":[{{"id":1,"name":"Art","color":"#;}}*{{x"}}]}}"##
        );
        for (file, named) in [(frab, 2), (ours, 1), (widget, 1)] {
            let s = parse_any(&file).unwrap();
            let css = track_css(&s);
            assert!(!css.contains(';') && !css.contains('*'), "{css}");
            let problems: Vec<String> = s.problems.iter().map(|p| p.to_string()).collect();
            let about_colours = problems.iter().filter(|p| p.contains(";}*{x")).count();
            assert_eq!(about_colours, named, "{problems:?}");
            assert_eq!(
                s.skipped, 0,
                "a bad colour costs the colour, not the session"
            );
        }
    }
}
