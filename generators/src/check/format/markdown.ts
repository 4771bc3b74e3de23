/**
 * A Markdown summary to post on a pull or merge request (or append to GitHub's step
 * summary): a verdict heading, the breaking changes in a table, everything else folded.
 *
 * Every name, type, label and message comes from the inputs, which a pull request controls,
 * so none of it reaches the page as Markdown or HTML: it cannot end a table row, open a
 * heading, link an image, mention someone or reference an issue (`escape`, `code`).
 */
import type { CheckResult } from '../engine.js';
import type { Finding } from '../finding.js';
import { visible } from '../../diagnostics/visible.js';
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
    `Base: ${code(result.base.label)} (Xen ${escape(result.base.release)}) · Head: ${code(result.head.label)} (Xen ${escape(result.head.release)}) · failing on ${s.failOn} breaks`,
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

/**
 * Inline code. A code span when the text has nothing a span cannot hold (a backtick, which
 * would close it; a pipe or a backslash, which a table row reads before the span); else an
 * HTML `<code>` element with the text escaped (`escape`).
 */
export function code(text: string): string {
  const shown = visible(text);
  return /[`|\\]/.test(shown) ? `<code>${escape(shown)}</code>` : `\`${shown}\``;
}

/** The characters Markdown or HTML would act on, as entities or backslash escapes. */
const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\\': '&#92;', '`': '&#96;', '|': '\\|', '*': '\\*', '[': '\\[', ']': '\\]', '~': '\\~', '!': '\\!' };

/**
 * Text safe in a table cell, a list item or a `<summary>`: controls made visible (no line
 * break ends the cell), Markdown and HTML escaped (a backslash becomes an entity first, so a
 * `\\|` can never unescape a pipe), an underscore escaped where it could start or end
 * emphasis, and a zero-width space after `@` and before an issue number's digits after `#`,
 * so that nothing mentions a user or references an issue.
 */
export function escape(text: string): string {
  return visible(text)
    .replace(/[&<>\\`|*[\]~!]/g, (c) => MARKUP[c] ?? c)
    .replace(/_/g, (c, at: number, all: string) => (/[A-Za-z0-9]/.test(all[at - 1] ?? '') && /[A-Za-z0-9]/.test(all[at + 1] ?? '') ? c : '\\_'))
    .replace(/@/g, '@&#8203;')
    .replace(/(?<!&)#(?=[A-Za-z0-9])/g, '#&#8203;');
}
