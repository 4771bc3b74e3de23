/** Builds the test guest (guest/guest.S) with the host's assembler and linker. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LIVE_DIR } from './releases.js';

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}${r.error ?? ''}`);
}

/** Assembles and links the guest into `outDir`; returns the ELF's path. */
export function buildGuest(outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const object = join(outDir, 'guest.o');
  const elf = join(outDir, 'guest.elf');
  run('as', ['--32', '--fatal-warnings', '-o', object, join(LIVE_DIR, 'guest/guest.S')]);
  run('ld', ['-m', 'elf_i386', '--no-warn-rwx-segments', '-T', join(LIVE_DIR, 'guest/guest.ld'), '-o', elf, object]);
  return elf;
}
