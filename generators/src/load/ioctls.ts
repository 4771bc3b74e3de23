/**
 * The last step of loading: every ioctl constant gets its request number on each
 * architecture from the layout engine (`layout/ioctl.ts`), as `value` when all architectures
 * agree and as `values` otherwise, so every consumer of constants (emitters, export, check)
 * reads ioctls like any other constant. Runs on a model that passed validation, so every
 * argument type resolves.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ArchLayout } from '../layout/engine.js';
import { ioctlNumber } from '../layout/ioctl.js';
import { ARCHES, onArch } from '../model/arch.js';
import { NEWEST_RELEASE } from '../model/releases.js';
import type { AbiModel, Arch, ConstantDecl } from '../model/types.js';
import { atRelease } from '../select/release.js';
import { error } from '../validate/report.js';

const RULE = 'ioctl-size';

export function settleIoctls(model: AbiModel): { model: AbiModel; diagnostics: Diagnostic[] } {
  if (!model.constants.some((c) => c.ioctl)) return { model, diagnostics: [] };
  // Linux's items are the same in every Xen release; the newest one's layouts are theirs.
  const view = atRelease(model, NEWEST_RELEASE);
  const layouts = ARCHES.map((arch) => new ArchLayout(view, arch));
  const diagnostics: Diagnostic[] = [];
  const constants = model.constants.map((c) => {
    if (!c.ioctl) return c;
    try {
      return withNumbers(c, layouts);
    } catch (e) {
      diagnostics.push(error(RULE, c.loc, c.name, (e as Error).message));
      return c;
    }
  });
  return { model: { ...model, constants }, diagnostics };
}

function withNumbers(c: ConstantDecl, layouts: ArchLayout[]): ConstantDecl {
  const encoding = c.ioctl!;
  const numbers = layouts.filter((l) => onArch(c, l.arch)).map((l) => [l.arch, ioctlNumber(encoding, l).toString()] as [Arch, string]);
  const distinct = new Set(numbers.map(([, v]) => v));
  const { values: _values, ...rest } = c;
  if (distinct.size === 1) return { ...rest, value: numbers[0]![1] };
  return { ...rest, value: numbers[0]![1], values: Object.fromEntries(numbers) };
}
