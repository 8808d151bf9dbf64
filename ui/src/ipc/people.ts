// Typed wrappers for the "time with people" commands. Argument keys match
// the Rust command parameters exactly; every rejection is an ErrorPayload.

import { call } from './journal';
import type { Company } from './bindings/Company';
import type { TimeWithPeople } from './bindings/TimeWithPeople';

export type { Company, TimeWithPeople };

/** Logs time spent with `who` on `date` (null = today). */
export function logCompany(
  date: string | null,
  who: string,
  what: string | null,
  felt: number | null,
): Promise<Company> {
  return call<Company>('log_company', { date, who, what, felt });
}

/** Takes back a time logged by mistake (`removed` false puts it back). */
export function setCompanyRemoved(id: number, removed: boolean): Promise<Company> {
  return call<Company>('set_company_removed', { id, removed });
}

/** The names used before, the most recent first. */
export function companyNames(): Promise<string[]> {
  return call<string[]>('company_names');
}

/** Whether the quiet-days note stands beside today's page. */
export function companyNudge(): Promise<boolean> {
  return call<boolean>('company_nudge');
}

export interface PeopleApi {
  logCompany: typeof logCompany;
  setCompanyRemoved: typeof setCompanyRemoved;
  companyNames: typeof companyNames;
  companyNudge: typeof companyNudge;
}

export const peopleApi: PeopleApi = { logCompany, setCompanyRemoved, companyNames, companyNudge };
