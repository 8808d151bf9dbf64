// Typed wrappers for the "giving space" commands. Argument keys match the
// Rust command parameters exactly; every rejection is an ErrorPayload.

import { call } from './journal';
import type { Contact } from './bindings/Contact';
import type { ContactCounts } from './bindings/ContactCounts';
import type { ContactKind } from './bindings/ContactKind';
import type { NextMilestone } from './bindings/NextMilestone';
import type { Period } from './bindings/Period';
import type { PeriodDetail } from './bindings/PeriodDetail';
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
  PeriodDetail,
  PeriodInfo,
  SpaceOverview,
  SpaceStatus,
  Urge,
};

/** Everything the Space page shows: status, the current (or last) period and its events. */
export function spaceOverview(): Promise<SpaceOverview> {
  return call<SpaceOverview>('space_overview');
}

/** Just the counts, for a one-line summary: as of `date` (default today), counting only what happened by then. */
export function spaceStatus(date: string | null = null): Promise<SpaceStatus> {
  return call<SpaceStatus>('space_status', { date });
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

/** Logs an urge held back on `date` (null = now). */
export function logUrge(
  date: string | null,
  intensity: number | null,
  note: string | null,
): Promise<Urge> {
  return call<Urge>('log_urge', { date, intensity, note });
}

/** What to correct in a logged contact; a field left out stays as it is. */
export interface ContactChange {
  kind?: ContactKind;
  date?: string;
  /** "" clears the note. */
  note?: string;
}

/** What to correct in a logged urge; a field left out stays as it is. */
export interface UrgeChange {
  date?: string;
  /** 1 to 5; 0 clears it ("not said"). */
  intensity?: number;
  /** "" clears the note. */
  note?: string;
}

/** Corrects a contact's kind, day or note (the earlier version is kept by the core). */
export function editContact(id: number, change: ContactChange): Promise<Contact> {
  return call<Contact>('edit_contact', {
    id,
    kind: change.kind ?? null,
    date: change.date ?? null,
    note: change.note ?? null,
  });
}

/** Takes a contact back: it is kept, marked removed, and no longer counts. */
export function removeContact(id: number): Promise<Contact> {
  return call<Contact>('remove_contact', { id });
}

/** Undoes taking a contact back. */
export function restoreContact(id: number): Promise<Contact> {
  return call<Contact>('restore_contact', { id });
}

/** Corrects an urge's day, intensity or note. */
export function editUrge(id: number, change: UrgeChange): Promise<Urge> {
  return call<Urge>('edit_urge', {
    id,
    date: change.date ?? null,
    intensity: change.intensity ?? null,
    note: change.note ?? null,
  });
}

/** Takes an urge back: it is kept, marked removed, and no longer counts. */
export function removeUrge(id: number): Promise<Urge> {
  return call<Urge>('remove_urge', { id });
}

/** Undoes taking an urge back. */
export function restoreUrge(id: number): Promise<Urge> {
  return call<Urge>('restore_urge', { id });
}

/** Undoes a contact's latest change: it is put back exactly as it was (its moment too). */
export function revertContact(id: number): Promise<Contact> {
  return call<Contact>('revert_contact', { id });
}

/** Undoes an urge's latest change: it is put back exactly as it was. */
export function revertUrge(id: number): Promise<Urge> {
  return call<Urge>('revert_urge', { id });
}

/** One period in full: its figures as they stood on its last day, and its events. */
export function periodDetail(id: number): Promise<PeriodDetail> {
  return call<PeriodDetail>('period_detail', { id });
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
  editContact: typeof editContact;
  removeContact: typeof removeContact;
  restoreContact: typeof restoreContact;
  editUrge: typeof editUrge;
  removeUrge: typeof removeUrge;
  restoreUrge: typeof restoreUrge;
  revertContact: typeof revertContact;
  revertUrge: typeof revertUrge;
  periodDetail: typeof periodDetail;
  markMilestoneSeen: typeof markMilestoneSeen;
}

export const spaceApi: SpaceApi = {
  spaceOverview,
  spaceStatus,
  startPeriod,
  endPeriod,
  logContact,
  logUrge,
  editContact,
  removeContact,
  restoreContact,
  editUrge,
  removeUrge,
  restoreUrge,
  revertContact,
  revertUrge,
  periodDetail,
  markMilestoneSeen,
};
