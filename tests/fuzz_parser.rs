//! Property tests: the schedule parser and validator, and the stored-agenda
//! reader, take arbitrary bytes and arbitrary JSON without panicking, in
//! bounded time. Also runs the small corpus of hostile files in
//! `tests/data/hostile/`. `PROPTEST_CASES` sets the budget (default 256).

use std::time::{Duration, Instant};

use proptest::prelude::*;
use schedule_viewer::model::agenda::Agenda;
use schedule_viewer::model::filter::Filter;
use schedule_viewer::model::import::parse_any as parse_schedule;
use schedule_viewer::model::url::parse_query;
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        Just(Value::from("2017-10-26T09:00:00+02:00")),
        Just(Value::from("a")),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_string()),
                    Just("title".to_string()),
                    Just("start".to_string()),
                    Just("end".to_string()),
                    Just("room".to_string()),
                    Just("track".to_string()),
                    Just("speakers".to_string()),
                    Just("v".to_string()),
                    Just("entries".to_string()),
                    "[a-z]{1,6}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A field value: usually a plausible one, sometimes anything at all.
fn field(plausible: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![
        9 => prop::sample::select(plausible).prop_map(Value::from),
        1 => arb_json(),
    ]
}

/// A session-shaped object whose fields are often valid, sometimes not.
fn arb_session() -> impl Strategy<Value = Value> {
    const TIMES: &[&str] = &[
        "2017-10-26T09:00:00+02:00",
        "2017-10-26T10:30:00+02:00",
        "2017-10-26T11:00:00Z",
        "2017-10-27T09:00:00-05:00",
        "2017-10-26T09:00:00",
        "9999-12-31T23:59:59+14:00",
    ];
    (
        field(&["s1", "s2", "s3", "s4", "s 5/é"]),
        field(&["Title", "Title", "  ", "<b>x</b>"]),
        field(TIMES),
        field(TIMES),
        field(&["r", "r", "r", "nope"]),
        field(&["t", "t", "t", "nope"]),
        prop_oneof![Just(json!(["a"])), Just(json!([])), arb_json()],
    )
        .prop_map(|(id, title, start, end, room, track, speakers)| {
            json!({"id": id, "title": title, "start": start, "end": end,
                   "room": room, "track": track, "speakers": speakers})
        })
}

/// JSON shaped like a schedule, with arbitrary values in its fields.
fn arb_schedule_like() -> impl Strategy<Value = Value> {
    (
        arb_json(),
        prop_oneof![
            3 => Just(vec![json!({"id": "t", "name": "T"})]),
            1 => prop::collection::vec(arb_json(), 0..4)
        ],
        prop_oneof![
            3 => Just(vec![json!({"id": "r", "name": "R"})]),
            1 => prop::collection::vec(arb_json(), 0..4)
        ],
        prop::collection::vec(prop_oneof![4 => arb_session(), 1 => arb_json()], 0..8),
    )
        .prop_map(|(conf, tracks, rooms, sessions)| {
            json!({
                "version": 1,
                "conference": {"id": "c", "title": "C", "extra": conf},
                "tracks": tracks,
                "rooms": rooms,
                "speakers": [{"id": "a", "name": "A"}],
                "sessions": sessions,
            })
        })
}

const BUDGET: Duration = Duration::from_secs(2);

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let t = Instant::now();
        let _ = parse_schedule(&text);
        let _ = Agenda::from_json(&text);
        let _ = parse_query(&text);
        prop_assert!(t.elapsed() < BUDGET);
    }

    #[test]
    fn arbitrary_json_never_panics(value in arb_json()) {
        let text = value.to_string();
        let _ = parse_schedule(&text);
        let _ = Agenda::from_json(&text);
    }

    #[test]
    fn schedule_shaped_json_validates_without_panic(value in arb_schedule_like()) {
        let text = value.to_string();
        let t = Instant::now();
        if let Ok(schedule) = parse_schedule(&text) {
            // Whatever survives validation is usable by every view.
            for s in &schedule.sessions {
                prop_assert!(s.end >= s.start);
                prop_assert!(!s.title.trim().is_empty());
            }
            let all = Filter::default().apply(&schedule, &[]);
            prop_assert_eq!(all.len(), schedule.sessions.len());
        }
        prop_assert!(t.elapsed() < BUDGET);
    }
}

/// The property above only checks schedules that validate: make sure the
/// generator really produces some, so its body cannot silently never run.
#[test]
fn the_schedule_generator_produces_valid_schedules() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = arb_schedule_like();
    let (mut valid, total) = (0, 200);
    for _ in 0..total {
        let value = strategy.new_tree(&mut runner).unwrap().current();
        if parse_schedule(&value.to_string()).is_ok_and(|s| !s.sessions.is_empty()) {
            valid += 1;
        }
    }
    assert!(
        valid * 10 >= total,
        "only {valid} of {total} generated schedules validate"
    );
}

#[test]
fn hostile_corpus_is_rejected_or_survives_cleanly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("corpus directory") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let t = Instant::now();
        let result = parse_schedule(&text);
        assert!(
            t.elapsed() < BUDGET,
            "{} took {:?}",
            path.display(),
            t.elapsed()
        );
        if let Ok(s) = result {
            assert!(s
                .sessions
                .iter()
                .all(|x| x.url.as_deref().is_none_or(|u| u.starts_with("http"))));
        }
        seen += 1;
    }
    assert!(seen >= 5, "corpus has {seen} files");
}

#[test]
fn fifty_megabytes_of_nested_arrays_is_refused_quickly() {
    let text = "[".repeat(50 * 1024 * 1024);
    let t = Instant::now();
    let err = parse_schedule(&text).expect_err("refused");
    assert!(err.to_string().contains("bytes"), "{err}");
    assert!(t.elapsed() < BUDGET);
    // Just under the size limit, the nesting limit refuses it at its 129th level.
    let text = "[".repeat(10 * 1024 * 1024);
    let t = Instant::now();
    let err = parse_schedule(&text).expect_err("refused");
    assert!(
        err.to_string()
            .contains("more than 128 levels deep (at byte 128)"),
        "{err}"
    );
    assert!(t.elapsed() < BUDGET);
    // The same through format detection (the app's and the build's way in).
    let err = schedule_viewer::model::import::parse_any(&text).expect_err("refused");
    assert!(err.to_string().contains("levels deep"), "{err}");
    // Brackets inside strings are text, not nesting.
    let deep_text = format!(
        r#"{{"version":1,"conference":{{"id":"c","title":"{}"}},"sessions":[]}}"#,
        "[".repeat(1000)
    );
    let err = parse_schedule(&deep_text).expect_err("no sessions");
    assert!(!err.to_string().contains("levels deep"), "{err}");
}
