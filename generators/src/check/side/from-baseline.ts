/**
 * A side from the committed baseline (`abi/baseline/<namespace>.abi.md`, written by the
 * baseline emitter): the fact lines inside its ```text blocks, read back with the grammar in
 * emit/baseline/names.ts. Everything but source locations survives the round trip.
 */
import { isNamespace, NAMESPACES } from '../../model/namespaces.js';
import { ARCHES } from '../../model/arch.js';
import { dict } from '../../names/dict.js';
import type { Arch, Namespace } from '../../model/types.js';
import { BASELINE_FORMAT, parseFact, readArchs, readName, readSamples, readText, type Fact } from '../../emit/baseline/names.js';
import { CAPABILITIES, emptySide, type AbiSide, type SideField, type SideRecord, type SideSet } from './types.js';

/** A baseline file that does not parse: the file and line, and what is wrong. */
export class BaselineParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'BaselineParseError';
  }
}

export interface BaselineFile {
  /** Repository-relative path, for errors. */
  path: string;
  text: string;
}

/** One side from the baseline files of every namespace (they must describe the same release). */
export function sideFromBaseline(files: readonly BaselineFile[], label = 'abi/baseline'): AbiSide {
  const side = emptySide('baseline', label, '', CAPABILITIES.filter((c) => c !== 'locations'), []);
  for (const file of files) readFile(side, file);
  if (!side.release) throw new BaselineParseError(files[0]?.path ?? label, 1, `no \`baseline ${BASELINE_FORMAT}\` header line`);
  side.namespaces.sort();
  return side;
}

function readFile(side: AbiSide, file: BaselineFile): void {
  let namespace: Namespace | undefined;
  let module = '';
  let fenced = false;
  file.text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    const at = index + 1;
    if (line.startsWith('```')) {
      fenced = !fenced && line !== '```' ? line === '```text' : false;
      return;
    }
    if (!fenced || line === '') return;
    const fact = parseFact(line);
    const fail = (problem: string) => new BaselineParseError(file.path, at, problem);
    if (fact.kind === 'baseline') {
      if (fact.words[0] !== BASELINE_FORMAT) throw fail(`unknown baseline format ${fact.words[0]}; expected ${BASELINE_FORMAT}`);
      const ns = fact.keys.namespace;
      if (!ns || !isNamespace(ns)) throw fail(`namespace must be ${NAMESPACES.join(', ')}, not ${ns}`);
      if (side.release && side.release !== fact.keys.release) throw fail(`release ${fact.keys.release} differs from the other baseline file's ${side.release}`);
      namespace = ns;
      side.release = fact.keys.release ?? '';
      if (!side.namespaces.includes(ns)) side.namespaces.push(ns);
      return;
    }
    if (!namespace) throw fail(`a fact before the \`baseline ${BASELINE_FORMAT}\` header line`);
    if (fact.kind === 'module') {
      module = need(fact.words[0], fail, 'a module name');
      side.modules[module] = {
        name: module,
        namespace,
        ...(fact.keys.header ? { xenHeader: fact.keys.header } : {}),
        ...(fact.keys.interface ? { interfaceVersion: fact.keys.interface } : {}),
      };
      return;
    }
    if (!module) throw fail('a fact before the first `module` line');
    readItem(side, fact, { namespace, module }, fail);
  });
}

type Fail = (problem: string) => BaselineParseError;

function failed(error: BaselineParseError): never {
  throw error;
}

function need(value: string | undefined, fail: Fail, what: string): string {
  if (value === undefined || value === '') throw fail(`expected ${what}`);
  return value;
}

function int(value: string | undefined, fail: Fail, what: string): number {
  if (value === undefined || !/^\d+$/.test(value)) throw fail(`expected ${what} as a number, got ${value ?? 'nothing'}`);
  return Number(value);
}

function archList(word: string | undefined, fail: Fail): Arch[] {
  const archs = word === undefined ? undefined : readArchs(word);
  if (!archs) throw fail(`expected architectures (${ARCHES.join(',')}), got ${word ?? 'nothing'}`);
  return archs;
}

function readItem(side: AbiSide, fact: Fact, where: { namespace: Namespace; module: string }, fail: Fail): void {
  const [first, second, third] = fact.words;
  const since = fact.keys.since ?? '';
  const linux = fact.keys.linux ? { linuxSince: fact.keys.linux } : {};
  switch (fact.kind) {
    case 'typedef': {
      const name = need(first, fail, 'a typedef name');
      const type = need(fact.type, fail, 'type=');
      const archs = fact.keys.archs ? archList(fact.keys.archs, fail) : undefined;
      const earlier = side.aliases[name];
      // A typedef whose target depends on the architecture has one line per group of architectures.
      if (earlier && archs && (earlier.archs || earlier.types)) {
        const types = earlier.types ?? Object.fromEntries((earlier.archs ?? []).map((a) => [a, earlier.type as string]));
        for (const a of archs) types[a] = type;
        side.aliases[name] = { name, ...where, since: earlier.since, ...(earlier.linuxSince ? { linuxSince: earlier.linuxSince } : {}), types };
        return;
      }
      side.aliases[name] = { name, ...where, since, ...linux, type, ...(archs ? { archs } : {}) };
      return;
    }
    case 'record': {
      if (second !== 'struct' && second !== 'union') throw fail(`a record is a struct or a union, not ${second}`);
      const name = need(first, fail, 'a record name');
      side.records[name] = {
        name,
        kind: second,
        ...where,
        since,
        ...linux,
        ...(fact.keys.typedef ? { typedef: fact.keys.typedef } : {}),
        layouts: {},
        ...(fact.keys.growable ? { growable: { versionField: fact.keys.growable } } : {}),
      };
      return;
    }
    case 'layout': {
      const record = recordNamed(side, first, fail);
      for (const arch of archList(second, fail)) {
        record.layouts[arch] = { size: int(fact.keys.size, fail, 'size='), align: int(fact.keys.align, fail, 'align='), fields: [] };
      }
      return;
    }
    case 'field':
      readField(side, fact, fail);
      return;
    case 'constant': {
      const name = need(first, fail, 'a constant name');
      const values = ARCHES.filter((a) => fact.keys[a] !== undefined);
      // A string constant's values are quoted text (`value="hvmloader/bios"`).
      const string = fact.type === 'string';
      const value = (word: string): string => (string ? (readText(word) ?? failed(fail(`expected a quoted text, got ${word}`))) : word);
      side.constants[name] = {
        name,
        ...where,
        since,
        ...linux,
        ...(values.length ? { values: Object.fromEntries(values.map((a) => [a, value(fact.keys[a] as string)])) } : { value: value(need(fact.keys.value, fail, 'value=')) }),
        ...(fact.keys.archs ? { archs: archList(fact.keys.archs, fail) } : {}),
        ...(fact.type ? { cType: fact.type } : {}),
        ...(string ? { string: true as const } : {}),
      };
      return;
    }
    case 'macro': {
      const name = need(first, fail, 'a macro name');
      const width = fact.keys.width;
      if (width !== '32' && width !== '64') throw fail(`expected width=32 or width=64, got ${width ?? 'nothing'}`);
      const samples = readSamples(fact.keys.samples);
      if (!samples) throw fail(`expected samples= as decimals (\`0,1|2,3\`), got ${fact.keys.samples}`);
      side.macros[name] = {
        name,
        ...where,
        since,
        ...linux,
        params: fact.keys.params ? fact.keys.params.split(',') : [],
        body: need(fact.type, fail, 'body='),
        width: width === '64' ? 64 : 32,
        samples,
        ...(fact.keys.archs ? { archs: archList(fact.keys.archs, fail) } : {}),
      };
      return;
    }
    case 'set': {
      if (second !== 'flags' && second !== 'values' && second !== 'ops') throw fail(`a set is flags, values or ops, not ${second}`);
      const name = need(first, fail, 'a set name');
      side.sets[name] = {
        name,
        kind: second,
        ...where,
        since,
        ...linux,
        ...(fact.keys.field ? { field: fact.keys.field } : {}),
        ...(fact.keys.dispatch
          ? { dispatch: { record: fact.keys.dispatch, opField: need(fact.keys.opField, fail, 'opField='), ...(fact.keys.payload ? { payloadField: fact.keys.payload } : {}) } }
          : {}),
      };
      return;
    }
    case 'op':
      (setNamed(side, first, fail).ops ??= []).push({
        constant: need(second, fail, 'an op constant'),
        ...(fact.keys.member ? { member: fact.keys.member } : {}),
        ...(fact.keys.record ? { record: fact.keys.record } : {}),
      });
      return;
    case 'flag':
      (setNamed(side, first, fail).flags ??= []).push({
        mask: need(second, fail, 'a flag mask'),
        bit: int(fact.keys.bit, fail, 'bit='),
        ...(fact.keys.bitConstant ? { bitConstant: fact.keys.bitConstant } : {}),
      });
      return;
    case 'value':
      (setNamed(side, first, fail).values ??= []).push(need(second, fail, 'a value constant'));
      return;
    default:
      void third;
      throw fail(`unknown fact \`${fact.kind}\``);
  }
}

function recordNamed(side: AbiSide, name: string | undefined, fail: Fail): SideRecord {
  const record = name ? side.records[name] : undefined;
  if (!record) throw fail(`no \`record ${name}\` line before this one`);
  return record;
}

function setNamed(side: AbiSide, name: string | undefined, fail: Fail): SideSet {
  const set = name ? side.sets[name] : undefined;
  if (!set) throw fail(`no \`set ${name}\` line before this one`);
  return set;
}

function readField(side: AbiSide, fact: Fact, fail: Fail): void {
  const [recordName, name, archs] = fact.words;
  const record = recordNamed(side, recordName, fail);
  const type = need(fact.type, fail, 'type=');
  const bits = fact.keys.bits?.split(':');
  const implied = /^(?:struct|union) (\S+)$/.exec(type)?.[1];
  const field: SideField = {
    name: readName(need(name, fail, 'a field name')),
    offset: int(fact.keys.offset, fail, 'offset='),
    size: int(fact.keys.size, fail, 'size='),
    type,
    ...(fact.keys.record ?? implied ? { record: (fact.keys.record ?? implied) as string } : {}),
    ...(bits ? { bitOffset: int(bits[0], fail, 'bits=OFFSET:WIDTH'), bitWidth: int(bits[1], fail, 'bits=OFFSET:WIDTH') } : {}),
    ...(fact.keys.flexible ? { flexibleArray: true } : {}),
    ...(fact.keys.padding ? { padding: true } : {}),
  };
  for (const arch of archList(archs, fail)) {
    const layout = record.layouts[arch];
    if (!layout) throw fail(`no \`layout ${record.name}\` line for ${arch} before this field`);
    layout.fields.push({ ...field });
  }
  if (fact.keys.since) {
    const key = field.name !== '' ? field.name : (field.record ?? '');
    (record.fieldSince ??= dict())[key] = fact.keys.since;
  }
}
