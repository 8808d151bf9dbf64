//! Leaving and arriving: the whole journal written out in a documented
//! format, and read back in.

mod dayone;
mod files;
mod jrnl;
mod json;
mod markdown;
mod sealed;

pub(crate) use dayone::read_dayone;
pub(crate) use files::{read_bytes, read_text, write_private};
pub use files::{ExportDone, ExportFormat, ImportFormat};
pub(crate) use jrnl::{read_jrnl, read_jrnl_json};
pub(crate) use markdown::read_markdown_folder;
pub use markdown::write_markdown;
pub use markdown::MarkdownExport;
pub(crate) use sealed::{open_export, seal_export};

pub use json::{
    parse_export, Export, ImportSummary, FORMAT as EXPORT_FORMAT, VERSION as EXPORT_VERSION,
};
