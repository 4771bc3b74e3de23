// Every rule of the catalogue, on a breaking and a compatible case from its fixture under
// generators/test/fixtures/check/rules/<ID>.ts, and documented in docs/rules/<ID>.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules/catalogue.js';
import type { Finding } from '../../src/check/finding.js';
import { ARCHES } from '../../src/model/arch.js';
import type { Expected, FixtureCase, RuleFixture } from '../fixtures/check/define.js';
import { FIXTURES, REPO_ROOT, runCase } from './helpers.js';

const RULE_DIR = join(FIXTURES, 'rules');
const files = readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts')).sort();
const fixtures: RuleFixture[] = [];
for (const file of files) fixtures.push(((await import(join(RULE_DIR, file))) as { default: RuleFixture }).default);

function matches(f: Finding, e: Expected): boolean {
  if (f.rule !== e.rule) return false;
  if (e.item !== undefined && f.item !== e.item) return false;
  if (e.severity !== undefined && f.severity !== e.severity) return false;
  if (e.archs !== undefined && f.archs.join() !== (e.archs === 'all' ? ARCHES : e.archs).join()) return false;
  if (e.base !== undefined && f.base !== e.base) return false;
  if (e.head !== undefined && f.head !== e.head) return false;
  if (e.waived !== undefined && !!f.waived !== e.waived) return false;
  return true;
}

function verify(c: FixtureCase): void {
  const result = runCase(c);
  const shown = result.findings.map((f) => `${f.severity} ${f.rule} ${f.item} [${f.archs.join(',')}] ${f.base} → ${f.head}${f.waived ? ' (waived)' : ''}`);
  for (const e of c.expect) expect(result.findings.some((f) => matches(f, e)), `expected ${JSON.stringify(e)} among:\n${shown.join('\n')}`).toBe(true);
  for (const rule of c.absent ?? []) expect(result.findings.filter((f) => f.rule === rule && !f.waived), `${rule} must not fire:\n${shown.join('\n')}`).toEqual([]);
  expect(result.summary.result === 'fail' ? 1 : 0, `exit code for:\n${shown.join('\n')}`).toBe(c.exit);
  for (const f of result.findings) {
    expect(f.loc.file, `${f.rule} ${f.item} is located`).toMatch(/\.(ts|json)$/);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe('rule catalogue', () => {
  it('has unique IDs in SCREAMING_SNAKE_CASE, each with a category and a summary', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(r.summary.length).toBeGreaterThan(10);
    }
  });

  it('has a fixture per rule, named after it', () => {
    expect(fixtures.map((f) => f.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const [i, file] of files.entries()) expect(file).toBe(`${fixtures[i]?.rule}.ts`);
  });

  it('documents every rule in docs/rules/<ID>.md with its category, a breaking and a compatible example', () => {
    for (const r of RULES) {
      const path = join(REPO_ROOT, 'docs/rules', `${r.id}.md`);
      expect(existsSync(path), path).toBe(true);
      const text = readFileSync(path, 'utf8');
      expect(text, r.id).toMatch(new RegExp(`^# ${r.id}\\n`));
      expect(text, r.id).toContain(`**Category:** ${r.category}`);
      expect(text, r.id).toMatch(/\n## Breaking\n/);
      expect(text, r.id).toMatch(/\n## Compatible\n/);
    }
    const index = readFileSync(join(REPO_ROOT, 'docs/rules/README.md'), 'utf8');
    for (const r of RULES) expect(index, r.id).toContain(`[${r.id}](${r.id}.md)`);
  });
});

describe.each(fixtures.map((f) => [f.rule, f] as const))('%s', (_rule, fixture) => {
  it(`breaking: ${fixture.breaking.change}`, () => verify(fixture.breaking));
  it(`compatible: ${fixture.compatible.change}`, () => verify(fixture.compatible));
});
