/**
 * The PV block back end consumer: `src/blkback.c` does what QEMU's xen-block does for one virtual
 * disk — xenstore requests on the xenstore page's request ring (XS_WRITE, XS_READ) while it
 * steps through the xenbus states, GNTTABOP_map_grant_ref and EVTCHNOP_bind_interdomain to
 * connect, then serving a blkif ring a front end filled (a read, a two-segment write, a flush)
 * with GNTTABOP_copy, responses and notifications through the RING_* macros, and tearing down.
 * It is built on x86_64, x86_32, arm64 and arm32 twice and run (Arm and, where the host lacks
 * the i386 loader, x86_32 under qemu-user):
 *
 * - on xenabi's headers alone (`src/xen_abi.h` states Xen 4.17 as the oldest release supported, as a
 *   distribution's QEMU would);
 * - on Xen's installed headers with __XEN_TOOLS__ (the twin), Xen's ring.h and all.
 *
 * Every buffer must have the twin's bytes.
 */
import { describe, expect, it } from "vitest";
import { ARCHES } from "../../../generators/src/model/arch.js";
import { INSTALLED_XEN_RELEASE } from "../../lib/toolchain.js";
import {
  buildAndRun,
  bufferBytes,
  consumerPrerequisites,
  differingLabels,
  xenabiVariant,
  xenTwinVariant,
} from "../lib/consumer.js";

const VARIANTS = [
  xenabiVariant("xenabi"),
  xenTwinVariant(
    "xen",
    `Xen ${INSTALLED_XEN_RELEASE} headers`,
    "CONSUMER_XEN_HEADERS",
    ["-D__XEN_TOOLS__"]
  ),
];
/** Buffers every run must print: one of each kind the program hands to Xen or shares. */
const EXPECTED = [
  "xenbus.xsd_sockmsg",
  "connect.gnttab_map_grant_ref",
  "connect.evtchn_bind_interdomain",
  "serve.gnttab_copy",
  "serve.ring_page",
  "xenbus.xenstore_page",
];
const prerequisites = consumerPrerequisites();

describe("a PV block back end built on xenabi alone", () => {
  it("has its cross compilers, qemu-user, cross libcs and Xen headers", (ctx) =>
    prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)(
    `says to xenstored and Xen, and leaves on the ring, the same bytes as its twin on Xen ${INSTALLED_XEN_RELEASE}'s headers`,
    async () => {
      const runs = await buildAndRun("blkback", ["src/blkback.c"], VARIANTS);
      expect(runs.failures, runs.failures).toBe("");
      const rows: string[] = [];
      const problems: string[] = [];
      for (const arch of ARCHES) {
        const [ours, xen] = (["xenabi", "xen"] as const).map((v) =>
          runs.output(arch, v)
        );
        if (!ours || !xen) throw new Error("a variant printed nothing");
        const labels = new Set([...ours.keys(), ...xen.keys()]);
        const missing = EXPECTED.filter(
          (prefix) => ![...labels].some((l) => l.startsWith(prefix))
        );
        if (missing.length)
          problems.push(`${arch}: printed no ${missing.join(", ")}`);
        const diffs = differingLabels(ours, xen, labels);
        problems.push(
          ...diffs.map(
            (l) =>
              `${arch}: ${l} differs from the Xen ${INSTALLED_XEN_RELEASE} twin\n  ours ${
                ours.get(l)?.hex
              }\n  Xen  ${xen.get(l)?.hex}`
          )
        );
        rows.push(
          `${arch.padEnd(7)} ${(runs.emulated(arch) ? "qemu" : "native").padEnd(
            6
          )} ${labels.size} buffers, ${bufferBytes(xen, labels)} bytes ${
            diffs.length ? "✗" : "✓"
          }`
        );
      }
      console.log([runs.summary, ...rows].join("\n"));
      expect(problems, problems.join("\n")).toEqual([]);
    }
  );
});
