//! Native micro-benchmarks of the pure core at 25, 1,000 and 10,000 sessions:
//! parse + validate (ours and frab), filter by track, speaker, text and
//! "Only what I follow", and agenda clash detection. Median of repeated runs; prints a markdown table
//! and writes bench/results/core.json. Run: `cargo bench --bench core`;
//! `BENCH_LANG=de` reads in that language (`public/lang/de.json`) and writes
//! `core-de.json`.

mod synth;

use std::hint::black_box;
use std::time::{Duration, Instant};

use schedule_viewer::model::catalogue::read_catalogue;
use schedule_viewer::model::filter::Filter;
use schedule_viewer::model::follow::{FollowKind, Followed};
use schedule_viewer::model::import::parse_any;
use schedule_viewer::model::plan::clash_groups;
use schedule_viewer::model::words::{self, Lang};

fn median(mut f: impl FnMut(), budget: Duration) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed() < budget && times.len() < 2000) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.1} µs")
    } else {
        format!("{:.2} ms", us / 1000.0)
    }
}

fn main() {
    let budget = Duration::from_millis(
        std::env::var("BENCH_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1500),
    );
    let lang = speak_bench_language();
    let mut rows = Vec::new();
    let mut json = Vec::new();
    for &n in &[25usize, 1000, 10_000] {
        let ours = synth::ours(n, 2017);
        let frab = synth::frab(n, 2017);
        let schedule = parse_any(&ours).expect("synthetic schedule parses");
        assert_eq!(schedule.sessions.len(), n);
        assert_eq!(parse_any(&frab).expect("frab parses").sessions.len(), n);
        let parse_ours = median(|| drop(black_box(parse_any(black_box(&ours)))), budget);
        let parse_frab = median(|| drop(black_box(parse_any(black_box(&frab)))), budget);
        let by_track = Filter {
            tracks: vec!["t2".into()],
            ..Filter::default()
        };
        let track = median(|| drop(black_box(by_track.apply(&schedule, &[]))), budget);
        let by_speaker = Filter {
            speaker: Some("p7".into()),
            ..Filter::default()
        };
        let speaker = median(|| drop(black_box(by_speaker.apply(&schedule, &[]))), budget);
        // "Only what I follow": a track, a speaker and a room.
        let following = Filter {
            following: true,
            ..Filter::default()
        };
        let follows = [
            Followed::new(FollowKind::Track, "t3"),
            Followed::new(FollowKind::Speaker, "p7"),
            Followed::new(FollowKind::Room, &schedule.rooms[0].id),
        ];
        assert!(!following.apply(&schedule, &follows).is_empty());
        let followed = median(
            || drop(black_box(following.apply(&schedule, &follows))),
            budget,
        );
        let queries = [
            "latency",
            "sec",
            "resilient pipelines",
            "zzzz-no-match",
            "müller",
        ];
        let text = queries
            .iter()
            .map(|q| {
                let f = Filter {
                    text: q.to_string(),
                    ..Filter::default()
                };
                median(|| drop(black_box(f.apply(&schedule, &[]))), budget / 5)
            })
            .max()
            .unwrap();
        // An agenda of every tenth session.
        let starred: Vec<usize> = (0..n).step_by(10).collect();
        let clashes = median(
            || drop(black_box(clash_groups(&schedule, &starred))),
            budget,
        );
        rows.push(format!(
            "| {n} | {} KB | {} | {} | {} | {} | {} | {} | {} |",
            ours.len() / 1024,
            fmt(parse_ours),
            fmt(parse_frab),
            fmt(track),
            fmt(speaker),
            fmt(text),
            fmt(followed),
            fmt(clashes)
        ));
        json.push(format!(
            "{{\"sessions\":{n},\"bytes\":{},\"parse_ours_us\":{:.1},\"parse_frab_us\":{:.1},\"filter_track_us\":{:.1},\"filter_speaker_us\":{:.1},\"filter_text_worst_us\":{:.1},\"filter_following_us\":{:.1},\"clashes_us\":{:.1}}}",
            ours.len(),
            parse_ours.as_secs_f64() * 1e6,
            parse_frab.as_secs_f64() * 1e6,
            track.as_secs_f64() * 1e6,
            speaker.as_secs_f64() * 1e6,
            text.as_secs_f64() * 1e6,
            followed.as_secs_f64() * 1e6,
            clashes.as_secs_f64() * 1e6
        ));
    }
    let table = format!(
        "| sessions | file | parse + validate (ours) | parse + validate (frab) | filter: track | filter: speaker | filter: text (worst of 5 queries) | filter: only what I follow (a track, a speaker, a room) | clashes (10% starred) |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n{}\n",
        rows.join("\n")
    );
    println!("{table}");
    let _ = std::fs::create_dir_all("bench/results");
    let suffix = if lang.is_source() {
        String::new()
    } else {
        format!("-{}", lang.code)
    };
    let _ = std::fs::write(format!("bench/results/core{suffix}.md"), &table);
    let _ = std::fs::write(
        format!("bench/results/core{suffix}.json"),
        format!("[{}]\n", json.join(",\n")),
    );
}

/// The language `BENCH_LANG` names (its catalogue read from `public/lang/`),
/// spoken for the run; English without it.
fn speak_bench_language() -> &'static Lang {
    let Ok(code) = std::env::var("BENCH_LANG") else {
        return words::english();
    };
    let lang = Lang::of(&code)
        .unwrap_or_else(|| panic!("BENCH_LANG={code}: not a language of the interface"));
    let catalogue = (!lang.is_source()).then(|| {
        let text =
            std::fs::read_to_string(format!("public/{}", lang.file())).expect("the catalogue");
        read_catalogue(&text).expect("a readable catalogue")
    });
    words::speak(lang, catalogue);
    println!("in {} ({})", lang.name, lang.code);
    lang
}
