/**
 * A compiled ajv validator as a function listing problems, one readable line each. The
 * checker's own schemas are compiled beforehand (`check/generated/`, by `npm run schema`), so
 * this module, unlike `json-schema.ts`, does not load ajv.
 */
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
type AjvError = { instancePath: string; message?: string; params?: Record<string, unknown> };

/** Problems `compiled` finds in `data` (empty when valid). */
export function problemLister(compiled: unknown): (data: unknown) => string[] {
  const validate = compiled as Validate;
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map(describeError));
}

function describeError(error: AjvError): string {
  const where = error.instancePath || '(top level)';
  const extra = error.params?.additionalProperty
    ? ` '${String(error.params.additionalProperty)}'`
    : error.params?.allowedValues
      ? `: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`
      : '';
  return `${where}: ${error.message ?? 'invalid'}${extra}`;
}
