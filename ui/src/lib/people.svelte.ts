// The state behind "time with people": the names used before (offered as
// one types), the quiet-days note, and the last time logged, which can be
// taken back with Undo. One instance is owned by App and shared by the
// Today and Space pages. Talks to the back end only through the PeopleApi.

import { toErrorPayload } from '../ipc/journal';
import type { Company, PeopleApi } from '../ipc/people';

export type LogResult = { ok: true; company: Company } | { ok: false; message: string };

export class PeopleStore {
  /** Names used before, the most recent first. */
  names = $state<string[]>([]);
  /** The quiet-days note stands beside today's page. */
  nudge = $state(false);
  /** The time just logged, until it is undone or something else is logged. */
  last = $state<Company | null>(null);
  /** An Undo that could not be done, said calmly. */
  undoError = $state('');

  private readonly api: PeopleApi;
  private readonly onchange: () => void;

  /** `onchange` runs after anything is logged or undone (counts and cards follow). */
  constructor(api: PeopleApi, onchange: () => void = () => {}) {
    this.api = api;
    this.onchange = onchange;
  }

  /** Reads the names and whether the note is due; a failure leaves both as they were. */
  async load(): Promise<void> {
    const [names, nudge] = await Promise.allSettled([this.api.companyNames(), this.api.companyNudge()]);
    if (names.status === 'fulfilled' && Array.isArray(names.value)) this.names = names.value;
    if (nudge.status === 'fulfilled') this.nudge = nudge.value === true;
  }

  /** Logs time with `who` on `date` (null = today). Nothing is lost on failure. */
  async log(date: string | null, who: string, what: string, felt: number | null): Promise<LogResult> {
    const name = who.trim();
    if (name === '') return { ok: false, message: 'Who was it with? A name, or "a friend", is enough.' };
    let company: Company;
    try {
      company = await this.api.logCompany(date, name, what.trim() === '' ? null : what.trim(), felt);
    } catch (error) {
      return { ok: false, message: `That could not be kept just now. ${toErrorPayload(error).message}` };
    }
    this.last = company;
    this.undoError = '';
    this.nudge = false;
    this.names = [company.who, ...this.names.filter((n) => n !== company.who)];
    this.onchange();
    return { ok: true, company };
  }

  /** Takes back the time just logged. */
  async undo(): Promise<void> {
    const last = this.last;
    if (last === null) return;
    try {
      await this.api.setCompanyRemoved(last.id, true);
    } catch (error) {
      this.undoError = `That could not be undone just now. ${toErrorPayload(error).message}`;
      return;
    }
    this.last = null;
    this.onchange();
    void this.load();
  }

  /** The confirmation goes (it is not undone). */
  dismiss(): void {
    this.last = null;
    this.undoError = '';
  }
}
