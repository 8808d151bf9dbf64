//! Leaving and arriving: the whole journal written out in a documented
//! format, and read back in.

mod jrnl;
mod json;
mod markdown;

pub(crate) use jrnl::{read_jrnl, read_jrnl_json};
pub(crate) use markdown::read_markdown_folder;
pub use markdown::write_markdown;
pub use markdown::MarkdownExport;

pub use json::{
    parse_export, Export, ImportSummary, FORMAT as EXPORT_FORMAT, VERSION as EXPORT_VERSION,
};

/// Reads a file of another app into pages (`imported_at` stands as their
/// saving time), with warnings about what was left out.
pub(crate) type PageReader = fn(&str, &str) -> crate::Result<(Export, Vec<String>)>;
