/**
 * `field-direction`: a direction (`in`, `out`, `inout`) belongs to members of op payloads,
 * the records an op set names and those they hold, where it tells a caller what to set and
 * what Xen answers. Anywhere else it would promise something no op defines, and on padding
 * it would contradict "must be zero". Unknown values never reach here: the schema refuses them.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { opPayloadRecords } from '../../model/directions.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { fieldPath } from '../scope.js';

const RULE = 'field-direction';

export const fieldDirection: ValidationPass = {
  id: RULE,
  description: 'Only members of op payloads carry a direction, and padding never does.',
  run(model) {
    const payloads = opPayloadRecords(model);
    const diagnostics: Diagnostic[] = [];
    for (const record of model.records) {
      for (const field of record.fields) {
        if (!field.direction) continue;
        const item = fieldPath(record, field);
        if (field.padding) {
          diagnostics.push(error(RULE, field.loc, item, `padding \`${field.name}\` must be zero and has no direction; remove direction '${field.direction}'`));
        } else if (!payloads.has(record.name)) {
          diagnostics.push(
            error(RULE, field.loc, item, `direction '${field.direction}' is only for members of op payloads, and no op set carries ${record.name}; declare it in an opSet's ops or remove the direction`),
          );
        }
      }
    }
    return diagnostics;
  },
};
