/**
 * Characters that act on a terminal or a page instead of showing — C0 and C1 controls (an
 * ANSI escape starts with ESC), DEL, the line and paragraph separators, and the bidirectional
 * controls that reorder what follows — written as `\u001b`. Names, types, labels and error
 * messages come from the inputs (a module's thrown message, an export document's keys), so
 * no text output prints them raw.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `visible` line by line: the line breaks of a message of several lines stay. */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}
