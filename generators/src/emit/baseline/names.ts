/**
 * The grammar of a baseline fact line, shared by the emitter that writes it and the checker
 * that reads it back. A line is words separated by one space: the fact's kind, its
 * positional words, then `key=value` words; `type=` always comes last and takes the rest of
 * the line, because a type may contain spaces (`struct xen_argo_addr`).
 *
 *     field xen_dm_op pad x86_32,x86_64,arm32,arm64 offset=4 size=4 padding type=uint32_t
 */
import { ARCHES, isArch } from '../../model/arch.js';
import type { Arch } from '../../model/types.js';
import { dict, own } from '../../names/dict.js';

export const BASELINE_FORMAT = 'xenabi-baseline/1';

/** The baseline file of a namespace, relative to the repository root. */
export function baselinePath(namespace: string): string {
  return `abi/baseline/${namespace}.abi.md`;
}

/** How an anonymous member's name is written: `""`. */
export const ANONYMOUS = '""';

export function nameWord(name: string): string {
  return name === '' ? ANONYMOUS : name;
}

export function readName(word: string): string {
  return word === ANONYMOUS ? '' : word;
}

/**
 * A string constant's text as one word: a JSON string with its spaces written `\u0020`, so
 * the line still splits at spaces: `"CREATE|EXCL"`.
 */
export function textWord(text: string): string {
  return JSON.stringify(text).replace(/ /g, '\\u0020');
}

/** The text of a `textWord`; undefined when the word is not one. */
export function readText(word: string): string | undefined {
  try {
    const text: unknown = JSON.parse(word);
    return word.startsWith('"') && typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Architectures as one word, in the fixed order: `x86_32,x86_64`. */
export function archWord(archs: readonly Arch[]): string {
  return ARCHES.filter((a) => archs.includes(a)).join(',');
}

export function readArchs(word: string): Arch[] | undefined {
  const archs = word.split(',');
  return archs.every(isArch) ? archs : undefined;
}

/** `key=value`, or nothing when the value is absent. A `true` flag is the bare key. */
export function keyWord(key: string, value: string | number | boolean | undefined): string[] {
  if (value === undefined || value === false || value === '') return [];
  return value === true ? [key] : [`${key}=${value}`];
}

/** One fact line from its words; `type` goes last, spaces and all. */
export function factLine(words: string[], type?: string): string {
  return [...words, ...(type !== undefined ? [`type=${type}`] : [])].join(' ');
}

/** A parsed fact line: kind, positional words, keyed words (bare flags map to "true"), type. */
export interface Fact {
  kind: string;
  words: string[];
  keys: Record<string, string>;
  /** The rest of the line after `type=` (a macro's: after `body=`). */
  type?: string;
}

/** A macro's fact line: its body goes last, spaces and all. */
export function macroLine(words: string[], body: string): string {
  return [...words, `body=${body}`].join(' ');
}

/** Argument lists as one word: arguments joined by `,`, lists by `|` (`0,1|2,3`). */
export function samplesWord(samples: readonly (readonly string[])[]): string {
  return samples.map((args) => args.join(',')).join('|');
}

export function readSamples(word: string | undefined): string[][] | undefined {
  if (word === undefined || word === '') return [];
  const lists = word.split('|').map((list) => (list === '' ? [] : list.split(',')));
  return lists.every((args) => args.every((a) => /^\d+$/.test(a))) ? lists : undefined;
}

export function parseFact(line: string): Fact {
  // A macro's body, like a type, takes the rest of its line: `macro NAME … body=(x + 1) << 8`.
  const tail = line.startsWith('macro ') ? ' body=' : ' type=';
  const typeAt = line.indexOf(tail);
  const head = typeAt >= 0 ? line.slice(0, typeAt) : line;
  const type = typeAt >= 0 ? line.slice(typeAt + tail.length) : undefined;
  const [kind = '', ...rest] = head.split(' ').filter((w) => w !== '');
  const words: string[] = [];
  const keys = dict<string>();
  for (const w of rest) {
    const eq = w.indexOf('=');
    if (eq > 0) keys[w.slice(0, eq)] = w.slice(eq + 1);
    else if (/^[a-z][A-Za-z]*$/.test(w) && words.length >= positionalCount(kind)) keys[w] = 'true';
    else words.push(w);
  }
  return { kind, words, keys, ...(type !== undefined ? { type } : {}) };
}

/** How many positional words each kind of fact has before its keyed words. */
export function positionalCount(kind: string): number {
  return own(POSITIONALS, kind) ?? 0;
}

const POSITIONALS: Record<string, number> = {
  baseline: 1,
  module: 1,
  typedef: 1,
  record: 2,
  layout: 2,
  field: 3,
  constant: 1,
  macro: 1,
  set: 2,
  op: 2,
  flag: 2,
  value: 2,
};
