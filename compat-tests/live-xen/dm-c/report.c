#include "report.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

const char *report_language = "c";

int step(const char *name, int passed, const char *detail_format, ...)
{
    va_list ap;
    printf("@lx step %s %s %s ", report_language, name, passed ? "pass" : "fail");
    va_start(ap, detail_format);
    vprintf(detail_format, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return passed;
}

void count(const char *name, uint64_t value)
{
    printf("@lx count %s %s %" PRIu64 "\n", report_language, name, value);
    fflush(stdout);
}
