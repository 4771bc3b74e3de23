/**
 * The model as each release has it, and its layouts on each architecture, computed once per
 * loaded model and shared by everything that describes several releases in one run (the C
 * and Rust emitters; `generateReleases` emitting every release). A record's layout is
 * computed once per architecture and run of releases that see it alike (`ChangePoints`), not
 * once per release and per emitter. Models are not mutated once loaded, so neither are the
 * views and layouts kept here: do not change them.
 */
import { ArchLayout, type RecordLayout } from '../layout/engine.js';
import type { AbiModel, Arch } from '../model/types.js';
import { ChangePoints } from './changes.js';
import { atRelease, type ReleaseModel } from './release.js';

export class ReleaseHistory {
  private readonly views = new Map<string, ReleaseModel>();
  private readonly engines = new Map<string, ArchLayout>();
  private readonly layouts = new Map<string, RecordLayout>();
  private changes: ChangePoints | undefined;

  constructor(readonly history: AbiModel) {}

  /** The model as `release` has it (`atRelease`), every module kept. */
  view(release: string): ReleaseModel {
    let v = this.views.get(release);
    if (!v) this.views.set(release, (v = atRelease(this.history, release)));
    return v;
  }

  /** The layouts of `release` on `arch`. */
  layout(release: string, arch: Arch): ArchLayout {
    const key = `${release}/${arch}`;
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new ArchLayout(this.view(release), arch, this.changePoints().layoutMemo(this.layouts, release, arch));
      this.engines.set(key, engine);
    }
    return engine;
  }

  /** Where each item of the history changes. */
  changePoints(): ChangePoints {
    this.changes ??= new ChangePoints(this.history);
    return this.changes;
  }
}

const shared = new WeakMap<AbiModel, ReleaseHistory>();

/** The release history of a loaded model, one per model. */
export function releaseHistory(history: AbiModel): ReleaseHistory {
  let h = shared.get(history);
  if (!h) shared.set(history, (h = new ReleaseHistory(history)));
  return h;
}

/**
 * Lets the release history of `history` go (the next `releaseHistory` call builds it again):
 * for a run that describes one release and has no further use for it, so that the views and
 * layouts of every release are not kept alive through the emitters that do not read them.
 */
export function forgetReleaseHistory(history: AbiModel): void {
  shared.delete(history);
}

