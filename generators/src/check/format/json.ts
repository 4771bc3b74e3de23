/** The JSON report: the check result as is, tagged with its format (docs/check-format.md). */
import type { CheckResult } from '../engine.js';

export const CHECK_FORMAT = 'xenabi-check/1';

export function formatJson(result: CheckResult): string {
  const { base, head, summary, findings, skipped, notes } = result;
  return `${JSON.stringify({ format: CHECK_FORMAT, base, head, summary, findings, skipped, notes }, null, 2)}\n`;
}
