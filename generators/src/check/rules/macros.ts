/**
 * Function-like macros, base against head: gone (a rename is one gone and one new), new, with
 * another number of parameters, or computing another value. Values are compared by evaluating
 * both bodies (`model/macros.ts`), each with its own side's constants, on every architecture
 * the macro has on both sides, for the samples either side declares and a fixed set of probe
 * arguments: a body rewritten or reformatted to the same arithmetic is no change.
 */
import { ARCHES } from '../../model/arch.js';
import { evaluateMacro, MacroSyntaxError, macroNames, parseMacroBody, probeArguments } from '../../model/macros.js';
import type { Arch, MacroExpr } from '../../model/types.js';
import type { CheckContext } from '../context.js';
import type { AbiSide, SideMacro } from '../side/types.js';

export function compareMacros(ctx: CheckContext): void {
  if (!ctx.can('macros')) return;
  const names = [...new Set([...Object.keys(ctx.base.macros), ...Object.keys(ctx.head.macros)])].sort();
  for (const name of names) {
    const b = ctx.base.macros[name];
    const h = ctx.head.macros[name];
    const at = () => ctx.itemAt('macro', name);
    if (b && !h) {
      if (ctx.covers(b.namespace)) ctx.report('MACRO_REMOVED', at(), signature(b), null, `${signature(b)} was removed`);
    } else if (h && !b) {
      if (ctx.covers(h.namespace)) ctx.report('MACRO_ADDED', at(), null, signature(h), `${signature(h)} was added`);
    } else if (b && h) {
      if (b.params.length !== h.params.length) {
        ctx.report('MACRO_PARAMS_CHANGED', at(), signature(b), signature(h), `${name} takes ${h.params.length} parameter(s) instead of ${b.params.length}`);
        continue;
      }
      // An architecture the macro left or joined is a removal or an addition there.
      const archs = b.archs || h.archs ? ARCHES : [undefined];
      for (const arch of archs) {
        if (arch && onArch(b, arch) && !onArch(h, arch)) ctx.report('MACRO_REMOVED', at(), signature(b), null, `${signature(b)} no longer exists`, arch);
        else if (arch && !onArch(b, arch) && onArch(h, arch)) ctx.report('MACRO_ADDED', at(), null, signature(h), `${signature(h)} was added`, arch);
      }
      compareValues(ctx, at, b, h);
    }
  }
}

/**
 * The first argument list where the two bodies differ: once when no constant they name
 * depends on the architecture, else on each architecture both sides have the macro on.
 */
function compareValues(ctx: CheckContext, at: () => ReturnType<CheckContext['itemAt']>, b: SideMacro, h: SideMacro): void {
  const bodyB = parsed(b);
  const bodyH = parsed(h);
  if (!bodyB || !bodyH) return;
  const argLists = [...b.samples, ...h.samples].filter((args) => args.length === b.params.length).map((args) => args.map(BigInt));
  argLists.push(...probeArguments(b.params.length, Math.max(b.width, h.width) as 32 | 64));
  const perArch = [[ctx.base, bodyB], [ctx.head, bodyH]].some(([side, body]) => macroNames(body as MacroExpr).constants.some((c) => (side as AbiSide).constants[c]?.values));
  const archs = perArch || b.archs || h.archs ? ARCHES.filter((a) => onArch(b, a) && onArch(h, a)) : [undefined];
  for (const arch of archs) {
    for (const args of argLists) {
      const bv = evaluate(ctx.base, b, bodyB, args, arch ?? 'x86_64');
      const hv = evaluate(ctx.head, h, bodyH, args, arch ?? 'x86_64');
      if (bv === undefined || hv === undefined || bv === hv) continue;
      const call = `${b.name}(${args.join(', ')})`;
      ctx.report('MACRO_VALUE_CHANGED', at(), `${call} = ${bv}`, `${call} = ${hv}`, `${b.name} computes another value: ${call} was ${bv}, is ${hv}`, arch);
      break;
    }
  }
}

function parsed(m: SideMacro): MacroExpr | undefined {
  try {
    return parseMacroBody(m.body, m.params);
  } catch (error) {
    if (error instanceof MacroSyntaxError) return undefined;
    throw error;
  }
}

/** The value, or undefined when a constant the body names is not on the side for `arch`. */
function evaluate(side: AbiSide, m: SideMacro, body: MacroExpr, args: readonly bigint[], arch: Arch): string | undefined {
  try {
    return evaluateMacro({ params: m.params, body, width: m.width }, args, (name) => constantOn(side, name, arch)).toString();
  } catch (error) {
    if (error instanceof MissingConstant) return undefined;
    throw error;
  }
}

class MissingConstant extends Error {}

function constantOn(side: AbiSide, name: string, arch: Arch): bigint {
  const c = side.constants[name];
  const value = c && !c.string && (!c.archs || c.archs.includes(arch)) ? (c.values ? c.values[arch] : c.value) : undefined;
  if (value === undefined || !/^-?\d+$/.test(value)) throw new MissingConstant(name);
  return BigInt(value);
}

function onArch(m: SideMacro, arch: Arch): boolean {
  return !m.archs || m.archs.includes(arch);
}

function signature(m: SideMacro): string {
  return `${m.name}(${m.params.join(', ')})`;
}
