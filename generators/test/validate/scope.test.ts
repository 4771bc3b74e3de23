import { describe, expect, it } from 'vitest';
import { EMPTY, formatReleases, formatScope, pairsOf, releaseRuns, releasesOf, runScope, spanScope } from '../../src/validate/scope.js';

describe('scopes', () => {
  it('spans a lifetime on some arches, and is empty for unknown releases', () => {
    const scope = spanScope({ since: '4.20', until: '4.22' }, ['arm64']);
    expect(pairsOf(scope)).toEqual([
      { release: '4.20', arch: 'arm64' },
      { release: '4.21', arch: 'arm64' },
    ]);
    expect(spanScope({ since: '4.99' }, ['arm64'])).toBe(EMPTY);
    expect(releasesOf({ since: '4.21' })).toEqual(['4.21', '4.22']);
  });

  it('prints releases as ranges and drops the arch list when every arch has the same', () => {
    expect(formatReleases(['4.6', '4.7', '4.8', '4.12'])).toBe('4.6-4.8, 4.12');
    expect(formatScope(spanScope({ since: '4.9' }, ['x86_32', 'x86_64', 'arm32', 'arm64']))).toBe('in 4.9-4.22');
    const mixed = spanScope({ since: '4.9' }, ['x86_32', 'x86_64']) | spanScope({ since: '4.10' }, ['arm64']);
    expect(formatScope(mixed)).toBe('in 4.9-4.22 on x86_32, x86_64; in 4.10-4.22 on arm64');
  });

  it('splits releases into runs wherever something starts, ends or changes value', () => {
    const runs = releaseRuns([{ since: '4.9', until: '4.12' }, { since: '4.6', history: [{ since: '4.20' }] }]);
    expect(runs.map((r) => `${r[0]}-${r.at(-1)}`)).toEqual(['4.6-4.8', '4.9-4.11', '4.12-4.19', '4.20-4.22']);
    expect(formatScope(runScope(runs[1]!, ['arm32']))).toBe('in 4.9-4.11 on arm32');
  });
});
