#ifndef DOCENT_CMARK_GFM_THREAD_SAFETY_H
#define DOCENT_CMARK_GFM_THREAD_SAFETY_H

/// Returns 1 when Docent's replacement of cmark_manage_extensions_special_characters is the one the
/// cmark-gfm library calls (see thread_safety.c).
int docent_cmark_special_characters_are_shared(void);

#endif
