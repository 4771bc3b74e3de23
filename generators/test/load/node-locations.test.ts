/**
 * Locations as the CLI finds them: in a fresh Node process, outside the test runner, where
 * the loader maps each DSL call's frames through the bundle's source map.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = join(ROOT, 'generators/test/fixtures');

/** Runs `body` in a fresh Node with `loadAbi` in scope; returns what it printed last. */
function inNode(body: string): unknown {
  const script = `import { loadAbi } from './generators/src/load/index.ts';\n${body}`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) as string);
}

describe('locations in Node', () => {
  it('name the ABI module line of each declaration', () => {
    const root = join(FIXTURES, 'cli-good');
    const locs = inNode(`const { model } = await loadAbi(${JSON.stringify(join(root, 'abi'))}, ${JSON.stringify(root)});
      console.log(JSON.stringify([model.aliases[0].loc, model.records[0].loc, model.records[0].fields[2].loc, model.modules[0].loc]));`);
    expect(locs).toEqual([
      { file: 'abi/stable/sample.ts', line: 4, column: 28 },
      { file: 'abi/stable/sample.ts', line: 6, column: 29 },
      { file: 'abi/stable/sample.ts', line: 13, column: 5 },
      { file: 'abi/stable/sample.ts', line: 22, column: 16 },
    ]);
  });

  it('name the line a module threw at', () => {
    const root = join(FIXTURES, 'bad/module-throws');
    const diagnostics = inNode(`try { await loadAbi(${JSON.stringify(join(root, 'abi'))}, ${JSON.stringify(root)}); console.log('[]'); }
      catch (error) { console.log(JSON.stringify(error.diagnostics.map((d) => [d.loc, d.rule]))); }`);
    expect(diagnostics).toEqual([[{ file: 'abi/stable/bad.ts', line: 6, column: 9 }, 'evaluation']]);
  });
});
