//! Verified backups: a copy of the journal written beside it (or elsewhere),
//! checked before it is kept, thinned out over time by a fixed rule, and put
//! back on request after the journal as it is has been copied too.

mod rules;
mod store;

pub use rules::keep;
pub(crate) use store::{backup_files_in, default_dir_of};
pub use store::{
    backup_stamp, restore_backup, verify_backup, BackupInfo, BackupStatus, BACKUP_DIR,
};
