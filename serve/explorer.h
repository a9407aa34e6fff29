/* explorer.h: the explorer's parts (server, worker, answers), private to serve/ */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_SERVE_EXPLORER_H
#define WN_SERVE_EXPLORER_H

#include "serve.h"

#include <cjson/cJSON.h>
#include <libsoup/soup.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC(cJSON, cJSON_Delete)

/* What start-up computes once; read only by the worker thread afterwards. */
typedef struct {
    WnTable *areas;        /* wn_areas_table: every figure per area, suppressed */
    WnTable *ranking;      /* wn_isolation_ranking: residents at risk, visiting order */
    WnTable *isolation;    /* wn_isolation_table: every resident */
    WnTable *persons;      /* wn_key_figures_table, every key figure */
    WnTable *places;       /* wn_key_figures_table, every meeting place */
    WnTable *suggestions;  /* wn_suggest_table for the residents at risk */
    GHashTable *small;     /* area code → itself: areas that show no figures */
    GArray *isolation_row; /* node → its row in isolation, or G_MAXSIZE */
    GPtrArray *ties;       /* node → GArray of gsize: its ties */
    GPtrArray *conflicts;  /* node → GArray of gsize: the other end of each conflict */
} ExplorerData;

/* One answer: its status, type and body. */
typedef struct {
    guint status;
    const char *content_type; /* static */
    GBytes *body;
} Answer;
void answer_clear(Answer *a);
void answer_free(Answer *a);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Answer, answer_clear)

struct _WnExplorer {
    WnNetwork *net;
    WnAreaShapes *shapes;
    WnServeOptions opts;
    char *listen;
    char *token;
    char *cookie_name;
    guint port; /* the port bound */
    ExplorerData data;
    SoupServer *server;
    GMainContext *context; /* where the server runs */
    GThreadPool *worker;   /* one thread: the only one that calls the engine after start-up */
    GMutex lock;           /* guards cache and cache_bytes */
    GHashTable *cache;     /* request key → Answer * */
    gsize cache_bytes;
};

/* A request's parameters as the worker reads them; every value is a string. */
typedef struct {
    const char *path;
    GHashTable *query; /* name → value, or NULL */
    WnLanguage lang;
} Request;
const char *request_param(const Request *req, const char *name);

/* worker.c */
void worker_start(WnExplorer *ex);
void worker_warm(WnExplorer *ex);
void worker_answer(WnExplorer *ex, SoupServerMessage *msg, const char *path, GHashTable *query);
void answer_send(SoupServerMessage *msg, const Answer *a);

/* api.c: the answers, each made on the worker thread */
gboolean api_answer(WnExplorer *ex, const Request *req, Answer *out);
void answer_json(Answer *out, guint status, cJSON *json);
void answer_error(Answer *out, guint status, const char *message);
void answer_svg(Answer *out, char *svg, GError *error);

/* api-wijk.c, api-lists.c, api-node.c */
void api_wijk(WnExplorer *ex, const Request *req, Answer *out);
void api_buurt(WnExplorer *ex, const Request *req, Answer *out);
void api_wijk_svg(WnExplorer *ex, const Request *req, Answer *out);
void api_map_svg(WnExplorer *ex, const Request *req, Answer *out);
void api_lists(WnExplorer *ex, const Request *req, Answer *out);
void api_search(WnExplorer *ex, const Request *req, Answer *out);
void api_node(WnExplorer *ex, const Request *req, Answer *out);
void api_node_svg(WnExplorer *ex, const Request *req, Answer *out);

/* json.c: shared pieces of the answers */
cJSON *json_cell(const WnTable *t, gsize row, gsize column);
cJSON *json_node(const WnExplorer *ex, gsize node, WnLanguage lang);
const char *json_area_name(const WnExplorer *ex, const char *code, WnLanguage lang);
char *json_words_safe(const WnExplorer *ex, char *words, WnLanguage lang);
gboolean json_table_column(const WnTable *t, const char *name, gsize *column_out);
const char *json_string(const WnTable *t, gsize row, const char *name);

/* data.c */
gboolean explorer_data_load(WnExplorer *ex, GError **error);
void explorer_data_clear(ExplorerData *d);

/* serve-resources.c (glib-compile-resources): the pages, registered when linked */
GResource *serve_get_resource(void);

/* http.c */
gboolean http_start(WnExplorer *ex, GError **error);

#endif /* WN_SERVE_EXPLORER_H */
