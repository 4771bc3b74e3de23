/** Builds the test guest (guest/guest.S) with the host's assembler and linker. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from './exec.js';
import { LIVE_DIR } from './releases.js';

/** Assembles and links the guest into `outDir`; returns the ELF's path. */
export async function buildGuest(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const object = join(outDir, 'guest.o');
  const elf = join(outDir, 'guest.elf');
  await exec('as', ['--32', '--fatal-warnings', '-o', object, join(LIVE_DIR, 'guest/guest.S')]);
  await exec('ld', ['-m', 'elf_i386', '--no-warn-rwx-segments', '-T', join(LIVE_DIR, 'guest/guest.ld'), '-o', elf, object]);
  return elf;
}
