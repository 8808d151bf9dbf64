//! The TypeScript types in `ui/src/ipc/bindings/` are generated from the Rust
//! types the UI sees. This test fails when they are stale; run it with
//! `UPDATE_BINDINGS=1` to regenerate them.

use journal_core::{
    BackupInfo, BackupStatus, Contact, ContactCounts, ContactKind, Draft, ErrorPayload, ExportDone,
    ImportSummary, LibraryCard, LockState, LookBack, NextMilestone, NotePreview, Page, PageSummary,
    Period, PeriodDetail, PeriodInfo, RecoveredPage, Revision, RevisionSummary, Saved, SearchHit,
    SettingEntry, SpaceOverview, SpaceStatus, Suggestion, Theme, Urge,
};
use std::path::PathBuf;
use ts_rs::{Config, TS};

fn bindings_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/bindings")
}

fn check<T: TS + 'static>(stale: &mut Vec<String>) {
    let cfg = Config::new();
    let name = format!("{}.ts", T::name(&cfg));
    let want = T::export_to_string(&cfg).expect("type exports");
    let path = bindings_dir().join(&name);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(bindings_dir()).unwrap();
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have != want {
        stale.push(name);
    }
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let mut stale = Vec::new();
    check::<Page>(&mut stale);
    check::<LockState>(&mut stale);
    check::<BackupInfo>(&mut stale);
    check::<BackupStatus>(&mut stale);
    check::<ExportDone>(&mut stale);
    check::<ImportSummary>(&mut stale);
    check::<LookBack>(&mut stale);
    check::<journal_core::Insights>(&mut stale);
    check::<journal_core::CalendarDay>(&mut stale);
    check::<journal_core::MoodPoint>(&mut stale);
    check::<journal_core::MoodWeek>(&mut stale);
    check::<journal_core::PeriodRuns>(&mut stale);
    check::<journal_core::Run>(&mut stale);
    check::<journal_core::WeekCounts>(&mut stale);
    check::<journal_core::HelpedCard>(&mut stale);
    check::<PageSummary>(&mut stale);
    check::<Revision>(&mut stale);
    check::<RevisionSummary>(&mut stale);
    check::<Saved>(&mut stale);
    check::<SearchHit>(&mut stale);
    check::<ErrorPayload>(&mut stale);
    check::<Period>(&mut stale);
    check::<Contact>(&mut stale);
    check::<ContactKind>(&mut stale);
    check::<Urge>(&mut stale);
    check::<ContactCounts>(&mut stale);
    check::<PeriodInfo>(&mut stale);
    check::<NextMilestone>(&mut stale);
    check::<SpaceStatus>(&mut stale);
    check::<journal_core::TimeWithPeople>(&mut stale);
    check::<journal_core::Company>(&mut stale);
    check::<journal_core::Unsent>(&mut stale);
    check::<journal_core::UnsentOutcome>(&mut stale);
    check::<journal_core::WeekReview>(&mut stale);
    check::<SpaceOverview>(&mut stale);
    check::<PeriodDetail>(&mut stale);
    check::<Theme>(&mut stale);
    check::<Suggestion>(&mut stale);
    check::<LibraryCard>(&mut stale);
    check::<SettingEntry>(&mut stale);
    check::<Draft>(&mut stale);
    check::<NotePreview>(&mut stale);
    check::<RecoveredPage>(&mut stale);
    assert!(
        stale.is_empty(),
        "stale TypeScript bindings: {stale:?}; run `UPDATE_BINDINGS=1 cargo test -p journal-core --test bindings` and commit ui/src/ipc/bindings"
    );
}
