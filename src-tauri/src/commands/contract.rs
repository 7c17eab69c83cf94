//! Every command, called the way a broken or hostile page could call it
//! (wrong types, missing or null arguments, numbers out of range, a 20 MB
//! string, deep nesting), answers within 2 s, never panics, and when it
//! refuses, refuses with the typed `{code, message}` the UI reads.

use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow};

use super::AppState;

const ANSWER_WITHIN: Duration = Duration::from_secs(2);

/// Every command the UI can call, with a well-formed value for each argument.
fn commands() -> Vec<(&'static str, Vec<(&'static str, Value)>)> {
    let context = json!({ "utcOffsetMinutes": 60, "desiredRetention": 0.9, "newPerDay": 20 });
    let note = || {
        vec![
            ("comparisonId", json!("ec2-vs-lambda")),
            ("section", json!("tradeoff")),
            ("itemId", json!("flexibility-vs-ops")),
        ]
    };
    let draft =
        json!({ "title": "Kafka vs Pulsar", "subjects": [{ "name": "Kafka" }, { "name": "Pulsar" }] });
    let with = |mut base: Vec<(&'static str, Value)>, more: Vec<(&'static str, Value)>| {
        base.extend(more);
        base
    };
    vec![
        ("app_status", vec![]),
        ("first_view_ready", vec![("marks", json!([["page", 1.0]]))]),
        ("list_comparisons", vec![]),
        ("categories", vec![]),
        ("get_comparison", vec![("id", json!("ec2-vs-lambda"))]),
        ("record_view", vec![("id", json!("ec2-vs-lambda"))]),
        ("dashboard", vec![("context", context.clone())]),
        (
            "search",
            vec![
                ("query", json!("lambda")),
                ("category", json!(null)),
                ("notesOnly", json!(false)),
                ("limit", json!(30)),
            ],
        ),
        ("render_markdown", vec![("text", json!("**bold**"))]),
        ("save_note", with(note(), vec![("body", json!("a note"))])),
        ("note_history", note()),
        ("restore_note_version", with(note(), vec![("versionId", json!(1))])),
        ("archived_notes", vec![]),
        ("list_backups", vec![]),
        (
            "review_queue",
            vec![
                ("scope", json!({ "kind": "all" })),
                ("context", context.clone()),
                ("newCards", json!("within_daily_limit")),
            ],
        ),
        ("grade_card", vec![("cardId", json!(1)), ("grade", json!(3)), ("context", context.clone())]),
        ("suspend_card", vec![("cardId", json!(1)), ("suspended", json!(true))]),
        ("preview_grades", vec![("cardId", json!(1)), ("context", context.clone())]),
        (
            "practice_queue",
            vec![
                ("scope", json!({ "kind": "all" })),
                ("context", context.clone()),
                ("newCards", json!("within_daily_limit")),
            ],
        ),
        ("pair_practice", vec![("first", json!("aws-lambda")), ("second", json!("amazon-ec2"))]),
        (
            "answer_scenario",
            vec![
                ("cardId", json!(1)),
                ("chosen", json!("aws-lambda")),
                ("easy", json!(false)),
                ("context", context.clone()),
            ],
        ),
        ("confusions", vec![]),
        (
            "cram_queue",
            vec![
                ("scope", json!({ "kind": "comparison", "value": "ec2-vs-lambda" })),
                ("context", context.clone()),
            ],
        ),
        ("cram_answer", vec![("cardId", json!(1)), ("grade", json!(3)), ("context", context.clone())]),
        (
            "cram_scenario",
            vec![("cardId", json!(1)), ("chosen", json!("aws-lambda")), ("context", context.clone())],
        ),
        ("list_cards", vec![("filter", json!({ "limit": 50 }))]),
        ("suspend_cards", vec![("cardIds", json!([1, 2])), ("suspended", json!(true))]),
        ("card_history", vec![("cardId", json!(1))]),
        ("optimize_schedule", vec![]),
        ("optimizer_progress", vec![]),
        ("cancel_optimize", vec![]),
        (
            "adopt_schedule",
            vec![("parameters", json!([1.0])), ("fit", json!({ "logLoss": 0.3, "rmse": 0.05 }))],
        ),
        ("reset_schedule", vec![]),
        ("schedule_parameters", vec![]),
        ("readiness", vec![("date", json!("2099-01-15")), ("context", context.clone())]),
        ("gap_session", vec![("date", json!("2099-01-15")), ("context", context.clone())]),
        ("create_card", with(note(), vec![("front", json!("q")), ("back", json!("a"))])),
        ("comparison_progress", vec![]),
        (
            "save_drill",
            vec![
                (
                    "drill",
                    json!({ "comparisonId": "ec2-vs-lambda", "startedAt": 0, "secondsUsed": 10, "answer": "x", "grade": null }),
                ),
                ("context", context.clone()),
            ],
        ),
        ("grade_drill", vec![("drillId", json!(1)), ("grade", json!(3)), ("context", context.clone())]),
        ("list_drills", vec![]),
        ("open_link", vec![("url", json!("not a web address"))]),
        ("create_draft", vec![("document", draft.clone())]),
        ("save_draft", vec![("id", json!(1)), ("document", draft.clone())]),
        ("check_draft", vec![("document", draft)]),
        ("get_draft", vec![("id", json!(1))]),
        ("list_drafts", vec![]),
        ("discard_draft", vec![("id", json!(2))]),
        ("edit_comparison", vec![("id", json!("ec2-vs-lambda"))]),
        ("copy_comparison", vec![("id", json!("ec2-vs-lambda"))]),
        ("publish_draft", vec![("id", json!(1))]),
        ("archive_comparison", vec![("id", json!("ec2-vs-lambda"))]),
        ("restore_comparison", vec![("id", json!("ec2-vs-lambda"))]),
        ("delete_comparison", vec![("id", json!("ec2-vs-lambda"))]),
        ("archived_comparisons", vec![]),
        ("pending_packs", vec![]),
        ("list_packs", vec![]),
        ("remove_pack", vec![("id", json!("acme-platform"))]),
        ("sync_status", vec![]),
        ("sync_settings", vec![("context", context), ("started", json!(true))]),
        ("sync_now", vec![]),
        ("stop_sync", vec![]),
    ]
}

/// Values no argument of any command takes as they are.
fn hostile_values() -> Vec<Value> {
    // As deep as a page can send: the IPC's JSON parser stops at 128 levels.
    let mut deep = json!(0);
    for _ in 0..120 {
        deep = json!([deep]);
    }
    vec![
        json!(null),
        json!("text"),
        json!(12),
        json!(-1),
        json!(i32::MIN),
        json!(i64::MAX),
        json!(u64::MAX),
        json!(1e308),
        json!(true),
        json!([]),
        json!({}),
        json!({ "kind": "comparison", "value": 7 }),
        json!("x".repeat(20 * 1024 * 1024)),
        json!("\u{fffd}\u{0}\u{202e}"),
        deep,
    ]
}

fn mock_app(dir: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = mock_builder()
        .plugin(tauri_plugin_store::Builder::default().build())
        .manage(crate::window::CloseGate::default())
        .manage(AppState::open_in_background(dir.to_path_buf(), None))
        .invoke_handler(super::handler())
        .build(mock_context(noop_assets()))
        .expect("the mock app builds");
    let webview =
        tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("a window");
    (app, webview)
}

/// Calls `command` with `args`; the answer, or a failure if none came in time.
fn call(
    webview: &WebviewWindow<MockRuntime>,
    command: &str,
    args: Value,
) -> Result<Result<Value, Value>, String> {
    let request = InvokeRequest {
        cmd: command.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    let (tx, rx) = mpsc::channel();
    let webview = webview.clone();
    std::thread::spawn(move || {
        let answer = get_ipc_response(&webview, request)
            .map(|body| body.deserialize::<Value>().unwrap_or(Value::Null));
        let _ = tx.send(answer);
    });
    rx.recv_timeout(ANSWER_WITHIN).map_err(|_| format!("{command} did not answer within {ANSWER_WITHIN:?}"))
}

fn is_typed(error: &Value) -> bool {
    error.get("code").is_some_and(Value::is_string) && error.get("message").is_some_and(Value::is_string)
}

#[test]
fn every_command_answers_malformed_arguments_with_a_typed_error_in_time() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (app, webview) = mock_app(dir.path());
    // The store opens in the background; let it finish so timings are the commands' own.
    let state = app.state::<AppState>();
    tauri::async_runtime::block_on(state.with_opened(|_| ())).expect("the store opened");

    let mut failures = Vec::new();
    for (command, args) in commands() {
        let good: serde_json::Map<String, Value> =
            args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let mut calls = vec![(String::from("no arguments"), json!({}))];
        for (key, _) in &args {
            for bad in hostile_values() {
                let mut body = good.clone();
                body.insert(key.to_string(), bad.clone());
                let shown = bad.to_string().chars().take(40).collect::<String>();
                calls.push((format!("{key} = {shown}"), Value::Object(body)));
            }
            let mut missing = good.clone();
            missing.remove(*key);
            calls.push((format!("without {key}"), Value::Object(missing)));
        }
        for (what, body) in calls {
            match call(&webview, command, body) {
                Err(timeout) => failures.push(format!("{timeout} ({what})")),
                Ok(Err(error)) if !is_typed(&error) => {
                    let shown = error.to_string().chars().take(120).collect::<String>();
                    failures.push(format!("{command} ({what}) rejected with an untyped {shown}"));
                }
                Ok(_) => {}
            }
        }
    }
    assert!(failures.is_empty(), "{} bad answers:\n{}", failures.len(), failures.join("\n"));
}
