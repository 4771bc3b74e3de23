/**
 * `module-name`: a module is named after its file (`abi/stable/dm_op.ts` declares `dm_op`),
 * so a generated header, its Rust module and its source are found by one name.
 */
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';

const RULE = 'module-name';

export const moduleName: ValidationPass = {
  id: RULE,
  description: "A module's name is its file's basename.",
  run(model) {
    return model.modules.flatMap((m) => {
      const base = m.loc.file.split('/').at(-1)?.replace(/\.(m|c)?ts$/, '');
      if (!base || base === '<unknown>' || base === m.name) return [];
      return [error(RULE, m.loc, m.name, `module name \`${m.name}\` must match its file's basename \`${base}\``)];
    });
  },
};
