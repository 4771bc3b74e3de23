/** What the output formats share: options, and the words every one of them prints. */
import { ARCHES } from '../../model/arch.js';
import type { Arch } from '../../model/types.js';
import type { CheckResult } from '../engine.js';
import type { Finding } from '../finding.js';

export interface FormatOptions {
  /** ANSI colour (text only). */
  color?: boolean;
  /** The page documenting a rule: an absolute URI for SARIF and Markdown links. */
  ruleUri?: (rule: string) => string;
  /** xenabi's version, for SARIF's tool. @example "0.1.0" */
  toolVersion?: string;
  /** The command reporting, in titles and summary lines (default `xenabi check`). @example "xenabi verify" */
  command?: string;
}

/** The command a report names. */
export function commandName(options: FormatOptions): string {
  return options.command ?? 'xenabi check';
}

export const FORMATS = ['text', 'json', 'github', 'markdown', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export { visible } from '../../diagnostics/visible.js';

/** The result with `clean` applied to every string in it: what the text formats print from. */
export function cleanResult(result: CheckResult, clean: (text: string) => string): CheckResult {
  const map = (value: unknown): unknown => {
    if (typeof value === 'string') return clean(value);
    if (Array.isArray(value)) return value.map(map);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, map(v)]));
    return value;
  };
  return map(result) as CheckResult;
}

/** `x86_32, x86_64`, `all architectures`, or "" when the finding does not depend on one. */
export function archText(archs: readonly Arch[]): string {
  if (archs.length === 0) return '';
  if (archs.length === ARCHES.length) return 'all architectures';
  return archs.join(', ');
}

/** `base 8 → head 12`, `new: uint32_t`, `was: struct foo`. */
export function changeText(f: Finding): string {
  if (f.base !== null && f.head !== null) return `base ${f.base} → head ${f.head}`;
  if (f.head !== null) return `head ${f.head}`;
  if (f.base !== null) return `base ${f.base}`;
  return '';
}

/** `file:line:column`, without the parts that are unknown. */
export function whereText(f: Finding): string {
  return f.loc.line > 0 ? `${f.loc.file}:${f.loc.line}${f.loc.column > 0 ? `:${f.loc.column}` : ''}` : f.loc.file;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
