// Generates the model's JSON Schema and the ajv validator precompiled from it, and the
// checker's two validators (waivers file, export documents) precompiled from their schemas.
//
//   generators/schema/model.schema.json                      from generators/src/model/types.ts
//   generators/src/validate/generated/model-validator.ts     ajv standalone code for that schema
//   generators/src/check/generated/waivers-validator.ts     ajv standalone code for WAIVERS_SCHEMA
//   generators/src/check/generated/export-validator.ts      ajv standalone code for EXPORT_DOCUMENT_SCHEMA
//
// Usage: npm run schema                     writes both files
//        npm run schema -- --time           times ajv at startup against the precompiled module
//                                           (needs `npm run build` for the latter)
//
// The validator is precompiled because importing ajv and compiling the schema at startup
// costs well over 100 ms of the 0.5 s a cold `xenabi generate` may take (see --time).
// A vitest test fails when either file is stale.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as TJS from 'typescript-json-schema';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { EXPORT_DOCUMENT_SCHEMA } from '../generators/src/check/side/export-schema.js';
import { WAIVERS_SCHEMA } from '../generators/src/check/waivers/schema.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = join(ROOT, 'generators/src/model/types.ts');
export const SCHEMA_PATH = join(ROOT, 'generators/schema/model.schema.json');
export const VALIDATOR_PATH = join(ROOT, 'generators/src/validate/generated/model-validator.ts');
export const REGENERATE = 'npm run schema';
const CHECK_VALIDATORS: [path: string, schema: object, source: string][] = [
  [join(ROOT, 'generators/src/check/generated/waivers-validator.ts'), WAIVERS_SCHEMA, 'WAIVERS_SCHEMA (generators/src/check/waivers/schema.ts)'],
  [join(ROOT, 'generators/src/check/generated/export-validator.ts'), EXPORT_DOCUMENT_SCHEMA, 'EXPORT_DOCUMENT_SCHEMA (generators/src/check/side/export-schema.ts)'],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The JSON Schema of `AbiModel`, sorted, with kind-tagged unions as discriminated `oneOf`s. */
export function buildSchema(): JsonObject {
  const program = TJS.getProgramFromFiles([TYPES], { strict: true, skipLibCheck: true, noEmit: true });
  const generated = TJS.generateSchema(program, 'AbiModel', {
    required: true,
    noExtraProps: true,
    strictNullChecks: true,
    ref: true,
    aliasRef: false,
    topRef: true,
    defaultNumberType: 'integer',
    ignoreErrors: false,
  });
  if (!generated) throw new Error(`typescript-json-schema produced no schema for AbiModel in ${TYPES}`);
  const schema = generated as unknown as JsonObject;
  schema.$comment = `Generated from ${relative(ROOT, TYPES)} by \`${REGENERATE}\`; do not edit.`;
  discriminateUnions(schema);
  return sortKeys(schema) as JsonObject;
}

/**
 * A union whose members are objects tagged by `kind` becomes `oneOf` + `discriminator`, so
 * ajv reports the one member the value claims to be instead of every member's mismatch.
 */
function discriminateUnions(schema: JsonObject): void {
  const definitions = schema.definitions as Record<string, JsonObject>;
  for (const definition of Object.values(definitions)) {
    const branches = definition.anyOf;
    if (!Array.isArray(branches) || !branches.every((b) => kindTagged(b, definitions))) continue;
    delete definition.anyOf;
    Object.assign(definition, {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string' } },
      discriminator: { propertyName: 'kind' },
      oneOf: branches,
    });
  }
}

function kindTagged(branch: Json, definitions: Record<string, JsonObject>): boolean {
  const ref = typeof branch === 'object' && branch && !Array.isArray(branch) ? branch.$ref : undefined;
  if (typeof ref !== 'string') return false;
  const target = definitions[ref.replace('#/definitions/', '')];
  const kind = (target?.properties as JsonObject | undefined)?.kind as JsonObject | undefined;
  const required = target?.required;
  return !!kind && ('const' in kind || 'enum' in kind) && Array.isArray(required) && required.includes('kind');
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key] as Json)]));
}

/** Documentation keywords do not change what validates; the precompiled module leaves them out. */
function withoutDocs(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutDocs);
  if (value === null || typeof value !== 'object') return value;
  const kept = Object.entries(value).filter(([key]) => key !== 'description' && key !== '$comment');
  return Object.fromEntries(kept.map(([key, v]) => [key, key === 'properties' || key === 'definitions' ? mapValues(v, withoutDocs) : withoutDocs(v)]));
}

function mapValues(value: Json, f: (v: Json) => Json): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));
}

/** The ajv options the validator is compiled with; `schema.ts` interprets its errors. */
function newAjv(source: boolean) {
  return new Ajv.default({ allErrors: true, strict: true, discriminator: true, code: { source, esm: true, lines: true } });
}

/** The precompiled validator module's text. */
export function buildValidator(schema: JsonObject): string {
  const ajv = newAjv(true);
  const validate = ajv.compile(withoutDocs(schema) as object);
  const code = standaloneCode.default(ajv, validate);
  const banner = [
    '// Generated by `npm run schema` (scripts/gen-schema.ts) from generators/schema/model.schema.json:',
    '// ajv standalone code that validates an AbiModel. Do not edit.',
    '// @ts-nocheck',
    '/* eslint-disable */',
  ];
  return `${banner.join('\n')}\n${code.replace(/[ \t]+$/gm, '').trimEnd()}\n`;
}

/**
 * A checker validator's module: compiled with the options `check/json-schema.ts` compiles
 * schemas with at run time, so its errors read the same; precompiled because importing ajv
 * and compiling the two schemas cost a cold `xenabi check` more than the comparison.
 */
export function buildCheckValidator(schema: object, source: string): string {
  const ajv = new Ajv.default({ allErrors: true, strict: true, strictRequired: false, code: { source: true, esm: true, lines: true } });
  // ajv's standalone code requires its runtime helpers even as an ES module: import them
  // (a CommonJS module's default export is its exports object in Node, the function in vitest).
  const code = standaloneCode.default(ajv, ajv.compile(schema)).replace(
    /^const (\w+) = require\("([^"]+)"\)\.default;$/gm,
    (_, name: string, module: string) => `import ${name}Module from "${module}.js";\nconst ${name} = ${name}Module.default ?? ${name}Module;`,
  );
  const banner = [
    `// Generated by \`npm run schema\` (scripts/gen-schema.ts) from ${source}:`,
    '// ajv standalone code. Do not edit.',
    '// @ts-nocheck',
    '/* eslint-disable */',
  ];
  return `${banner.join('\n')}\n${code.replace(/[ \t]+$/gm, '').trimEnd()}\n`;
}

export function renderSchemaJson(schema: JsonObject): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Every generated file, path → content. */
export function renderSchemaFiles(): Map<string, string> {
  const schema = buildSchema();
  return new Map([
    [SCHEMA_PATH, renderSchemaJson(schema)],
    [VALIDATOR_PATH, buildValidator(schema)],
    ...CHECK_VALIDATORS.map(([path, s, source]) => [path, buildCheckValidator(s, source)] as [string, string]),
  ]);
}

/**
 * What compiling the schema at startup would cost, against importing the precompiled module
 * (from `generators/dist`, so run `npm run build` first). Each figure is the median of fresh
 * Node processes, since what matters is a cold `xenabi generate`.
 */
function time(): void {
  const schema = JSON.stringify(SCHEMA_PATH);
  const compiled = JSON.stringify(join(ROOT, 'generators/dist/validate/generated/model-validator.js'));
  const probes: Record<string, string> = {
    'import ajv': `const t = performance.now(); await import('ajv'); console.log(performance.now() - t);`,
    'import ajv + compile schema': [
      `import { readFileSync } from 'node:fs';`,
      `const s = JSON.parse(readFileSync(${schema}, 'utf8'));`,
      `const t = performance.now(); const { default: Ajv } = await import('ajv');`,
      `new Ajv({ allErrors: true, strict: true, discriminator: true }).compile(s); console.log(performance.now() - t);`,
    ].join('\n'),
    'import precompiled validator': `const t = performance.now(); await import(${compiled}); console.log(performance.now() - t);`,
  };
  for (const [name, code] of Object.entries(probes)) {
    const runs = Array.from({ length: 7 }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' })));
    const median = runs.sort((a, b) => a - b)[3]!;
    console.log(`${name.padEnd(30)} ${median.toFixed(1).padStart(6)} ms (median of ${runs.length} cold runs)`);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--time')) return time();
  for (const [path, content] of renderSchemaFiles()) {
    mkdirSync(dirname(path), { recursive: true });
    const old = (() => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    })();
    if (old === content) continue;
    writeFileSync(path, content);
    console.log(`wrote ${relative(ROOT, path)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
