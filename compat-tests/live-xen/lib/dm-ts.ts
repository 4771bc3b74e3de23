/**
 * Stages the TypeScript device model (dm-ts/) for dom0: its modules type-checked and
 * transpiled to JavaScript, beside a node_modules of what they import at run time
 * (@xenabi/ts-bindings and @xenabi/linux as built, koffi with its Linux x86_64 binary), and
 * the host's Node with the shared libraries it and koffi load, run through the host's own
 * dynamic loader so dom0's C library (another Debian release's) is never mixed in.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../../lib/c-headers.js';
import { exec } from './exec.js';
import { CACHE, LIVE_DIR } from './releases.js';

const SOURCES = join(LIVE_DIR, 'dm-ts');
const OUT = join(CACHE, 'work/dm-ts');
/** Where the staged folders go under /payload. */
export const TS_APP = 'dm-ts';
export const TS_NODE = 'node';
/** The command dom0 runs (run.sh appends the domain id). */
export const TS_COMMAND = [`/payload/${TS_NODE}/lib/ld-linux-x86-64.so.2`, '--library-path', `/payload/${TS_NODE}/lib`, `/payload/${TS_NODE}/node`, `/payload/${TS_APP}/dm.js`];

/** The workspace packages the model imports, as npm would install them: package.json and dist. */
const WORKSPACE_PACKAGES = [
  { name: '@xenabi/ts-bindings', dir: 'packages/ts-bindings' },
  { name: '@xenabi/linux', dir: 'packages/linux' },
];
/** koffi and its prebuilt binary for glibc x86_64 (the musl one and the docs stay behind). */
const KOFFI = { name: 'koffi', skip: new Set(['doc', 'vendor']) };
const KOFFI_BINARY = { name: '@koromix/koffi-linux-x64', skip: new Set(['musl_x64']) };

async function typeCheck(): Promise<void> {
  await exec(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', SOURCES]);
}

function transpile(app: string): void {
  for (const file of readdirSync(SOURCES).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(SOURCES, file), 'utf8');
    const out = ts.transpileModule(source, { fileName: file, compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(app, file.replace(/\.ts$/, '.js')), out.outputText);
  }
  writeFileSync(join(app, 'package.json'), '{ "type": "module" }\n');
}

function copyPackages(app: string): void {
  for (const p of WORKSPACE_PACKAGES) {
    const from = join(REPO_ROOT, p.dir);
    if (!existsSync(join(from, 'dist/index.js'))) throw new Error(`${p.name} is not built (${p.dir}/dist): run npm run build`);
    const to = join(app, 'node_modules', p.name);
    cpSync(join(from, 'package.json'), join(to, 'package.json'));
    cpSync(join(from, 'dist'), join(to, 'dist'), { recursive: true, filter: (src) => !/\.(map|d\.ts)$/.test(src) });
  }
  for (const p of [KOFFI, KOFFI_BINARY]) {
    const from = join(REPO_ROOT, 'node_modules', p.name);
    if (!existsSync(from)) throw new Error(`${p.name} is not installed in node_modules: run npm ci`);
    cpSync(from, join(app, 'node_modules', p.name), { recursive: true, filter: (src) => !p.skip.has(src.slice(from.length + 1)) });
  }
}

/** The shared libraries `binary` loads, by the path ldd resolves, the dynamic loader included. */
async function sharedLibraries(binary: string): Promise<string[]> {
  const out = await exec('ldd', [binary]);
  return [...out.matchAll(/(?:=> )?(\/\S+) \(0x/g)].map((m) => m[1] as string);
}

async function stageNode(dir: string, koffiBinary: string): Promise<void> {
  mkdirSync(join(dir, 'lib'), { recursive: true });
  cpSync(realpathSync(process.execPath), join(dir, 'node'));
  const libraries = new Set([...(await sharedLibraries(process.execPath)), ...(await sharedLibraries(koffiBinary))]);
  for (const lib of libraries) cpSync(realpathSync(lib), join(dir, 'lib', basename(lib)));
}

/** Builds the staged folders once per process; returns them by payload path. */
export async function stageTsDeviceModel(): Promise<{ app: string; node: string }> {
  await typeCheck();
  rmSync(OUT, { recursive: true, force: true });
  const app = join(OUT, TS_APP);
  const node = join(OUT, TS_NODE);
  mkdirSync(app, { recursive: true });
  transpile(app);
  copyPackages(app);
  await stageNode(node, join(app, 'node_modules', KOFFI_BINARY.name, 'linux_x64/koffi.node'));
  if (!existsSync(join(node, 'lib/ld-linux-x86-64.so.2'))) throw new Error(`ldd named no ld-linux-x86-64.so.2 for ${process.execPath}`);
  return { app, node };
}
