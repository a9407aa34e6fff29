/* notebook.h: Jupyter notebooks (nbformat 4) from a network, a client of wijknet.h only */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_NOTEBOOK_H
#define WN_NOTEBOOK_H

#include "wijknet.h"

G_BEGIN_DECLS

/* Writing a notebook and its data folder */
typedef struct {
    gboolean show_labels;    /* labels are personal data: written only when asked */
    gboolean skip_bad_rows;  /* for run.json: the dataset was loaded skipping bad rows */
    const char *const *argv; /* for run.json; NULL = the equivalent `wijknet export` */
} WnNotebookOptions;
#define WN_NOTEBOOK_OPTIONS_INIT                                                                   \
    {                                                                                              \
        FALSE, FALSE, NULL                                                                         \
    }
gboolean wn_notebook_export(const WnNetwork *net, const char *dataset, const char *path,
                            const WnNotebookOptions *opts, GError **error);
char *wn_notebook_data_dir(const char *path);
char **wn_notebook_argv(const char *dataset, const char *path, const WnNotebookOptions *opts);

/* The data files, each as the text written */
char *wn_notebook_nodes_csv(const WnNetwork *net, gboolean show_labels, GError **error);
char *wn_notebook_ties_csv(const WnNetwork *net);
char *wn_notebook_run_json(const WnNetwork *net, const char *dataset, const char *path,
                           const WnNotebookOptions *opts, GError **error);
char *wn_notebook_to_ipynb(const WnNetwork *net, const char *dataset, const char *data_dir_name,
                           const WnNotebookOptions *opts, GError **error);

/* JSON and CSV text */
void wn_notebook_append_json_string(GString *out, const char *text);

G_END_DECLS

#endif /* WN_NOTEBOOK_H */
