//! Markdown rendering benchmark: prints figures, asserts nothing. Run with
//! `cargo bench -p versus-core --bench markdown`. Each note is rendered and
//! sanitized exactly as the app does it for a preview; the adversarial notes
//! are 1 MiB, the largest note Versus accepts.

use std::time::{Duration, Instant};

use versus_core::markdown::render;
use versus_core::notes::MAX_NOTE_BYTES;

/// `unit` repeated to fill a 1 MiB note.
fn fill(unit: &str) -> String {
    unit.repeat(MAX_NOTE_BYTES / unit.len())
}

fn main() {
    let typical = "## Cold starts\n\nLambda **cold starts** hurt p99 latency for *Java* more than for Node.\n\n\
                   - Provisioned concurrency removes them, at a price.\n- SnapStart for Java.\n\n\
                   > Interview: name the tradeoff, then the fix.\n\n[docs](https://docs.aws.amazon.com/lambda/)\n\n"
        .repeat(8);
    let links: String = (0..50_000).map(|i| format!("[l{i}](https://e.x/{i}) ")).collect();
    let notes: Vec<(&str, String)> = vec![
        ("typical note (2 KB)", typical[..2048.min(typical.len())].to_string()),
        ("deep quotes (1 MiB of >)", fill(">")),
        ("deep quotes with text (> a, nested)", format!("{}deep", fill("> "))),
        (
            "deep lists (1 MiB, indented)",
            (0..)
                .map(|i| format!("{}- x\n", " ".repeat(i % 2_000)))
                .take_while({
                    let mut total = 0;
                    move |line: &String| {
                        total += line.len();
                        total < MAX_NOTE_BYTES
                    }
                })
                .collect(),
        ),
        ("deep emphasis (1 MiB of *)", fill("*")),
        ("nested emphasis (*_ pairs)", fill("*_")),
        ("a megabyte of [", fill("[")),
        ("runs of backticks", fill("`` ` ")),
        ("50,000 links", links),
    ];
    println!("{:<40} {:>10} {:>10} {:>10}", "note", "min", "p50", "max");
    for (name, note) in notes {
        let runs = if note.len() < 10_000 { 200 } else { 5 };
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let html = render(&note);
                let took = start.elapsed();
                std::hint::black_box(html);
                took
            })
            .collect();
        times.sort();
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        println!("{:<40} {:>10} {:>10} {:>10}", name, ms(times[0]), ms(times[runs / 2]), ms(times[runs - 1]));
    }
}
