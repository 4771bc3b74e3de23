import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { gate, IN_CI, missingPrerequisites, runCommand } from './toolchain.js';

describe('compat-test prerequisites', () => {
  it('names the Debian package of every missing tool', () => {
    const missing = missingPrerequisites([{ command: 'xenabi-no-such-compiler', debianPackage: 'gcc-xenabi-test' }, { command: 'sh', debianPackage: 'dash' }]);
    expect(missing).toEqual(['xenabi-no-such-compiler is not installed: apt-get install gcc-xenabi-test']);
  });

  it('fails under CI=true and skips elsewhere', () => {
    const g = gate(['clang is not installed: apt-get install clang']);
    expect(g).toMatchObject({ skip: true, fail: IN_CI });
    expect(g.message).toContain('apt-get install clang');
    expect(gate([])).toMatchObject({ skip: false, fail: false, message: '' });
  });

  it('has a prerequisite test body that passes when all is there, fails in CI and skips elsewhere', () => {
    let skipped = 0;
    const ctx = { skip: () => void skipped++ };
    expect(() => gate([]).assertPresent(ctx)).not.toThrow();
    expect(skipped).toBe(0);
    const missing = gate(['clang is not installed: apt-get install clang']);
    if (IN_CI) {
      expect(() => missing.assertPresent(ctx)).toThrow(/apt-get install clang/);
    } else {
      missing.assertPresent(ctx);
      expect(skipped).toBe(1);
    }
  });

  it('runs Arm programs under qemu with the cross libc, x86_32 natively only where the i386 loader is installed', () => {
    expect(runCommand('arm64', 'p')).toEqual({ command: 'qemu-aarch64', args: ['-L', '/usr/aarch64-linux-gnu', 'p'] });
    expect(runCommand('arm32', 'p')).toEqual({ command: 'qemu-arm', args: ['-L', '/usr/arm-linux-gnueabihf', 'p'] });
    const i386Native = existsSync('/lib/ld-linux.so.2');
    expect(runCommand('x86_32', 'p')).toEqual(i386Native ? { command: 'p', args: [] } : { command: 'qemu-i386', args: ['-L', '/usr/i686-linux-gnu', 'p'] });
    expect(runCommand('x86_32', 'p', true)).toEqual({ command: 'qemu-i386', args: ['-L', '/usr/i686-linux-gnu', 'p'] });
  });
});
