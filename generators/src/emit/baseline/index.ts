/**
 * The baseline emitter: the committed ABI report per namespace (`abi/baseline/stable.abi.md`,
 * `abi/baseline/unstable.abi.md`), reviewed in pull requests like an API report and read back
 * by `xenabi check` as its default base. It also writes the waivers file's JSON Schema
 * (`abi/waivers.schema.json`), so the schema editors see never drifts from the checker's.
 */
import { sideFromModel } from '../../check/side/from-model.js';
import { WAIVERS_SCHEMA, WAIVERS_SCHEMA_PATH } from '../../check/waivers/schema.js';
import { NAMESPACES } from '../../model/namespaces.js';
import type { ReleaseModel } from '../../select/release.js';
import type { EmitContext, Emitter, OutputFile } from '../emitter.js';
import { loadTemplates, templateDir } from '../templates.js';
import { PRECOMPILED } from './templates/precompiled.js';
import { baselinePath } from './names.js';
import { baselineView } from './view-model.js';


let templates: ReturnType<typeof loadTemplates> | undefined;

function report(context: object): string {
  templates ??= loadTemplates(templateDir(import.meta.url), PRECOMPILED);
  const t = templates['report.abi.md'];
  if (!t) throw new Error('baseline emitter: no template report.abi.md.hbs');
  return t(context);
}

export const baselineEmitter = {
  id: 'baseline',
  emit(model: ReleaseModel, context?: EmitContext): OutputFile[] {
    const side = sideFromModel(model, 'abi', 'abi/', context?.history);
    const reports = NAMESPACES.map((namespace) => ({
      path: baselinePath(namespace),
      content: report(baselineView(side, namespace)),
      sources: [`abi/${namespace}/`],
      comment: 'markdown' as const,
    }));
    const schema: OutputFile = { path: WAIVERS_SCHEMA_PATH, content: `${JSON.stringify(WAIVERS_SCHEMA, null, 2)}\n`, sources: [], comment: 'none' };
    return [...reports, schema];
  },
} satisfies Emitter;
