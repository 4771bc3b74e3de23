/**
 * A pahole-style rendering of one record's layout on one architecture: each member with its
 * offset and size, every hole the compiler inserts, and a summary. Reads the layout engine's
 * table; computes nothing but column widths and sums.
 */
import type { RecordLayout } from '../layout/engine.js';

const TYPE_WIDTH = 26;
const NAME_WIDTH = 22;

export function paholeTable(layout: RecordLayout, heading: string): string {
  const lines = [`/* ${heading} */`, `${layout.kind} ${layout.name} {`];
  for (const f of layout.fields) {
    const name = `${f.name || '<anonymous>'}${f.bitWidth !== undefined ? `:${f.bitWidth}` : ''}${f.flexibleArray ? '[]' : ''};`;
    const where =
      f.bitWidth !== undefined
        ? `${pad(f.offset, 5)}:${pad((f.bitOffset ?? 0) - f.offset * 8, 2)} ${pad(f.size, 4)}`
        : `${pad(f.offset, 5)} ${pad(f.size, 5)}`;
    const type = f.flexibleArray ? f.type.replace(/\[\]$/, '') : f.type;
    lines.push(`\t${type.padEnd(TYPE_WIDTH)} ${name.padEnd(NAME_WIDTH)} /* ${where} */${f.padding ? ' /* padding */' : ''}`);
    for (const h of layout.holes.filter((hole) => hole.after === f.name && !hole.tail)) {
      lines.push('', `\t/* XXX ${holeSize(h.bits)} hole, try to pack */`, '');
    }
  }
  const sumHoles = layout.holes.filter((h) => !h.tail).reduce((s, h) => s + h.bits, 0);
  const tail = layout.holes.filter((h) => h.tail).reduce((s, h) => s + h.bits, 0);
  lines.push('');
  lines.push(`\t/* size: ${layout.size}, align: ${layout.align}, members: ${layout.fields.length} */`);
  lines.push(`\t/* holes: ${layout.holes.filter((h) => !h.tail).length}, sum holes: ${holeSize(sumHoles)} */`);
  if (tail > 0) lines.push(`\t/* padding: ${holeSize(tail)} */`);
  lines.push('};');
  return lines.join('\n') + '\n';
}

function holeSize(bits: number): string {
  if (bits % 8 === 0) return `${bits / 8} byte${bits === 8 ? '' : 's'}`;
  return `${bits} bit${bits === 1 ? '' : 's'}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}
