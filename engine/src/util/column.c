/* column.c: the column (in characters) of a place on a line, counted once per line */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

/**
 * wn_column__start:
 * Starts counting on @line (the first character is column 1).
 */
void
wn_column__start(WnColumnCounter *c, const char *line)
{
    c->line = c->at = line;
    c->column = 1;
}

/**
 * wn_column__at:
 * The 1-based column, in UTF-8 characters, of @p on the counter's line. Counting goes on
 * from the place asked last, so a tokenizer that asks left to right counts each line
 * once (linear in its length, where counting from the line's start each time is
 * quadratic); a place before the last one is counted from the line's start again.
 * Returns: the column.
 */
gsize
wn_column__at(WnColumnCounter *c, const char *p)
{
    if (p < c->at) {
        c->at = c->line;
        c->column = 1;
    }
    c->column += (gsize) g_utf8_strlen(c->at, p - c->at);
    c->at = p;
    return c->column;
}
