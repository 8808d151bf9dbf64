import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import DateField from '../src/components/DateField.svelte';

afterEach(cleanup);

function field(props: { value: string; min?: string; max?: string; optional?: boolean }) {
  // As the app passes them: today is the 5th.
  const changes: string[] = [];
  render(DateField, {
    props: {
      id: 'when',
      testid: 'when',
      onchange: (d: string) => {
        changes.push(d);
      },
      today: '2026-12-05',
      ...props,
    },
  });
  return { input: screen.getByTestId('when') as HTMLInputElement, changes };
}

describe('a date field', () => {
  it('writes its day as the app writes days, never all in numbers', () => {
    const { input } = field({ value: '2026-12-03', max: '2026-12-05' });
    expect(input.value).toBe('Thu 3 Dec 2026');
    expect(input.type).toBe('text');
  });

  it('takes a typed day when the person leaves the field or presses Enter', async () => {
    const { input, changes } = field({ value: '2026-12-03', max: '2026-12-05' });
    await fireEvent.input(input, { target: { value: '1 dec' } });
    expect(changes).toEqual([]);
    await fireEvent.blur(input);
    expect(changes).toEqual(['2026-12-01']);
    expect(input.value).toBe('Tue 1 Dec 2026');
    await fireEvent.input(input, { target: { value: 'yesterday' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(changes).toEqual(['2026-12-01', '2026-12-04']);
  });

  it('says kindly what it cannot read, keeps the day it had, and holds the form back', async () => {
    const { input, changes } = field({ value: '2026-12-03', max: '2026-12-05' });
    await fireEvent.input(input, { target: { value: '12/03/2026' } });
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, bubbles: true });
    input.dispatchEvent(enter);
    await tick();
    expect(enter.defaultPrevented).toBe(true);
    expect(screen.getByTestId('when-problem').textContent?.trim()).toBe(
      'Type the day as 3 Dec 2026, or 2026-12-03.',
    );
    expect(input.validity.valid).toBe(false);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.dataset.value).toBe('2026-12-03');
    expect(changes).toEqual([]);
    // Typing again clears the note; Escape goes back to the day it had.
    await fireEvent.input(input, { target: { value: '12/0' } });
    expect(screen.queryByTestId('when-problem')).toBeNull();
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('Thu 3 Dec 2026');
  });

  it('keeps to its range, by typing, by the buttons and by the arrow keys', async () => {
    const { input, changes } = field({ value: '2026-12-05', min: '2026-12-01', max: '2026-12-05' });
    const after = screen.getByRole('button', { name: 'The day after' }) as HTMLButtonElement;
    const before = screen.getByRole('button', { name: 'The day before' }) as HTMLButtonElement;
    expect(after.disabled).toBe(true);
    await fireEvent.input(input, { target: { value: '6 Dec 2026' } });
    await fireEvent.blur(input);
    expect(screen.getByTestId('when-problem').textContent?.trim()).toBe('That day has not come yet.');
    await fireEvent.input(input, { target: { value: '30 Nov 2026' } });
    await fireEvent.blur(input);
    expect(screen.getByTestId('when-problem').textContent?.trim()).toBe(
      'The earliest day here is Tue 1 Dec 2026.',
    );
    await fireEvent.keyDown(input, { key: 'Escape' });
    await fireEvent.click(before);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(changes).toEqual(['2026-12-04', '2026-12-03']);
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.value).toBe('Fri 4 Dec 2026');
  });

  it('may be left empty where any day will do', async () => {
    const { input, changes } = field({ value: '2026-11-20', optional: true });
    await fireEvent.input(input, { target: { value: '  ' } });
    await fireEvent.blur(input);
    expect(changes).toEqual(['']);
    expect(input.value).toBe('');
    expect(input.placeholder).toBe('Any day');
  });
});
