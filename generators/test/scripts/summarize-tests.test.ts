// The CI log's closing lines (scripts/summarize-tests.mjs): the pass/fail count CI reads and the
// slowest files, timed with their hooks when the file-times reporter's output is given.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = new URL('../../../scripts/summarize-tests.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'xenabi-summarize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A file whose work sits in beforeAll: its tests span 2 s of a 300 s file.
const report = join(dir, 'vitest.json');
writeFileSync(report, JSON.stringify({
  numPassedTests: 3, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0,
  testResults: [
    { name: join(process.cwd(), 'slow-hook.test.ts'), status: 'passed', startTime: 1000, endTime: 3000, assertionResults: [{ status: 'passed' }] },
    { name: join(process.cwd(), 'plain.test.ts'), status: 'passed', startTime: 0, endTime: 5000, assertionResults: [{ status: 'passed' }, { status: 'passed' }] },
  ],
}));
const times = join(dir, 'times.json');
writeFileSync(times, JSON.stringify([{ name: 'slow-hook.test.ts', seconds: 300 }, { name: 'plain.test.ts', seconds: 5 }]));

const summarize = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'false' } });

describe('summarize-tests', () => {
  it('ranks files by their own time, hooks included, when the file-times reporter wrote it', () => {
    const r = summarize(report, '--file-times', times);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/hooks included; all 2 files: 305 s/);
    expect(r.stdout.indexOf('slow-hook.test.ts')).toBeLessThan(r.stdout.indexOf('plain.test.ts'));
    expect(r.stdout).toMatch(/^3 passed, 0 failed$/m);
  });

  it('falls back to the span of the tests without it', () => {
    const r = summarize(report);
    expect(r.stdout).toMatch(/all 2 files: 7 s/);
    expect(r.stdout.indexOf('plain.test.ts')).toBeLessThan(r.stdout.indexOf('slow-hook.test.ts'));
  });

  it('fails when the named file-times output is missing', () => {
    const r = summarize(report, '--file-times', join(dir, 'absent.json'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no file times at/);
  });
});
