/**
 * The byte-layout diagram of one record: an SVG with one row per architecture, every member
 * drawn at its offset and size, declared padding, the compiler's holes and tail padding, each
 * bit-field inside its storage unit, and a union's members stacked over each other. A member
 * whose offset or size is not the same on every architecture is marked `differs`, and so is a
 * record size that differs. Every number comes from the layout engine's tables.
 *
 * Each shape carries data attributes (`data-arch`, `data-field`, `data-offset`, `data-size`,
 * `data-kind`) so a browser test can read the diagram back.
 */
import type { FieldLayout, RecordLayout } from '../layout/engine.js';
import type { Arch } from '../model/types.js';
import { esc } from './html.js';

const LABEL = 64;
const WIDTH = 960;
const ROW = 30;
const GAP = 12;
const RULER = 18;

export interface DiagramInput {
  name: string;
  /** The record's layout on each architecture it exists on, in the fixed architecture order. */
  layouts: [Arch, RecordLayout][];
}

type Kind = 'field' | 'padding' | 'bitfield' | 'flex' | 'hole' | 'tail';

interface Shape {
  kind: Kind;
  field: string;
  /** Bytes; a bit-field's in fractions of a byte. */
  offset: number;
  size: number;
  /** Bit-fields: the bits, for the tooltip. */
  bits?: { offset: number; width: number };
  type?: string;
  lane: number;
}

/** Where each member is, per architecture: the key `differs` compares. */
function placement(f: FieldLayout): string {
  return f.bitWidth !== undefined ? `${f.bitOffset}:${f.bitWidth}` : `${f.offset}+${f.size}`;
}

function shapesOf(layout: RecordLayout): { shapes: Shape[]; lanes: number } {
  const union = layout.kind === 'union';
  const shapes: Shape[] = layout.fields.map((f, i) => {
    const lane = union ? i : 0;
    const name = f.name || '(anonymous)';
    if (f.bitWidth !== undefined) {
      const bitOffset = f.bitOffset ?? f.offset * 8;
      return { kind: 'bitfield', field: name, offset: bitOffset / 8, size: f.bitWidth / 8, bits: { offset: bitOffset, width: f.bitWidth }, type: f.type, lane };
    }
    const kind: Kind = f.flexibleArray ? 'flex' : f.padding ? 'padding' : 'field';
    return { kind, field: name, offset: f.offset, size: f.size, type: f.type, lane };
  });
  for (const h of layout.holes) {
    shapes.push({ kind: h.tail ? 'tail' : 'hole', field: h.tail ? '(tail padding)' : `(hole after ${h.after})`, offset: h.offset, size: h.bits / 8, lane: 0 });
  }
  return { shapes, lanes: union ? Math.max(1, layout.fields.length) : 1 };
}

/** Fields whose placement is not the same on every architecture the record exists on. */
export function differingFields(layouts: readonly [Arch, RecordLayout][]): Set<string> {
  const seen = new Map<string, Set<string>>();
  for (const [, l] of layouts) {
    for (const f of l.fields) {
      const key = f.name || '(anonymous)';
      seen.set(key, (seen.get(key) ?? new Set()).add(placement(f)));
    }
  }
  const names = new Set([...seen].filter(([, p]) => p.size > 1).map(([n]) => n));
  // A member missing on some architecture differs too.
  for (const [, l] of layouts) for (const n of seen.keys()) if (!l.fields.some((f) => (f.name || '(anonymous)') === n)) names.add(n);
  return names;
}

function tooltip(arch: Arch, s: Shape): string {
  const where = s.bits ? `bits ${s.bits.offset}…${s.bits.offset + s.bits.width - 1} (${s.bits.width} bit${s.bits.width === 1 ? '' : 's'})` : `bytes ${s.offset}…${s.offset + s.size - 1} (${s.size})`;
  return `${arch}: ${s.field}${s.type ? ` ${s.type}` : ''}, ${where}`;
}

export function layoutDiagram(input: DiagramInput): string {
  const maxSize = Math.max(1, ...input.layouts.map(([, l]) => l.size));
  const scale = (WIDTH - LABEL - 8) / maxSize;
  const differs = differingFields(input.layouts);
  const sizes = new Set(input.layouts.map(([, l]) => `${l.size}/${l.align}`));
  const rows: string[] = [];
  let y = RULER;
  for (const [arch, layout] of input.layouts) {
    const { shapes, lanes } = shapesOf(layout);
    const laneHeight = lanes === 1 ? ROW : 16;
    const height = Math.max(ROW, laneHeight * lanes);
    const sizeClass = sizes.size > 1 ? ' differs' : '';
    rows.push(
      `<g class="arch-row" data-arch="${arch}" data-size="${layout.size}" data-align="${layout.align}">`,
      `<text class="arch-label${sizeClass}" x="0" y="${y + height / 2 + 4}">${arch}</text>`,
      `<rect class="record" x="${LABEL}" y="${y}" width="${(layout.size * scale).toFixed(2)}" height="${height}"><title>${esc(`${arch}: ${input.name}, ${layout.size} bytes, aligned to ${layout.align}`)}</title></rect>`,
    );
    for (const s of shapes) {
      const x = LABEL + s.offset * scale;
      const w = Math.max(1, s.size * scale);
      const top = y + s.lane * laneHeight;
      const h = s.kind === 'hole' || s.kind === 'tail' ? height : laneHeight;
      const cls = `${s.kind}${differs.has(s.field) ? ' differs' : ''}`;
      rows.push(
        `<g class="${cls}" data-arch="${arch}" data-field="${esc(s.field)}" data-kind="${s.kind}" data-offset="${s.offset}" data-size="${s.size}"${s.bits ? ` data-bit-offset="${s.bits.offset}" data-bit-width="${s.bits.width}"` : ''}>` +
          `<rect x="${x.toFixed(2)}" y="${top.toFixed(2)}" width="${w.toFixed(2)}" height="${(h - 1).toFixed(2)}"/>` +
          (w > s.field.length * 6.5 + 4 && s.kind !== 'hole' && s.kind !== 'tail' ? `<text x="${(x + 3).toFixed(2)}" y="${(top + h / 2 + 4).toFixed(2)}">${esc(s.field)}</text>` : '') +
          `<title>${esc(tooltip(arch, s))}${differs.has(s.field) ? ' (differs between architectures)' : ''}</title></g>`,
      );
    }
    rows.push(`<text class="size-label${sizeClass}" x="${(LABEL + layout.size * scale + 4).toFixed(2)}" y="${y + height / 2 + 4}">${layout.size} B</text>`, '</g>');
    y += height + GAP;
  }
  const ruler = rulerMarks(maxSize, scale);
  const totalHeight = y - GAP + 4;
  return [
    `<svg class="layout" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${WIDTH + 40} ${totalHeight}" width="${WIDTH + 40}" height="${totalHeight}" data-record="${esc(input.name)}" aria-label="${esc(`byte layout of ${input.name}`)}">`,
    ...ruler,
    ...rows,
    '</svg>',
  ].join('\n');
}

/** Byte offsets along the top: every 1, 2, 4, 8, … bytes, about every 60 pixels. */
function rulerMarks(size: number, scale: number): string[] {
  let step = 1;
  while (step * scale < 60) step *= 2;
  const marks: string[] = [];
  for (let b = 0; b <= size; b += step) {
    const x = (LABEL + b * scale).toFixed(2);
    marks.push(`<g class="tick"><line x1="${x}" x2="${x}" y1="${RULER - 4}" y2="${RULER}"/><text x="${x}" y="${RULER - 6}">${b}</text></g>`);
  }
  return marks;
}
