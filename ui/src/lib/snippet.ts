// Search snippets arrive with matched words wrapped in `**`. They are split
// into plain segments here and rendered as text (matches inside <mark>),
// never as HTML.

export interface SnippetPart {
  text: string;
  match: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
  const pieces = snippet.split('**');
  // An odd number of markers leaves the last one unpaired: keep it as text.
  if (pieces.length % 2 === 0) {
    const tail = pieces.pop() ?? '';
    pieces[pieces.length - 1] += `**${tail}`;
  }
  const parts: SnippetPart[] = [];
  pieces.forEach((text, i) => {
    if (text !== '') parts.push({ text, match: i % 2 === 1 });
  });
  return parts;
}
