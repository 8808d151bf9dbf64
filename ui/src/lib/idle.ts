// Locks an encrypted journal after some minutes without keyboard or pointer
// input in the app (the `lock.idle_minutes` setting). Input only notes the
// time: nothing is scheduled per key or per pointer move. One timer waits
// until the idle time could first run out, and when it fires looks at when
// the last input was, waiting again for the rest if there was input since.
// So a page that is only being read wakes nothing up more often than once
// per idle period.

const MINUTE = 60_000;

export class IdleLock {
  private last: number;
  private minutes = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onIdle: () => void;
  private readonly now: () => number;

  constructor(onIdle: () => void, now: () => number = () => Date.now()) {
    this.onIdle = onIdle;
    this.now = now;
    this.last = now();
  }

  /** Keyboard or pointer input: the idle time starts again. */
  touch(): void {
    this.last = this.now();
  }

  /** Lock after `minutes` without input; 0 (or less) never. */
  set(minutes: number): void {
    this.minutes = Number.isFinite(minutes) && minutes > 0 ? minutes : 0;
    this.last = this.now();
    this.wait(this.minutes * MINUTE);
  }

  /** Stops watching (the page is going away). */
  stop(): void {
    this.minutes = 0;
    this.wait(0);
  }

  private wait(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.minutes === 0) return;
    this.timer = setTimeout(() => this.check(), ms);
  }

  private check(): void {
    const limit = this.minutes * MINUTE;
    const idle = this.now() - this.last;
    if (idle >= limit) {
      // Watch again from now: if locking could not happen (words that
      // could not be saved), it is tried again after another idle period.
      this.last = this.now();
      this.wait(limit);
      this.onIdle();
    } else {
      this.wait(limit - idle);
    }
  }
}
