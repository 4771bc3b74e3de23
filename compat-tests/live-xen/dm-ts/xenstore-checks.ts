/**
 * The TypeScript xenstore client against the real xenstored of dom0: write and read back, a
 * watch that fires on a write, a transaction whose writes others see only once it commits,
 * directory listing, removal, and the guest's home path.
 */
import { XenStore, XenStoreError, type Watch, type WatchEvent } from '@xenabi/linux';
import { message, type Report } from './report.js';

const ROOT = '/local/domain/0/data/xenabi-live';
const WATCH_TIMEOUT_MS = 10_000;

/** The next event of `watch`, or an error after `ms`. */
async function nextEvent(events: AsyncIterator<WatchEvent>, ms: number): Promise<WatchEvent> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no watch event in ${ms / 1000} s`)), ms)));
  try {
    const next = await Promise.race([events.next(), timeout]);
    if (next.done) throw new Error('the watch ended');
    return next.value;
  } finally {
    clearTimeout(timer);
  }
}

async function step(r: Report, name: string, body: () => Promise<string>): Promise<boolean> {
  try {
    return r.step(name, true, await body());
  } catch (e) {
    return r.step(name, false, message(e));
  }
}

async function checkWatch(r: Report, xs: XenStore): Promise<void> {
  let watch: Watch | undefined;
  await step(r, 'xs:watch', async () => {
    watch = await xs.watch(ROOT, 'xenabi-live');
    const events = watch[Symbol.asyncIterator]();
    // xenstored fires every new watch once, at once.
    const first = await nextEvent(events, WATCH_TIMEOUT_MS);
    await xs.write(`${ROOT}/watched`, 'changed');
    let fired = await nextEvent(events, WATCH_TIMEOUT_MS);
    while (fired.path !== `${ROOT}/watched`) fired = await nextEvent(events, WATCH_TIMEOUT_MS);
    return `registered (first event ${first.path}), fired on ${fired.path} with token ${fired.token}`;
  });
  await step(r, 'xs:unwatch', async () => {
    if (!watch) throw new Error('no watch to remove');
    await watch.close();
    return 'XS_UNWATCH';
  });
}

async function checkTransaction(r: Report, xs: XenStore): Promise<void> {
  await step(r, 'xs:transaction', async () => {
    let outsideDuring = '';
    const attempts = await xs.transaction(async (tx) => {
      const before = await tx.read(`${ROOT}/value`);
      await tx.write(`${ROOT}/value`, `${before}+tx`);
      await tx.write(`${ROOT}/tx`, 'committed');
      outsideDuring = await xs.read(`${ROOT}/value`);
      return before;
    });
    const after = await xs.read(`${ROOT}/value`);
    const tx = await xs.read(`${ROOT}/tx`);
    if (outsideDuring !== attempts) throw new Error(`outside the transaction, value read ${outsideDuring} before the commit`);
    if (after !== `${attempts}+tx` || tx !== 'committed') throw new Error(`after the commit: value ${after}, tx ${tx}`);
    return `read ${attempts} and wrote two nodes; others saw ${outsideDuring} until the commit, then ${after}`;
  });
}

export async function xenstoreChecks(r: Report, guestDomid: number): Promise<void> {
  let xs: XenStore;
  try {
    xs = await XenStore.connect();
    r.step('xs:connect', true, 'xenstored');
  } catch (e) {
    r.step('xs:connect', false, message(e));
    return;
  }
  try {
    await step(r, 'xs:write_read', async () => {
      await xs.write(`${ROOT}/value`, 'hello');
      const got = await xs.read(`${ROOT}/value`);
      if (got !== 'hello') throw new Error(`read ${JSON.stringify(got)}, wrote "hello"`);
      return `${ROOT}/value`;
    });
    await checkWatch(r, xs);
    await checkTransaction(r, xs);
    await step(r, 'xs:directory', async () => {
      const names = (await xs.directory(ROOT)).sort();
      if (names.join(',') !== 'tx,value,watched') throw new Error(`listed ${names.join(',')}`);
      return names.join(', ');
    });
    await step(r, 'xs:rm', async () => {
      await xs.rm(ROOT);
      const gone = await xs.read(`${ROOT}/value`).then(
        (v) => `still there: ${v}`,
        (e: unknown) => (e instanceof XenStoreError && e.code === 'ENOENT' ? '' : message(e)),
      );
      if (gone) throw new Error(`after rm, a read: ${gone}`);
      return 'removed; a read is ENOENT';
    });
    await step(r, 'xs:domain_path', async () => {
      const path = await xs.getDomainPath(guestDomid);
      const name = await xs.read(`${path}/name`);
      if (path !== `/local/domain/${guestDomid}` || !name.startsWith('lx-')) throw new Error(`${path}, name ${name}`);
      return `${path}, name ${name}`;
    });
  } finally {
    xs.close();
  }
}
