/**
 * The text report, for people at a terminal: breaking changes first with everything a
 * finding carries, then warnings, compatible changes one a line, waived ones, what could
 * not be checked, and a summary line. Colour only when asked (a TTY without NO_COLOR).
 */
import type { CheckResult } from '../engine.js';
import type { Finding } from '../finding.js';
import { visible } from '../../diagnostics/visible.js';
import { archText, changeText, cleanResult, commandName, plural, whereText, type FormatOptions } from './common.js';

const CODES = { red: 31, yellow: 33, cyan: 36, green: 32, bold: 1, dim: 2 } as const;

export function formatText(raw: CheckResult, options: FormatOptions = {}): string {
  const result = cleanResult(raw, visible);
  const paint = (style: keyof typeof CODES, text: string) => (options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const live = result.findings.filter((f) => !f.waived);
  const lines = [
    `${commandName(options)}: ${result.base.label} (Xen ${result.base.release}) → ${result.head.label} (Xen ${result.head.release})`,
    ...section('Errors', live.filter((f) => f.severity === 'error'), (f) => detailed(f, paint('red', 'error'), paint)),
    ...section('Warnings', live.filter((f) => f.severity === 'warning'), (f) => detailed(f, paint('yellow', 'warning'), paint)),
    ...section('Compatible changes and allowed unstable changes', live.filter((f) => f.severity === 'note'), (f) => [brief(f, paint('cyan', 'note'))]),
    ...section('Waived', result.findings.filter((f) => f.waived), (f) => [brief(f, paint('dim', 'waived')), `      ${paint('dim', `reason: ${f.waived?.reason}`)}`]),
    ...section('Rules not run', result.skipped, (s) => [`  ${s.rule}: ${s.reason}`]),
    ...section('Notes', result.notes, (n) => [`  ${n}`]),
    '',
    summaryLine(result, paint),
  ];
  return `${lines.join('\n')}\n`;
}

function section<T>(title: string, items: readonly T[], render: (item: T) => string[]): string[] {
  return items.length ? ['', `${title}:`, ...items.flatMap(render)] : [];
}

function detailed(f: Finding, label: string, paint: (s: keyof typeof CODES, t: string) => string): string[] {
  const facts = [archText(f.archs) && `on ${archText(f.archs)}`, changeText(f), f.locSide === 'base' ? 'located in the base' : ''].filter(Boolean).join(' · ');
  return [`  ${whereText(f)}: ${label} ${paint('bold', f.rule)} ${f.item}`, `      ${f.message}`, ...(facts ? [`      ${paint('dim', facts)}`] : [])];
}

function brief(f: Finding, label: string): string {
  const archs = archText(f.archs);
  return `  ${whereText(f)}: ${label} ${f.rule} ${f.item}: ${f.message}${archs ? ` (${archs})` : ''}`;
}

function summaryLine(result: CheckResult, paint: (s: keyof typeof CODES, t: string) => string): string {
  const s = result.summary;
  const parts = [
    plural(s.errors, 'error'),
    plural(s.warnings, 'warning'),
    plural(s.notes, 'note'),
    `${s.waived} waived`,
  ];
  const verdict = s.result === 'fail' ? paint('red', 'FAIL') : paint('green', 'ok');
  return `${verdict}: ${parts.join(', ')} (${s.binary} binary, ${s.source} source-only, ${s.compatible} compatible; failing on ${s.failOn} breaks)`;
}
