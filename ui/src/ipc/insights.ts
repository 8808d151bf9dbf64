// Typed wrapper for the Looking back page's series (computed in the core).

import { call } from './journal';
import type { Insights } from './bindings/Insights';
import type { MoodPoint } from './bindings/MoodPoint';
import type { MoodWeek } from './bindings/MoodWeek';
import type { PeriodRuns } from './bindings/PeriodRuns';
import type { Run } from './bindings/Run';
import type { WeekCounts } from './bindings/WeekCounts';
import type { HelpedCard } from './bindings/HelpedCard';

export type { HelpedCard, Insights, MoodPoint, MoodWeek, PeriodRuns, Run, WeekCounts };

/** The series for `from..=to`; without them, from the first page to today. */
export function insights(from?: string, to?: string): Promise<Insights> {
  return call<Insights>('insights', { from: from ?? null, to: to ?? null });
}
