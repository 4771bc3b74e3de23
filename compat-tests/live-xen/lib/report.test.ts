import { describe, expect, it } from 'vitest';
import { parseSerial, problems } from './report.js';

const SERIAL = [
  '(XEN) Xen version 4.17.7',
  '@lx boot 12.50',
  '@lx step dom0 modules pass xen-privcmd xenfs',
  '@lx ready 15.25\r',
  '@lx begin c 16.00',
  '(d1) @lxg port_id ok got=49424158 want=49424158',
  '@lx step c dm:create_server pass id 0',
  '@lx phase c unpause 17.25',
  '@lx count c requests 16',
  '@lx step c guest:port_id fail got=ffffffff want=49424158',
  '@lx end c 19.50',
  '@lx done 20.00',
].join('\n');

describe('the live-Xen serial report', () => {
  it('reads times, steps and counts per language', () => {
    const r = parseSerial(SERIAL);
    expect([r.dom0Boot, r.dom0Ready, r.done]).toEqual([12.5, 15.25, true]);
    const c = r.languages.get('c');
    expect(c?.seconds).toBeCloseTo(3.5);
    expect(c?.counts).toEqual({ requests: 16 });
    expect(c?.phases).toEqual({ unpause: 1.25 });
    expect(c?.steps.map((s) => [s.step, s.passed])).toEqual([
      ['dm:create_server', true],
      ['guest:port_id', false],
    ]);
    expect(r.lastLine).toBe('@lx done 20.00');
  });

  it('names the release, language and step of each failure and of each missing step', () => {
    const expected = new Map([['c', { steps: ['dm:create_server', 'guest:port_id', 'dm:destroy'], counts: { requests: 17, vcpus: 2 } }]]);
    expect(problems('4.17', parseSerial(SERIAL), expected)).toEqual([
      { language: 'c', message: 'Xen 4.17, c: step guest:port_id failed: got=ffffffff want=49424158' },
      { language: 'c', message: 'Xen 4.17, c: step dm:destroy was never reported' },
      { language: 'c', message: 'Xen 4.17, c: requests was 16, expected 17' },
      { language: 'c', message: 'Xen 4.17, c: vcpus was never reported, expected 2' },
    ]);
  });

  it('says where a boot that never finished stopped', () => {
    const found = problems('4.20', parseSerial('@lx ready 9.0\n@lx begin none 9.5\n'), new Map());
    expect(found).toEqual([{ language: 'boot', message: 'Xen 4.20: the boot did not finish; the last report line was: @lx begin none 9.5' }]);
  });
});
