/**
 * The public API of @xenabi/linux is reviewed like code: api-extractor's report in
 * etc/linux.api.md must match the built declarations. It needs `npm run build` first
 * (the repository's test script builds before testing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const UPDATE = 'npm run build && npm run api:ts';

describe('API report', () => {
  it(`matches etc/linux.api.md (update it with: ${UPDATE})`, () => {
    expect(existsSync(join(ROOT, 'dist/index.d.ts')), `no dist/index.d.ts: run npm run build`).toBe(true);
    const config = ExtractorConfig.loadFileAndPrepare(join(ROOT, 'api-extractor.json'));
    const result = Extractor.invoke(config, { localBuild: false, showVerboseMessages: false, messageCallback: (m) => void (m.handled = true) });
    const report = join(ROOT, 'temp', 'linux.api.md');
    const committed = join(ROOT, 'etc', 'linux.api.md');
    const changed = result.apiReportChanged || !existsSync(committed) || readFileSync(report, 'utf8') !== readFileSync(committed, 'utf8');
    expect(changed, `the public API of @xenabi/linux changed: review it, then run \`${UPDATE}\` and commit packages/linux/etc/linux.api.md`).toBe(false);
  });
});
