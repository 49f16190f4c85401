#include "CCmarkGFMNodes.h"

#include <cmark-gfm/node.h>
#include <stddef.h>

static const unsigned char *chunk_bytes(const cmark_chunk *chunk, int *length) {
    *length = chunk->len;
    return chunk->len > 0 ? chunk->data : NULL;
}

const unsigned char *docent_cmark_node_text(cmark_node *node, docent_cmark_text which, int *length) {
    *length = 0;
    if (node == NULL) return NULL;
    switch (node->type) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
        return which == DOCENT_CMARK_LITERAL ? chunk_bytes(&node->as.literal, length) : NULL;
    case CMARK_NODE_CODE_BLOCK:
        if (which == DOCENT_CMARK_LITERAL) return chunk_bytes(&node->as.code.literal, length);
        if (which == DOCENT_CMARK_INFO) return chunk_bytes(&node->as.code.info, length);
        return NULL;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
        if (which == DOCENT_CMARK_URL) return chunk_bytes(&node->as.link.url, length);
        if (which == DOCENT_CMARK_TITLE) return chunk_bytes(&node->as.link.title, length);
        return NULL;
    default:
        return NULL;
    }
}
