//! Guidance beside the page: the card library, the choice of a few cards for
//! the moment, and what the person said about them.

mod learned;
mod library;
mod matching;
mod signals;
mod store;
mod weights;
mod words;

pub use learned::{feature_hash, net_explain, passage_features, row_len};
pub use library::{
    library, library_cards, parse_card, Card, DayEvent, LibraryCard, Stage, Suggestion, Theme,
    Trigger,
};
pub use matching::{reason_for_past_day, select_guidance, GuidanceContext, MAX_SUGGESTIONS};
pub use signals::explain;
