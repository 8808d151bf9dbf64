// The start-up bench's mark (scripts/bench-app.sh): the Today page is
// painted with its text and guidance. Sent once per start; the shell prints
// the moment only when the bench asks for it, and does nothing otherwise.

import { call } from './journal';

let sent = false;

/** Call when the page's text and its guidance are on screen. */
export function reportPainted(): void {
  if (sent) return;
  sent = true;
  if (typeof requestAnimationFrame !== 'function') return;
  // Two frames: the first callback runs before its frame is drawn, the
  // second once it has been.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      call<void>('painted').catch(() => {});
    }),
  );
}
