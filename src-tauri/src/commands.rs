//! The UI's requests, each handed straight to the core.

use crate::files::Files;
use crate::{AppState, CloseGuard};
use chrono::NaiveDate;
use journal_core::{
    parse_date, Contact, ContactEdit, ContactKind, Draft, ErrorPayload, LibraryCard, NotePreview,
    Page, PageSummary, Period, PeriodDetail, RecoveredPage, Revision, Saved, SearchFilter,
    SearchHit, SettingEntry, SpaceOverview, SpaceStatus, Suggestion, Urge, UrgeEdit, When,
};
use journal_core::{
    CalendarDay, Company, ExportDone, ImportSummary, Insights, LockState, LookBack, Unsent,
    UnsentOutcome, WeekReview,
};
use tauri::{AppHandle, Runtime, State};

type Reply<T> = Result<T, ErrorPayload>;

/// A day as the UI sends it, `YYYY-MM-DD`, parsed at this edge.
fn day(date: &str) -> Reply<NaiveDate> {
    Ok(parse_date(date)?)
}

fn maybe_day(date: Option<&str>) -> Reply<Option<NaiveDate>> {
    date.map(day).transpose()
}

#[tauri::command]
pub fn today(state: State<'_, AppState>) -> Reply<String> {
    Ok(state.journal()?.today())
}

#[tauri::command]
pub fn get_page(state: State<'_, AppState>, date: String) -> Reply<Page> {
    Ok(state.journal()?.get_page(day(&date)?)?)
}

#[tauri::command]
pub fn save_page(
    state: State<'_, AppState>,
    date: String,
    body: String,
    mood: Option<u8>,
    base_version: Option<u32>,
) -> Reply<Saved> {
    Ok(state
        .journal()?
        .save_page(day(&date)?, &body, mood, base_version)?)
}

#[tauri::command]
pub fn page_revisions(state: State<'_, AppState>, date: String) -> Reply<Vec<Revision>> {
    Ok(state.journal()?.revisions(day(&date)?)?)
}

#[tauri::command]
pub fn restore_revision(state: State<'_, AppState>, id: i64) -> Reply<Page> {
    Ok(state.journal()?.restore_revision(id)?)
}

#[tauri::command]
pub fn list_pages(
    state: State<'_, AppState>,
    from: Option<String>,
    to: Option<String>,
) -> Reply<Vec<PageSummary>> {
    Ok(state
        .journal()?
        .list_pages(maybe_day(from.as_deref())?, maybe_day(to.as_deref())?)?)
}

/// What each day of `from..=to` holds, for the calendar's marks.
#[tauri::command]
pub fn calendar_days(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Reply<Vec<CalendarDay>> {
    Ok(state.journal()?.calendar_days(day(&from)?, day(&to)?)?)
}

/// The Looking back page's series (default: from the first page to today).
#[tauri::command]
pub fn insights(
    state: State<'_, AppState>,
    from: Option<String>,
    to: Option<String>,
) -> Reply<Insights> {
    Ok(state
        .journal()?
        .insights(maybe_day(from.as_deref())?, maybe_day(to.as_deref())?)?)
}

/// The earlier pages of a day's date, for the page's quiet line (none when
/// `look_back` is off).
#[tauri::command]
pub fn look_back(state: State<'_, AppState>, date: String) -> Reply<Vec<LookBack>> {
    Ok(state.journal()?.look_back(day(&date)?)?)
}

/// Pages matching `query`, best first; the filter's parts are optional.
#[tauri::command]
#[allow(clippy::too_many_arguments)] // each is one of the page's filters
pub fn search_pages(
    state: State<'_, AppState>,
    query: String,
    from: Option<String>,
    to: Option<String>,
    mood: Option<u8>,
    urge: Option<bool>,
    contact: Option<String>,
    helped: Option<bool>,
) -> Reply<Vec<SearchHit>> {
    let filter = SearchFilter {
        from: maybe_day(from.as_deref())?,
        to: maybe_day(to.as_deref())?,
        mood,
        urge: urge.unwrap_or(false),
        contact: contact.as_deref().map(ContactKind::parse).transpose()?,
        helped: helped.unwrap_or(false),
        ..SearchFilter::default()
    };
    Ok(state
        .journal()?
        .search_with(&query, &filter, journal_core::SEARCH_LIMIT)?)
}

#[tauri::command]
pub fn space_overview(state: State<'_, AppState>) -> Reply<SpaceOverview> {
    Ok(state.journal()?.space_overview()?)
}

/// The counts as of `date` (default today), counting only what happened by then.
#[tauri::command]
pub fn space_status(state: State<'_, AppState>, date: Option<String>) -> Reply<SpaceStatus> {
    Ok(state.journal()?.space_status(maybe_day(date.as_deref())?)?)
}

#[tauri::command]
pub fn start_period(
    state: State<'_, AppState>,
    start: Option<String>,
    note: Option<String>,
) -> Reply<Period> {
    Ok(state
        .journal()?
        .start_period(maybe_day(start.as_deref())?, note.as_deref())?)
}

#[tauri::command]
pub fn end_period(
    state: State<'_, AppState>,
    end: Option<String>,
    outcome: Option<String>,
) -> Reply<Period> {
    Ok(state
        .journal()?
        .end_period(maybe_day(end.as_deref())?, outcome.as_deref())?)
}

/// Log a contact on `date` (a local day), or now when no date is given.
#[tauri::command]
pub fn log_contact(
    state: State<'_, AppState>,
    kind: String,
    date: Option<String>,
    note: Option<String>,
) -> Reply<Contact> {
    let when = When::parse(date.as_deref(), None)?;
    let kind = ContactKind::parse(&kind)?;
    Ok(state.journal()?.log_contact(kind, when, note.as_deref())?)
}

#[tauri::command]
pub fn log_urge(
    state: State<'_, AppState>,
    date: Option<String>,
    intensity: Option<u8>,
    note: Option<String>,
) -> Reply<Urge> {
    let when = When::parse(date.as_deref(), None)?;
    Ok(state
        .journal()?
        .log_urge(when, intensity, note.as_deref())?)
}

#[tauri::command]
pub fn log_company(
    state: State<'_, AppState>,
    date: Option<String>,
    who: String,
    what: Option<String>,
    felt: Option<u8>,
) -> Reply<Company> {
    let when = When::parse(date.as_deref(), None)?;
    Ok(state
        .journal()?
        .log_company(when, &who, what.as_deref(), felt)?)
}

/// Takes back time with people logged by mistake (`removed` false: puts it back).
#[tauri::command]
pub fn set_company_removed(state: State<'_, AppState>, id: i64, removed: bool) -> Reply<Company> {
    Ok(state.journal()?.set_company_removed(id, removed)?)
}

#[tauri::command]
pub fn company_names(state: State<'_, AppState>) -> Reply<Vec<String>> {
    Ok(state.journal()?.company_names()?)
}

/// Whether the quiet-days note stands beside today's page (once a stretch).
#[tauri::command]
pub fn company_nudge(state: State<'_, AppState>) -> Reply<bool> {
    Ok(state.journal()?.company_nudge()?)
}

/// Keeps a message written instead of sent: `outcome` `kept` (an urge held)
/// or `sent-necessary` (a necessary contact).
#[tauri::command]
pub fn log_unsent(
    state: State<'_, AppState>,
    date: Option<String>,
    body: String,
    outcome: String,
) -> Reply<Unsent> {
    let when = When::parse(date.as_deref(), None)?;
    let outcome = UnsentOutcome::parse(&outcome)?;
    Ok(state.journal()?.log_unsent(when, &body, outcome)?)
}

#[tauri::command]
pub fn unsent_list(state: State<'_, AppState>) -> Reply<Vec<Unsent>> {
    Ok(state.journal()?.unsent_list()?)
}

/// Deletes a message for good (asked to confirm in the UI first).
#[tauri::command]
pub fn delete_unsent(state: State<'_, AppState>, id: i64) -> Reply<()> {
    Ok(state.journal()?.delete_unsent(id)?)
}

/// The week looked back on, holding `week_of` (default: this week).
#[tauri::command]
pub fn week_review(state: State<'_, AppState>, week_of: Option<String>) -> Reply<WeekReview> {
    Ok(state
        .journal()?
        .week_review(maybe_day(week_of.as_deref())?)?)
}

/// The three answers, written into today's page under the review's heading.
#[tauri::command]
pub fn answer_review(
    state: State<'_, AppState>,
    helped: String,
    company: String,
    next: String,
) -> Reply<WeekReview> {
    Ok(state.journal()?.answer_review(&helped, &company, &next)?)
}

/// Today is the day to look back on the week, and it is not done yet.
#[tauri::command]
pub fn review_due(state: State<'_, AppState>) -> Reply<bool> {
    Ok(state.journal()?.review_due()?)
}

#[tauri::command]
pub fn edit_contact(
    state: State<'_, AppState>,
    id: i64,
    kind: Option<String>,
    date: Option<String>,
    note: Option<String>,
) -> Reply<Contact> {
    let edit = ContactEdit {
        kind: kind.as_deref().map(ContactKind::parse).transpose()?,
        date: date.as_deref().map(parse_date).transpose()?,
        note: note.as_deref(),
    };
    Ok(state.journal()?.edit_contact(id, &edit)?)
}

#[tauri::command]
pub fn remove_contact(state: State<'_, AppState>, id: i64) -> Reply<Contact> {
    Ok(state.journal()?.remove_contact(id)?)
}

#[tauri::command]
pub fn restore_contact(state: State<'_, AppState>, id: i64) -> Reply<Contact> {
    Ok(state.journal()?.restore_contact(id)?)
}

#[tauri::command]
pub fn edit_urge(
    state: State<'_, AppState>,
    id: i64,
    date: Option<String>,
    intensity: Option<u8>,
    note: Option<String>,
) -> Reply<Urge> {
    let edit = UrgeEdit {
        date: date.as_deref().map(parse_date).transpose()?,
        // 0 clears it ("not said").
        intensity: intensity.map(|i| (i != 0).then_some(i)),
        note: note.as_deref(),
    };
    Ok(state.journal()?.edit_urge(id, &edit)?)
}

#[tauri::command]
pub fn remove_urge(state: State<'_, AppState>, id: i64) -> Reply<Urge> {
    Ok(state.journal()?.remove_urge(id)?)
}

#[tauri::command]
pub fn restore_urge(state: State<'_, AppState>, id: i64) -> Reply<Urge> {
    Ok(state.journal()?.restore_urge(id)?)
}

#[tauri::command]
pub fn revert_contact(state: State<'_, AppState>, id: i64) -> Reply<Contact> {
    Ok(state.journal()?.revert_contact(id)?)
}

#[tauri::command]
pub fn revert_urge(state: State<'_, AppState>, id: i64) -> Reply<Urge> {
    Ok(state.journal()?.revert_urge(id)?)
}

#[tauri::command]
pub fn period_detail(state: State<'_, AppState>, id: i64) -> Reply<PeriodDetail> {
    Ok(state.journal()?.period_detail(id)?)
}

#[tauri::command]
pub fn mark_milestone_seen(state: State<'_, AppState>, days: u32) -> Reply<()> {
    Ok(state.journal()?.mark_milestone_seen(days)?)
}

/// Cards for a day's page, from the text and mood on screen.
#[tauri::command]
pub fn guidance(
    state: State<'_, AppState>,
    date: String,
    text: String,
    mood: Option<u8>,
) -> Reply<Vec<Suggestion>> {
    Ok(state
        .journal()?
        .guidance(Some(day(&date)?), Some(&text), mood)?)
}

#[tauri::command]
pub fn guidance_library() -> Vec<LibraryCard> {
    journal_core::library_cards()
}

#[tauri::command]
pub fn helpful_cards(state: State<'_, AppState>) -> Reply<Vec<String>> {
    Ok(state.journal()?.helpful_cards()?)
}

#[tauri::command]
pub fn set_card_helpful(state: State<'_, AppState>, id: String, helpful: bool) -> Reply<()> {
    Ok(state.journal()?.set_card_helpful(&id, helpful)?)
}

#[tauri::command]
pub fn set_card_aside(
    state: State<'_, AppState>,
    id: String,
    date: String,
    aside: Option<bool>,
) -> Reply<()> {
    let aside = aside.unwrap_or(true);
    Ok(state
        .journal()?
        .set_card_aside(&id, Some(day(&date)?), aside)?)
}

#[tauri::command]
pub fn get_draft(state: State<'_, AppState>, key: String) -> Reply<Option<Draft>> {
    Ok(state.journal()?.draft(&key)?)
}

#[tauri::command]
pub fn save_draft(state: State<'_, AppState>, key: String, body: String) -> Reply<()> {
    Ok(state.journal()?.save_draft(&key, &body)?)
}

#[tauri::command]
pub fn discard_draft(state: State<'_, AppState>, key: String) -> Reply<()> {
    Ok(state.journal()?.discard_draft(&key)?)
}

#[tauri::command]
pub fn notification_preview(state: State<'_, AppState>, discreet: bool) -> Reply<NotePreview> {
    Ok(state.journal()?.notification_preview(discreet)?)
}

/// Whether the first-start welcome is due.
#[tauri::command]
pub fn welcome_state(state: State<'_, AppState>) -> Reply<bool> {
    Ok(state.journal()?.needs_welcome()?)
}

/// The welcome was finished or skipped: it never shows again.
#[tauri::command]
pub fn welcome_done(state: State<'_, AppState>) -> Reply<()> {
    Ok(state.journal()?.welcome_done()?)
}

#[tauri::command]
pub fn settings_get(state: State<'_, AppState>) -> Reply<Vec<SettingEntry>> {
    Ok(state.journal()?.settings()?)
}

/// Change a setting; reminders and start-at-login follow at once.
#[tauri::command]
pub fn settings_set<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    key: String,
    value: String,
) -> Reply<SettingEntry> {
    let entry = state.journal()?.set_setting(&key, &value)?;
    crate::settings_changed(&app);
    Ok(entry)
}

/// The UI has saved what it had (or kept it in the recovery file): the
/// window may close (or go to the tray), or the app quit if that was asked.
#[tauri::command]
pub fn close_ready<R: Runtime>(app: AppHandle<R>, guard: State<'_, CloseGuard>) -> Reply<()> {
    crate::leave(&app, guard.ready()).map_err(|e| ErrorPayload {
        code: "window".into(),
        message: e.to_string(),
    })
}

/// The UI is asking the person about words it could not save: the close
/// waits for their answer, in a window they can see.
#[tauri::command]
pub fn close_hold<R: Runtime>(app: AppHandle<R>, guard: State<'_, CloseGuard>) {
    guard.hold();
    crate::show_window(&app);
}

/// Words kept from a close that could not save them (none: an empty list).
#[tauri::command]
pub fn read_recovery(state: State<'_, AppState>) -> Reply<Vec<RecoveredPage>> {
    Ok(state.recovery()?.read()?)
}

/// Keep words that could not be saved, beside what the file already holds.
#[tauri::command]
pub fn write_recovery(state: State<'_, AppState>, pages: Vec<RecoveredPage>) -> Reply<()> {
    state.recovery()?.keep(&pages)?;
    Ok(())
}

#[tauri::command]
pub fn discard_recovery(state: State<'_, AppState>) -> Reply<()> {
    Ok(state.recovery()?.discard()?)
}

#[tauri::command]
pub fn lock_state(state: State<'_, AppState>) -> LockState {
    state.lock_state()
}

// Async: the key takes most of a second to make; the window stays responsive.
#[tauri::command(async)]
pub fn unlock(state: State<'_, AppState>, passphrase: String) -> Reply<LockState> {
    state.unlock(passphrase)
}

#[tauri::command]
pub fn lock(state: State<'_, AppState>) -> LockState {
    state.lock()
}

/// Hide the window at once (the UI then saves and locks).
#[tauri::command]
pub fn quick_hide<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> LockState {
    crate::hide_window(&app);
    state.lock_state()
}

// Async: the key takes most of a second to make; the window stays responsive.
#[tauri::command(async)]
pub fn encrypt_journal(state: State<'_, AppState>, passphrase: String) -> Reply<LockState> {
    state.change_encryption(None, Some(passphrase))
}

// Async: the key takes most of a second to make; the window stays responsive.
#[tauri::command(async)]
pub fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
) -> Reply<LockState> {
    state.change_encryption(Some(current), Some(passphrase))
}

// Async: the key takes most of a second to make; the window stays responsive.
#[tauri::command(async)]
pub fn decrypt_journal(state: State<'_, AppState>, passphrase: String) -> Reply<LockState> {
    state.change_encryption(Some(passphrase), None)
}

// Async: checking the backup and copying the journal take a few seconds on
// an encrypted one; the window stays responsive.
#[tauri::command(async)]
pub fn restore_backup(
    state: State<'_, AppState>,
    path: std::path::PathBuf,
    passphrase: Option<String>,
) -> Reply<journal_core::BackupInfo> {
    state.restore_backup(path, passphrase)
}

// Async: the key takes most of a second to make; the window stays responsive.
#[tauri::command(async)]
pub fn backup_status(state: State<'_, AppState>) -> Reply<journal_core::BackupStatus> {
    state.backup_status()
}

/// Where the journal file is (Settings → Your data shows it).
#[tauri::command]
pub fn journal_place(state: State<'_, AppState>) -> String {
    state.path().display().to_string()
}

// Async: the dialog waits for the person; the window stays responsive.
#[tauri::command(async)]
pub fn export_journal(
    state: State<'_, AppState>,
    files: State<'_, Files>,
    format: String,
    passphrase: Option<String>,
) -> Reply<Option<ExportDone>> {
    files.export(&state, &format, passphrase)
}

// Async: the dialog waits for the person; the window stays responsive.
#[tauri::command(async)]
pub fn import_choose(files: State<'_, Files>, format: String) -> Reply<Option<String>> {
    files.choose_import(&format)
}

// Async: reading ten years of pages takes a moment.
#[tauri::command(async)]
pub fn import_preview(
    state: State<'_, AppState>,
    files: State<'_, Files>,
    passphrase: Option<String>,
) -> Reply<ImportSummary> {
    files.import(&state, passphrase, true)
}

// Async: reading and writing ten years of pages takes a moment.
#[tauri::command(async)]
pub fn import_run(
    state: State<'_, AppState>,
    files: State<'_, Files>,
    passphrase: Option<String>,
) -> Reply<ImportSummary> {
    files.import(&state, passphrase, false)
}

#[tauri::command]
pub fn import_forget(files: State<'_, Files>) {
    files.forget_import();
}

/// Asked by the start-up bench (scripts/bench-app.sh): the environment
/// variable that makes [`painted`] print the moment.
pub const BENCH_ENV: &str = "BREATHING_ROOM_BENCH";

/// A step of the shell's start, printed for the bench when it asks.
pub fn bench_mark(name: &str) {
    use journal_core::Clock as _;
    if std::env::var_os(BENCH_ENV).is_some() {
        let now = journal_host::SystemClock.now().timestamp_micros() as f64 / 1000.0;
        eprintln!("breathing-room: {name} at {now:.1} ms");
    }
}

/// The Today page is painted with its text and guidance (`at`, Unix ms),
/// once per start, with the moments of the steps before it: printed on
/// stderr for the bench when it asks, nothing otherwise.
#[tauri::command]
pub fn painted(at: f64, marks: Vec<(String, f64)>) {
    if std::env::var_os(BENCH_ENV).is_some() {
        marks
            .iter()
            .for_each(|(name, t)| eprintln!("breathing-room: {name} at {t:.1} ms"));
        eprintln!("breathing-room: painted at {at:.1} ms");
    }
}
