import { describe, expect, it } from 'vitest';
import { gate, IN_CI, missingPrerequisites } from './toolchain.js';

describe('compat-test prerequisites', () => {
  it('names the Debian package of every missing tool', () => {
    const missing = missingPrerequisites([{ command: 'xenabi-no-such-compiler', debianPackage: 'gcc-xenabi-test' }, { command: 'sh', debianPackage: 'dash' }]);
    expect(missing).toEqual(['xenabi-no-such-compiler is not installed: apt-get install gcc-xenabi-test']);
  });

  it('fails under CI=true and skips elsewhere', () => {
    const g = gate(['clang is not installed: apt-get install clang']);
    expect(g).toMatchObject({ skip: true, fail: IN_CI });
    expect(g.message).toContain('apt-get install clang');
    expect(gate([])).toEqual({ skip: false, fail: false, message: '' });
  });
});
