// The start-up bench's marks (scripts/bench-app.sh): when the page's script
// began, when each step of the start was done, and when the Today page was
// painted with its text and guidance. Sent once per start, when painted; the
// shell prints them only when the bench asks, and does nothing otherwise.

import { call } from './journal';

let sent = false;
const marks: [string, number][] = [];

/** The moment a step of the start was done, as a Unix time in ms. */
export function mark(name: string): void {
  if (sent || typeof performance === 'undefined') return;
  marks.push([name, performance.timeOrigin + performance.now()]);
}

/** Call when the page's text and its guidance are on screen. */
export function reportPainted(): void {
  if (sent) return;
  if (typeof requestAnimationFrame !== 'function' || typeof performance === 'undefined') return;
  sent = true;
  // Two frames: the first callback runs before its frame is drawn, the
  // second once it has been.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const at = performance.timeOrigin + performance.now();
      const all: [string, number][] = [['navigation', performance.timeOrigin], ...marks];
      call<void>('painted', { at, marks: all }).catch(() => {});
    }),
  );
}
