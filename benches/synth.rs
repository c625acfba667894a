//! Deterministic synthetic conferences for the benchmarks: sessions, days,
//! rooms, tracks and speakers, realistic titles and ~300-character abstracts,
//! in our format or as a frab schedule.json. Same size, same bytes, every run.

use std::fmt::Write;

/// A small, fast, deterministic PRNG (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ADJ: &[&str] = &[
    "Scalable",
    "Resilient",
    "Practical",
    "Secure",
    "Observable",
    "Serverless",
    "Distributed",
    "Declarative",
    "Incremental",
    "Reactive",
    "Zero-Downtime",
    "Cloud-Native",
    "Efficient",
    "Modern",
    "Portable",
    "Type-Safe",
    "Real-Time",
    "Federated",
    "Immutable",
    "Lightweight",
];
const NOUN: &[&str] = &[
    "Schedulers",
    "Containers",
    "Pipelines",
    "Databases",
    "Service Meshes",
    "Build Systems",
    "Compilers",
    "Networks",
    "Data Lakes",
    "Operators",
    "Runtimes",
    "Caches",
    "Queues",
    "Storage Layers",
    "Edge Functions",
    "APIs",
    "Dashboards",
    "Clusters",
    "Workflows",
    "Agents",
];
const TAIL: &[&str] = &[
    "in Production",
    "at Scale",
    "Without Tears",
    "for Everyone",
    "the Hard Way",
    "on a Budget",
    "from Scratch",
    "in 30 Minutes",
    "Done Right",
    "Lessons Learned",
];
const FIRST: &[&str] = &[
    "Ana", "Ben", "Chen", "Dara", "Emil", "Fatima", "Goran", "Hana", "Ivan", "Jörg", "Kemal",
    "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomoko", "Ugo", "Vera",
    "Wei", "Ximena", "Yusuf", "Zofia", "Ádám", "Łukasz",
];
const LAST: &[&str] = &[
    "Novák",
    "Schmidt",
    "García",
    "Kowalski",
    "Okafor",
    "Tanaka",
    "Rossi",
    "Dubois",
    "Larsen",
    "Silva",
    "Ivanova",
    "Nakamura",
    "Müller",
    "Andersson",
    "Haddad",
    "Fischer",
    "Moreau",
    "Costa",
    "Yilmaz",
    "Horvat",
];
const COMPANY: &[&str] = &[
    "Acme",
    "Initech",
    "Globex",
    "Umbrella Labs",
    "Hooli",
    "Stark Industries",
    "Wayne Tech",
    "Cyberdyne",
    "Tyrell",
    "Soylent",
    "Aperture",
    "Black Mesa",
];
const WORDS: &[&str] = &[
    "latency",
    "throughput",
    "deploy",
    "rollback",
    "observability",
    "kubernetes",
    "mesos",
    "scheduling",
    "tenancy",
    "isolation",
    "failure",
    "recovery",
    "benchmark",
    "migration",
    "security",
    "compliance",
    "metrics",
    "tracing",
    "logging",
    "automation",
    "capacity",
    "storage",
    "network",
    "consensus",
    "replication",
    "sharding",
    "caching",
    "streaming",
];
const TRACKS: &[&str] = &[
    "Operations",
    "Development",
    "Security",
    "Data",
    "Community",
    "Research",
    "Hardware",
    "Keynotes",
];

pub struct Synth {
    pub days: usize,
    pub rooms: usize,
    pub speakers: usize,
}

pub fn shape(sessions: usize) -> Synth {
    let days = match sessions {
        0..=50 => 2,
        51..=2000 => 4,
        _ => 5,
    };
    let per_day = sessions.div_ceil(days);
    // About eleven 40-minute slots a day.
    let rooms = per_day.div_ceil(11).max(1);
    Synth {
        days,
        rooms,
        speakers: (sessions * 2 / 3).max(1),
    }
}

fn abstract_text(rng: &mut Rng) -> String {
    let mut s = String::with_capacity(320);
    while s.len() < 300 {
        if !s.is_empty() {
            s.push(' ');
        }
        let n = 6 + rng.below(8);
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(rng.pick(WORDS));
        }
        s.push('.');
    }
    s
}

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Planned {
    id: String,
    title: String,
    day: usize,
    start_minutes: usize,
    minutes: usize,
    room: usize,
    track: usize,
    speakers: Vec<usize>,
    abstract_text: String,
}

/// A speaker: name and optional affiliation.
type Person = (String, Option<String>);

fn plan(sessions: usize, seed: u64) -> (Synth, Vec<Person>, Vec<Planned>) {
    let shape = shape(sessions);
    let mut rng = Rng::new(seed);
    let speakers: Vec<Person> = (0..shape.speakers)
        .map(|_| {
            let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
            let company = (rng.below(3) > 0).then(|| rng.pick(COMPANY).to_string());
            (name, company)
        })
        .collect();
    let mut planned = Vec::with_capacity(sessions);
    for n in 0..sessions {
        let day = n % shape.days;
        let slot = n / shape.days / shape.rooms;
        let room = (n / shape.days) % shape.rooms;
        let minutes = [25, 40, 40, 40, 55, 85][rng.below(6)];
        let title = format!("{} {} {}", rng.pick(ADJ), rng.pick(NOUN), rng.pick(TAIL));
        let k = 1 + usize::from(rng.below(4) == 0);
        let speakers_of = (0..k).map(|_| rng.below(shape.speakers)).collect();
        planned.push(Planned {
            id: format!("s{n:05}"),
            title,
            day,
            start_minutes: 9 * 60 + (slot % 12) * 50,
            minutes,
            room,
            track: rng.below(TRACKS.len()),
            speakers: speakers_of,
            abstract_text: abstract_text(&mut rng),
        });
    }
    (shape, speakers, planned)
}

fn time(day: usize, minutes: usize) -> String {
    let total = minutes;
    format!(
        "2030-06-{:02}T{:02}:{:02}:00+02:00",
        10 + day + total / (24 * 60),
        (total / 60) % 24,
        total % 60
    )
}

/// A conference of `sessions` sessions in our format (version 1).
pub fn ours(sessions: usize, seed: u64) -> String {
    let (shape, speakers, planned) = plan(sessions, seed);
    let mut out = String::with_capacity(sessions * 600);
    out.push_str(&format!(
        "{{\"version\":1,\"conference\":{{\"id\":\"synth-{sessions}\",\"title\":\"Synthetic Conference ({sessions} sessions)\",\"location\":\"Nowhere\",\"time_zone\":\"Europe/Prague\"}},\n\"tracks\":["
    ));
    for (i, t) in TRACKS.iter().enumerate() {
        let _ = write!(
            out,
            "{}{{\"id\":\"t{i}\",\"name\":{},\"color\":\"#{:06x}\"}}",
            if i > 0 { "," } else { "" },
            json_str(t),
            (i * 0x1f3d5b + 0x204080) & 0xffffff
        );
    }
    out.push_str("],\n\"rooms\":[");
    for r in 0..shape.rooms {
        let _ = write!(
            out,
            "{}{{\"id\":\"r{r}\",\"name\":\"Room {}\"}}",
            if r > 0 { "," } else { "" },
            r + 1
        );
    }
    out.push_str("],\n\"speakers\":[");
    for (i, (name, company)) in speakers.iter().enumerate() {
        let _ = write!(
            out,
            "{}{{\"id\":\"p{i}\",\"name\":{},\"affiliation\":{}}}",
            if i > 0 { ",\n" } else { "" },
            json_str(name),
            company
                .as_deref()
                .map(json_str)
                .unwrap_or_else(|| "null".into())
        );
    }
    out.push_str("],\n\"sessions\":[");
    for (n, s) in planned.iter().enumerate() {
        let speakers: Vec<String> = s.speakers.iter().map(|p| format!("\"p{p}\"")).collect();
        let _ = write!(
            out,
            "{}{{\"id\":\"{}\",\"title\":{},\"type\":\"talk\",\"start\":\"{}\",\"end\":\"{}\",\"room\":\"r{}\",\"track\":\"t{}\",\"speakers\":[{}],\"abstract\":{}}}",
            if n > 0 { ",\n" } else { "" },
            s.id,
            json_str(&s.title),
            time(s.day, s.start_minutes),
            time(s.day, s.start_minutes + s.minutes),
            s.room,
            s.track,
            speakers.join(","),
            json_str(&s.abstract_text)
        );
    }
    out.push_str("]}\n");
    out
}

/// The same conference as a frab schedule.json.
pub fn frab(sessions: usize, seed: u64) -> String {
    let (shape, speakers, planned) = plan(sessions, seed);
    let mut out = String::with_capacity(sessions * 700);
    let _ = write!(
        out,
        "{{\"schedule\":{{\"version\":\"synth\",\"conference\":{{\"acronym\":\"synth-{sessions}\",\"title\":\"Synthetic Conference ({sessions} sessions)\",\"time_zone_name\":\"Europe/Prague\",\"days\":["
    );
    for d in 0..shape.days {
        let _ = write!(
            out,
            "{}{{\"index\":{},\"date\":\"2030-06-{:02}\",\"rooms\":{{",
            if d > 0 { "," } else { "" },
            d + 1,
            10 + d
        );
        for r in 0..shape.rooms {
            let _ = write!(out, "{}\"Room {}\":[", if r > 0 { "," } else { "" }, r + 1);
            let mut first = true;
            for s in planned.iter().filter(|s| s.day == d && s.room == r) {
                let persons: Vec<String> = s
                    .speakers
                    .iter()
                    .map(|&p| {
                        format!(
                            "{{\"id\":{p},\"public_name\":{}}}",
                            json_str(&speakers[p].0)
                        )
                    })
                    .collect();
                let _ = write!(
                    out,
                    "{}{{\"guid\":\"{}\",\"id\":{},\"date\":\"{}\",\"start\":\"{:02}:{:02}\",\"duration\":\"{}:{:02}\",\"room\":\"Room {}\",\"title\":{},\"subtitle\":\"\",\"track\":{},\"type\":\"lecture\",\"abstract\":{},\"description\":\"\",\"persons\":[{}],\"links\":[]}}",
                    if first { "" } else { "," },
                    s.id,
                    &s.id[1..].trim_start_matches('0').parse::<usize>().unwrap_or(0),
                    time(s.day, s.start_minutes),
                    s.start_minutes / 60,
                    s.start_minutes % 60,
                    s.minutes / 60,
                    s.minutes % 60,
                    r + 1,
                    json_str(&s.title),
                    json_str(TRACKS[s.track]),
                    json_str(&s.abstract_text),
                    persons.join(",")
                );
                first = false;
            }
            out.push(']');
        }
        out.push_str("}}");
    }
    out.push_str("]}}}\n");
    out
}
