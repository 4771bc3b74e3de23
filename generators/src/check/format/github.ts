/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per
 * finding on the `abi/` line that declares the item, then a plain summary line.
 */
import type { CheckResult } from '../engine.js';
import type { Finding } from '../finding.js';
import { visible } from '../../diagnostics/visible.js';
import { archText, changeText, cleanResult, commandName, plural, type FormatOptions } from './common.js';

export function formatGithub(raw: CheckResult, options: FormatOptions = {}): string {
  const result = cleanResult(raw, visible);
  const lines = result.findings.map(annotation);
  for (const s of result.skipped) lines.push(`::notice title=${escapeProperty(`xenabi: ${s.rule} not run`)}::${escapeData(s.reason)}`);
  const s = result.summary;
  lines.push(`${commandName(options)}: ${s.result === 'fail' ? 'FAIL' : 'ok'}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}, ${s.waived} waived`);
  return `${lines.join('\n')}\n`;
}

function annotation(f: Finding): string {
  const command = f.waived ? 'notice' : f.severity === 'note' ? 'notice' : f.severity;
  const props = [`file=${escapeProperty(f.loc.file)}`];
  if (f.loc.line > 0) props.push(`line=${f.loc.line}`);
  if (f.loc.column > 0) props.push(`col=${f.loc.column}`);
  props.push(`title=${escapeProperty(`${f.rule} ${f.item}${f.waived ? ' (waived)' : ''}`)}`);
  const facts = [archText(f.archs), changeText(f), f.waived ? `waived: ${f.waived.reason}` : ''].filter(Boolean).join('; ');
  return `::${command} ${props.join(',')}::${escapeData(`${f.message}${facts ? ` (${facts})` : ''}`)}`;
}

/** The escaping GitHub's runner undoes in a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping GitHub's runner undoes in a command's properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
