#include "COpenBeneath.h"

#include <errno.h>
#include <fcntl.h>

#if defined(__linux__)
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

/// Linux's `struct open_how` (linux/openat2.h), spelled out so the build needs no kernel headers.
struct docent_open_how {
    uint64_t flags;
    uint64_t mode;
    uint64_t resolve;
};

#define DOCENT_RESOLVE_BENEATH 0x08

int docent_open_beneath(int directory, const char *path) {
    struct docent_open_how how = {
        .flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC,
        .mode = 0,
        .resolve = DOCENT_RESOLVE_BENEATH,
    };
    long descriptor = syscall(SYS_openat2, directory, path, &how, sizeof how);
    return (int)descriptor;
}

#else

int docent_open_beneath(int directory, const char *path) {
    (void)directory;
    (void)path;
    errno = ENOSYS;
    return -1;
}

#endif
