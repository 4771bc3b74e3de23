/**
 * ajv, compiled at run time, for schemas that are not precompiled (the checker's own are:
 * `check/generated/`). Errors come back as one readable line each (`problems.ts`).
 */
import AjvModule from 'ajv';
import { problemLister } from './problems.js';

const Ajv = AjvModule.default;
let ajv: InstanceType<typeof Ajv> | undefined;

/** Compiles `schema` once per call site; returns a function listing problems (empty when valid). */
export function schemaValidator(schema: object): (data: unknown) => string[] {
  ajv ??= new Ajv({ allErrors: true, strict: true, strictRequired: false });
  return problemLister(ajv.compile(schema));
}
