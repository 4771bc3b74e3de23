/**
 * The options that put `xenabi check` in header mode, apart from header mode itself
 * (`check-headers.ts`), which `check` then loads only when they are given.
 */
export const HEADER_OPTIONS = ['base-headers', 'head-headers', 'xen-tree'] as const;

/** True when the command line asks for header mode. */
export function wantsHeaders(values: Record<string, unknown>): boolean {
  return HEADER_OPTIONS.some((o) => values[o] !== undefined);
}
