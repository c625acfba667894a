//! Property tests: the schedule parser and validator, and the stored-agenda
//! reader, take arbitrary bytes and arbitrary JSON without panicking, in
//! bounded time. Also runs the small corpus of hostile files in
//! `tests/data/hostile/`. `PROPTEST_CASES` sets the budget (default 256).

use std::time::{Duration, Instant};

use proptest::prelude::*;
use schedule_viewer::model::agenda::Agenda;
use schedule_viewer::model::filter::{parse_query, Filter};
use schedule_viewer::model::import::parse_any as parse_schedule;
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

/// JSON shaped like a schedule, with arbitrary values in its fields.
fn arb_schedule_like() -> impl Strategy<Value = Value> {
    (
        arb_json(),
        prop::collection::vec(arb_json(), 0..4),
        prop::collection::vec(arb_json(), 0..4),
        prop::collection::vec(arb_json(), 0..8),
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
            let all = Filter::default().apply(&schedule);
            prop_assert_eq!(all.len(), schedule.sessions.len());
        }
        prop_assert!(t.elapsed() < BUDGET);
    }
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
    let err = parse_schedule(&text).err().expect("refused");
    assert!(err.to_string().contains("bytes"), "{err}");
    assert!(t.elapsed() < BUDGET);
    // Just under the limit, nesting is stopped by serde_json's depth limit.
    let text = "[".repeat(10 * 1024 * 1024);
    let t = Instant::now();
    assert!(parse_schedule(&text).is_err());
    assert!(t.elapsed() < BUDGET);
}
