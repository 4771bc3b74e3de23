import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceLocation } from '../model/types.js';

/** An error diagnostic of `rule` at `loc`, about `item`. */
export function error(rule: string, loc: SourceLocation, item: string, message: string): Diagnostic {
  return { severity: 'error', rule, loc, item, message };
}

/** `file:line` of a location, for messages that point at a second place. */
export function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}`;
}
