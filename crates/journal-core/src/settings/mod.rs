//! Settings: the keys, their values and checks (`rules`), and their storage.

mod rules;
mod store;

pub use rules::{format_time, SettingEntry, Settings, SETTING_KEYS};
