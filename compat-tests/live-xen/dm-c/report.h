/* The "@lx" lines dom0 passes to the host (compat-tests/live-xen/lib/report.ts). */
#ifndef LIVE_DM_REPORT_H
#define LIVE_DM_REPORT_H

#include <stdint.h>

/* The language this device model reports as, set once from its command line. */
extern const char *report_language;

/* One step; returns `passed`, so a caller can write `if (!step(...)) return`. */
int step(const char *name, int passed, const char *detail_format, ...) __attribute__((format(printf, 3, 4)));
void count(const char *name, uint64_t value);

#endif /* LIVE_DM_REPORT_H */
