//! Looking back: the series the Looking back page draws and `insights`
//! prints, computed here (pure functions in `series`, read from the store
//! in `store`) so the UI only draws.

mod calendar;
mod series;
mod store;

pub use calendar::CalendarDay;
pub use series::{
    mood_weeks, period_runs, week_counts, week_of, MoodPoint, MoodWeek, PeriodRuns, Run, WeekCounts,
};
pub use store::{HelpedCard, Insights};
