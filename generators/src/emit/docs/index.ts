/**
 * The docs emitter: one Markdown reference page per ABI module (records with their layout
 * on each architecture, sets, constants) and an index, under docs/reference/.
 */
import { ArchLayout } from '../../layout/engine.js';
import { ARCHES } from '../../model/arch.js';
import type { ReleaseModel } from '../../select/release.js';
import type { EmitContext, Emitter, OutputFile } from '../emitter.js';
import { loadTemplates, templateDir } from '../templates.js';
import { PRECOMPILED } from './templates/precompiled.js';
import { availabilityTables } from './availability.js';
import { modulePage } from './names.js';
import { indexLines, moduleView } from './view-model.js';

let templates: ReturnType<typeof loadTemplates> | undefined;

function template(name: string) {
  templates ??= loadTemplates(templateDir(import.meta.url), PRECOMPILED);
  const t = templates[name];
  if (!t) throw new Error(`docs emitter: no template ${name}.hbs`);
  return t;
}

export const docsEmitter: Emitter = {
  id: 'docs',
  emit(model: ReleaseModel, context: EmitContext): OutputFile[] {
    const layouts = ARCHES.map((arch) => new ArchLayout(model, arch));
    const pages = model.modules.map((m) => ({
      path: `docs/reference/${modulePage(m.namespace, m.name)}`,
      content: template('module.md')(moduleView(model, m, layouts)),
      sources: [m.loc.file],
      comment: 'markdown' as const,
    }));
    const index: OutputFile = {
      path: 'docs/reference/index.md',
      content: template('index.md')({ release: model.release, modules: indexLines(model) }),
      sources: ['abi/'],
      comment: 'markdown',
    };
    const availability: OutputFile = {
      path: 'docs/reference/availability.md',
      content: template('availability.md')({ tables: availabilityTables(context.history) }),
      sources: ['abi/'],
      comment: 'markdown',
    };
    return [index, availability, ...pages];
  },
};
