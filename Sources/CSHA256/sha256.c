// SHA-256 for the build and check caches' keys: a digest nobody can steer two inputs to, over every page's bytes,
// so it must be fast. The x86-64 path follows Intel's SHA extensions reference (rounds in groups of four, the
// message schedule by sha256msg1/sha256msg2); the portable path is the textbook compression.
#include "CSHA256.h"

#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t rotate(uint32_t value, int count) { return (value >> count) | (value << (32 - count)); }

void docent_sha256_portable_blocks(uint32_t state[8], const uint8_t *blocks, size_t count) {
    for (size_t block = 0; block < count; block++) {
        const uint8_t *data = blocks + block * 64;
        uint32_t w[64];
        for (int i = 0; i < 16; i++) {
            w[i] = (uint32_t)data[i * 4] << 24 | (uint32_t)data[i * 4 + 1] << 16 | (uint32_t)data[i * 4 + 2] << 8 |
                   (uint32_t)data[i * 4 + 3];
        }
        for (int i = 16; i < 64; i++) {
            uint32_t s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; i++) {
            uint32_t t1 = h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
            uint32_t t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

__attribute__((target("sha,sse4.1,ssse3")))
static void extension_blocks(uint32_t state[8], const uint8_t *data, size_t count) {
    const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);  // CDAB
    __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);  // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);  // CDGH
    for (size_t block = 0; block < count; block++, data += 64) {
        const __m128i abef = state0, cdgh = state1;
        __m128i message[4];
        for (int group = 0; group < 16; group++) {
            __m128i *current = &message[group & 3];
            if (group < 4) {
                *current = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), mask);
            } else {
                // W[t..t+3] from the four groups before: msg1 over the two oldest, W[t-7..t-4], then msg2.
                __m128i sum = _mm_add_epi32(
                    _mm_sha256msg1_epu32(message[group & 3], message[(group + 1) & 3]),
                    _mm_alignr_epi8(message[(group + 3) & 3], message[(group + 2) & 3], 4));
                *current = _mm_sha256msg2_epu32(sum, message[(group + 3) & 3]);
            }
            __m128i words = _mm_add_epi32(*current, _mm_loadu_si128((const __m128i *)&K[4 * group]));
            state1 = _mm_sha256rnds2_epu32(state1, state0, words);
            state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(words, 0x0E));
        }
        state0 = _mm_add_epi32(state0, abef);
        state1 = _mm_add_epi32(state1, cdgh);
    }
    tmp = _mm_shuffle_epi32(state0, 0x1B);  // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);  // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);  // HGFE
    _mm_storeu_si128((__m128i *)&state[0], state0);
    _mm_storeu_si128((__m128i *)&state[4], state1);
}

static int has_extensions(void) {
    static int known = -1;
    if (known < 0) {
        unsigned a, b, c, d;
        int sse = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) && (c & bit_SSE4_1);
        int sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
        known = sse && sha;
    }
    return known;
}
#else
static int has_extensions(void) { return 0; }
static void extension_blocks(uint32_t state[8], const uint8_t *data, size_t count) {
    docent_sha256_portable_blocks(state, data, count);
}
#endif

int docent_sha256_uses_extensions(void) { return has_extensions(); }

static void blocks(uint32_t state[8], const uint8_t *data, size_t count) {
    if (has_extensions()) {
        extension_blocks(state, data, count);
    } else {
        docent_sha256_portable_blocks(state, data, count);
    }
}

void docent_sha256_init(docent_sha256 *context) {
    static const uint32_t initial[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(context->state, initial, sizeof initial);
    context->length = 0;
    context->used = 0;
}

void docent_sha256_update(docent_sha256 *context, const void *bytes, size_t count) {
    const uint8_t *data = bytes;
    context->length += count;
    if (context->used > 0) {
        size_t take = 64 - context->used < count ? 64 - context->used : count;
        memcpy(context->buffer + context->used, data, take);
        context->used += (uint32_t)take;
        data += take;
        count -= take;
        if (context->used < 64) return;
        blocks(context->state, context->buffer, 1);
        context->used = 0;
    }
    if (count >= 64) {
        blocks(context->state, data, count / 64);
        data += count / 64 * 64;
        count %= 64;
    }
    memcpy(context->buffer, data, count);
    context->used = (uint32_t)count;
}

void docent_sha256_final(docent_sha256 *context, uint8_t digest[32]) {
    uint64_t bits = context->length * 8;
    uint8_t pad[72] = {0x80};
    size_t padding = (context->used < 56 ? 56 : 120) - context->used;
    for (int i = 0; i < 8; i++) pad[padding + i] = (uint8_t)(bits >> (56 - 8 * i));
    docent_sha256_update(context, pad, padding + 8);
    for (int i = 0; i < 8; i++) {
        digest[i * 4] = (uint8_t)(context->state[i] >> 24);
        digest[i * 4 + 1] = (uint8_t)(context->state[i] >> 16);
        digest[i * 4 + 2] = (uint8_t)(context->state[i] >> 8);
        digest[i * 4 + 3] = (uint8_t)context->state[i];
    }
}
