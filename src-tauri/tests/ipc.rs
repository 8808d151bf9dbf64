//! The shell's commands, called through Tauri's IPC on the mock runtime with
//! the app's real configuration and capabilities.

use serde_json::{json, Value};
use std::path::Path;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow};

fn app(db: &Path) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = breathing_room::app_builder(mock_builder(), Some(db.to_path_buf()))
        .build(tauri::generate_context!())
        .expect("the app builds on the mock runtime");
    // The mock runtime does not open the configured window; open it by label
    // so the capability for "main" applies.
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the main window opens");
    (app, window)
}

fn invoke(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

#[test]
fn a_page_written_through_the_ui_commands_is_read_listed_and_found() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));

    let today = invoke(&w, "today", json!({})).unwrap();
    let today = today.as_str().unwrap().to_string();
    assert_eq!(today.len(), 10, "today is YYYY-MM-DD: {today}");

    let empty = invoke(&w, "get_page", json!({ "date": today })).unwrap();
    assert_eq!(empty["body"], "");
    assert_eq!(empty["words"], 0);
    assert_eq!(empty["created_at"], Value::Null);

    let body = "Walked by the river instead of texting. Felt steadier after.";
    let saved = invoke(
        &w,
        "save_page",
        json!({ "date": today, "body": body, "mood": 4 }),
    )
    .unwrap();
    assert_eq!(saved["page"]["words"], 10);
    assert_eq!(saved["page"]["mood"], 4);
    assert_eq!(saved["replaced_elsewhere"], Value::Null);

    let again = invoke(&w, "get_page", json!({ "date": today })).unwrap();
    assert_eq!(again["body"], body);

    let listed = invoke(&w, "list_pages", json!({ "from": today, "to": today })).unwrap();
    assert_eq!(listed[0]["date"], today.as_str());
    assert_eq!(listed[0]["first_line"], body);

    let hits = invoke(&w, "search_pages", json!({ "query": "river \"(" })).unwrap();
    assert_eq!(hits[0]["date"], today.as_str());
    let snippet: Vec<char> = hits[0]["snippet"].as_str().unwrap().chars().collect();
    let (a, b) = (
        hits[0]["ranges"][0][0].as_u64().unwrap() as usize,
        hits[0]["ranges"][0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(snippet[a..b].iter().collect::<String>(), "river");

    // The file on disk holds it: a second store sees the page.
    let store = journal_core::Store::open(dir.path().join("journal.db")).unwrap();
    let day = journal_core::parse_date(&today).unwrap();
    assert_eq!(store.page(day).unwrap().body, body);
}

#[test]
fn a_save_over_words_written_elsewhere_keeps_them_and_they_can_be_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let (_app, w) = app(&db);
    let today = invoke(&w, "today", json!({})).unwrap();
    let first = invoke(
        &w,
        "save_page",
        json!({ "date": today, "body": "Typed in the app.", "mood": null, "baseVersion": 0 }),
    )
    .unwrap();
    assert_eq!(first["page"]["version"], 1);

    // The command line writes the same day meanwhile.
    let mut store = journal_core::Store::open(&db).unwrap();
    let day = journal_core::parse_date(today.as_str().unwrap()).unwrap();
    store
        .save_page_from(
            day,
            "From the terminal.",
            None,
            None,
            &journal_core::FixedClock::at_utc("2027-01-01T00:00:00Z"),
        )
        .unwrap();

    let saved = invoke(
        &w,
        "save_page",
        json!({ "date": today, "body": "Typed in the app, more.", "mood": null, "baseVersion": 1 }),
    )
    .unwrap();
    assert_eq!(saved["replaced_elsewhere"]["body"], "From the terminal.");

    let kept = invoke(&w, "page_revisions", json!({ "date": today })).unwrap();
    let bodies: Vec<&str> = kept
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["From the terminal.", "Typed in the app."]);
    let id = kept[0]["id"].clone();
    let restored = invoke(&w, "restore_revision", json!({ "id": id })).unwrap();
    assert_eq!(restored["body"], "From the terminal.");
    let page = invoke(&w, "get_page", json!({ "date": today })).unwrap();
    assert_eq!(page["body"], "From the terminal.");
}

#[test]
fn try_again_opens_the_journal_again_once_it_can_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();
    let (_app, w) = app(&db);
    let err = invoke(&w, "get_page", json!({ "date": "2026-01-01" })).unwrap_err();
    assert_eq!(err["code"], "damaged");

    // The person restores a good file (here: removes the bad one).
    std::fs::remove_file(&db).unwrap();

    let page = invoke(&w, "get_page", json!({ "date": "2026-01-01" })).unwrap();
    assert_eq!(page["body"], "");
    invoke(
        &w,
        "save_page",
        json!({ "date": "2026-01-01", "body": "Back.", "mood": null, "baseVersion": 0 }),
    )
    .unwrap();
}

#[test]
fn bad_input_comes_back_as_a_code_and_a_message_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    let today = invoke(&w, "today", json!({})).unwrap();

    let err = invoke(&w, "get_page", json!({ "date": "31/12/2026" })).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("YYYY-MM-DD"));

    let err = invoke(
        &w,
        "save_page",
        json!({ "date": today, "body": "x", "mood": 5 + 4 }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");

    let err = invoke(
        &w,
        "save_page",
        json!({ "date": "2999-01-01", "body": "not yet", "mood": null }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");

    let too_big = "a".repeat(journal_core::MAX_BODY_BYTES + 1);
    let err = invoke(
        &w,
        "save_page",
        json!({ "date": today, "body": too_big, "mood": null }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");

    let listed = invoke(&w, "list_pages", json!({ "from": null, "to": null })).unwrap();
    assert_eq!(listed, json!([]), "nothing was stored");
}

#[test]
fn a_damaged_journal_is_reported_calmly_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();

    let (_app, w) = app(&db);
    let err = invoke(&w, "get_page", json!({ "date": "2026-01-01" })).unwrap_err();
    assert_eq!(err["code"], "damaged");
    assert!(err["message"].as_str().unwrap().contains("backup"));
    let err = invoke(
        &w,
        "save_page",
        json!({ "date": "2026-01-01", "body": "x", "mood": null }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "damaged");
    assert_eq!(std::fs::read(&db).unwrap(), garbage);
}

#[test]
fn giving_space_through_the_ui_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));

    let empty = invoke(&w, "space_overview", json!({})).unwrap();
    assert_eq!(empty["period"], Value::Null);
    assert_eq!(empty["status"]["current_streak_days"], 0);

    let p = invoke(
        &w,
        "start_period",
        json!({ "start": null, "note": "I'm stepping back to give you room. I'm okay." }),
    )
    .unwrap();
    assert_eq!(p["end"], Value::Null);

    invoke(&w, "log_urge", json!({ "intensity": 3, "note": null })).unwrap();
    invoke(
        &w,
        "log_contact",
        json!({ "kind": "necessary", "date": null, "note": "school run" }),
    )
    .unwrap();
    let err = invoke(
        &w,
        "log_contact",
        json!({ "kind": "texted", "date": null, "note": null }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");

    let o = invoke(&w, "space_overview", json!({})).unwrap();
    assert_eq!(o["status"]["urges_resisted"], 1);
    assert_eq!(o["status"]["contacts"]["necessary"], 1);
    assert_eq!(o["status"]["contacts"]["upfront"], 1);
    assert_eq!(o["contacts"].as_array().unwrap().len(), 2);
    assert_eq!(o["urges"][0]["intensity"], 3);
    assert_eq!(
        o["unseen_milestone"],
        Value::Null,
        "day 0 is no milestone yet"
    );

    let s = invoke(&w, "space_status", json!({})).unwrap();
    assert_eq!(s["period"]["days_since_start"], 0);

    let ended = invoke(
        &w,
        "end_period",
        json!({ "end": null, "outcome": "Stopping for now." }),
    )
    .unwrap();
    assert_eq!(ended["outcome"], "Stopping for now.");
    let o = invoke(&w, "space_overview", json!({})).unwrap();
    assert_eq!(o["past_periods"].as_array().unwrap().len(), 1);
    let err = invoke(&w, "mark_milestone_seen", json!({ "days": 1 })).unwrap_err();
    assert_eq!(err["code"], "invalid_input", "no open period to mark");
}

#[test]
fn guidance_beside_the_page_and_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    let today = invoke(&w, "today", json!({})).unwrap();

    let cards = invoke(
        &w,
        "guidance",
        json!({ "date": today, "text": "I really want to text him tonight", "mood": null }),
    )
    .unwrap();
    assert_eq!(cards[0]["theme"], "urges");
    assert!(cards[0]["reason"].as_str().unwrap().contains("reach out"));
    let first = cards[0]["id"].as_str().unwrap().to_string();

    invoke(&w, "set_card_aside", json!({ "id": first, "date": today })).unwrap();
    let again = invoke(
        &w,
        "guidance",
        json!({ "date": today, "text": "I really want to text him tonight", "mood": null }),
    )
    .unwrap();
    assert!(again
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["id"] != first.as_str()));

    // "Not today" undone: the card is back beside the page.
    invoke(
        &w,
        "set_card_aside",
        json!({ "id": first, "date": today, "aside": false }),
    )
    .unwrap();
    let back = invoke(
        &w,
        "guidance",
        json!({ "date": today, "text": "I really want to text him tonight", "mood": null }),
    )
    .unwrap();
    assert_eq!(back[0]["id"], first.as_str());

    invoke(
        &w,
        "set_card_helpful",
        json!({ "id": first, "helpful": true }),
    )
    .unwrap();
    assert_eq!(
        invoke(&w, "helpful_cards", json!({})).unwrap(),
        json!([first])
    );
    let err = invoke(
        &w,
        "set_card_helpful",
        json!({ "id": "no-such-card", "helpful": true }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");

    let library = invoke(&w, "guidance_library", json!({})).unwrap();
    let themes: std::collections::BTreeSet<&str> = library
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["theme"].as_str().unwrap())
        .collect();
    assert_eq!(themes.len(), 12, "every theme is in the library");
}

#[test]
fn settings_read_and_change_through_the_ui_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    let all = invoke(&w, "settings_get", json!({})).unwrap();
    assert_eq!(all[0], json!({ "key": "daily.enabled", "value": "true" }));
    assert_eq!(all.as_array().unwrap().len(), 17);
    assert_eq!(all[11], json!({ "key": "lock.idle_minutes", "value": "5" }));
    assert_eq!(all[12], json!({ "key": "backup.dir", "value": "" }));
    assert_eq!(all[13], json!({ "key": "look_back", "value": "true" }));
    assert_eq!(
        all[14],
        json!({ "key": "support.nudge_days", "value": "4" })
    );

    let set = invoke(
        &w,
        "settings_set",
        json!({ "key": "daily.days", "value": "sun,mon" }),
    )
    .unwrap();
    assert_eq!(set, json!({ "key": "daily.days", "value": "mon,sun" }));
    let err = invoke(
        &w,
        "settings_set",
        json!({ "key": "daily.time", "value": "25:00" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    let all = invoke(&w, "settings_get", json!({})).unwrap();
    assert_eq!(all[1], json!({ "key": "daily.time", "value": "20:30" }));
    assert_eq!(all[2], json!({ "key": "daily.days", "value": "mon,sun" }));
}

#[test]
fn words_that_could_not_be_saved_are_kept_beside_the_journal_and_can_be_let_go() {
    use std::os::unix::fs::PermissionsExt;
    // A journal that cannot be opened: exactly when saves fail.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();
    let (_app, w) = app(&db);
    let words =
        json!({ "date": "2026-11-29", "body": "Words the journal would not take.", "mood": 2 });
    let err = invoke(
        &w,
        "save_page",
        json!({ "date": "2026-11-29", "body": words["body"], "mood": 2, "baseVersion": 0 }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "damaged");
    assert_eq!(invoke(&w, "read_recovery", json!({})).unwrap(), json!([]));

    invoke(&w, "write_recovery", json!({ "pages": [words] })).unwrap();
    let file = dir.path().join("journal.db.recovery.json");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(
        std::fs::read(&db).unwrap(),
        garbage,
        "the journal is untouched"
    );

    // A later close keeps its words beside the first's.
    let more = json!({ "date": "2026-11-30", "body": "And the next day's.", "mood": null });
    invoke(&w, "write_recovery", json!({ "pages": [more] })).unwrap();
    assert_eq!(
        invoke(&w, "read_recovery", json!({})).unwrap(),
        json!([words, more])
    );

    invoke(&w, "discard_recovery", json!({})).unwrap();
    assert!(!file.exists());
    assert_eq!(invoke(&w, "read_recovery", json!({})).unwrap(), json!([]));

    // A damaged recovery file is reported by its code and left alone.
    std::fs::write(&file, b"not json").unwrap();
    let err = invoke(&w, "read_recovery", json!({})).unwrap_err();
    assert_eq!(err["code"], "recovery_unreadable");
    assert_eq!(std::fs::read(&file).unwrap(), b"not json");
}

#[test]
fn a_tray_quit_asks_the_ui_to_save_and_a_held_close_waits_for_the_person() {
    use breathing_room::{request_close, CloseGuard, Leave, FLUSH_EVENT, MAIN_WINDOW};
    use tauri::{Listener, Manager};
    let dir = tempfile::tempdir().unwrap();
    let (app, w) = app(&dir.path().join("journal.db"));
    let (tx, rx) = std::sync::mpsc::channel();
    app.listen_any(FLUSH_EVENT, move |event| {
        let _ = tx.send(event.payload().to_string());
    });

    // The tray's Quit asks the UI to save, saying it is a quit.
    let request = request_close(app.handle(), MAIN_WINDOW, true);
    let payload = rx.recv_timeout(std::time::Duration::from_secs(5)).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&payload).unwrap(),
        json!({ "quit": true })
    );

    // The save failed, so the UI asks the person and holds the close: the
    // grace timer must leave the window open meanwhile.
    invoke(&w, "close_hold", json!({})).unwrap();
    let guard = app.state::<CloseGuard>();
    assert_eq!(
        guard.expire(request),
        None,
        "held: the timer closes nothing"
    );
    // "Quit anyway" then quits (rather than hiding to the tray).
    assert_eq!(guard.ready(), Leave::App);

    // Closing the window asks the same way, and is no quit.
    let request = request_close(app.handle(), MAIN_WINDOW, false);
    let payload = rx.recv_timeout(std::time::Duration::from_secs(5)).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&payload).unwrap(),
        json!({ "quit": false })
    );
    // The UI saved: the window goes to the tray (the default), and the
    // timer does nothing more.
    invoke(&w, "close_ready", json!({})).unwrap();
    assert_eq!(guard.expire(request), None);
}

#[test]
fn a_logged_event_can_be_corrected_taken_back_and_put_back_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    let today = invoke(&w, "today", json!({})).unwrap();
    let today = today.as_str().unwrap().to_string();
    let start = journal_core::parse_date(&today).unwrap() - chrono::Days::new(5);
    let start = journal_core::format_date(start);
    invoke(&w, "start_period", json!({ "start": start, "note": null })).unwrap();
    let days = |w: &WebviewWindow<MockRuntime>| {
        invoke(w, "space_status", json!({})).unwrap()["current_streak_days"].clone()
    };
    assert_eq!(days(&w), 5);
    // As of its day 0, for that day's page.
    let then = invoke(&w, "space_status", json!({ "date": start })).unwrap();
    assert_eq!(
        (&then["as_of"], &then["current_streak_days"]),
        (&json!(start), &json!(0))
    );

    // An urge for an earlier day, from the app.
    let urge = invoke(
        &w,
        "log_urge",
        json!({ "date": start, "intensity": 3, "note": null }),
    )
    .unwrap();
    assert_eq!(urge["date"], start.as_str());

    // A mis-clicked pursued, taken back and put back.
    let c = invoke(
        &w,
        "log_contact",
        json!({ "kind": "pursued", "date": null, "note": null }),
    )
    .unwrap();
    assert_eq!(days(&w), 0);
    let removed = invoke(&w, "remove_contact", json!({ "id": c["id"] })).unwrap();
    assert!(removed["removed_at"].is_string());
    assert_eq!(days(&w), 5, "the count comes back");
    invoke(&w, "restore_contact", json!({ "id": c["id"] })).unwrap();
    assert_eq!(days(&w), 0);
    let edited = invoke(
        &w,
        "edit_contact",
        json!({ "id": c["id"], "kind": "necessary", "date": null, "note": "the school forms" }),
    )
    .unwrap();
    assert_eq!(edited["kind"], "necessary");
    assert_eq!(days(&w), 5);
    let err = invoke(
        &w,
        "edit_contact",
        json!({ "id": c["id"], "kind": "hugged", "date": null, "note": null }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");

    let u = invoke(
        &w,
        "edit_urge",
        json!({ "id": urge["id"], "date": null, "intensity": 5, "note": null }),
    )
    .unwrap();
    assert_eq!(u["intensity"], 5);
    invoke(&w, "remove_urge", json!({ "id": urge["id"] })).unwrap();
    invoke(&w, "restore_urge", json!({ "id": urge["id"] })).unwrap();
    // "Not noted" clears the strength; Undo puts the urge back exactly as it was.
    let cleared = invoke(
        &w,
        "edit_urge",
        json!({ "id": urge["id"], "date": null, "intensity": 0, "note": null }),
    )
    .unwrap();
    assert!(cleared["intensity"].is_null());
    let back = invoke(&w, "revert_urge", json!({ "id": urge["id"] })).unwrap();
    assert_eq!(back["intensity"], 5);
    assert_eq!(back["at"], u["at"]);
    let moved = invoke(
        &w,
        "edit_contact",
        json!({ "id": c["id"], "kind": null, "date": start, "note": null }),
    )
    .unwrap();
    assert_eq!(moved["date"], start.as_str());
    let back = invoke(&w, "revert_contact", json!({ "id": c["id"] })).unwrap();
    assert_eq!(back["at"], edited["at"], "the same moment, not midday");

    // The period in full.
    let overview = invoke(&w, "space_overview", json!({})).unwrap();
    let id = overview["period"]["id"].clone();
    let detail = invoke(&w, "period_detail", json!({ "id": id })).unwrap();
    assert_eq!(detail["status"]["urges_resisted"], 1);
    assert_eq!(detail["contacts"].as_array().unwrap().len(), 1);
}

#[test]
fn an_encrypted_journal_locks_unlocks_and_reads_nothing_while_locked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let (_app, w) = app(&db);
    let today = invoke(&w, "today", json!({})).unwrap();
    let body = "Sat by the harbour and did not call. Marigold light on the water.";
    invoke(&w, "save_page", json!({ "date": today, "body": body })).unwrap();
    assert_eq!(
        invoke(&w, "lock_state", json!({})).unwrap(),
        json!({"encrypted": false, "locked": false})
    );
    // Locking a journal without a passphrase keeps it open.
    assert_eq!(
        invoke(&w, "lock", json!({})).unwrap(),
        json!({"encrypted": false, "locked": false})
    );

    let state = invoke(&w, "encrypt_journal", json!({ "passphrase": "sea glass" })).unwrap();
    assert_eq!(state, json!({"encrypted": true, "locked": false}));
    assert!(journal_core::is_encrypted(&db).unwrap());
    let raw = std::fs::read(&db).unwrap();
    assert!(!raw.windows(8).any(|w| w == b"Marigold"));
    // Still open, with the same words.
    assert_eq!(
        invoke(&w, "get_page", json!({ "date": today })).unwrap()["body"],
        body
    );

    assert_eq!(
        invoke(&w, "lock", json!({})).unwrap(),
        json!({"encrypted": true, "locked": true})
    );
    let e = invoke(&w, "get_page", json!({ "date": today })).unwrap_err();
    assert_eq!(e["code"], "locked");
    let e = invoke(&w, "save_page", json!({ "date": today, "body": "x" })).unwrap_err();
    assert_eq!(e["code"], "locked");

    let e = invoke(&w, "unlock", json!({ "passphrase": "sea glas" })).unwrap_err();
    assert_eq!(e["code"], "wrong_passphrase");
    assert_eq!(
        invoke(&w, "lock_state", json!({})).unwrap(),
        json!({"encrypted": true, "locked": true})
    );
    let state = invoke(&w, "unlock", json!({ "passphrase": "sea glass" })).unwrap();
    assert_eq!(state, json!({"encrypted": true, "locked": false}));
    assert_eq!(
        invoke(&w, "get_page", json!({ "date": today })).unwrap()["body"],
        body
    );
}

#[test]
fn a_new_app_finds_an_encrypted_journal_locked_and_the_passphrase_can_change_or_go() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    {
        let (_app, w) = app(&db);
        invoke(&w, "encrypt_journal", json!({ "passphrase": "sea glass" })).unwrap();
        // Closed as quitting would (the mock app keeps its state alive).
        invoke(&w, "lock", json!({})).unwrap();
    }
    let (_app, w) = app(&db);
    assert_eq!(
        invoke(&w, "lock_state", json!({})).unwrap(),
        json!({"encrypted": true, "locked": true})
    );
    invoke(&w, "unlock", json!({ "passphrase": "sea glass" })).unwrap();

    let e = invoke(
        &w,
        "change_passphrase",
        json!({ "current": "wrong", "passphrase": "tide pool" }),
    )
    .unwrap_err();
    assert_eq!(e["code"], "wrong_passphrase");
    // A refused change leaves the journal open as it was.
    assert_eq!(
        invoke(&w, "lock_state", json!({})).unwrap(),
        json!({"encrypted": true, "locked": false})
    );
    invoke(&w, "today", json!({})).unwrap();

    invoke(
        &w,
        "change_passphrase",
        json!({ "current": "sea glass", "passphrase": "tide pool" }),
    )
    .unwrap();
    invoke(&w, "lock", json!({})).unwrap();
    let e = invoke(&w, "unlock", json!({ "passphrase": "sea glass" })).unwrap_err();
    assert_eq!(e["code"], "wrong_passphrase");
    invoke(&w, "unlock", json!({ "passphrase": "tide pool" })).unwrap();

    let state = invoke(&w, "decrypt_journal", json!({ "passphrase": "tide pool" })).unwrap();
    assert_eq!(state, json!({"encrypted": false, "locked": false}));
    assert!(!journal_core::is_encrypted(&db).unwrap());
    invoke(&w, "today", json!({})).unwrap();
}

#[test]
fn quick_hide_hides_first_and_the_lock_that_follows_closes_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    invoke(&w, "encrypt_journal", json!({ "passphrase": "sea glass" })).unwrap();
    // Hidden at once; the journal stays open so the UI can save what was typed.
    assert_eq!(
        invoke(&w, "quick_hide", json!({})).unwrap(),
        json!({"encrypted": true, "locked": false})
    );
    invoke(&w, "today", json!({})).unwrap();
    assert_eq!(
        invoke(&w, "lock", json!({})).unwrap(),
        json!({"encrypted": true, "locked": true})
    );
    let e = invoke(&w, "today", json!({})).unwrap_err();
    assert_eq!(e["code"], "locked");
}

#[test]
fn the_days_backup_is_made_at_the_idle_moment_and_shown_in_settings() {
    use tauri::Manager;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let (app, w) = app(&db);
    let today = invoke(&w, "today", json!({})).unwrap();
    invoke(&w, "save_page", json!({ "date": today, "body": "A page." })).unwrap();
    let status = invoke(&w, "backup_status", json!({})).unwrap();
    assert_eq!(status, json!({"backups": [], "last_error": null}));

    let state = app.state::<breathing_room::AppState>();
    state.daily_backup();
    state.daily_backup(); // once a day, not twice
    let status = invoke(&w, "backup_status", json!({})).unwrap();
    let backups = status["backups"].as_array().unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0]["verified"], true);
    assert_eq!(backups[0]["pages"], 1);
    assert_eq!(status["last_error"], Value::Null);

    // A locked journal is left alone.
    invoke(&w, "encrypt_journal", json!({ "passphrase": "sea glass" })).unwrap();
    invoke(&w, "lock", json!({})).unwrap();
    state.daily_backup();
    assert_eq!(
        invoke(&w, "backup_status", json!({})).unwrap_err()["code"],
        "locked"
    );
}

#[test]
fn reminders_go_on_while_locked_and_are_recorded_at_the_next_unlock() {
    use tauri::Manager;
    let dir = tempfile::tempdir().unwrap();
    let (app, w) = app(&dir.path().join("journal.db"));
    // The day's note whatever today is: the week's look back is tomorrow.
    let today = invoke(&w, "today", json!({})).unwrap();
    let today = journal_core::parse_date(today.as_str().unwrap()).unwrap();
    let tomorrow = chrono::Datelike::weekday(&today).succ();
    let review_day =
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][tomorrow.num_days_from_monday() as usize];
    for (key, value) in [
        ("daily.enabled", "true"),
        ("daily.days", "mon,tue,wed,thu,fri,sat,sun"),
        ("quiet.enabled", "false"),
        ("discreet", "false"),
        ("review.day", review_day),
    ] {
        invoke(&w, "settings_set", json!({ "key": key, "value": value })).unwrap();
    }
    invoke(&w, "encrypt_journal", json!({ "passphrase": "sea glass" })).unwrap();
    invoke(&w, "lock", json!({})).unwrap();

    let state = app.state::<breathing_room::AppState>();
    let zone = journal_host::system_zone();
    let now = journal_core::Clock::now(&journal_host::SystemClock);
    let planned = state
        .with_locked_reminders(|r| r.next(now, zone))
        .flatten()
        .expect("a daily note is planned while locked");
    let (_, body) = state
        .with_locked_reminders(|r| r.deliver(&planned))
        .unwrap();
    assert_eq!(
        body, "A quiet moment for your pages",
        "discreet while locked"
    );

    invoke(&w, "unlock", json!({ "passphrase": "sea glass" })).unwrap();
    let journal = state.journal().unwrap();
    let again = journal.next_reminder(now, zone).unwrap();
    assert!(
        again.is_none_or(|p| (p.kind, p.local_date) != (planned.kind, planned.local_date)),
        "the note sent while locked is not sent again"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn the_screen_locking_asks_the_page_to_lock_and_the_shell_locks_if_it_does_not() {
    use breathing_room::{lock_soon, LOCKED_EVENT, LOCK_GRACE, LOCK_REQUEST_EVENT};
    use tauri::Listener;
    let dir = tempfile::tempdir().unwrap();
    let (app, w) = app(&dir.path().join("journal.db"));
    let (tx, rx) = std::sync::mpsc::channel();
    for event in [LOCK_REQUEST_EVENT, LOCKED_EVENT] {
        let tx = tx.clone();
        app.listen_any(event, move |_| {
            let _ = tx.send(event);
        });
    }
    let wait = LOCK_GRACE + std::time::Duration::from_secs(2);

    // A plain journal: nothing to lock, nobody asked.
    lock_soon(app.handle());
    assert!(rx.recv_timeout(wait).is_err());

    invoke(&w, "encrypt_journal", json!({ "passphrase": "sea glass" })).unwrap();
    // The page does not answer: asked, then locked by the shell.
    lock_soon(app.handle());
    assert_eq!(rx.recv_timeout(wait), Ok(LOCK_REQUEST_EVENT));
    assert_eq!(rx.recv_timeout(wait), Ok(LOCKED_EVENT));
    assert_eq!(
        invoke(&w, "lock_state", json!({})).unwrap(),
        json!({"encrypted": true, "locked": true})
    );

    // The page answers (saves and locks), and the person unlocks again at
    // once: the shell does not lock what they just opened.
    invoke(&w, "unlock", json!({ "passphrase": "sea glass" })).unwrap();
    lock_soon(app.handle());
    assert_eq!(rx.recv_timeout(wait), Ok(LOCK_REQUEST_EVENT));
    invoke(&w, "lock", json!({})).unwrap();
    invoke(&w, "unlock", json!({ "passphrase": "sea glass" })).unwrap();
    assert!(rx.recv_timeout(wait).is_err(), "no second lock");
    assert_eq!(
        invoke(&w, "lock_state", json!({})).unwrap(),
        json!({"encrypted": true, "locked": false})
    );
}

#[test]
fn a_backup_is_put_back_from_settings_after_the_journal_as_it_is_is_backed_up() {
    use tauri::Manager;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let (app, w) = app(&db);
    let today = invoke(&w, "today", json!({})).unwrap();
    invoke(
        &w,
        "save_page",
        json!({ "date": today, "body": "The page as it was." }),
    )
    .unwrap();
    app.state::<breathing_room::AppState>().daily_backup();
    let backups = invoke(&w, "backup_status", json!({})).unwrap()["backups"].clone();
    let path = backups[0]["path"].as_str().unwrap().to_string();
    invoke(
        &w,
        "save_page",
        json!({ "date": today, "body": "Written over by mistake." }),
    )
    .unwrap();

    // Only the journal's own backups can be put back.
    let stranger = dir.path().join("elsewhere.db");
    std::fs::copy(&path, &stranger).unwrap();
    let e = invoke(&w, "restore_backup", json!({ "path": stranger })).unwrap_err();
    assert_eq!(e["code"], "invalid_input");
    assert_eq!(
        invoke(&w, "get_page", json!({ "date": today })).unwrap()["body"],
        "Written over by mistake."
    );

    let previous = invoke(&w, "restore_backup", json!({ "path": path })).unwrap();
    assert_eq!(previous["verified"], true);
    // Open again, with the backup's words; the words it replaced are in the
    // backup taken just before.
    assert_eq!(
        invoke(&w, "get_page", json!({ "date": today })).unwrap()["body"],
        "The page as it was."
    );
    let backups = invoke(&w, "backup_status", json!({})).unwrap()["backups"].clone();
    assert_eq!(backups.as_array().unwrap().len(), 2);
    let before =
        journal_core::Store::open(std::path::Path::new(previous["path"].as_str().unwrap()))
            .unwrap();
    assert_eq!(
        before
            .page(today.as_str().unwrap().parse().unwrap())
            .unwrap()
            .body,
        "Written over by mistake."
    );
}

#[test]
fn putting_back_a_backup_of_an_encrypted_journal_asks_for_its_passphrase() {
    use tauri::Manager;
    let dir = tempfile::tempdir().unwrap();
    let (app, w) = app(&dir.path().join("journal.db"));
    let today = invoke(&w, "today", json!({})).unwrap();
    invoke(&w, "save_page", json!({ "date": today, "body": "Before." })).unwrap();
    invoke(&w, "encrypt_journal", json!({ "passphrase": "sea glass" })).unwrap();
    app.state::<breathing_room::AppState>().daily_backup();
    let backups = invoke(&w, "backup_status", json!({})).unwrap()["backups"].clone();
    let path = backups[0]["path"].as_str().unwrap().to_string();
    invoke(&w, "save_page", json!({ "date": today, "body": "After." })).unwrap();

    let e = invoke(&w, "restore_backup", json!({ "path": path })).unwrap_err();
    assert_eq!(e["code"], "passphrase_needed");
    let e = invoke(
        &w,
        "restore_backup",
        json!({ "path": path, "passphrase": "sea glas" }),
    )
    .unwrap_err();
    assert_eq!(e["code"], "wrong_passphrase");
    // Refused before anything closed: still open, unchanged.
    assert_eq!(
        invoke(&w, "get_page", json!({ "date": today })).unwrap()["body"],
        "After."
    );
    invoke(
        &w,
        "restore_backup",
        json!({ "path": path, "passphrase": "sea glass" }),
    )
    .unwrap();
    assert_eq!(
        invoke(&w, "get_page", json!({ "date": today })).unwrap()["body"],
        "Before."
    );
    assert_eq!(
        invoke(&w, "lock_state", json!({})).unwrap(),
        json!({"encrypted": true, "locked": false})
    );
}

#[test]
fn the_welcome_is_due_on_a_new_journal_once() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    assert_eq!(invoke(&w, "welcome_state", json!({})).unwrap(), json!(true));
    invoke(&w, "welcome_done", json!({})).unwrap();
    assert_eq!(
        invoke(&w, "welcome_state", json!({})).unwrap(),
        json!(false)
    );
    // A second start of the app on the same journal: still done.
    let (_app, w) = app(&dir.path().join("journal.db"));
    assert_eq!(
        invoke(&w, "welcome_state", json!({})).unwrap(),
        json!(false)
    );
}

#[test]
fn words_a_close_could_not_save_are_sealed_beside_an_encrypted_journal() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    invoke(&w, "encrypt_journal", json!({ "passphrase": "sea glass" })).unwrap();
    let words =
        json!({ "date": "2027-03-14", "body": "Marigold, kept by the close.", "mood": null });
    invoke(&w, "write_recovery", json!({ "pages": [words] })).unwrap();
    let raw = std::fs::read(dir.path().join("journal.db.recovery.json")).unwrap();
    assert!(!raw.windows(8).any(|w| w == b"Marigold"), "sealed");
    assert_eq!(
        invoke(&w, "read_recovery", json!({})).unwrap(),
        json!([words])
    );
    // Locked: nothing to read it with, and nothing read.
    invoke(&w, "lock", json!({})).unwrap();
    assert_eq!(
        invoke(&w, "read_recovery", json!({})).unwrap_err()["code"],
        "locked"
    );
    invoke(&w, "unlock", json!({ "passphrase": "sea glass" })).unwrap();
    assert_eq!(
        invoke(&w, "read_recovery", json!({})).unwrap(),
        json!([words])
    );
}

/// Settings → Your data: the page asks for an export or an import, the shell
/// opens the dialog (here: answers given in advance) and reads or writes
/// only what was chosen there.
#[test]
fn export_and_import_go_where_the_dialog_says_and_a_preview_writes_nothing() {
    use breathing_room::files::{Ask, Files};
    use std::collections::VecDeque;
    use std::os::unix::fs::PermissionsExt;
    use std::sync::{Arc, Mutex};
    use tauri::Manager;

    let dir = tempfile::tempdir().unwrap();
    let answers: Arc<Mutex<VecDeque<Option<std::path::PathBuf>>>> = Arc::default();
    let asked: Arc<Mutex<Vec<Ask>>> = Arc::default();
    let (a, b) = (answers.clone(), asked.clone());
    let (app, w) = app(&dir.path().join("journal.db"));
    app.manage(Files::answering(move |ask| {
        b.lock().unwrap().push(ask);
        a.lock().unwrap().pop_front().flatten()
    }));
    let answer = |p: Option<std::path::PathBuf>| answers.lock().unwrap().push_back(p);
    invoke(
        &w,
        "save_page",
        json!({"date": "2026-11-02", "body": "The heron was back on the canal.", "mood": 3}),
    )
    .unwrap();

    // Closed without a choice: nothing written.
    answer(None);
    let none = invoke(&w, "export_journal", json!({"format": "json"})).unwrap();
    assert_eq!(none, Value::Null);
    let copy = dir.path().join("copy.json");
    answer(Some(copy.clone()));
    let done = invoke(&w, "export_journal", json!({"format": "json"})).unwrap();
    assert_eq!(done["pages"], 1);
    assert_eq!(done["encrypted"], false);
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let today = invoke(&w, "today", json!({})).unwrap();
    let Ask::Export { name, folder } = asked.lock().unwrap()[1].clone() else {
        panic!("an export asks where to save");
    };
    assert!(!folder);
    assert_eq!(
        name,
        format!("breathing-room-{}.json", today.as_str().unwrap())
    );

    // An encrypted copy without its passphrase: refused before any dialog.
    let e = invoke(&w, "export_journal", json!({"format": "age"})).unwrap_err();
    assert_eq!(e["code"], "passphrase_needed");
    assert_eq!(asked.lock().unwrap().len(), 2);

    // Markdown goes into a new folder inside the chosen one, never over
    // what is there.
    answer(Some(dir.path().to_path_buf()));
    answer(Some(dir.path().to_path_buf()));
    let first = invoke(&w, "export_journal", json!({"format": "markdown"})).unwrap();
    let second = invoke(&w, "export_journal", json!({"format": "markdown"})).unwrap();
    let stem = format!("breathing-room-{}", today.as_str().unwrap());
    assert_eq!(first["path"], dir.path().join(&stem).display().to_string());
    assert_eq!(
        second["path"],
        dir.path().join(format!("{stem}-2")).display().to_string()
    );

    // Import into another journal: nothing read before a file is chosen;
    // the preview counts and writes nothing; then it comes in.
    let other = tempfile::tempdir().unwrap();
    let (app2, w2) = app_with_files(&other.path().join("journal.db"), vec![Some(copy.clone())]);
    let e = invoke(&w2, "import_preview", json!({})).unwrap_err();
    assert_eq!(e["code"], "invalid_input");
    let name = invoke(&w2, "import_choose", json!({"format": "json"})).unwrap();
    assert_eq!(name, "copy.json");
    let preview = invoke(&w2, "import_preview", json!({})).unwrap();
    assert_eq!(preview["added"], 1);
    assert_eq!(preview["first_day"], "2026-11-02");
    assert_eq!(preview["last_day"], "2026-11-02");
    let pages = invoke(&w2, "list_pages", json!({})).unwrap();
    assert_eq!(pages, json!([]), "a preview writes nothing");
    let done = invoke(&w2, "import_run", json!({})).unwrap();
    assert_eq!(done["added"], 1);
    let page = invoke(&w2, "get_page", json!({"date": "2026-11-02"})).unwrap();
    assert_eq!(page["body"], "The heron was back on the canal.");
    // The choice is used once.
    let e = invoke(&w2, "import_run", json!({})).unwrap_err();
    assert_eq!(e["code"], "invalid_input");
    drop(app2);

    let e = invoke(&w, "import_choose", json!({"format": "docx"})).unwrap_err();
    assert_eq!(e["code"], "invalid_input");
    drop(app);
}

/// [`app`], with file dialogs that give these answers in turn.
fn app_with_files(
    db: &Path,
    answers: Vec<Option<std::path::PathBuf>>,
) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    use tauri::Manager;
    let answers = std::sync::Mutex::new(std::collections::VecDeque::from(answers));
    let (app, w) = app(db);
    app.manage(breathing_room::files::Files::answering(move |_| {
        answers.lock().unwrap().pop_front().flatten()
    }));
    (app, w)
}

#[test]
fn time_with_people_is_logged_undone_and_named_through_the_ui_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    let t = invoke(
        &w,
        "log_company",
        json!({ "date": null, "who": "Ana", "what": "a walk", "felt": 4 }),
    )
    .unwrap();
    assert_eq!((&t["who"], &t["felt"]), (&json!("Ana"), &json!(4)));
    invoke(
        &w,
        "log_company",
        json!({ "date": null, "who": "Sam", "what": null, "felt": null }),
    )
    .unwrap();
    assert_eq!(
        invoke(&w, "company_names", json!({})).unwrap(),
        json!(["Sam", "Ana"])
    );
    let status = invoke(&w, "space_status", json!({})).unwrap();
    assert_eq!(status["time_with_people"]["days_since"], 0);
    assert_eq!(status["time_with_people"]["count_7d"], 2);

    // Undo, and back.
    invoke(
        &w,
        "set_company_removed",
        json!({ "id": t["id"], "removed": true }),
    )
    .unwrap();
    let status = invoke(&w, "space_status", json!({})).unwrap();
    assert_eq!(status["time_with_people"]["count_7d"], 1);
    invoke(
        &w,
        "set_company_removed",
        json!({ "id": t["id"], "removed": false }),
    )
    .unwrap();
    let status = invoke(&w, "space_status", json!({})).unwrap();
    assert_eq!(status["time_with_people"]["count_7d"], 2);

    let err = invoke(
        &w,
        "log_company",
        json!({ "date": null, "who": " ", "what": null, "felt": null }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(
        invoke(&w, "company_nudge", json!({})).unwrap(),
        json!(false),
        "company today: no quiet-days note"
    );
}

#[test]
fn a_message_written_instead_is_kept_sent_as_necessary_or_deleted_through_the_ui_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    invoke(&w, "start_period", json!({ "start": null, "note": null })).unwrap();
    let kept = invoke(
        &w,
        "log_unsent",
        json!({ "date": null, "body": "Please call me.", "outcome": "kept" }),
    )
    .unwrap();
    assert_eq!(kept["outcome"], "kept");
    invoke(
        &w,
        "log_unsent",
        json!({ "date": null, "body": "Forms due Friday.", "outcome": "sent-necessary" }),
    )
    .unwrap();
    let status = invoke(&w, "space_status", json!({})).unwrap();
    assert_eq!(status["urges_resisted"], 1);
    assert_eq!(status["contacts"]["necessary"], 1);
    let err = invoke(
        &w,
        "log_unsent",
        json!({ "date": null, "body": "x", "outcome": "sent" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(
        invoke(&w, "unsent_list", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    invoke(&w, "delete_unsent", json!({ "id": kept["id"] })).unwrap();
    let list = invoke(&w, "unsent_list", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["body"], "Forms due Friday.");
}

#[test]
fn the_week_is_looked_back_on_through_the_ui_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(&dir.path().join("journal.db"));
    let today = invoke(&w, "today", json!({})).unwrap();
    let today = today.as_str().unwrap().to_string();
    // Whatever today is, make it the review day.
    let weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][chrono::Datelike::weekday(
        &journal_core::parse_date(&today).unwrap(),
    )
    .num_days_from_monday()
        as usize];
    invoke(
        &w,
        "settings_set",
        json!({ "key": "review.day", "value": weekday }),
    )
    .unwrap();
    assert_eq!(invoke(&w, "review_due", json!({})).unwrap(), json!(true));
    let week = invoke(&w, "week_review", json!({ "weekOf": null })).unwrap();
    assert_eq!(week["to"], today.as_str());
    assert_eq!(week["answered_on"], Value::Null);
    let answered = invoke(
        &w,
        "answer_review",
        json!({ "helped": "Walks.", "company": "", "next": "Call my brother." }),
    )
    .unwrap();
    assert_eq!(answered["answered_on"], today.as_str());
    assert_eq!(invoke(&w, "review_due", json!({})).unwrap(), json!(false));
    let page = invoke(&w, "get_page", json!({ "date": today })).unwrap();
    assert!(page["body"]
        .as_str()
        .unwrap()
        .contains("**One small thing for next week:** Call my brother."));
}
