/* notebook-private.h: shared inside notebooks-export, never installed */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_NOTEBOOK_PRIVATE_H
#define WN_NOTEBOOK_PRIVATE_H

#include "notebook.h"

/* One cell of a notebook: markdown or code, with a stable id (nbformat 4.5). */
typedef struct {
    gboolean code;
    char *id;
    GString *source;
} NbCell;

/* notebook-json.c */
GPtrArray *nb_cells_new(void);
GString *nb_cells_add(GPtrArray *cells, gboolean code, const char *id);
char *nb_cells_to_ipynb(const GPtrArray *cells);
void nb_append_markdown_inline(GString *out, const char *text);

/* notebook-cells.c */
gboolean nb_add_cells(GPtrArray *cells, const WnNetwork *net, const char *dataset,
                      const char *data_dir_name, const WnNotebookOptions *opts, GError **error);

/* notebook-data.c: the options every figure of the notebook is computed with */
void nb_measure_options(const WnNetwork *net, WnMeasureOptions *out);
void nb_isolation_options(WnIsolationOptions *out);
void nb_brokers_options(WnBrokersOptions *out);
void nb_area_options(WnAreaOptions *out);

#endif /* WN_NOTEBOOK_PRIVATE_H */
