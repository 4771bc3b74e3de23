/**
 * The page directory of the PV display, sound and camera protocols (displif.h, sndif.h,
 * cameraif.h): each header declares the same record under its own prefix. One shape,
 * declared once here; each module lists its own copy under its own name.
 */
import { array, field, flex, struct } from 'xenabi/dsl';
import { grant_ref_t } from '../grant_table.ts';

type Since = NonNullable<Parameters<typeof struct>[1]['since']>;

/** `NAME_page_directory`: one page of the chain of pages listing the grants of `buffer` (a display buffer, …). */
export function pageDirectory(name: string, options: { since: Since; buffer: string }) {
  return struct(name, {
    since: options.since,
    doc: `One page of the chain of pages that lists the grants of ${options.buffer}: the grant of the next page of the chain, then as many grants of the buffer's pages as fill this page. Xen declared the grant array with one element until 4.19, flexible since (for includers of interface 0x00041300 on; older ones still see one element): sizeof changed, the page did not.`,
    fields: [
      field('gref_dir_next_page', grant_ref_t, { doc: 'The grant of the next page of the chain; 0 on the last.' }),
      field('gref', array(grant_ref_t, 1), { until: '4.19', doc: 'The grants of the buffer\'s pages, to the end of the page; declared with one element.' }),
      flex('gref', grant_ref_t, { since: '4.19', doc: 'The grants of the buffer\'s pages, to the end of the page.' }),
    ],
  });
}
