//! Leaving and arriving: the whole journal written out in a documented
//! format, and read back in.

mod json;

pub use json::{
    parse_export, Export, ImportSummary, FORMAT as EXPORT_FORMAT, VERSION as EXPORT_VERSION,
};
