import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGENERATE, renderSchemaFiles } from '../../../scripts/gen-schema.js';

describe('generated schema files', () => {
  it(`are up to date (regenerate with \`${REGENERATE}\`)`, () => {
    for (const [path, content] of renderSchemaFiles()) {
      const committed = (() => {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return '';
        }
      })();
      const name = relative(process.cwd(), path);
      expect(committed === content, `${name} is stale: run \`${REGENERATE}\` and commit the result`).toBe(true);
    }
  });
});
