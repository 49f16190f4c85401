#ifndef DOCENT_OPEN_BENEATH_H
#define DOCENT_OPEN_BENEATH_H

/// Opens `path`, relative to the folder `directory` is open on, for reading, in one system call that refuses any
/// resolution leaving that folder (a `..` above it, an absolute path or symbolic link, a link leading out): Linux's
/// openat2 with RESOLVE_BENEATH. The file is opened non-blocking (a FIFO does not block the open) and close-on-exec.
/// Returns the descriptor, or -1 with errno set: EXDEV when the path would leave the folder, ENOSYS where the
/// kernel (or a sandbox) has no openat2, ENOENT, ENOTDIR, ELOOP and the like as open(2) gives them.
int docent_open_beneath(int directory, const char *path);

#endif
