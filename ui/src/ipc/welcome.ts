// Typed wrappers for the first-start welcome: whether it is due, and that
// it was finished or skipped (it never shows again).

import { call } from './journal';

export function welcomeState(): Promise<boolean> {
  return call<boolean>('welcome_state');
}

export function welcomeDone(): Promise<void> {
  return call<void>('welcome_done');
}

export interface WelcomeApi {
  welcomeState: typeof welcomeState;
  welcomeDone: typeof welcomeDone;
}

export const welcomeApi: WelcomeApi = { welcomeState, welcomeDone };
