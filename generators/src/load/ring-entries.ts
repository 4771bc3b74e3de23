/**
 * The values of ring-entry constants (`USB_URB_RING_SIZE`, declared with the DSL's
 * `ringEntries()`): how many entries of the ring fit its page on each architecture, from the
 * layout engine, stored as the constant's `value` and, where the architectures differ,
 * `values`. A constant whose ring is not a ring page is left as it is, for the `rings`
 * validation pass to report.
 */
import { ArchLayout } from '../layout/engine.js';
import { ARCHES } from '../model/arch.js';
import type { AbiModel, Arch } from '../model/types.js';

export function resolveRingEntries(model: AbiModel): void {
  const counted = model.constants.filter((c) => c.ringEntries);
  if (counted.length === 0) return;
  const layouts = ARCHES.map((a) => [a, new ArchLayout(model, a)] as const);
  for (const c of counted) {
    const page = model.records.find((r) => r.name === c.ringEntries);
    if (!page?.ring) continue;
    const per = layouts.map(([a, l]): [Arch, string] => [a, String(l.ring(page.name).entries)]);
    c.value = per.find(([a]) => a === 'x86_64')?.[1] ?? per[0]![1];
    if (new Set(per.map(([, v]) => v)).size > 1) c.values = Object.fromEntries(per);
  }
}
