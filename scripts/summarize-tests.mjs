// Prints the closing line CI reads, "N passed, N failed", from the runners' JSON reports, and
// before it the slowest test files (wall seconds, hooks included, from file-times-reporter.mjs),
// so that every CI log says where the suite's time went (docs/performance.md, "The test suite").
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const SLOWEST = 20;
let passed = 0;
let failed = 0;
let skipped = 0;
const files = [];
// Each file's own time, hooks included, from scripts/file-times-reporter.mjs; without it, the
// JSON report's span of the tests (which leaves out beforeAll hooks) is all there is.
const args = process.argv.slice(2);
const timesAt = args.indexOf('--file-times');
const timesFile = timesAt >= 0 ? args.splice(timesAt, 2)[1] : undefined;
if (timesFile !== undefined && !existsSync(timesFile)) {
  console.error(`summarize-tests: no file times at ${timesFile}`);
  process.exit(1);
}
const ownTimes = timesFile === undefined ? undefined : JSON.parse(readFileSync(timesFile, 'utf8'));
for (const file of args) {
  if (!existsSync(file)) {
    console.error(`summarize-tests: no report at ${file}`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const r of report.testResults ?? []) {
    // A file that failed outside its tests (an import or a hook threw) has no failed test to count: count the file.
    if (r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed')) {
      failed += 1;
      console.error(`summarize-tests: ${relative(process.cwd(), r.name)} failed outside its tests: ${String(r.message ?? '').split('\n')[0]}`);
    }
    if (ownTimes === undefined && typeof r.startTime === 'number' && typeof r.endTime === 'number') files.push({ name: relative(process.cwd(), r.name), seconds: (r.endTime - r.startTime) / 1000 });
  }
}
if (ownTimes !== undefined) files.push(...ownTimes);
if (files.length) {
  const total = files.reduce((s, f) => s + f.seconds, 0);
  console.log(`\nslowest test files (wall seconds${ownTimes ? ', hooks included' : ''}; all ${files.length} files: ${total.toFixed(0)} s):`);
  for (const f of files.sort((a, b) => b.seconds - a.seconds).slice(0, SLOWEST)) console.log(`${f.seconds.toFixed(1).padStart(8)}  ${f.name}`);
  console.log('');
}
if (process.env.CI === 'true' && skipped > 0) {
  console.error(`summarize-tests: ${skipped} test(s) skipped under CI=true; every test must run in CI`);
  failed += skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
