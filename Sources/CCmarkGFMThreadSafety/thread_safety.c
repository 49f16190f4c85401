// cmark-gfm 0.29 keeps the table of special inline characters in a process-wide array. Each parser adds its
// extensions' characters (`~` for strikethrough) when it starts parsing inlines and removes them when it ends
// (cmark_manage_extensions_special_characters(parser, add) in blocks.c). Two threads parsing at once therefore
// race: one thread's removal makes the other miss `~~strike~~` (github/cmark-gfm#221 and related reports).
//
// Docent attaches the same extensions to every parser, so the characters never need to be removed. This file
// interposes the library's exported function (it is called through the PLT): additions go to the real function,
// removals are dropped. Concurrent additions write the same byte and are harmless. A test parses in parallel and
// checks that strikethrough survives.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

#include "CCmarkGFMThreadSafety.h"

typedef struct cmark_parser cmark_parser;
typedef void (*manage_function)(cmark_parser *, int);

static _Atomic(manage_function) real_manage = NULL;
static atomic_int interposed_calls = 0;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    atomic_store(&interposed_calls, 1);
    if (!add) return;
    manage_function real = atomic_load(&real_manage);
    if (real == NULL) {
        real = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        atomic_store(&real_manage, real);
    }
    if (real != NULL) real(parser, add);
}

int docent_cmark_special_characters_are_shared(void) {
    return atomic_load(&interposed_calls);
}
