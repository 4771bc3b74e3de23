/** Shared by the checker's tests: fixture ABIs to sides, and running a case. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { baselineEmitter } from '../../src/emit/baseline/index.js';
import { loadAbi } from '../../src/load/index.js';
import { render, writeChanged } from '../../src/output/pipeline.js';
import { checkAbi, type CheckResult } from '../../src/check/engine.js';
import { sideFromModel } from '../../src/check/side/from-model.js';
import type { AbiSide } from '../../src/check/side/types.js';
import type { Waiver } from '../../src/check/waivers/index.js';
import { lowerModules } from '../../src/load/lower.js';
import type { AbiModel } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';
import { checkModelSchema } from '../../src/validate/schema.js';
import type { FixtureCase, FixtureModule } from '../fixtures/check/define.js';

export const REPO_ROOT = new URL('../../../', import.meta.url).pathname;
export const FIXTURES = new URL('../fixtures/check/', import.meta.url).pathname;

/** The model of fixture modules, as the loader would lower them; throws on any error. */
export function modelOf(modules: FixtureModule[]): AbiModel {
  const evaluated = modules.map((m) => ({ namespace: m.namespace, file: join(FIXTURES, `${m.def.name}.ts`), exported: m.def }));
  const { model, diagnostics } = lowerModules(evaluated, REPO_ROOT);
  const problems = [...diagnostics, ...checkModelSchema(model)].filter((d) => d.severity === 'error');
  if (problems.length) throw new Error(`fixture ABI does not lower: ${problems.map((d) => `${d.item}: ${d.message}`).join('; ')}`);
  return model;
}

export function sideOf(modules: FixtureModule[], release = '4.22', label = 'abi/'): AbiSide {
  return sideFromModel(atRelease(modelOf(modules), release), 'abi', label);
}

export function runCase(c: FixtureCase): CheckResult {
  const waivers: Waiver[] = (c.waivers ?? []).map((w, i) => ({ ...w, loc: { file: 'abi/waivers.json', line: i + 3, column: 1 } }));
  return checkAbi(sideOf(c.base(), c.release, 'base'), sideOf(c.head(), c.release, 'head'), { waivers, ...(c.failOn ? { failOn: c.failOn } : {}) });
}

// ---- The CLI ----------------------------------------------------------------------------

/** Runs `xenabi` in-process, capturing its output. */
export async function run(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd, isTty: false };
  const code = await main(argv, io);
  return { code, out, err };
}

/** A copy of the fixture repository with its baseline written, as `xenabi generate` would. */
export async function freshRepo(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'xenabi-check-'));
  cpSync(join(FIXTURES, 'repo'), root, { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}\n');
  const { model } = await loadAbi(join(root, 'abi'), root);
  writeChanged(root, baselineEmitter.emit(atRelease(model, '4.22')).map((f) => render(f)));
  return root;
}

export function edit(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
}

