//! Generated libraries shared by the benchmarks.

use std::time::Duration;

use serde_json::json;
use versus_core::content::{parse_library, Library};

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// A library of `n` generated comparisons shaped like real ones (20 items each).
pub fn generated_library(n: usize) -> Library {
    let items = |prefix: &str, count: usize, i: usize| -> Vec<serde_json::Value> {
        (0..count)
            .map(|k| {
                json!({"id": format!("{prefix}-{k}"),
                       "text": format!("Generated {prefix} {k} of comparison {i}: a sentence long enough to look like real content about queues and servers.")})
            })
            .collect()
    };
    let files: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| {
            let id = format!("generated-{i}");
            let value = json!({
                "id": id, "title": format!("Generated {i}"), "category": "Compute",
                "summary": "A generated comparison for the benchmark.",
                "subjects": [
                    {"id": "alpha", "name": "Alpha", "category": "Compute", "description": "The first generated subject, described in one sentence."},
                    {"id": "beta", "name": "Beta", "category": "Compute", "description": "The second generated subject, described in one sentence."}
                ],
                "differences": items("difference", 6, i),
                "when_to_use": [{"subject": "alpha", "text": "Use Alpha when the generated case calls for it."}, {"subject": "beta", "text": "Use Beta when the other generated case calls for it."}],
                "tradeoffs": items("tradeoff", 4, i), "mistakes": items("mistake", 4, i),
                "interview_tip": "Alpha for one case, Beta for the other.", "tags": ["aws", "compute"],
                // The trust fields every shipped comparison has, shaped like theirs.
                "checked": "2026-12-01",
                "sources": [
                    {"title": "Alpha documentation", "url": "https://docs.example.com/alpha"},
                    {"title": "Beta documentation", "url": "https://docs.example.com/beta"}
                ],
                "dimensions": (0..6).map(|k| json!({"id": format!("row-{k}"), "label": format!("Row {k}"),
                    "values": {"alpha": format!("First value {k}"), "beta": format!("Second value {k}")}})).collect::<Vec<_>>(),
                "scenarios": (0..4).map(|k| json!({"id": format!("situation-{k}"),
                    "text": format!("A generated situation {k} of comparison {i}, described without naming either side."),
                    "answer": if k % 2 == 0 { "alpha" } else { "beta" }, "because": format!("difference-{k}")})).collect::<Vec<_>>()
            });
            let mut value = value;
            value["subjects"][0]["key"] = json!("generated-alpha");
            value["subjects"][1]["key"] = json!("generated-beta");
            (format!("compute/{id}.json"), serde_json::to_vec(&value).expect("json"))
        })
        .collect();
    parse_library(files.iter().map(|(name, bytes)| (name.clone(), bytes.as_slice()))).expect("valid")
}
