/**
 * The TypeScript emitter: the `@xenabi/ts-bindings` package under packages/ts-bindings/.
 * Per module a public file (types, constants, codec objects, op-set codecs) and an internal
 * file (per-architecture functions and view classes); the runtime; index files; package.json
 * and tsconfig.json. The files are printed from the view-model by a plain printer (print/).
 * Nothing here loads the TypeScript compiler: the package is type-checked by the tests, and by
 * `generate --typecheck` on request (typecheck.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ReleaseModel } from '../../select/release.js';
import { NEWEST_RELEASE } from '../../model/releases.js';
import type { AbiModel } from '../../model/types.js';
import { npmPackageName } from '../../release/project.js';
import { UNRELEASED } from '../../release/versions.js';
import type { EmitContext, Emitter, OutputFile } from '../emitter.js';
import { withAnonymousNamed } from './anonymous.js';
import { availabilityFile } from './availability.js';
import { implFile } from './impl-module.js';
import { publicFile } from './module-decls.js';
import { hasRings, RING_RUNTIME } from './rings.js';
import { PACKAGE_DIR, PACKAGE_NAME, TsNames } from './names.js';
import { dispatchOf, opVariants, type Dispatch, type OpVariant } from './ops-code.js';
import { namespaceFile, packageJson, rootFile, tsconfigJson } from './package-files.js';
import { printFile } from './print/file.js';
import { Variants } from './variants.js';
import { RUNTIME, type TsFile } from './view-model.js';

/** Where the runtime's source lives, in src/ whether running from src/ or dist/. */
const RUNTIME_DIR = new URL('runtime/', import.meta.url.replace('/dist/', '/src/'));
const RUNTIME_ORIGIN = 'generators/src/emit/ts/runtime';

/** The runtime's files, copied verbatim beside the package's `src/runtime.ts` (`runtime.ts` and its `runtime-*.ts` parts). */
function runtimeFiles(): { path: string; origin: string; text: string }[] {
  return readdirSync(RUNTIME_DIR)
    .filter((f) => f === 'runtime.ts' || (f.startsWith('runtime-') && f.endsWith('.ts')))
    .sort()
    .map((f) => ({ path: RUNTIME.replace(/runtime\.ts$/, f), origin: `${RUNTIME_ORIGIN}/${f}`, text: readFileSync(new URL(f, RUNTIME_DIR), 'utf8') }));
}
/** The ring runtime, in the same folder but shipped only when the model declares a ring. */
const RING_SOURCE = new URL('ring.ts', RUNTIME_DIR);
const RING_ORIGIN = `${RUNTIME_ORIGIN}/ring.ts`;

/** How long the last run took, in milliseconds: building the view-model, printing it. */
export const tsEmitterTimings = { viewModel: 0, print: 0 };

/** Every TypeScript file of the package as view-model data; `history` (the whole model) feeds the availability module. */
export function packageFiles(release: ReleaseModel, history: AbiModel = release): TsFile[] {
  const model = withAnonymousNamed(release);
  const names = new TsNames(model);
  const variants = new Variants(model, names);
  const value = (constant: string) => model.constants.find((c) => c.name === constant)?.value ?? '0';
  const dispatches = new Map<string, { plan: Dispatch; variants: OpVariant[] }>();
  for (const s of model.sets.filter((x) => x.kind === 'ops')) {
    const plan = dispatchOf(s, value, variants);
    if (plan) dispatches.set(s.name, { plan, variants: opVariants(plan, variants) });
  }
  const files: TsFile[] = [];
  for (const m of model.modules) {
    files.push(publicFile(variants, names, m, dispatches));
    const mine = [...dispatches.values()].filter((d) => d.plan.set.module === m.name && d.plan.set.namespace === m.namespace);
    files.push(implFile(variants, names, m, mine));
  }
  for (const ns of [...new Set(model.modules.map((m) => m.namespace))].sort()) files.push(namespaceFile(ns, model.modules));
  files.push(availabilityFile(history));
  files.push(rootFile(model.modules, hasRings(model)));
  return files;
}

export const tsEmitter: Emitter = {
  id: 'ts',
  cache: {
    manifest: `${PACKAGE_DIR}/xenabi-manifest.json`,
    sourceDir: new URL('./', import.meta.url.replace('/dist/', '/src/')),
    dependencies: [],
  },
  emit(model: ReleaseModel, context: EmitContext): OutputFile[] {
    const t0 = performance.now();
    const files = packageFiles(model, context.history);
    const t1 = performance.now();
    const sources = files.map((file) => ({ file, text: printFile(file) }));
    Object.assign(tsEmitterTimings, { viewModel: t1 - t0, print: performance.now() - t1 });
    const runtime = runtimeFiles();
    const ringRuntime = hasRings(model) ? readFileSync(RING_SOURCE, 'utf8') : undefined;
    const out = (path: string, content: string, from: string[], comment: OutputFile['comment']): OutputFile => ({
      path: `${PACKAGE_DIR}/${path}`,
      content,
      sources: from,
      comment,
    });
    return [
      out('package.json', packageJson(model.modules, { name: npmPackageName(PACKAGE_NAME, model.release, NEWEST_RELEASE), version: context.versions?.ts ?? UNRELEASED }), [], 'none'),
      out('tsconfig.json', tsconfigJson(), [], 'none'),
      ...runtime.map((r) => out(r.path, r.text, [r.origin], 'line')),
      ...(ringRuntime ? [out(RING_RUNTIME, ringRuntime, [RING_ORIGIN], 'line')] : []),
      ...sources.map(({ file, text }) => out(file.path, text, file.sources, 'line')),
    ];
  },
};
