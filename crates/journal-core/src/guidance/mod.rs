//! Guidance beside the page: the card library, the choice of a few cards for
//! the moment, and what the person said about them.

mod library;
mod matching;
mod signals;
mod store;
mod words;

pub use library::{
    library, library_cards, parse_card, Card, DayEvent, LibraryCard, Stage, Suggestion, Theme,
    Trigger,
};
pub use matching::{select_guidance, GuidanceContext, MAX_SUGGESTIONS};
