//! The journal as the app and the CLI use it: one store behind a lock, one
//! clock, and every input arriving as the text a person or a script typed.

use crate::clock::Clock;
use crate::date::{format_date, parse_date};
use crate::db::Store;
use crate::drafts::Draft;
use crate::error::{Error, Result};
use crate::guidance::{select_guidance, DayEvent, GuidanceContext, Stage, Suggestion};
use crate::insights::CalendarDay;
use crate::pages::{Page, PageSummary, Revision, RevisionSummary, Saved, SearchHit};
use crate::reminders::{next_notification, notification_text, NoteKind, Planned};
use crate::settings::SettingEntry;
use crate::space::When;
use crate::space::{Contact, ContactEdit, ContactKind, Period, SpaceStatus, Urge, UrgeEdit};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::sync::{Mutex, MutexGuard};
use ts_rs::TS;

/// How many search results a caller gets at most.
pub const SEARCH_LIMIT: usize = 100;

pub struct Journal {
    store: Mutex<Store>,
    clock: Box<dyn Clock>,
}

impl Journal {
    pub fn new(store: Store, clock: impl Clock + 'static) -> Self {
        Journal {
            store: Mutex::new(store),
            clock: Box::new(clock),
        }
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave a half-written page
        // (every write is one transaction), so a poisoned lock is safe to reuse.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Make a verified backup in `dir` (default: `backups/` beside the
    /// journal), then thin that folder out.
    pub fn create_backup(&self, dir: Option<&std::path::Path>) -> Result<crate::BackupInfo> {
        let store = self.store();
        let dir = self.backup_dir(&store, dir)?;
        store.create_backup(&dir, self.clock.now(), self.clock.offset())
    }

    /// The backups in `dir` (default: `backups/` beside the journal), newest first.
    pub fn list_backups(&self, dir: Option<&std::path::Path>) -> Result<Vec<crate::BackupInfo>> {
        let store = self.store();
        let dir = self.backup_dir(&store, dir)?;
        store.list_backups(&dir)
    }

    /// Put back `backup`, one of this journal's own backups (listed by
    /// [`Journal::list_backups`]), closing the journal to do it: the backup
    /// is checked, the journal as it is now is backed up, then replaced.
    /// `passphrase` is the journal's, when it is encrypted (the backup is
    /// in the same form). Returns the backup taken of the journal as it
    /// was; open the journal again afterwards. Nothing changes on an error.
    pub fn restore_backup(
        self,
        backup: &std::path::Path,
        passphrase: Option<&crate::Passphrase>,
    ) -> Result<crate::BackupInfo> {
        let listed = self
            .list_backups(None)?
            .into_iter()
            .any(|b| b.path == backup.display().to_string());
        if !listed {
            return Err(crate::Error::invalid(
                "That file is not one of this journal's backups, so nothing was put back.",
            ));
        }
        let now = self.clock.now();
        let store = self.store.into_inner().unwrap_or_else(|p| p.into_inner());
        let journal = store
            .path()
            .ok_or_else(|| crate::Error::invalid("An in-memory journal has no backups."))?
            .to_path_buf();
        drop(store);
        crate::restore_backup(&journal, backup, passphrase, now)
    }

    /// Make the day's backup (into `backups/` beside the journal) unless
    /// one was already made on this local day. `Ok(None)` when none was due.
    pub fn daily_backup(&self) -> Result<Option<crate::BackupInfo>> {
        let store = self.store();
        let dir = self.backup_dir(&store, None)?;
        let offset = self.clock.offset();
        let today = self.clock.today();
        if let Some(at) = store.newest_backup_at(&dir)? {
            if at.with_timezone(&offset).date_naive() >= today {
                return Ok(None);
            }
        }
        store
            .create_backup(&dir, self.clock.now(), offset)
            .map(Some)
    }

    fn backup_dir(
        &self,
        store: &Store,
        dir: Option<&std::path::Path>,
    ) -> Result<std::path::PathBuf> {
        match dir {
            Some(d) => Ok(d.to_path_buf()),
            None => store.backup_place(),
        }
    }

    /// What seals the recovery file of this (encrypted) journal.
    pub fn recovery_key(&self) -> Option<crate::SealKey> {
        self.store().recovery_key()
    }

    /// Whether the journal is encrypted on disk.
    pub fn is_encrypted(&self) -> bool {
        self.store().is_encrypted()
    }

    /// Whether `passphrase` opens this (encrypted, open) journal.
    pub fn opens_with(&self, passphrase: &crate::db::Passphrase) -> Result<bool> {
        self.store().opens_with(passphrase)
    }

    /// Tidy the journal file while nothing else is happening.
    pub fn checkpoint(&self) -> Result<()> {
        self.store().checkpoint()
    }

    /// One small step of merging the search index, while nothing else is
    /// happening ([`Store::tidy_search`]); true while there is more to do.
    pub fn tidy_search(&self) -> Result<bool> {
        self.store().tidy_search()
    }

    /// Today's local date, `YYYY-MM-DD`.
    pub fn today(&self) -> String {
        format_date(self.clock.today())
    }

    pub fn get_page(&self, date: NaiveDate) -> Result<Page> {
        self.store().page(date)
    }

    /// Save a day's page. Days that have not come yet cannot be written.
    ///
    /// `base` is the page version the writer started from (the app always
    /// sends it); `None` is a writer that never read the page, such as
    /// `breathing-room-cli write`. Either way, text the writer had not seen
    /// is kept as a revision, never lost.
    pub fn save_page(
        &self,
        date: NaiveDate,
        body: &str,
        mood: Option<u8>,
        base: Option<u32>,
    ) -> Result<Saved> {
        let day = self.writable_day(date)?;
        self.store()
            .save_page_from(day, body, mood, base, self.clock.as_ref())
    }

    /// Add a paragraph to the end of a day's page.
    pub fn append_page(&self, date: NaiveDate, text: &str, mood: Option<u8>) -> Result<Page> {
        let day = self.writable_day(date)?;
        self.store()
            .append_to_page(day, text, mood, self.clock.as_ref())
    }

    fn writable_day(&self, day: NaiveDate) -> Result<NaiveDate> {
        if day > self.clock.today() {
            return Err(Error::invalid(format!(
                "{} has not come yet; you can write today's page or any day before it",
                format_date(day)
            )));
        }
        Ok(day)
    }

    /// Earlier texts of one day's page, or of every page, newest first.
    pub fn history(&self, date: Option<NaiveDate>) -> Result<Vec<RevisionSummary>> {
        self.store().history(date)
    }

    /// Every earlier text of one day's page, whole, newest first.
    pub fn revisions(&self, date: NaiveDate) -> Result<Vec<Revision>> {
        self.store().revisions(date)
    }

    /// One earlier text, whole.
    pub fn revision(&self, id: i64) -> Result<Revision> {
        self.store().revision(id)
    }

    /// Put an earlier text back; the current text is kept as a revision.
    pub fn restore_revision(&self, id: i64) -> Result<Page> {
        self.store().restore_revision(id, self.clock.as_ref())
    }

    pub fn list_pages(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<PageSummary>> {
        self.store().list_pages(from, to)
    }

    /// The calendar's marks for the days `from..=to`.
    pub fn calendar_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CalendarDay>> {
        self.store().calendar_days(from, to)
    }

    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        self.store().search(query, SEARCH_LIMIT)
    }

    /// Search with a chosen number of results at most.
    pub fn search_limited(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        self.store().search(query, limit)
    }

    /// The Looking back page's series for `from..=to` (default: from the
    /// first page to today).
    pub fn insights(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<crate::Insights> {
        self.store().insights(from, to, self.clock.today())
    }

    /// The earlier pages of `day`'s calendar date (see `pages::look_back`).
    pub fn on_this_day(&self, day: NaiveDate) -> Result<Vec<crate::LookBack>> {
        self.store().on_this_day(day)
    }

    /// What the page's quiet "on this day" line shows: the earlier pages of
    /// `day`'s date, none when `look_back` is off.
    pub fn look_back(&self, day: NaiveDate) -> Result<Vec<crate::LookBack>> {
        if !self.store().settings()?.look_back {
            return Ok(Vec::new());
        }
        self.on_this_day(day)
    }

    /// Search the pages `filter` keeps, `limit` results at most.
    pub fn search_with(
        &self,
        query: &str,
        filter: &crate::SearchFilter,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let filter = crate::SearchFilter {
            helped_offset_minutes: self.clock.offset().local_minus_utc() / 60,
            ..filter.clone()
        };
        self.store().search_with(query, &filter, limit)
    }
}

/// A notification's words, as the Settings page previews them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NotePreview {
    pub title: String,
    pub body: String,
}

/// One period in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeriodDetail {
    pub period: Period,
    /// The figures as they stood on its last day (today, while it is open).
    pub status: SpaceStatus,
    pub contacts: Vec<Contact>,
    pub urges: Vec<Urge>,
}

/// Everything the Space page shows, in one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SpaceOverview {
    pub status: SpaceStatus,
    /// The open period, or else the last one (if any).
    pub period: Option<Period>,
    /// That period's contacts and urges, oldest first.
    pub contacts: Vec<Contact>,
    pub urges: Vec<Urge>,
    /// A milestone reached and not yet acknowledged in the app.
    pub unseen_milestone: Option<u32>,
    /// Periods that have ended, latest first.
    pub past_periods: Vec<Period>,
}

impl Journal {
    fn day_or_today(&self, date: Option<NaiveDate>) -> NaiveDate {
        date.unwrap_or_else(|| self.clock.today())
    }

    pub fn start_period(
        &self,
        start: Option<NaiveDate>,
        upfront_note: Option<&str>,
    ) -> Result<Period> {
        let start = self.day_or_today(start);
        self.store()
            .start_period(start, upfront_note, self.clock.as_ref())
    }

    pub fn end_period(&self, end: Option<NaiveDate>, outcome: Option<&str>) -> Result<Period> {
        let end = self.day_or_today(end);
        self.store().end_period(end, outcome, self.clock.as_ref())
    }

    /// The open period, or else the last one.
    pub fn current_period(&self) -> Result<Option<Period>> {
        Ok(self.store().periods()?.into_iter().next())
    }

    pub fn log_contact(
        &self,
        kind: ContactKind,
        when: When,
        note: Option<&str>,
    ) -> Result<Contact> {
        self.store()
            .add_contact(kind, when, note, self.clock.as_ref())
    }

    pub fn log_urge(&self, when: When, intensity: Option<u8>, note: Option<&str>) -> Result<Urge> {
        self.store()
            .add_urge(when, intensity, note, self.clock.as_ref())
    }

    pub fn contacts(&self) -> Result<Vec<Contact>> {
        self.store().contacts(None, None)
    }

    /// Every contact, oldest first; the removed ones too when `removed`.
    pub fn contacts_with(&self, removed: bool) -> Result<Vec<Contact>> {
        self.store().contacts_with(None, None, removed)
    }

    /// Every urge, oldest first; the removed ones too when `removed`.
    pub fn urges_with(&self, removed: bool) -> Result<Vec<Urge>> {
        self.store().urges_with(None, None, removed)
    }

    /// Correct a contact's kind, day or note; the earlier version is kept.
    pub fn edit_contact(&self, id: i64, edit: &ContactEdit<'_>) -> Result<Contact> {
        self.store().edit_contact(id, edit, self.clock.as_ref())
    }

    /// Take a contact back (it no longer counts; it is kept, and can return).
    pub fn remove_contact(&self, id: i64) -> Result<Contact> {
        self.store().remove_contact(id, self.clock.as_ref())
    }

    /// Undo taking a contact back.
    pub fn restore_contact(&self, id: i64) -> Result<Contact> {
        self.store().restore_contact(id, self.clock.as_ref())
    }

    /// Correct an urge's day, intensity or note; the earlier version is kept.
    pub fn edit_urge(&self, id: i64, edit: &UrgeEdit<'_>) -> Result<Urge> {
        self.store().edit_urge(id, edit, self.clock.as_ref())
    }

    pub fn remove_urge(&self, id: i64) -> Result<Urge> {
        self.store().remove_urge(id, self.clock.as_ref())
    }

    pub fn restore_urge(&self, id: i64) -> Result<Urge> {
        self.store().restore_urge(id, self.clock.as_ref())
    }

    /// Undo a contact's latest change: it is put back exactly as it was.
    pub fn revert_contact(&self, id: i64) -> Result<Contact> {
        self.store().revert_contact(id, self.clock.as_ref())
    }

    /// Undo an urge's latest change: it is put back exactly as it was.
    pub fn revert_urge(&self, id: i64) -> Result<Urge> {
        self.store().revert_urge(id, self.clock.as_ref())
    }

    /// A period in full: its dates, notes, figures as they stood on its last
    /// day (or today), and its timeline.
    pub fn period_detail(&self, id: i64) -> Result<PeriodDetail> {
        let store = self.store();
        let period = store
            .periods()?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| Error::invalid(format!("there is no period numbered {id}")))?;
        let end = period.end.as_deref().map(parse_date).transpose()?;
        let as_of = end.unwrap_or_else(|| self.clock.today());
        let (contacts, urges) = store.period_events(&period)?;
        Ok(PeriodDetail {
            status: store.status_in(Some(&period), as_of)?,
            contacts,
            urges,
            period,
        })
    }

    /// The figures as of `as_of` (today when `None`).
    pub fn space_status(&self, as_of: Option<NaiveDate>) -> Result<SpaceStatus> {
        let as_of = self.day_or_today(as_of);
        self.store().space_status(as_of)
    }

    pub fn space_overview(&self) -> Result<SpaceOverview> {
        let store = self.store();
        let clock = self.clock.as_ref();
        let mut periods = store.periods()?.into_iter();
        let period = periods.next();
        let (contacts, urges) = match &period {
            Some(p) => store.period_events(p)?,
            None => (Vec::new(), Vec::new()),
        };
        let past_periods = period
            .iter()
            .filter(|p| p.end.is_some())
            .cloned()
            .chain(periods)
            .collect();
        Ok(SpaceOverview {
            status: store.space_status(clock.today())?,
            unseen_milestone: store.unseen_milestone(clock)?,
            period,
            contacts,
            urges,
            past_periods,
        })
    }

    /// Guidance for a day's page. `text` and `mood` are what is on screen
    /// (the page may not be saved yet); the stored page is used without them.
    pub fn guidance(
        &self,
        date: Option<NaiveDate>,
        text: Option<&str>,
        mood: Option<u8>,
    ) -> Result<Vec<Suggestion>> {
        let day = self.day_or_today(date);
        let store = self.store();
        let page = match text {
            Some(_) => None,
            None => Some(store.page(day)?),
        };
        let status = store.space_status(day)?;
        let days = status
            .period
            .as_ref()
            .filter(|p| p.end.as_deref().is_none_or(|e| e >= status.as_of.as_str()))
            .map(|p| p.days_since_start);
        let mut events = Vec::new();
        if !store.urges(Some(day), Some(day))?.is_empty() {
            events.push(DayEvent::Urge);
        }
        for c in store.contacts(Some(day), Some(day))? {
            let e = match c.kind {
                ContactKind::Pursued => DayEvent::Pursued,
                ContactKind::TheyReachedOut => DayEvent::TheyReachedOut,
                ContactKind::Necessary => DayEvent::Necessary,
                ContactKind::Upfront => continue,
            };
            if !events.contains(&e) {
                events.push(e);
            }
        }
        if !store.company(Some(day), Some(day))?.is_empty() {
            events.push(DayEvent::Company);
        } else if store.quiet_stretch(day)? {
            events.push(DayEvent::Quiet);
        }
        let set_aside = store.cards_set_aside(day)?;
        let ctx = GuidanceContext {
            date: day,
            stage: Stage::from_days(days),
            mood: if text.is_some() {
                mood
            } else {
                page.as_ref().and_then(|p| p.mood)
            },
            text: text.unwrap_or_else(|| page.as_ref().map_or("", |p| p.body.as_str())),
            events: &events,
            set_aside: &set_aside,
        };
        let mut cards = select_guidance(&ctx);
        if day < self.clock.today() {
            for c in &mut cards {
                c.reason = crate::guidance::reason_for_past_day(&c.reason);
            }
        }
        Ok(cards)
    }

    /// Log time spent with `who` (and what, and how it felt, 1 to 5).
    pub fn log_company(
        &self,
        when: When,
        who: &str,
        what: Option<&str>,
        felt: Option<u8>,
    ) -> Result<crate::Company> {
        self.store()
            .add_company(when, who, what, felt, self.clock.as_ref())
    }

    /// Time with people on days `from..=to`, oldest first.
    pub fn company(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<crate::Company>> {
        self.store().company(from, to)
    }

    /// Take back a time with people logged by mistake, or (`removed`
    /// false) put it back: the Undo after logging.
    pub fn set_company_removed(&self, id: i64, removed: bool) -> Result<crate::Company> {
        self.store()
            .set_company_removed(id, removed, self.clock.as_ref())
    }

    /// The names used before, the most recent first.
    pub fn company_names(&self) -> Result<Vec<String>> {
        self.store().company_names()
    }

    /// Whether the quiet-days note stands beside today's page (once in a
    /// quiet stretch; see `people::rules::nudge_due`).
    pub fn company_nudge(&self) -> Result<bool> {
        self.store().company_nudge(self.clock.today())
    }

    /// The week's look back for the week holding `day` (default: this one).
    pub fn week_review(&self, day: Option<NaiveDate>) -> Result<crate::WeekReview> {
        let today = self.clock.today();
        self.store()
            .week_review(day.unwrap_or(today), today, self.clock.offset())
    }

    /// The three answers of this week's look back, written into today's
    /// page under its heading; returns the week as it is now.
    pub fn answer_review(
        &self,
        helped: &str,
        company: &str,
        next: &str,
    ) -> Result<crate::WeekReview> {
        let today = self.clock.today();
        let mut store = self.store();
        store.answer_review(today, [helped, company, next], self.clock.as_ref())?;
        store.week_review(today, today, self.clock.offset())
    }

    /// Today is the day of the week's look back, and it is not answered yet.
    pub fn review_due(&self) -> Result<bool> {
        let today = self.clock.today();
        let store = self.store();
        if today.weekday() != store.settings()?.review_day {
            return Ok(false);
        }
        Ok(store
            .week_review(today, today, self.clock.offset())?
            .answered_on
            .is_none())
    }

    /// Keep a message written here instead of being sent, with what became
    /// of it (kept: an urge held; sent-necessary: a necessary contact).
    pub fn log_unsent(
        &self,
        when: When,
        body: &str,
        outcome: crate::UnsentOutcome,
    ) -> Result<crate::Unsent> {
        self.store()
            .add_unsent(when, body, outcome, self.clock.as_ref())
    }

    /// Every message written here, oldest first.
    pub fn unsent_list(&self) -> Result<Vec<crate::Unsent>> {
        self.store().unsent_list()
    }

    pub fn unsent(&self, id: i64) -> Result<crate::Unsent> {
        self.store().unsent(id)
    }

    /// Delete a message for good (nothing of its text is kept).
    pub fn delete_unsent(&self, id: i64) -> Result<()> {
        self.store().delete_unsent(id)
    }

    pub fn set_card_helpful(&self, id: &str, helpful: bool) -> Result<()> {
        self.store()
            .set_card_helpful(id, helpful, self.clock.as_ref())
    }

    pub fn helpful_cards(&self) -> Result<Vec<String>> {
        self.store().helpful_cards()
    }

    /// "Not today" for a card on a day's page, or (`aside` false) its undo.
    pub fn set_card_aside(&self, id: &str, date: Option<NaiveDate>, aside: bool) -> Result<()> {
        let day = self.day_or_today(date);
        self.store().set_card_aside(id, day, aside)
    }

    /// What was last typed in a form, kept until submitted or discarded.
    pub fn draft(&self, key: &str) -> Result<Option<Draft>> {
        self.store().draft(key)
    }

    /// Keep what is typed in a form (blank text lets the draft go).
    pub fn save_draft(&self, key: &str, body: &str) -> Result<()> {
        self.store().save_draft(key, body, self.clock.as_ref())
    }

    pub fn discard_draft(&self, key: &str) -> Result<()> {
        self.store().discard_draft(key)
    }

    /// Every setting as key/value text.
    /// The whole journal as JSON in the export format (`docs/export-format.md`).
    pub fn export_json(&self) -> Result<String> {
        Ok(self.export_counted()?.0)
    }

    /// [`Journal::export_json`], and the number of pages in it.
    fn export_counted(&self) -> Result<(String, u32)> {
        let at = self
            .clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let export = self.store().export(&at)?;
        let text = serde_json::to_string_pretty(&export)
            .map_err(|e| Error::invalid(format!("The export could not be written out ({e}).")))?;
        Ok((text, export.pages.len() as u32))
    }

    /// The journal as Markdown files in `dir` (new or empty): one per day,
    /// `YYYY/MM/YYYY-MM-DD.md`, and `space.md` (see `transfer::markdown`).
    pub fn export_markdown(&self, dir: &std::path::Path) -> Result<crate::MarkdownExport> {
        let at = self
            .clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let export = self.store().export(&at)?;
        crate::transfer::write_markdown(&export, dir)
    }

    /// Brings in an export (its JSON text): a backup of the journal first
    /// (not for a dry run), then all of it in one transaction. See
    /// `transfer::json` for how pages merge and what else comes in.
    pub fn import_json(&self, text: &str, dry_run: bool) -> Result<crate::ImportSummary> {
        self.import_reader(crate::ImportFormat::Json, text.as_bytes(), None, dry_run)
    }

    /// The JSON export sealed with its own passphrase in the age format
    /// (`age -d` opens it too).
    pub fn export_age(&self, passphrase: &crate::Passphrase) -> Result<Vec<u8>> {
        crate::transfer::seal_export(&self.export_json()?, passphrase)
    }

    /// Brings in an encrypted export, given its passphrase, as
    /// [`Journal::import_json`] does the plain one.
    pub fn import_age(
        &self,
        bytes: &[u8],
        passphrase: &crate::Passphrase,
        dry_run: bool,
    ) -> Result<crate::ImportSummary> {
        self.import_reader(crate::ImportFormat::Age, bytes, Some(passphrase), dry_run)
    }

    /// Brings in jrnl's plain-text journal file (see `transfer::jrnl`): each
    /// day's entries become that day's page, merged like an export's pages.
    pub fn import_jrnl(&self, text: &str, dry_run: bool) -> Result<crate::ImportSummary> {
        self.import_reader(crate::ImportFormat::Jrnl, text.as_bytes(), None, dry_run)
    }

    /// Brings in jrnl's JSON export (`jrnl --export json`), as
    /// [`Journal::import_jrnl`] does its text file.
    pub fn import_jrnl_json(&self, text: &str, dry_run: bool) -> Result<crate::ImportSummary> {
        self.import_reader(
            crate::ImportFormat::JrnlJson,
            text.as_bytes(),
            None,
            dry_run,
        )
    }

    /// Brings in a folder of Markdown files named by date (this app's
    /// Markdown export, or one's own notes), as [`Journal::import_jrnl`] does.
    pub fn import_markdown(
        &self,
        dir: &std::path::Path,
        dry_run: bool,
    ) -> Result<crate::ImportSummary> {
        self.bring_in(dry_run, |at, emit| {
            crate::transfer::read_markdown_folder(dir, at, emit)
        })
    }

    /// Brings in Day One's export: its `.zip` (every journal inside) or a
    /// journal's JSON (see `transfer::dayone`), merged like the others.
    pub fn import_dayone(&self, bytes: &[u8], dry_run: bool) -> Result<crate::ImportSummary> {
        self.bring_in(dry_run, |at, emit| {
            crate::transfer::read_dayone(std::io::Cursor::new(bytes), at, emit)
        })
    }

    /// Brings in the file (or, for Markdown, the folder) at `path`, read as
    /// `format`; an encrypted export needs its own passphrase. The file is
    /// read as it is imported, never held whole.
    pub fn import_file(
        &self,
        format: crate::ImportFormat,
        path: &std::path::Path,
        passphrase: Option<&crate::Passphrase>,
        dry_run: bool,
    ) -> Result<crate::ImportSummary> {
        use crate::ImportFormat as F;
        match format {
            F::Markdown => self.import_markdown(path, dry_run),
            F::DayOne => self.bring_in(dry_run, |at, emit| {
                crate::transfer::read_dayone(crate::transfer::open(path)?, at, emit)
            }),
            _ => self.import_reader(format, crate::transfer::open(path)?, passphrase, dry_run),
        }
    }

    /// Brings in a file of `format` read from `reader` (not Markdown, a
    /// folder, nor Day One, which may be a `.zip`).
    fn import_reader(
        &self,
        format: crate::ImportFormat,
        reader: impl std::io::BufRead,
        passphrase: Option<&crate::Passphrase>,
        dry_run: bool,
    ) -> Result<crate::ImportSummary> {
        use crate::transfer::{read_export, read_jrnl, read_jrnl_json, Arrived};
        use crate::ImportFormat as F;
        let ours = |file| {
            Ok(Arrived {
                rest: Some(file),
                ..Arrived::default()
            })
        };
        match format {
            F::Json => self.bring_in(dry_run, |_, emit| ours(read_export(reader, emit)?)),
            F::Age => {
                let passphrase = passphrase.ok_or_else(|| {
                    Error::PassphraseMissing(
                        "This export is encrypted: it opens with the passphrase it was saved with."
                            .into(),
                    )
                })?;
                let plain = crate::transfer::open_export(reader, passphrase)?;
                self.bring_in(dry_run, |_, emit| ours(read_export(plain, emit)?))
            }
            F::Jrnl => self.bring_in(dry_run, |at, emit| read_jrnl(reader, at, emit)),
            F::JrnlJson => self.bring_in(dry_run, |at, emit| read_jrnl_json(reader, at, emit)),
            F::DayOne | F::Markdown => Err(Error::invalid(format!(
                "{} is not read from a single stream",
                format.name()
            ))),
        }
    }

    /// Writes the journal out to `path` as `format` (Markdown: a new or
    /// empty folder), readable by its owner only; `age` needs a passphrase
    /// of its own.
    pub fn export_file(
        &self,
        format: crate::ExportFormat,
        path: &std::path::Path,
        passphrase: Option<&crate::Passphrase>,
    ) -> Result<crate::ExportDone> {
        use crate::ExportFormat as F;
        let (pages, encrypted) = match format {
            F::Markdown => (self.export_markdown(path)?.pages, false),
            F::Json => {
                let (text, pages) = self.export_counted()?;
                crate::transfer::write_private(path, text.as_bytes())?;
                (pages, false)
            }
            F::Age => {
                let passphrase = passphrase.ok_or_else(|| {
                    Error::PassphraseMissing(
                        "An encrypted export needs a passphrase of its own.".into(),
                    )
                })?;
                let (text, pages) = self.export_counted()?;
                let sealed = crate::transfer::seal_export(&text, passphrase)?;
                crate::transfer::write_private(path, &sealed)?;
                (pages, true)
            }
        };
        Ok(crate::ExportDone {
            path: path.display().to_string(),
            pages,
            encrypted,
        })
    }

    /// Reads a file with `read` (given the import's time, and where to hand
    /// each page as it is read) into the journal: a backup first (not for a
    /// dry run), then all of it in one transaction. A file that cannot be
    /// read to its end changes nothing: the transaction is rolled back and
    /// the backup made for it removed.
    fn bring_in(
        &self,
        dry_run: bool,
        read: impl FnOnce(&str, &mut crate::transfer::Emit<'_>) -> Result<crate::transfer::Arrived>,
    ) -> Result<crate::ImportSummary> {
        let at = self
            .clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let store = self.store();
        let backup = if dry_run {
            None
        } else {
            let dir = self.backup_dir(&store, None)?;
            let made = store.backup_unthinned(&dir, self.clock.now())?;
            Some((dir, made))
        };
        let imported = (|| {
            let mut import = crate::transfer::Importer::begin(&store, &at)?;
            let arrived = read(&at, &mut |page| import.page(&page))?;
            if let Some(rest) = &arrived.rest {
                import.rest(rest)?;
            }
            let mut summary = import.finish(dry_run)?;
            let mut warnings = arrived.warnings;
            warnings.append(&mut summary.warnings);
            summary.warnings = warnings;
            summary.media_skipped = arrived.media;
            Ok(summary)
        })();
        if let Some((dir, made)) = backup {
            match &imported {
                Ok(_) => store.thin_backups(&dir, &made, self.clock.offset())?,
                Err(_) => {
                    let _ = std::fs::remove_file(&made);
                }
            }
        }
        imported
    }

    /// Whether the first-start welcome is due (never seen, nothing written).
    pub fn needs_welcome(&self) -> Result<bool> {
        self.store().needs_welcome()
    }

    /// The welcome was finished or skipped: it never shows again.
    pub fn welcome_done(&self) -> Result<()> {
        self.store().welcome_done()
    }

    pub fn settings(&self) -> Result<Vec<SettingEntry>> {
        Ok(self.store().settings()?.entries())
    }

    pub fn setting(&self, key: &str) -> Result<SettingEntry> {
        let value = self.store().settings()?.get(key)?;
        Ok(SettingEntry {
            key: key.to_string(),
            value,
        })
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<SettingEntry> {
        let value = self.store().set_setting(key, value)?.get(key)?;
        Ok(SettingEntry {
            key: key.to_string(),
            value,
        })
    }

    /// The next notification as of `now` in `zone`.
    pub fn next_reminder(&self, now: DateTime<Utc>, zone: Tz) -> Result<Option<Planned>> {
        let store = self.store();
        let today = now.with_timezone(&zone).date_naive();
        let facts = store.reminder_facts(today)?;
        Ok(next_notification(
            &store.settings()?,
            &facts,
            &store.deliveries()?,
            now,
            zone,
        ))
    }

    pub fn record_delivery(&self, planned: &Planned) -> Result<()> {
        self.store().record_delivery(planned, self.clock.as_ref())
    }

    /// What the reminders need while the journal is locked, read now.
    pub fn locked_reminders(&self, zone: Tz) -> Result<crate::LockedReminders> {
        let store = self.store();
        let today = self.clock.now().with_timezone(&zone).date_naive();
        Ok(crate::LockedReminders {
            settings: store.settings()?,
            facts: store.reminder_facts(today)?,
            delivered: store.deliveries()?,
            sent: Vec::new(),
        })
    }

    /// The words for a notification about to go out, per the settings.
    pub fn notification_text(&self, planned: &Planned) -> Result<(String, String)> {
        let store = self.store();
        let discreet = store.settings()?.discreet;
        let status = store.space_status(planned.local_date)?;
        let open = status.period.as_ref().is_some_and(|p| p.end.is_none());
        let days = match planned.kind {
            NoteKind::Milestone => planned.days,
            _ => open.then_some(status.current_streak_days),
        };
        Ok(notification_text(planned.kind, discreet, days))
    }

    /// How today's daily note would read, as discreet or not, for the
    /// Settings page's preview (the same words the note itself uses).
    pub fn notification_preview(&self, discreet: bool) -> Result<NotePreview> {
        let status = self.store().space_status(self.clock.today())?;
        let open = status.period.as_ref().is_some_and(|p| p.end.is_none());
        let days = open.then_some(status.current_streak_days);
        let (title, body) = notification_text(NoteKind::Daily, discreet, days);
        Ok(NotePreview { title, body })
    }

    pub fn mark_milestone_seen(&self, days: u32) -> Result<()> {
        self.store().mark_milestone_seen(days, self.clock.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn journal() -> Journal {
        let clock = FixedClock::at_utc("2027-03-14T12:00:00Z");
        Journal::new(Store::open_in_memory().unwrap(), clock)
    }

    #[test]
    fn writes_today_and_earlier_days_but_not_the_future() {
        let j = journal();
        assert_eq!(j.today(), "2027-03-14");
        j.save_page(d("2027-03-14"), "today", None, None).unwrap();
        j.save_page(d("2027-03-13"), "late, for yesterday", Some(3), None)
            .unwrap();
        let e = j
            .save_page(d("2027-03-15"), "tomorrow", None, None)
            .unwrap_err();
        assert_eq!(e.code(), "invalid_input");
        assert_eq!(j.get_page(d("2027-03-15")).unwrap().body, "");
        assert_eq!(j.list_pages(None, None).unwrap().len(), 2);
    }

    #[test]
    fn the_settings_preview_is_the_notes_own_wording() {
        let j = journal();
        // No period: no count, discreet or not.
        assert_eq!(
            j.notification_preview(true).unwrap().body,
            "A quiet moment for your pages"
        );
        assert_eq!(
            j.notification_preview(false).unwrap().body,
            "A few lines before the day ends? Your page is waiting."
        );
        j.start_period(Some(d("2027-03-08")), None).unwrap();
        let warm = j.notification_preview(false).unwrap();
        assert_eq!(warm.title, "Breathing Room");
        assert_eq!(
            warm.body,
            "Day 6 of giving space. A few lines before the day ends?"
        );
        // Discreet never names a count.
        assert_eq!(
            j.notification_preview(true).unwrap().body,
            "A quiet moment for your pages"
        );
        j.end_period(Some(d("2027-03-12")), None).unwrap();
        assert_eq!(
            j.notification_preview(false).unwrap().body,
            "A few lines before the day ends? Your page is waiting."
        );
    }

    #[test]
    fn a_bad_date_from_the_ui_is_a_clear_error() {
        // Dates are parsed at the edges (commands, CLI) before the facade.
        let e = parse_date("14/03/2027").unwrap_err();
        assert_eq!(e.code(), "invalid_input");
    }
}
