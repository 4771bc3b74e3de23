// A vitest reporter that records each test file's own duration, hooks included, as the default
// reporter prints it. The JSON reporter's startTime/endTime span only the tests themselves, so a
// file whose work sits in beforeAll (the every-release test, the live-Xen boot) looked cheap
// there. scripts/summarize-tests.mjs reads what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

export default class FileTimesReporter {
  constructor(options = {}) {
    this.outputFile = options.outputFile ?? '.cache/vitest-file-times.json';
  }

  onInit(ctx) {
    this.root = ctx.config.root;
  }

  onFinished(files = []) {
    const times = files.map((f) => ({ name: relative(this.root ?? process.cwd(), f.filepath), seconds: (f.result?.duration ?? 0) / 1000 }));
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, `${JSON.stringify(times, null, 1)}\n`);
  }
}
