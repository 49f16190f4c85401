// The little libc that Embedded Swift needs on wasm32-unknown-none-wasm: an allocator over __heap_base with
// size-class free lists, mem* and strlen, a fixed-seed arc4random_buf (Swift's hashing seed: deterministic
// runs), putchar, and __multi3. Compiled with -ffreestanding by scripts/wasm/build.sh; not a SwiftPM target.
#include <stddef.h>
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

extern unsigned char __heap_base;

static uintptr_t heap_top = 0;
static uintptr_t heap_end = 0;
enum { CLASSES = 32, HEADER = 16 };
static void *free_lists[CLASSES];

typedef struct {
    uint32_t size_class;
    uint32_t block_start;
    uint32_t magic;
    uint32_t unused;
} header_t;

static int size_class_for(size_t size) {
    int c = 4;  // 16 bytes minimum
    while (((size_t)1 << c) < size && c < CLASSES - 1) c++;
    return c;
}

static void *bump(size_t bytes) {
    if (heap_top == 0) {
        heap_top = ((uintptr_t)&__heap_base + 15) & ~(uintptr_t)15;
        heap_end = __builtin_wasm_memory_size(0) * 65536;
    }
    uintptr_t start = heap_top;
    uintptr_t end = start + bytes;
    if (end > heap_end) {
        size_t pages = (end - heap_end + 65535) / 65536;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return NULL;
        heap_end += pages * 65536;
    }
    heap_top = end;
    return (void *)start;
}

static void *allocate_block(int c) {
    if (free_lists[c]) {
        void *block = free_lists[c];
        free_lists[c] = *(void **)block;
        return block;
    }
    return bump((size_t)1 << c);
}

static void *allocate_aligned(size_t size, size_t alignment) {
    if (alignment < 16) alignment = 16;
    size_t needed = size + HEADER + (alignment > 16 ? alignment : 0);
    int c = size_class_for(needed);
    unsigned char *block = allocate_block(c);
    if (!block) return NULL;
    uintptr_t p = ((uintptr_t)block + HEADER + alignment - 1) & ~(uintptr_t)(alignment - 1);
    header_t *h = (header_t *)(p - HEADER);
    h->size_class = (uint32_t)c;
    h->block_start = (uint32_t)(uintptr_t)block;
    h->magic = 0x5157494Du;
    return (void *)p;
}

static size_t usable_size(void *p) {
    header_t *h = (header_t *)((uintptr_t)p - HEADER);
    return ((size_t)1 << h->size_class) - ((uintptr_t)p - h->block_start);
}

void *memcpy(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || n == 0) return dst;
    if (d < s) {
        while (n--) *d++ = *s++;
    } else {
        d += n;
        s += n;
        while (n--) *--d = *--s;
    }
    return dst;
}

void *memset(void *dst, int value, size_t n) {
    unsigned char *d = dst;
    while (n--) *d++ = (unsigned char)value;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++) {
        if (*x != *y) return *x - *y;
    }
    return 0;
}

size_t strlen(const char *s) {
    const char *p = s;
    while (*p) p++;
    return (size_t)(p - s);
}

void *malloc(size_t size) { return allocate_aligned(size, 16); }

void free(void *p) {
    if (!p) return;
    header_t *h = (header_t *)((uintptr_t)p - HEADER);
    if (h->magic != 0x5157494Du) return;
    h->magic = 0;
    void *block = (void *)(uintptr_t)h->block_start;
    *(void **)block = free_lists[h->size_class];
    free_lists[h->size_class] = block;
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    void *p = allocate_aligned(size, alignment);
    if (!p) return 12;  // ENOMEM
    *out = p;
    return 0;
}

void *aligned_alloc(size_t alignment, size_t size) { return allocate_aligned(size, alignment); }

void *calloc(size_t count, size_t size) {
    size_t total = count * size;
    void *p = malloc(total);
    if (p) memset(p, 0, total);
    return p;
}

void *realloc(void *p, size_t size) {
    if (!p) return malloc(size);
    size_t old = usable_size(p);
    if (size <= old) return p;
    void *q = malloc(size);
    if (!q) return NULL;
    memcpy(q, p, old);
    free(p);
    return q;
}

// Fixed seed: Swift's Hasher and random numbers are the same on every run, so output is reproducible.
static uint64_t random_state = 0x9E3779B97F4A7C15ull;

void arc4random_buf(void *buffer, size_t n) {
    unsigned char *b = buffer;
    while (n--) {
        random_state ^= random_state << 13;
        random_state ^= random_state >> 7;
        random_state ^= random_state << 17;
        *b++ = (unsigned char)(random_state >> 24);
    }
}

int putchar(int c) { return c; }

static void mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
    *lo = (p00 & 0xffffffffu) | (mid << 32);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

__int128 __multi3(__int128 a, __int128 b) {
    uint64_t al = (uint64_t)a, ah = (uint64_t)((unsigned __int128)a >> 64);
    uint64_t bl = (uint64_t)b, bh = (uint64_t)((unsigned __int128)b >> 64);
    uint64_t hi, lo;
    mul64(al, bl, &hi, &lo);
    hi += al * bh + ah * bl;
    return (__int128)(((unsigned __int128)hi << 64) | lo);
}

// For JavaScript: buffers to pass strings in.
EXPORT("console_alloc") void *console_alloc(size_t size) { return malloc(size); }
EXPORT("console_free") void console_free(void *p) { free(p); }
