/**
 * HTML and SVG text for the docs site: escaping, and ids that are safe in URLs and selectors.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in an element or a quoted attribute. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** The anchor of an item on its module page: `xen_dm_op.u` → `xen_dm_op-u`. */
export function anchor(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** The page of a module, relative to the site root. @example "reference/stable/dm_op.html" */
export function modulePage(namespace: string, module: string): string {
  return `reference/${namespace}/${module}.html`;
}

/** A link from a page at `from` to `to` (both relative to the site root). */
export function relativeHref(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}`;
}
