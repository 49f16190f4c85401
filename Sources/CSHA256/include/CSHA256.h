#ifndef DOCENT_CSHA256_H
#define DOCENT_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256 (FIPS 180-4), streaming. The compression uses the CPU's SHA extensions where it has them (x86-64 SHA-NI,
/// checked once at run time), portable C otherwise; both give the same digest.
typedef struct {
    uint32_t state[8];
    uint64_t length;
    uint8_t buffer[64];
    uint32_t used;
} docent_sha256;

void docent_sha256_init(docent_sha256 *context);
void docent_sha256_update(docent_sha256 *context, const void *bytes, size_t count);
void docent_sha256_final(docent_sha256 *context, uint8_t digest[32]);
/// 1 when the SHA extensions are used, for tests that compare the two compressions.
int docent_sha256_uses_extensions(void);
/// The portable compression alone, over whole 64-byte blocks (tests compare it with the extensions').
void docent_sha256_portable_blocks(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
