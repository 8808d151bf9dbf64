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
}
