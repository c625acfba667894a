//! Writes a synthetic conference to stdout (see benches/synth.rs).
//! `cargo run --release --example synth -- <sessions> [ours|frab] [seed]`

#[path = "../benches/synth.rs"]
mod synth;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let sessions: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(2017);
    let text = match args.get(2).map(String::as_str) {
        Some("frab") => synth::frab(sessions, seed),
        _ => synth::ours(sessions, seed),
    };
    print!("{text}");
}
