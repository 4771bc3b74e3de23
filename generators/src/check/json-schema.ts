/**
 * ajv, compiled at run time for the checker's small schemas (the waivers file, export
 * documents read with `--base`/`--head`). Errors come back as one readable line each.
 */
import AjvModule from 'ajv';

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null };

const Ajv = AjvModule.default;
let ajv: InstanceType<typeof Ajv> | undefined;

/** Compiles `schema` once per call site; returns a function listing problems (empty when valid). */
export function schemaValidator(schema: object): (data: unknown) => string[] {
  ajv ??= new Ajv({ allErrors: true, strict: true, strictRequired: false });
  const validate = ajv.compile(schema) as Validate;
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map(describeError));
}

function describeError(error: { instancePath: string; message?: string; params?: Record<string, unknown> }): string {
  const where = error.instancePath || '(top level)';
  const extra = error.params?.additionalProperty
    ? ` '${String(error.params.additionalProperty)}'`
    : error.params?.allowedValues
      ? `: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`
      : '';
  return `${where}: ${error.message ?? 'invalid'}${extra}`;
}
