import type { SourceLocation } from '../model/types.js';
import { visible } from './visible.js';

/**
 * A problem found in the ABI, located at the line that declares it. Every pass returns these;
 * nothing is thrown for bad input, so one run reports every problem at once.
 */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable identifier of the rule that found it. @example "duplicate-name" */
  rule: string;
  loc: SourceLocation;
  /** The item path: `record.field`, a constant, a module. @example "xen_dm_op.pad" */
  item: string;
  message: string;
}

/** `file:line:column: error [rule] item: message`, on one line whatever the item or the message holds. */
export function formatDiagnostic(d: Diagnostic): string {
  return visible(`${d.loc.file}:${d.loc.line}:${d.loc.column}: ${d.severity} [${d.rule}] ${d.item}: ${d.message}`);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorted by file, line, column and rule, so output is the same on every run. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.loc.file.localeCompare(b.loc.file) ||
      a.loc.line - b.loc.line ||
      a.loc.column - b.loc.column ||
      a.rule.localeCompare(b.rule) ||
      a.item.localeCompare(b.item),
  );
}

/** Bad input: carries every diagnostic; the CLI prints them and exits 2. */
export class AbiInputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n'));
    this.name = 'AbiInputError';
  }
}
