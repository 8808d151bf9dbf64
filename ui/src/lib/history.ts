// Earlier versions of a page, made easy to compare with the page as it is:
// each paragraph of an earlier text is marked when the page no longer has it.

export interface MarkedLine {
  text: string;
  /** This line is not on the page any more. */
  gone: boolean;
}

/** The earlier text's lines, each marked when the current text lacks it. */
export function markGoneLines(earlier: string, current: string): MarkedLine[] {
  const now = new Set(current.split('\n').map((l) => l.trim()));
  return earlier.split('\n').map((text) => ({
    text,
    gone: text.trim() !== '' && !now.has(text.trim()),
  }));
}

/** "4 December 2026, 21:05", in the person's own zone and language. */
export function replacedWhen(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const day = d.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time}`;
}
