/**
 * Message shapes the PV display, sound and camera protocols (displif.h, sndif.h, cameraif.h)
 * share: the head of every response, and the event page (a 64-byte head with the consumer and
 * producer counts, then 64-byte events to the end of the page). Each header declares these
 * records under its own prefix; the shapes are declared once here, and each module lists its
 * own copies under its own names.
 */
import { array, constant, field, i32, inlineUnion, struct, u16, u32, u8 } from 'xenabi/dsl';

type Since = NonNullable<Parameters<typeof struct>[1]['since']>;
type Field = ReturnType<typeof field>;

/** The first 8 bytes of every response: which request it answers, and how it went. */
export function responseHead(): Field[] {
  return [
    field('id', u16, { doc: 'The id of the request answered.' }),
    field('operation', u8, { doc: 'The operation of the request answered.' }),
    field('reserved', u8, { doc: 'Zero.' }),
    field('status', i32, { doc: '0, or a negative errno.' }),
  ];
}

/** `NAME_event_page`: the head of the event page. */
export function eventPage(name: string, options: { since: Since; doc: string }) {
  return struct(name, {
    since: options.since,
    doc: options.doc,
    fields: [
      field('in_cons', u32, { doc: 'Events the front end has taken.' }),
      field('in_prod', u32, { doc: 'Events the back end has posted.' }),
      field('reserved', array(u8, 56), { doc: 'Zero.' }),
    ],
  });
}

/**
 * `NAME_evt`: one event, its `types` value (`XENSND_EVT_*`) and, in the 56-byte union `union`,
 * the event's own record.
 */
export function eventRecord(name: string, options: { since: Since; types: string; union: string; members: Field[] }) {
  return struct(name, {
    since: options.since,
    doc: 'An event on the event page: 64 bytes.',
    fields: [
      field('id', u16, { doc: 'The back end\'s own count of events.' }),
      field('type', u8, { doc: `A ${options.types} value.` }),
      field('reserved', array(u8, 5), { doc: 'Zero.' }),
      field(
        options.union,
        inlineUnion({
          doc: 'The event, by type.',
          fields: [...options.members, field('reserved', array(u8, 56), { doc: 'The union\'s size.' })],
        }),
        { doc: 'The event.' },
      ),
    ],
  });
}

/**
 * `PREFIX_EVENT_PAGE_SIZE`, `PREFIX_IN_RING_OFFS`, `PREFIX_IN_RING_SIZE` and `PREFIX_IN_RING_LEN`:
 * a 4096-byte page, a 64-byte head (`page`, the head record's name) and 63 events after it.
 */
export function eventPageConstants(prefix: string, options: { since: Since; page: string }) {
  const { since } = options;
  return [
    constant(`${prefix}_EVENT_PAGE_SIZE`, 4096, { since, doc: 'Bytes of the event page.' }),
    constant(`${prefix}_IN_RING_OFFS`, 64, { since, cType: 'unsigned long', doc: `Where the events start on the page: the size of ${options.page}.` }),
    constant(`${prefix}_IN_RING_SIZE`, 4032, { since, cType: 'unsigned long', doc: 'Bytes of the page the events take.' }),
    constant(`${prefix}_IN_RING_LEN`, 63, { since, cType: 'unsigned long', doc: 'Events the page holds. An event is at its index modulo this.' }),
  ] as const;
}
