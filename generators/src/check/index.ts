/**
 * The ABI-break checker as a library: load two sides, compare them, format the result.
 *
 * ```ts
 * const base = await loadSide({ kind: 'git', repoRoot, ref: 'origin/main' });
 * const head = await loadSide({ kind: 'abi', dir: `${repoRoot}/abi` });
 * const { findings, summary } = checkAbi(base, head, { waivers });
 * ```
 *
 * The CLI (`xenabi check`) is a thin wrapper over these; the mutation suite and the abidiff
 * comparison build on them too.
 */
export { checkAbi, mergeByArch, sortFindings, summaryOf, type CheckOptions, type CheckResult, type CheckSummary, type SideSummary } from './engine.js';
export type { Finding, ItemKind, RawFinding, Severity } from './finding.js';
export { RULES, ruleInfo, isBreaking, type RuleCategory, type RuleInfo } from './rules/catalogue.js';
export { formatResult, FORMATS, type FormatOptions, type OutputFormat } from './format/index.js';
export { sideFromModel } from './side/from-model.js';
export { sideFromExport, exportProblems } from './side/from-export.js';
export { sideFromBaseline, BaselineParseError, type BaselineFile } from './side/from-baseline.js';
export { loadSide, loadModel, sideFromLoadedModel, loadExportFile, loadBaselineFiles, committedBaseline, sideSpecForPath, SideInputError, type SideSpec, type LoadOptions } from './side/load.js';
export { abiAtRef, GitRefError, missingRefMessage } from './side/git.js';
export { CAPABILITIES, fieldKey, fieldPath, type AbiSide, type Capability, type SideRecord, type SideField, type SideLayout, type SideConstant } from './side/types.js';
export { parseWaivers, applyWaivers, WaiverFileError, DEFAULT_WAIVERS_PATH, type Waiver } from './waivers/index.js';
export { WAIVERS_SCHEMA, WAIVERS_SCHEMA_PATH } from './waivers/schema.js';
