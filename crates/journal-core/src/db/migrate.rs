//! The schema: numbered SQL folders under `migrations/`, embedded at build time.

use include_dir::{include_dir, Dir};
use rusqlite_migration::Migrations;
use std::sync::LazyLock;

pub(super) static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/migrations");
pub(super) static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::from_directory(&MIGRATIONS_DIR).expect("embedded migrations are well-formed")
});

/// The schema version this build writes (the number of migrations).
pub const SCHEMA_VERSION: i64 = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_version_matches_the_migration_files() {
        assert_eq!(MIGRATIONS_DIR.dirs().count() as i64, SCHEMA_VERSION);
        assert!(MIGRATIONS.validate().is_ok());
    }
}
