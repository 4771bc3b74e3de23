/**
 * Reading what `xenabi check` is given on its command line — an export JSON, a baseline, a
 * waivers file — from a path that may be a file, a pipe (`--base <(xenabi export)`), a
 * device (`/dev/null`) or something else entirely. Every way that can fail is bad input with
 * a message naming the path, never an exception; and no input is read past a bound, so a
 * huge one cannot take the checker's time and memory with it.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';

/**
 * The most a check input may hold: 32 MiB. An export of all of Xen's public ABI is a few
 * megabytes (this repository's, 8 modules, is about 300 KB); reading and comparing 32 MiB
 * takes a few seconds and under a gigabyte (docs/performance.md).
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** An input that cannot be used: the message names it and says why. */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

/** What is at `path`, or an InputFileError saying why it cannot be looked at. */
export function statInput(path: string, label: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new InputFileError(`${label}: ${reason(error)}`);
  }
}

/** True for what can be read as a stream of bytes: a file, a pipe, a character device. */
export function isReadable(stats: Stats): boolean {
  return stats.isFile() || stats.isFIFO() || stats.isCharacterDevice();
}

/** In words: `a directory`, `a socket`. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

/**
 * The text at `path` (a file, a pipe or a character device), read to its end but no further
 * than `limit` bytes: past that, an InputFileError saying the limit.
 */
export function readInput(path: string, label: string, limit = MAX_INPUT_BYTES): string {
  const stats = statInput(path, label);
  if (!isReadable(stats)) throw new InputFileError(`${label}: ${kindOf(stats)}, not a file xenabi can read`);
  if (stats.isFile() && stats.size > limit) throw tooLarge(label, stats.size, limit);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new InputFileError(`${label}: ${reason(error)}`);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(label, total, limit, true);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(`${label}: ${reason(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** The names in a directory (none when there is nothing at `path`), or an InputFileError. */
export function listInput(path: string, label: string): string[] {
  try {
    return existsSync(path) && statSync(path).isDirectory() ? readdirSync(path) : [];
  } catch (error) {
    throw new InputFileError(`${label}: ${reason(error)}`);
  }
}

/** JSON text parsed, or an InputFileError at the line and column where it stops being JSON. */
export function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.replace(/\s+/g, ' ');
    const at = /at position (\d+)/.exec(message);
    const where = at ? `; ${lineColumn(text, Number(at[1]))}` : text.trim() === '' ? ': it is empty' : '';
    throw new InputFileError(`${label}: not JSON (${message}${where})`);
  }
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

function tooLarge(label: string, size: number, limit: number, atLeast = false): InputFileError {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return new InputFileError(
    `${label}: larger (${atLeast ? 'over ' : ''}${mib(size)}) than the ${mib(limit)} xenabi check reads from one input; all of Xen's public ABI exports to a few MiB, so compare one namespace (xenabi export --namespace) or fewer modules`,
  );
}

/** An fs error in words: `no such file or directory`, `permission denied`. */
function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'a directory, not a file',
    ENOTDIR: 'a path through something that is not a directory',
    ELOOP: 'too many symbolic links (a loop?)',
    ENAMETOOLONG: 'the name is too long',
  };
  return (code && Object.prototype.hasOwnProperty.call(words, code) ? words[code] : undefined) ?? (error as Error).message;
}
