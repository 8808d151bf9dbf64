import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import CompanyLog from '../src/components/people/CompanyLog.svelte';
import { PeopleStore } from '../src/lib/people.svelte';
import type { Company, PeopleApi } from '../src/ipc/people';
import { companyKept, QUIET_DAYS_NOTE } from '../src/lib/people-words';

const tick = () => new Promise((r) => setTimeout(r, 0));
const TODAY = '2027-03-10';

/** A pretend back end that keeps what is logged, as the core would. */
function fakeApi(over: Partial<PeopleApi> = {}): PeopleApi & { logged: Company[] } {
  const logged: Company[] = [];
  let id = 1;
  return {
    logged,
    logCompany: vi.fn(async (date, who, what, felt) => {
      const c: Company = { id: id++, date: date ?? TODAY, who, what, felt };
      logged.push(c);
      return c;
    }),
    setCompanyRemoved: vi.fn(async (cid: number, removed: boolean) => {
      const i = logged.findIndex((c) => c.id === cid);
      const c = logged[i];
      if (removed) logged.splice(i, 1);
      return c;
    }),
    companyNames: vi.fn(async () => ['Ana', 'my sister']),
    companyNudge: vi.fn(async () => true),
    ...over,
  };
}

describe('time with people', () => {
  it('is one click away, offers the names used before, and keeps who, what and how it felt', async () => {
    const api = fakeApi();
    const onchange = vi.fn();
    const store = new PeopleStore(api, onchange);
    await store.load();
    render(CompanyLog, { store, date: TODAY, today: TODAY });
    expect(screen.getByTestId('company-nudge').textContent).toBe(QUIET_DAYS_NOTE);

    await fireEvent.click(screen.getByTestId('company-open'));
    const who = screen.getByTestId('company-who') as HTMLInputElement;
    expect(document.activeElement).toBe(who);
    const options = [...document.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['Ana', 'my sister']);

    await fireEvent.input(who, { target: { value: ' Ana ' } });
    await fireEvent.input(screen.getByTestId('company-what'), { target: { value: 'a walk by the river' } });
    await fireEvent.click(screen.getByTestId('company-felt-4'));
    await fireEvent.click(screen.getByTestId('company-save'));
    await tick();

    expect(api.logCompany).toHaveBeenCalledWith(null, 'Ana', 'a walk by the river', 4);
    expect(screen.getByTestId('company-kept').textContent).toContain('Time with Ana, kept.');
    expect(screen.queryByTestId('company-nudge')).toBeNull();
    expect(screen.queryByTestId('company-who')).toBeNull();
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it('can be undone right after, and the counts and cards follow', async () => {
    const api = fakeApi();
    const onchange = vi.fn();
    const store = new PeopleStore(api, onchange);
    render(CompanyLog, { store, date: TODAY, today: TODAY });
    await fireEvent.click(screen.getByTestId('company-open'));
    await fireEvent.input(screen.getByTestId('company-who'), { target: { value: 'Sam' } });
    await fireEvent.click(screen.getByTestId('company-save'));
    await tick();
    expect(api.logged).toHaveLength(1);
    await fireEvent.click(screen.getByTestId('company-undo'));
    await tick();
    expect(api.setCompanyRemoved).toHaveBeenCalledWith(1, true);
    expect(api.logged).toHaveLength(0);
    expect(screen.queryByTestId('company-kept')).toBeNull();
    expect(onchange).toHaveBeenCalledTimes(2);
  });

  it('logs for the day shown when it is not today, and says which day', async () => {
    const api = fakeApi({ companyNudge: vi.fn(async () => true) });
    const store = new PeopleStore(api);
    await store.load();
    render(CompanyLog, { store, date: '2027-03-07', today: TODAY });
    expect(screen.queryByTestId('company-nudge')).toBeNull();
    const open = screen.getByTestId('company-open');
    expect(open.textContent?.trim()).toBe('Time with someone on Sun 7 Mar');
    await fireEvent.click(open);
    await fireEvent.input(screen.getByTestId('company-who'), { target: { value: 'Mum' } });
    await fireEvent.click(screen.getByTestId('company-save'));
    await tick();
    expect(api.logCompany).toHaveBeenCalledWith('2027-03-07', 'Mum', null, null);
    expect(screen.getByTestId('company-kept').textContent).toContain('Time with Mum on Sun 7 Mar, kept.');
  });

  it('asks kindly for a name, and keeps what was typed when it cannot be saved', async () => {
    const api = fakeApi({
      logCompany: vi.fn(async () => {
        throw { code: 'disk_full', message: 'There is no room left on the disk.' };
      }),
    });
    const store = new PeopleStore(api);
    render(CompanyLog, { store, date: TODAY, today: TODAY });
    await fireEvent.click(screen.getByTestId('company-open'));
    await fireEvent.click(screen.getByTestId('company-save'));
    await tick();
    expect(screen.getByRole('alert').textContent).toContain('Who was it with?');
    expect(api.logCompany).not.toHaveBeenCalled();

    await fireEvent.input(screen.getByTestId('company-who'), { target: { value: 'Ana' } });
    await fireEvent.input(screen.getByTestId('company-what'), { target: { value: 'lunch' } });
    await fireEvent.click(screen.getByTestId('company-save'));
    await tick();
    expect(screen.getByRole('alert').textContent).toContain('There is no room left on the disk.');
    expect((screen.getByTestId('company-who') as HTMLInputElement).value).toBe('Ana');
    expect((screen.getByTestId('company-what') as HTMLInputElement).value).toBe('lunch');
  });

  it('says the day only when it was not today', () => {
    const c: Company = { id: 1, date: TODAY, who: 'Ana', what: null, felt: null };
    expect(companyKept(c, TODAY)).toBe('Time with Ana, kept.');
    expect(companyKept({ ...c, date: '2027-03-01' }, TODAY)).toBe(
      'Time with Ana on Mon 1 Mar, kept.',
    );
  });
});
