/**
 * The docs site in a real browser: Debian's chromium, headless, driven through puppeteer-core.
 * The site is built from the repository, served over HTTP on a free local port, and every page
 * reachable from the home page is opened: each renders, loads everything it asks for, logs no
 * console error, and every link inside the site leads to a page (and anchor) that exists. The
 * diagrams of known records are read back and compared with the layouts the layout engine
 * gives and the docs state; the search finds an item and leads to it.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, writeChanged } from '../../generators/src/output/pipeline.js';
import { siteFiles } from '../../generators/src/site/index.js';
import { gate, missingPrerequisites } from '../lib/toolchain.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const CHROMIUM = '/usr/bin/chromium';
const prerequisites = gate(missingPrerequisites([{ command: 'chromium', debianPackage: 'chromium' }]));

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Visit {
  url: string;
  status: number;
  errors: string[];
  title: string;
  h1: string;
  links: string[];
  ids: string[];
}

/** One diagram shape, as the browser reads it back. */
interface Shape {
  arch: string;
  field: string;
  kind: string;
  offset: number;
  size: number;
  differs: boolean;
}

describe('the docs site', () => {
  it('has chromium', (ctx) => prerequisites.assertPresent(ctx));

  describe.skipIf(prerequisites.skip)('in headless chromium', () => {
    let server: Server;
    let browser: Browser;
    let base = '';
    const visits = new Map<string, Visit>();

    async function visit(page: Page, url: string): Promise<Visit> {
      const errors: string[] = [];
      const onConsole = (m: { type: () => string; text: () => string }) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`));
      const onError = (e: Error) => void errors.push(`page error: ${e.message}`);
      const onFailed = (r: { url: () => string }) => void errors.push(`request failed: ${r.url()}`);
      const onResponse = (r: { status: () => number; url: () => string }) => void (r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
      page.on('console', onConsole);
      page.on('pageerror', onError);
      page.on('requestfailed', onFailed);
      page.on('response', onResponse);
      const response = await page.goto(url, { waitUntil: 'load' });
      const read = await page.evaluate(() => ({
        title: document.title,
        h1: document.querySelector('main h1')?.textContent ?? '',
        links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      }));
      page.off('console', onConsole);
      page.off('pageerror', onError);
      page.off('requestfailed', onFailed);
      page.off('response', onResponse);
      return { url, status: response?.status() ?? 0, errors, ...read };
    }

    beforeAll(async () => {
      const out = mkdtempSync(join(tmpdir(), 'xenabi-site-'));
      writeChanged(out, (await siteFiles(ROOT)).map((f) => render(f, { command: 'npx xenabi site' })));
      server = await serve(out);
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
      const page = await browser.newPage();
      // Every page reachable from the home page, breadth first.
      const queue = [`${base}index.html`];
      while (queue.length) {
        const url = queue.shift()!;
        if (visits.has(url)) continue;
        const v = await visit(page, url);
        visits.set(url, v);
        for (const link of v.links) {
          const target = link.split('#')[0]!;
          if (target.startsWith(base) && !visits.has(target) && !queue.includes(target)) queue.push(target);
        }
      }
      await page.close();
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('reaches every module page, the rules and the guides from the home page', () => {
      const paths = [...visits.keys()].map((u) => u.slice(base.length));
      expect(paths).toEqual(expect.arrayContaining(['reference/index.html', 'reference/stable/dm_op.html', 'reference/stable/event_channel.html', 'availability.html', 'rules/index.html', 'rules/RECORD_SIZE_CHANGED.html', 'layout.html', 'ci.html', 'performance.html']));
      expect(paths.length).toBeGreaterThan(50);
    });

    it('renders every page: status 200, a title and a heading, no console error, nothing failed to load', () => {
      const bad = [...visits.values()].filter((v) => v.status !== 200 || !v.h1.trim() || !v.title.endsWith('· xenabi') || v.errors.length);
      expect(bad.map((v) => `${v.url}: ${v.status} ${JSON.stringify(v.h1)} ${v.errors.join('; ')}`)).toEqual([]);
    });

    it('has no broken link: every link inside the site leads to a page that exists, and to its anchor', () => {
      const broken: string[] = [];
      for (const v of visits.values()) {
        for (const link of v.links.filter((l) => l.startsWith(base))) {
          const [target, hash] = link.split('#') as [string, string | undefined];
          const to = visits.get(target);
          if (!to || to.status !== 200) broken.push(`${v.url} → ${link}`);
          else if (hash && !to.ids.includes(decodeURIComponent(hash))) broken.push(`${v.url} → ${link} (no such anchor)`);
        }
        for (const link of v.links.filter((l) => !l.startsWith(base))) if (!/^https:\/\//.test(link)) broken.push(`${v.url} → ${link} (not https)`);
      }
      expect(broken).toEqual([]);
    });

    describe('diagrams', () => {
      let page: Page;
      beforeAll(async () => {
        page = await browser.newPage();
      });
      afterAll(async () => {
        await page?.close();
      });

      async function diagram(module: string, record: string): Promise<{ rows: { arch: string; size: number; sizeDiffers: boolean }[]; shapes: Shape[] }> {
        await page.goto(`${base}reference/stable/${module}.html`, { waitUntil: 'load' });
        return page.evaluate((name) => {
          const svg = [...document.querySelectorAll('svg.layout')].find((s) => s.getAttribute('data-record') === name);
          if (!svg) return { rows: [], shapes: [] };
          const rows = [...svg.querySelectorAll('g.arch-row')].map((g) => ({ arch: g.getAttribute('data-arch') ?? '', size: Number(g.getAttribute('data-size')), sizeDiffers: !!g.querySelector('text.size-label.differs') }));
          const shapes = [...svg.querySelectorAll('g[data-field]')].map((g) => ({
            arch: g.getAttribute('data-arch') ?? '',
            field: g.getAttribute('data-field') ?? '',
            kind: g.getAttribute('data-kind') ?? '',
            offset: Number(g.getAttribute('data-offset')),
            size: Number(g.getAttribute('data-size')),
            differs: g.classList.contains('differs'),
          }));
          return { rows, shapes };
        }, record);
      }

      it('are on every record of every module page, one row per architecture the record exists on', async () => {
        for (const module of ['dm_op', 'event_channel', 'grant_table', 'ioreq', 'argo', 'start_info']) {
          await page.goto(`${base}reference/stable/${module}.html`, { waitUntil: 'load' });
          const counts = await page.evaluate(() => ({ sections: document.querySelectorAll('section.record').length, svgs: document.querySelectorAll('section.record svg.layout').length, rows: [...document.querySelectorAll('svg.layout')].map((s) => s.querySelectorAll('g.arch-row').length) }));
          expect(counts.sections, module).toBeGreaterThan(0);
          expect(counts.svgs, module).toBe(counts.sections);
          expect(counts.rows.every((n) => n >= 1 && n <= 4), module).toBe(true);
        }
      });

      it('show evtchn_op as docs/layout.md says: cmd then its union at 4, 28 bytes, no hole, alike on every architecture', async () => {
        const d = await diagram('event_channel', 'evtchn_op');
        expect(d.rows).toEqual(['x86_32', 'x86_64', 'arm32', 'arm64'].map((arch) => ({ arch, size: 28, sizeDiffers: false })));
        for (const arch of ['x86_32', 'x86_64', 'arm32', 'arm64']) {
          expect(d.shapes.filter((s) => s.arch === arch).map(({ field, kind, offset, size }) => ({ field, kind, offset, size }))).toEqual([
            { field: 'cmd', kind: 'field', offset: 0, size: 4 },
            { field: 'u', kind: 'field', offset: 4, size: 24 },
          ]);
        }
        expect(d.shapes.some((s) => s.differs)).toBe(false);
      });

      it('show gnttab_setup_table\'s holes, and mark what differs between architectures', async () => {
        const d = await diagram('grant_table', 'gnttab_setup_table');
        expect(d.rows.map((r) => [r.arch, r.size, r.sizeDiffers])).toEqual([['x86_32', 16, true], ['x86_64', 24, true], ['arm32', 24, true], ['arm64', 24, true]]);
        const holes = (arch: string) => d.shapes.filter((s) => s.arch === arch && s.kind === 'hole').map((s) => [s.field, s.offset, s.size]);
        expect(holes('x86_32')).toEqual([['(hole after dom)', 2, 2], ['(hole after status)', 10, 2]]);
        expect(holes('x86_64')).toEqual([['(hole after dom)', 2, 2], ['(hole after status)', 10, 6]]);
        const frames = d.shapes.filter((s) => s.field === 'frame_list');
        expect(frames.map((s) => [s.arch, s.offset, s.size])).toEqual([['x86_32', 12, 4], ['x86_64', 16, 8], ['arm32', 16, 8], ['arm64', 16, 8]]);
        expect(frames.every((s) => s.differs)).toBe(true);
        expect(d.shapes.filter((s) => s.field === 'dom').every((s) => !s.differs)).toBe(true);
      });

      it('show a union\'s members over each other and bit-fields inside their byte', async () => {
        const union = await diagram('grant_table', 'grant_entry_v2');
        const members = union.shapes.filter((s) => s.arch === 'x86_64' && s.kind === 'field');
        expect(members.length).toBeGreaterThan(2);
        expect(members.every((s) => s.offset === 0)).toBe(true);
        const ioreq = await diagram('ioreq', 'ioreq');
        const bits = ioreq.shapes.filter((s) => s.arch === 'x86_64' && s.kind === 'bitfield').map((s) => [s.field, s.offset, s.size]);
        expect(bits.slice(0, 3)).toEqual([['state', 30, 0.5], ['data_is_ptr', 30.5, 0.125], ['dir', 30.625, 0.125]]);
      });
    });

    it('finds an item with the search box and leads to it', async () => {
      const page = await browser.newPage();
      await page.goto(`${base}rules/index.html`, { waitUntil: 'load' });
      await page.type('#search', 'evtchn_op');
      const first = await page.$eval('#search-results a', (a) => ({ text: a.textContent, href: (a as HTMLAnchorElement).href }));
      expect(first).toEqual({ text: 'evtchn_op', href: `${base}reference/stable/event_channel.html#evtchn_op` });
      await Promise.all([page.waitForNavigation(), page.click('#search-results a')]);
      expect(await page.evaluate(() => [location.pathname, document.getElementById('evtchn_op')?.textContent ?? ''])).toEqual(['/reference/stable/event_channel.html', 'struct evtchn_op']);
      await page.close();
    });
  });
});
