import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import App from '../src/App.svelte';
import type { SettingEntry } from '../src/ipc/bindings/SettingEntry';
import type { SpaceStatus } from '../src/ipc/bindings/SpaceStatus';
import { SAVED_NOTE_MS } from '../src/lib/settings.svelte';
import {
  checkinOptions,
  formatDays,
  parseDays,
} from '../src/lib/settings-words';
import { deferred, makePage, makeSaved } from './helpers';

const TODAY = '2026-11-29';
const YESTERDAY = '2026-11-28';

type Args = Record<string, unknown>;

/** Not the defaults, so that a page showing defaults regardless would fail. */
const STORED: SettingEntry[] = [
  { key: 'daily.enabled', value: 'true' },
  { key: 'daily.time', value: '21:15' },
  { key: 'daily.days', value: 'mon,wed,fri' },
  { key: 'quiet.enabled', value: 'false' },
  { key: 'quiet.start', value: '23:00' },
  { key: 'quiet.end', value: '07:30' },
  { key: 'discreet', value: 'true' },
  { key: 'milestones', value: 'false' },
  { key: 'checkin.days', value: '5' },
  { key: 'autostart', value: 'true' },
  { key: 'close_to_tray', value: 'true' },
  { key: 'lock.idle_minutes', value: '15' },
  { key: 'backup.dir', value: '' },
];

const OPEN_PERIOD: SpaceStatus = {
  as_of: TODAY,
  current_streak_days: 6,
  best_streak_days: 6,
  total_space_days: 6,
  urges_resisted: 0,
  contacts: { pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 1 },
  period: { start: '2026-11-23', end: null, days_since_start: 6 },
  next_milestone: { days: 7, in_days: 1 },
  last_reset: null,
  time_with_people: { last_date: null, days_since: null, count_7d: 0 },
};

/** A pretend Rust side: pages, the space status, and settings stored as text. */
function fakeBackend(
  options: { settings?: SettingEntry[]; status?: SpaceStatus | null; pages?: Record<string, string> } = {},
) {
  const settings = new Map((options.settings ?? STORED).map((e) => [e.key, e.value]));
  const pages = new Map(Object.entries(options.pages ?? {}));
  const calls: { cmd: string; args: Args }[] = [];
  const overrides = new Map<string, (args: Args) => unknown>();
  let today = TODAY;
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Args;
      calls.push({ cmd, args });
      const override = overrides.get(cmd);
      if (override) return override(args);
      switch (cmd) {
        case 'today':
          return today;
        case 'get_page':
          return makePage(args.date as string, pages.get(args.date as string) ?? '');
        case 'save_page':
          pages.set(args.date as string, args.body as string);
          return makeSaved(args.date as string, args.body as string);
        case 'calendar_days':
          return [];
        case 'close_ready':
          return null;
        case 'space_status':
          return options.status ?? null;
        case 'notification_preview': {
          // Canned answers standing in for the core's wording (tested in Rust).
          const open = options.status?.period != null && options.status.period.end === null;
          const body = args.discreet
            ? 'A quiet moment for your pages'
            : open
              ? `Day ${options.status?.current_streak_days} of giving space. A few lines before the day ends?`
              : 'A few lines before the day ends? Your page is waiting.';
          return { title: 'Breathing Room', body };
        }
        case 'settings_get':
          return [...settings].map(([key, value]) => ({ key, value }));
        case 'backup_status':
          return { backups: [], last_error: null };
        case 'settings_set': {
          const key = args.key as string;
          if (key === 'backup.dir' && args.value !== '' && !(args.value as string).startsWith('/')) {
            throw { code: 'invalid_input', message: 'backup.dir must be a folder given in full' };
          }
          settings.set(key, args.value as string);
          return { key, value: args.value };
        }
      }
      throw { code: 'invalid_input', message: `no such command: ${cmd}` };
    },
    { shouldMockEvents: true },
  );
  return {
    settings,
    calls,
    overrides,
    setToday: (d: string) => (today = d),
    sets: () => calls.filter((c) => c.cmd === 'settings_set').map((c) => c.args),
    count: (cmd: string) => calls.filter((c) => c.cmd === cmd).length,
    argsOf: (cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await vi.advanceTimersByTimeAsync(0);
  }
}

async function openSettings(): Promise<void> {
  render(App);
  await settle();
  await fireEvent.click(screen.getByTestId('nav-settings'));
  await settle();
}

const control = <T extends HTMLElement = HTMLInputElement>(key: string) =>
  screen.getByTestId(`setting-${key}`) as unknown as T;
const note = (key: string) => screen.getByTestId(`note-${key}`);
const dayBox = (day: string) =>
  control<HTMLElement>('daily.days').querySelector(`input[data-day="${day}"]`) as HTMLInputElement;
const checkedDays = () =>
  [...control<HTMLElement>('daily.days').querySelectorAll<HTMLInputElement>('input')]
    .filter((i) => i.checked)
    .map((i) => i.dataset.day);

beforeEach(() => {
  vi.useFakeTimers();
});

describe('the Settings page', () => {
  it('opens from its tab, with Ctrl+4 and with Ctrl+, and names the shortcuts', async () => {
    fakeBackend();
    render(App);
    await settle();
    const tab = screen.getByTestId('nav-settings');
    expect(tab.textContent?.trim()).toBe('Settings');
    expect(tab.getAttribute('aria-keyshortcuts')).toBe('Control+4 Control+,');
    expect(tab.title).toContain('Ctrl+4');

    await fireEvent.keyDown(window, { key: '4', ctrlKey: true });
    await settle();
    expect(tab.getAttribute('aria-current')).toBe('page');
    expect(screen.queryByTestId('editor')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Settings' }));

    await fireEvent.keyDown(window, { key: '1', ctrlKey: true });
    await settle();
    expect(document.activeElement).toBe(screen.getByTestId('editor'));

    await fireEvent.keyDown(window, { key: ',', ctrlKey: true });
    await settle();
    expect(tab.getAttribute('aria-current')).toBe('page');
  });

  it('shows every setting as read from settings_get', async () => {
    const backend = fakeBackend();
    await openSettings();
    expect(backend.count('settings_get')).toBe(1);
    expect(control('daily.enabled').checked).toBe(true);
    expect(control('daily.time').type).toBe('time');
    expect(control('daily.time').value).toBe('21:15');
    expect(checkedDays()).toEqual(['mon', 'wed', 'fri']);
    expect(control('quiet.enabled').checked).toBe(false);
    expect(control('quiet.start').value).toBe('23:00');
    expect(control('quiet.end').value).toBe('07:30');
    expect(control('discreet').checked).toBe(true);
    expect(control('milestones').checked).toBe(false);
    expect(control<HTMLSelectElement>('checkin.days').value).toBe('5');
    expect(control('autostart').checked).toBe(true);
    expect(control('close_to_tray').checked).toBe(true);
    expect(control<HTMLSelectElement>('lock.idle_minutes').value).toBe('15');
    // Every control has a label.
    expect(screen.getByLabelText('Remind me to write')).toBe(control('daily.enabled'));
    expect(screen.getByLabelText('Check in after a few quiet days')).toBe(control('checkin.days'));
    expect(screen.getByLabelText('Wednesday')).toBe(dayBox('wed'));
    expect(screen.getByLabelText('Start Breathing Room when you log in')).toBe(control('autostart'));
    expect(screen.getByLabelText('Keep running in the tray when the window is closed')).toBe(
      control('close_to_tray'),
    );
    expect(screen.getByLabelText('Lock when you step away')).toBe(control('lock.idle_minutes'));
    expect(screen.getByTestId('settings-data').textContent).toContain('stays on this computer');
  });

  it('offers Off and the usual day counts, and keeps a value set elsewhere', async () => {
    fakeBackend({ settings: STORED.map((e) => (e.key === 'checkin.days' ? { ...e, value: '10' } : e)) });
    await openSettings();
    const select = control<HTMLSelectElement>('checkin.days');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['0', 'Off'],
      ['2', 'After 2 days'],
      ['3', 'After 3 days'],
      ['5', 'After 5 days'],
      ['7', 'After 7 days'],
      ['10', 'After 10 days'],
      ['14', 'After 14 days'],
    ]);
    expect(select.value).toBe('10');
  });

  it('reads the settings again each time the page is opened', async () => {
    const backend = fakeBackend();
    await openSettings();
    backend.settings.set('autostart', 'false');
    await fireEvent.click(screen.getByTestId('nav-today'));
    await settle();
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await settle();
    expect(backend.count('settings_get')).toBe(2);
    expect(control('autostart').checked).toBe(false);
  });

  it('says so calmly when the settings cannot be read, and tries again', async () => {
    const backend = fakeBackend();
    backend.overrides.set('settings_get', () => {
      throw { code: 'database', message: 'The journal could not be read.' };
    });
    await openSettings();
    expect(screen.getByRole('alert').textContent).toContain('The journal could not be read.');
    expect(screen.queryByTestId('setting-discreet')).toBeNull();
    backend.overrides.delete('settings_get');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(control('discreet').checked).toBe(true);
  });
});

describe('changing a setting', () => {
  it('sends each change at once, with the exact key and value text', async () => {
    const backend = fakeBackend();
    await openSettings();

    await fireEvent.click(control('daily.enabled'));
    await fireEvent.change(control('daily.time'), { target: { value: '07:45' } });
    await fireEvent.click(dayBox('fri'));
    await fireEvent.click(control('quiet.enabled'));
    await fireEvent.change(control('quiet.start'), { target: { value: '22:30' } });
    await fireEvent.change(control('quiet.end'), { target: { value: '06:00' } });
    await fireEvent.click(control('discreet'));
    await fireEvent.click(control('milestones'));
    await fireEvent.change(control('checkin.days'), { target: { value: '0' } });
    await fireEvent.click(control('autostart'));
    await fireEvent.click(control('close_to_tray'));
    await settle();

    expect(backend.sets()).toEqual([
      { key: 'daily.enabled', value: 'false' },
      { key: 'daily.time', value: '07:45' },
      { key: 'daily.days', value: 'mon,wed' },
      { key: 'quiet.enabled', value: 'true' },
      { key: 'quiet.start', value: '22:30' },
      { key: 'quiet.end', value: '06:00' },
      { key: 'discreet', value: 'false' },
      { key: 'milestones', value: 'true' },
      { key: 'checkin.days', value: '0' },
      { key: 'autostart', value: 'false' },
      { key: 'close_to_tray', value: 'false' },
    ]);
    expect(control('daily.enabled').checked).toBe(false);
    expect(checkedDays()).toEqual(['mon', 'wed']);
    expect(control<HTMLSelectElement>('checkin.days').value).toBe('0');
  });

  it('adds a day in week order', async () => {
    const backend = fakeBackend();
    await openSettings();
    await fireEvent.click(dayBox('sun'));
    await fireEvent.click(dayBox('tue'));
    await settle();
    expect(backend.sets()).toEqual([
      { key: 'daily.days', value: 'mon,wed,fri,sun' },
      { key: 'daily.days', value: 'mon,tue,wed,fri,sun' },
    ]);
    expect(checkedDays()).toEqual(['mon', 'tue', 'wed', 'fri', 'sun']);
  });

  it('says Saved quietly beside the control, then lets it fade', async () => {
    fakeBackend();
    await openSettings();
    expect(note('daily.time').textContent).toBe('');
    await fireEvent.change(control('daily.time'), { target: { value: '07:45' } });
    await settle();
    expect(note('daily.time').textContent).toBe('Saved');
    expect(note('discreet').textContent).toBe('');
    await vi.advanceTimersByTimeAsync(SAVED_NOTE_MS);
    expect(note('daily.time').textContent).toBe('');
  });

  it('shows the value as stored, when the back end tidies it', async () => {
    const backend = fakeBackend();
    backend.overrides.set('settings_set', (args) => ({ key: args.key, value: '08:00' }));
    await openSettings();
    await fireEvent.change(control('daily.time'), { target: { value: '07:59' } });
    await settle();
    expect(control('daily.time').value).toBe('08:00');
  });

  it('sends a time as HH:MM even if the field adds seconds', async () => {
    const backend = fakeBackend();
    await openSettings();
    await fireEvent.change(control('quiet.end'), { target: { value: '06:15:00' } });
    await settle();
    expect(backend.sets()).toEqual([{ key: 'quiet.end', value: '06:15' }]);
  });

  it('shows a refused value’s reason beside the control and puts the previous value back', async () => {
    const backend = fakeBackend();
    const message = 'daily.time must be a 24-hour time HH:MM, for example 20:30';
    backend.overrides.set('settings_set', () => {
      throw { code: 'invalid_input', message };
    });
    await openSettings();
    await fireEvent.change(control('daily.time'), { target: { value: '07:45' } });
    await settle();
    expect(control('daily.time').value).toBe('21:15');
    expect(note('daily.time').textContent).toBe(message);
    expect(note('daily.time').dataset.kind).toBe('error');
    expect(note('quiet.start').textContent).toBe('');

    // A switch goes back too.
    await fireEvent.click(control('autostart'));
    expect(control('autostart').checked).toBe(false);
    await settle();
    expect(control('autostart').checked).toBe(true);
    expect(note('autostart').textContent).toBe(message);

    // And so does a choice in a list.
    await fireEvent.change(control('checkin.days'), { target: { value: '14' } });
    await settle();
    expect(control<HTMLSelectElement>('checkin.days').value).toBe('5');

    // The reason stays until the next change, which clears it.
    await vi.advanceTimersByTimeAsync(SAVED_NOTE_MS * 2);
    expect(note('daily.time').textContent).toBe(message);
    backend.overrides.delete('settings_set');
    await fireEvent.change(control('daily.time'), { target: { value: '07:45' } });
    await settle();
    expect(note('daily.time').textContent).toBe('Saved');
    expect(control('daily.time').value).toBe('07:45');
  });

  it('puts back the days as they were when a change of days is refused', async () => {
    const backend = fakeBackend();
    backend.overrides.set('settings_set', () => {
      throw { code: 'invalid_input', message: 'Not now.' };
    });
    await openSettings();
    await fireEvent.click(dayBox('sat'));
    await settle();
    expect(checkedDays()).toEqual(['mon', 'wed', 'fri']);
    expect(note('daily.days').textContent).toBe('Not now.');
  });

  it('does not let a slower, older answer undo a newer change', async () => {
    const backend = fakeBackend();
    const first = deferred<unknown>();
    let n = 0;
    backend.overrides.set('settings_set', (args) => {
      n += 1;
      if (n === 1) return first.promise;
      return { key: args.key, value: args.value };
    });
    await openSettings();
    await fireEvent.change(control('daily.time'), { target: { value: '07:00' } });
    await fireEvent.change(control('daily.time'), { target: { value: '07:30' } });
    await settle();
    first.resolve({ key: 'daily.time', value: '07:00' });
    await settle();
    expect(control('daily.time').value).toBe('07:30');
  });

  it('waits for a whole time, and puts the saved one back if the field is left empty', async () => {
    const backend = fakeBackend();
    await openSettings();
    const time = control('daily.time');
    await fireEvent.change(time, { target: { value: '' } });
    await settle();
    expect(backend.sets()).toEqual([]);
    expect(note('daily.time').textContent).toBe('Choose a full time to save it.');
    await fireEvent.blur(time);
    expect(time.value).toBe('21:15');
    expect(note('daily.time').textContent).toBe('');
  });
});

describe('the days of the week', () => {
  it('will not untick the last day, and says why, gently', async () => {
    const backend = fakeBackend({
      settings: STORED.map((e) => (e.key === 'daily.days' ? { ...e, value: 'wed' } : e)),
    });
    await openSettings();
    expect(checkedDays()).toEqual(['wed']);
    await fireEvent.click(dayBox('wed'));
    await settle();
    expect(dayBox('wed').checked).toBe(true);
    expect(checkedDays()).toEqual(['wed']);
    expect(backend.sets()).toEqual([]);
    expect(note('daily.days').textContent).toContain('At least one day is needed');
    expect(note('daily.days').dataset.kind).toBe('note');

    // Another day can be added, and then Wednesday can go.
    await fireEvent.click(dayBox('thu'));
    await fireEvent.click(dayBox('wed'));
    await settle();
    expect(backend.sets()).toEqual([
      { key: 'daily.days', value: 'wed,thu' },
      { key: 'daily.days', value: 'thu' },
    ]);
    expect(checkedDays()).toEqual(['thu']);
  });
});

describe('the notification preview', () => {
  it('changes with the discreet switch, and names the day only when not discreet', async () => {
    const backend = fakeBackend({ status: OPEN_PERIOD });
    await openSettings();
    const preview = screen.getByTestId('notification-preview');
    const title = () => within(preview).getByTestId('preview-title').textContent;
    const body = () => within(preview).getByTestId('preview-body').textContent;
    expect(title()).toBe('Breathing Room');
    expect(body()).toBe('A quiet moment for your pages');
    expect(screen.getByText(/never mentions your partner/)).toBeTruthy();

    await fireEvent.click(control('discreet'));
    await settle();
    expect(body()).toBe('Day 6 of giving space. A few lines before the day ends?');
    expect(title()).toBe('Breathing Room');
    // The words are the core's, asked for each way the switch is set.
    expect(backend.argsOf('notification_preview').map((a) => a.discreet)).toEqual([true, false]);

    await fireEvent.click(control('discreet'));
    await settle();
    expect(body()).toBe('A quiet moment for your pages');
  });

  it('speaks of the page, not a day count, when no period is open', async () => {
    fakeBackend({
      settings: STORED.map((e) => (e.key === 'discreet' ? { ...e, value: 'false' } : e)),
      status: null,
    });
    await openSettings();
    expect(screen.getByTestId('preview-body').textContent).toBe(
      'A few lines before the day ends? Your page is waiting.',
    );
  });
});

describe('the go-today event from the tray', () => {
  it("switches to Today, opens today's page and puts the cursor in it", async () => {
    const backend = fakeBackend({ pages: { [TODAY]: 'Sunday so far.', [YESTERDAY]: 'Saturday.' } });
    render(App);
    await settle();
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect(screen.getByTestId('page-date').dataset.date).toBe(YESTERDAY);
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await settle();
    expect(screen.queryByTestId('editor')).toBeNull();

    await emit('go-today');
    await settle();
    expect(screen.getByTestId('nav-today').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('page-date').dataset.date).toBe(TODAY);
    const editor = screen.getByTestId('editor') as HTMLTextAreaElement;
    expect(editor.value).toBe('Sunday so far.');
    expect(document.activeElement).toBe(editor);
    expect(backend.calls.filter((c) => c.cmd === 'get_page').at(-1)?.args).toEqual({ date: TODAY });
  });

  it('works from the Today page too, and notices that the day has changed', async () => {
    const backend = fakeBackend();
    render(App);
    await settle();
    (document.activeElement as HTMLElement | null)?.blur();
    backend.setToday('2026-11-30');
    await emit('go-today');
    await settle();
    expect(screen.getByTestId('page-date').dataset.date).toBe('2026-11-30');
    expect(document.activeElement).toBe(screen.getByTestId('editor'));
  });

  it('stops listening once the app is gone', async () => {
    const backend = fakeBackend();
    const { unmount } = render(App);
    await settle();
    unmount();
    const before = backend.calls.length;
    await emit('go-today');
    await settle();
    expect(backend.calls.length).toBe(before);
  });
});

describe('settings words', () => {
  it('reads and writes the days in week order, ignoring strangers', () => {
    expect([...parseDays('sun, Mon,xyz')]).toEqual(['sun', 'mon']);
    expect(formatDays(parseDays('sun,mon,wed'))).toBe('mon,wed,sun');
    expect(formatDays([])).toBe('');
  });

  it('offers a value outside the usual list only when it is a valid one', () => {
    expect(checkinOptions('3')).toEqual([0, 2, 3, 5, 7, 14]);
    expect(checkinOptions('30')).toEqual([0, 2, 3, 5, 7, 14, 30]);
    expect(checkinOptions('31')).toEqual([0, 2, 3, 5, 7, 14]);
    expect(checkinOptions('')).toEqual([0, 2, 3, 5, 7, 14]);
  });


  it('backups can go to another folder, given in full, and a refused one is said so', async () => {
    const backend = fakeBackend();
    await openSettings();
    const field = control('backup.dir');
    expect(field.value).toBe('');
    expect(field.placeholder).toBe('Beside the journal');
    const use = screen.getByTestId('setting-backup.dir-save') as HTMLButtonElement;
    expect(use.disabled).toBe(true);

    await fireEvent.input(field, { target: { value: 'drive/backups' } });
    await fireEvent.click(use);
    await settle();
    expect(screen.getByText(/must be a folder given in full/)).toBeTruthy();
    expect(backend.settings.get('backup.dir')).toBe('');

    const readsBefore = backend.count('backup_status');
    await fireEvent.input(field, { target: { value: '/media/me/drive/journal' } });
    await fireEvent.click(use);
    await settle();
    expect(backend.settings.get('backup.dir')).toBe('/media/me/drive/journal');
    expect(control('backup.dir').value).toBe('/media/me/drive/journal');
    // The backups are read again, from the new place.
    expect(backend.count('backup_status')).toBeGreaterThan(readsBefore);
  });
});
