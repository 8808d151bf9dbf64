//! Generates the permission set for our own commands; the capability file
//! then allows exactly these and nothing from plugins.

const COMMANDS: &[&str] = &[
    "today",
    "get_page",
    "save_page",
    "page_revisions",
    "restore_revision",
    "list_pages",
    "search_pages",
    "close_ready",
    "close_hold",
    "read_recovery",
    "write_recovery",
    "discard_recovery",
    "space_overview",
    "space_status",
    "start_period",
    "end_period",
    "log_contact",
    "log_urge",
    "edit_contact",
    "remove_contact",
    "restore_contact",
    "edit_urge",
    "remove_urge",
    "restore_urge",
    "revert_contact",
    "revert_urge",
    "period_detail",
    "mark_milestone_seen",
    "get_draft",
    "save_draft",
    "discard_draft",
    "notification_preview",
    "settings_get",
    "settings_set",
    "guidance",
    "guidance_library",
    "helpful_cards",
    "set_card_helpful",
    "set_card_aside",
    "lock_state",
    "unlock",
    "lock",
    "quick_hide",
    "encrypt_journal",
    "change_passphrase",
    "decrypt_journal",
    "backup_status",
    "restore_backup",
    "welcome_state",
    "welcome_done",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
