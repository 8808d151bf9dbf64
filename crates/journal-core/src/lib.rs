//! Breathing Room's core: the journal's domain and its SQLite store.
//!
//! Nothing here knows about windows, terminals or the wall clock. Callers pass
//! a [`Clock`]; the desktop shell and the CLI are thin adapters over this crate.

mod backups;
mod clock;
mod date;
mod db;
mod drafts;
mod error;
mod guidance;
mod insights;
mod journal;
mod pages;
mod people;
mod reminders;
mod review;
mod settings;
mod space;
mod text;
mod transfer;

pub use backups::{
    backup_stamp, keep as keep_backups, restore_backup, verify_backup, BackupInfo, BackupStatus,
    BACKUP_DIR,
};
pub use clock::{Clock, FixedClock};
pub use date::{format_date, parse_date};
pub use db::{
    decrypt_journal, encrypt_journal, is_encrypted, rekey_journal, KdfCost, LockState, Passphrase,
    SealKey, Store, APPLICATION_ID, BUSY_TIMEOUT, SCHEMA_VERSION,
};
pub use drafts::Draft;
pub use error::{Error, ErrorPayload, Result};
/// Which rules hear something on a page (for tuning them).
#[doc(hidden)]
pub use guidance::explain as guidance_explain;
pub use guidance::net_explain as guidance_net_explain;
/// The words the guidance model weighs in a passage (for training it).
#[doc(hidden)]
pub use guidance::{feature_hash, passage_features, row_len};
pub use guidance::{
    library, library_cards, parse_card, select_guidance, Card, DayEvent, GuidanceContext,
    LibraryCard, Stage, Suggestion, Theme, Trigger, MAX_SUGGESTIONS,
};
pub use insights::{
    mood_weeks, period_runs, week_counts, week_of, CalendarDay, HelpedCard, Insights, MoodPoint,
    MoodWeek, PeriodRuns, Run, WeekCounts,
};
pub use journal::{Journal, NotePreview, PeriodDetail, SpaceOverview, SEARCH_LIMIT};
pub use pages::{
    count_words, first_line, is_written, look_back_dates, LookBack, Page, PageSummary,
    RecoveredPage, Recovery, Revision, RevisionSummary, Saved, SearchFilter, SearchHit,
    MAX_BODY_BYTES, RECOVERY_SUFFIX, TIDY_STEP_PAGES,
};
pub use people::{
    company_summary, nudge_due, Company, TimeWithPeople, Unsent, UnsentOutcome, MAX_UNSENT_BYTES,
    MAX_WHAT_BYTES, MAX_WHO_BYTES,
};
pub use reminders::{
    next_notification, notification_text, pick_zone, resolve_local, Delivery, LockedReminders,
    NoteKind, Planned, ReminderFacts,
};
pub use review::{
    review_week, week_figures, WeekFacts, WeekReview, REVIEW_HEADING, REVIEW_QUESTIONS,
};
pub use settings::{format_time, SettingEntry, Settings, SETTING_KEYS};
pub use space::{
    reached_milestone, space_status, Contact, ContactCounts, ContactEdit, ContactKind,
    NextMilestone, Period, PeriodInfo, SpaceFacts, SpaceStatus, Urge, UrgeEdit, When,
    MAX_NOTE_BYTES, MILESTONES,
};
pub use transfer::{
    parse_export, write_markdown, Export, ExportDone, ExportFormat, ImportFormat, ImportSummary,
    MarkdownExport, EXPORT_FORMAT, EXPORT_VERSION,
};

/// The app's identifier (release builds); its data folder is named after it.
pub const APP_IDENTIFIER: &str = "app.breathingroom.journal";
/// The identifier of development builds: their own data folder, so a plain
/// `cargo run` never opens the person's journal.
pub const DEV_IDENTIFIER: &str = "app.breathingroom.journal.dev";
/// The journal's file name inside the app's data folder.
pub const DB_FILE_NAME: &str = "journal.db";
