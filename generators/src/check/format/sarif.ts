/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, GitLab, IDE viewers): the rule
 * catalogue as the driver's rules, each with a `helpUri` to docs/rules/<ID>.md, and one
 * result per finding located on its `abi/` line. Waived findings carry a suppression.
 */
import { createHash } from 'node:crypto';
import type { CheckResult } from '../engine.js';
import type { Finding } from '../finding.js';
import { RULES } from '../rules/catalogue.js';
import { archText, changeText, type FormatOptions } from './common.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL = { error: 'error', warning: 'warning', note: 'note' } as const;

export function formatSarif(result: CheckResult, options: FormatOptions = {}): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const rules = RULES.map((r) => ({
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.summary },
    ...(options.ruleUri ? { helpUri: options.ruleUri(r.id) } : {}),
    defaultConfiguration: { level: r.category === 'compatible' ? 'note' : r.category === 'waiver' || r.warningOnly ? 'warning' : 'error' },
    properties: { category: r.category, tags: ['abi', r.category] },
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'xenabi', ...(options.toolVersion ? { version: options.toolVersion } : {}), rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root (the directory holding abi/).' } } },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((f) => sarifResult(f, index.get(f.rule) ?? -1)),
        properties: { base: result.base, head: result.head, summary: result.summary, skipped: result.skipped, notes: result.notes },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifResult(f: Finding, ruleIndex: number) {
  const facts = [archText(f.archs), changeText(f)].filter(Boolean).join('; ');
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}${facts ? ` (${facts})` : ''}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.loc.file, uriBaseId: '%SRCROOT%' },
          ...(f.loc.line > 0 ? { region: { startLine: f.loc.line, ...(f.loc.column > 0 ? { startColumn: f.loc.column } : {}) } } : {}),
        },
        logicalLocations: [{ fullyQualifiedName: f.item, kind: f.itemKind === 'field' ? 'member' : f.itemKind === 'record' ? 'type' : f.itemKind === 'macro' ? 'function' : 'variable' }],
      },
    ],
    partialFingerprints: { 'xenabiFinding/v1': fingerprint(f) },
    ...(f.waived ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.waived.reason }] } : {}),
    properties: { item: f.item, itemKind: f.itemKind, category: f.category, archs: f.archs, base: f.base, head: f.head, namespace: f.namespace, locatedIn: f.locSide },
  };
}

/** Stable across runs and line moves: the rule, the item, the architectures and the values. */
function fingerprint(f: Finding): string {
  return createHash('sha256').update(JSON.stringify([f.rule, f.item, f.archs, f.base, f.head])).digest('hex').slice(0, 32);
}

function pascal(id: string): string {
  return id
    .toLowerCase()
    .split('_')
    .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
    .join('');
}
