// Typed wrappers for the "giving space" commands. Argument keys match the
// Rust command parameters exactly; every rejection is an ErrorPayload.

import { call } from './journal';
import type { Contact } from './bindings/Contact';
import type { ContactCounts } from './bindings/ContactCounts';
import type { ContactKind } from './bindings/ContactKind';
import type { NextMilestone } from './bindings/NextMilestone';
import type { Period } from './bindings/Period';
import type { PeriodInfo } from './bindings/PeriodInfo';
import type { SpaceOverview } from './bindings/SpaceOverview';
import type { SpaceStatus } from './bindings/SpaceStatus';
import type { Urge } from './bindings/Urge';

export type {
  Contact,
  ContactCounts,
  ContactKind,
  NextMilestone,
  Period,
  PeriodInfo,
  SpaceOverview,
  SpaceStatus,
  Urge,
};

/** Everything the Space page shows: status, the current (or last) period and its events. */
export function spaceOverview(): Promise<SpaceOverview> {
  return call<SpaceOverview>('space_overview');
}

/** Just the counts, for a one-line summary. */
export function spaceStatus(): Promise<SpaceStatus> {
  return call<SpaceStatus>('space_status');
}

/** Begins a period on `start` (day 0; null = today). A note is also logged as the upfront contact. */
export function startPeriod(start: string | null, note: string | null): Promise<Period> {
  return call<Period>('start_period', { start, note });
}

/** Ends the open period on `end` (null = today), with an outcome in the person's words. */
export function endPeriod(end: string | null, outcome: string | null): Promise<Period> {
  return call<Period>('end_period', { end, outcome });
}

/** Logs a contact on `date` (null = now). */
export function logContact(
  kind: ContactKind,
  date: string | null,
  note: string | null,
): Promise<Contact> {
  return call<Contact>('log_contact', { kind, date, note });
}

/** Logs an urge held back, now. */
export function logUrge(intensity: number | null, note: string | null): Promise<Urge> {
  return call<Urge>('log_urge', { intensity, note });
}

/** Records that a milestone has been acknowledged, so it is not shown again. */
export async function markMilestoneSeen(days: number): Promise<void> {
  await call<null>('mark_milestone_seen', { days });
}

export interface SpaceApi {
  spaceOverview: typeof spaceOverview;
  spaceStatus: typeof spaceStatus;
  startPeriod: typeof startPeriod;
  endPeriod: typeof endPeriod;
  logContact: typeof logContact;
  logUrge: typeof logUrge;
  markMilestoneSeen: typeof markMilestoneSeen;
}

export const spaceApi: SpaceApi = {
  spaceOverview,
  spaceStatus,
  startPeriod,
  endPeriod,
  logContact,
  logUrge,
  markMilestoneSeen,
};
