/**
 * A Markdown summary to post on a pull or merge request (or append to GitHub's step
 * summary): a verdict heading, the breaking changes in a table, everything else folded.
 */
import type { CheckResult } from '../engine.js';
import type { Finding } from '../finding.js';
import { archText, commandName, plural, whereText, type FormatOptions } from './common.js';

export function formatMarkdown(result: CheckResult, options: FormatOptions = {}): string {
  const s = result.summary;
  const live = result.findings.filter((f) => !f.waived);
  const errors = live.filter((f) => f.severity === 'error');
  const warnings = live.filter((f) => f.severity === 'warning');
  const notes = live.filter((f) => f.severity === 'note');
  const waived = result.findings.filter((f) => f.waived);
  const heading =
    s.result === 'fail'
      ? `## ❌ ${commandName(options)}: ${plural(s.errors, 'breaking change')}`
      : `## ✅ ${commandName(options)}: no breaking change${s.warnings ? ` (${plural(s.warnings, 'warning')} to review)` : ''}`;
  const out = [
    heading,
    '',
    `Base: ${code(result.base.label)} (Xen ${result.base.release}) · Head: ${code(result.head.label)} (Xen ${result.head.release}) · failing on ${s.failOn} breaks`,
  ];
  if (errors.length) out.push('', '### Breaking changes', '', ...table(errors, options));
  if (warnings.length) out.push('', '### Warnings', '', ...table(warnings, options));
  if (notes.length) out.push('', ...folded(`${plural(notes.length, 'compatible change')} (or allowed unstable change${notes.length === 1 ? '' : 's'})`, table(notes, options)));
  if (waived.length) out.push('', ...folded(`${plural(waived.length, 'waived break')}`, table(waived, options, true)));
  if (result.skipped.length) out.push('', ...folded(`${plural(result.skipped.length, 'rule')} not run`, result.skipped.map((r) => `- ${ruleLink(r.rule, options)}: ${escape(r.reason)}`)));
  if (result.notes.length) out.push('', ...folded('Notes', result.notes.map((n) => `- ${escape(n)}`)));
  return `${out.join('\n')}\n`;
}

function table(findings: readonly Finding[], options: FormatOptions, waived = false): string[] {
  return [
    `| Rule | Item | What | Architectures | Base | Head | Where |${waived ? ' Reason |' : ''}`,
    `| --- | --- | --- | --- | --- | --- | --- |${waived ? ' --- |' : ''}`,
    ...findings.map(
      (f) =>
        `| ${ruleLink(f.rule, options)} | ${code(f.item)} | ${escape(f.message)} | ${archText(f.archs) || '—'} | ${f.base === null ? '—' : code(f.base)} | ${f.head === null ? '—' : code(f.head)} | ${code(whereText(f))}${f.locSide === 'base' ? ' (base)' : ''} |${waived ? ` ${escape(f.waived?.reason ?? '')} |` : ''}`,
    ),
  ];
}

function folded(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${escape(summary)}</summary>`, '', ...body, '', '</details>'];
}

function ruleLink(rule: string, options: FormatOptions): string {
  return options.ruleUri ? `[${code(rule)}](${options.ruleUri(rule)})` : code(rule);
}

/** Inline code that survives any backtick and pipe in the text. */
function code(text: string): string {
  const safe = text.replace(/\|/g, '\\|');
  return safe.includes('`') ? `\`\` ${safe} \`\`` : `\`${safe}\``;
}

/** Text safe in a table cell or list item. */
function escape(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
