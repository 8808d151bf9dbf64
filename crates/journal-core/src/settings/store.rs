//! Settings in the store: the saved values over the defaults.

use super::rules::Settings;
use crate::db::Store;
use crate::error::Result;
use rusqlite::params;

impl Store {
    /// The stored settings over the defaults.
    pub fn settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        let mut stmt = self.conn.prepare_cached("SELECT key, value FROM setting")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (key, value) = row?;
            // Values were checked when set; one from a newer version that
            // this build cannot read keeps its default.
            let _ = settings.set(&key, &value);
        }
        Ok(settings)
    }

    /// Change one setting; a bad key or value is refused and nothing changes.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<Settings> {
        let mut settings = self.settings()?;
        settings.set(key, value)?;
        let normalized = settings.get(key)?;
        self.conn.execute(
            "INSERT INTO setting(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, normalized],
        )?;
        Ok(settings)
    }

    /// Whether the first-start welcome is due: it was never finished or
    /// skipped, and nothing has been written or logged yet (a journal from
    /// before the welcome existed never sees it).
    pub fn needs_welcome(&self) -> Result<bool> {
        let done: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM setting WHERE key = ?1)
                 OR EXISTS(SELECT 1 FROM page)
                 OR EXISTS(SELECT 1 FROM space_period)",
            params![WELCOME_DONE],
            |r| r.get(0),
        )?;
        Ok(!done)
    }

    /// The welcome was finished or skipped: never again.
    pub fn welcome_done(&mut self) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting(key, value) VALUES (?1, 'true')
             ON CONFLICT(key) DO NOTHING",
            params![WELCOME_DONE],
        )?;
        Ok(())
    }
}

/// Kept with the settings but not one of them (no `settings get` lists it):
/// whether the first-start welcome has been seen.
const WELCOME_DONE: &str = "state.welcome_done";
