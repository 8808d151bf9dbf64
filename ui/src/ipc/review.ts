// Typed wrappers for the weekly look back. Argument keys match the Rust
// command parameters exactly; every rejection is an ErrorPayload.

import { call } from './journal';
import type { WeekReview } from './bindings/WeekReview';

export type { WeekReview };

/** The week holding `weekOf` (null: this week). */
export function weekReview(weekOf: string | null): Promise<WeekReview> {
  return call<WeekReview>('week_review', { weekOf });
}

/** The three answers, written into today's page; the week as it is now. */
export function answerReview(helped: string, company: string, next: string): Promise<WeekReview> {
  return call<WeekReview>('answer_review', { helped, company, next });
}

/** Today is the day to look back on the week, and it is not done yet. */
export function reviewDue(): Promise<boolean> {
  return call<boolean>('review_due');
}

export interface ReviewApi {
  weekReview: typeof weekReview;
  answerReview: typeof answerReview;
  reviewDue: typeof reviewDue;
}

export const reviewApi: ReviewApi = { weekReview, answerReview, reviewDue };
