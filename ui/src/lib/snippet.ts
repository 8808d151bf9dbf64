// A search hit's excerpt, cut into plain segments at the match ranges the
// core sends (character offsets: Unicode code points, so a word after an
// emoji is still marked where it is). Rendered as text (matches inside
// <mark>), never as HTML; nothing inside the text itself is read as a marker.

export interface SnippetPart {
  text: string;
  match: boolean;
}

export function snippetParts(
  snippet: string,
  ranges: readonly (readonly [number, number])[],
): SnippetPart[] {
  const chars = Array.from(snippet);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    // Ranges out of order, overlapping or past the end are clamped, never trusted.
    const a = Math.max(at, Math.min(start, chars.length));
    const b = Math.max(a, Math.min(end, chars.length));
    if (a > at) parts.push({ text: chars.slice(at, a).join(''), match: false });
    if (b > a) parts.push({ text: chars.slice(a, b).join(''), match: true });
    at = b;
  }
  if (at < chars.length) parts.push({ text: chars.slice(at).join(''), match: false });
  return parts;
}
