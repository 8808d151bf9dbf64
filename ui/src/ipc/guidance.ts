// Typed wrappers for the guidance commands: the cards chosen for a page, the
// whole library, and the person's own marks ("this helped", "not today").
// Argument keys match the Rust command parameters exactly; every rejection is
// an ErrorPayload.

import { call } from './journal';
import type { LibraryCard } from './bindings/LibraryCard';
import type { Suggestion } from './bindings/Suggestion';
import type { Theme } from './bindings/Theme';

export type { LibraryCard, Suggestion, Theme };

/**
 * Up to three cards for a day's page, best first. `text` and `mood` are what
 * is on screen now (not necessarily saved yet); the Rust side adds the day's
 * logged events and the stage of the space period.
 */
export function guidance(date: string, text: string, mood: number | null): Promise<Suggestion[]> {
  return call<Suggestion[]>('guidance', { date, text, mood });
}

/** Every card, grouped by theme in the library's order. */
export function guidanceLibrary(): Promise<LibraryCard[]> {
  return call<LibraryCard[]>('guidance_library');
}

/** Ids of the cards marked as helpful, most recent first. */
export function helpfulCards(): Promise<string[]> {
  return call<string[]>('helpful_cards');
}

/** Marks a card as helpful, or takes the mark away. */
export async function setCardHelpful(id: string, helpful: boolean): Promise<void> {
  await call<null>('set_card_helpful', { id, helpful });
}

/**
 * Hides a card from one day's page ("Not today"); `aside` false brings it
 * back (the undo). The safety card cannot be hidden.
 */
export async function setCardAside(id: string, date: string, aside = true): Promise<void> {
  await call<null>('set_card_aside', { id, date, aside });
}

export interface GuidanceApi {
  guidance: typeof guidance;
  guidanceLibrary: typeof guidanceLibrary;
  helpfulCards: typeof helpfulCards;
  setCardHelpful: typeof setCardHelpful;
  setCardAside: typeof setCardAside;
}

export const guidanceApi: GuidanceApi = {
  guidance,
  guidanceLibrary,
  helpfulCards,
  setCardHelpful,
  setCardAside,
};
