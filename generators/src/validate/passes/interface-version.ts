/**
 * `interface-version`: an unstable module is guarded by Xen's interface-version constant
 * (`XEN_DOMCTL_INTERFACE_VERSION`), which the module itself declares; a stable module has
 * none, because its ABI never changes, and neither has a `linux` module (Linux keeps its interface).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ValidationPass } from '../pass.js';
import { error, where } from '../report.js';

const RULE = 'interface-version';

export const interfaceVersion: ValidationPass = {
  id: RULE,
  description: 'Unstable modules name an interface-version constant they declare; stable and linux modules name none.',
  run(model) {
    return model.modules.flatMap((m): Diagnostic[] => {
      const constant = m.interfaceVersion?.constant;
      if (m.namespace !== 'unstable') {
        return constant ? [error(RULE, m.loc, m.name, `${m.namespace} module ${m.name} must not have an interfaceVersion (${constant}): only unstable interfaces are versioned`)] : [];
      }
      if (!constant) {
        return [error(RULE, m.loc, m.name, `unstable module ${m.name} needs an interfaceVersion: the constant that versions its interface (e.g. XEN_DOMCTL_INTERFACE_VERSION)`)];
      }
      const declared = model.constants.find((c) => c.name === constant);
      if (!declared) return [error(RULE, m.loc, m.name, `interfaceVersion ${constant} is not declared by any module; declare it in ${m.name}'s items`)];
      if (declared.module !== m.name) {
        return [error(RULE, m.loc, m.name, `interfaceVersion ${constant} is declared in module ${declared.module} (${where(declared.loc)}), not in ${m.name}`)];
      }
      return [];
    });
  },
};
