//! Leaving and arriving: the whole journal written out in a documented
//! format, and read back in.

mod dayone;
mod files;
mod import;
mod jrnl;
mod json;
mod markdown;
mod sealed;
mod stream;

pub(crate) use dayone::read_dayone;
pub(crate) use files::write_private;
pub use files::{ExportDone, ExportFormat, ImportFormat};
pub(crate) use import::Importer;
pub(crate) use jrnl::{read_jrnl, read_jrnl_json};
pub(crate) use json::read_export;
pub(crate) use markdown::read_markdown_folder;
pub use markdown::write_markdown;
pub use markdown::MarkdownExport;
pub(crate) use sealed::{open_export, seal_export};
pub(crate) use stream::{open, Arrived, Emit};

pub use json::{
    parse_export, Export, ImportSummary, FORMAT as EXPORT_FORMAT, VERSION as EXPORT_VERSION,
};
