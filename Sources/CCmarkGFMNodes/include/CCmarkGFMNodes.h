#ifndef DOCENT_CCMARKGFM_NODES_H
#define DOCENT_CCMARKGFM_NODES_H

typedef struct cmark_node cmark_node;

/// Which text of a node to read.
typedef enum {
    DOCENT_CMARK_LITERAL = 0,  // text, code span, HTML, code block
    DOCENT_CMARK_URL = 1,      // link or image destination
    DOCENT_CMARK_TITLE = 2,    // link or image title
    DOCENT_CMARK_INFO = 3      // code block info string
} docent_cmark_text;

/// The bytes of a node's text in place, and their count in `length` (NULL and 0 when the node has none).
/// cmark_node_get_literal and its siblings copy each text into a new NUL-terminated buffer the first time they
/// are asked, a calloc and a copy per text node; Docent reads every node once, so it reads the bytes where the
/// parser left them. They stay valid until the tree is freed.
const unsigned char *docent_cmark_node_text(cmark_node *node, docent_cmark_text which, int *length);

#endif
