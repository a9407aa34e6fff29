/* manifest.c: run.json, how an output folder was made (docs/DESIGN.md "Interfaces") */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "runs.h"

struct _WnRunManifest {
    char *command;
    GStrv argv;
    GPtrArray *options; /* key, value, key, value … in the order added */
    gboolean has_seed;
    guint64 seed;
    cJSON *inputs; /* array of {path, bytes, sha256} */
    GPtrArray *outputs;
};

/**
 * wn_run_manifest_new:
 * Starts the record of one run: the subcommand (@command, e.g. "map") and the command
 * line as typed (@argv, NULL-terminated, may be NULL). Add the options, the seed, the
 * inputs and the outputs, then write it with wn_run_manifest_to_json.
 * Returns: (transfer full): the manifest.
 */
WnRunManifest *
wn_run_manifest_new(const char *command, const char *const *argv)
{
    g_return_val_if_fail(command != NULL, NULL);
    WnRunManifest *m = g_new0(WnRunManifest, 1);
    m->command = g_strdup(command);
    m->argv = g_strdupv((char **) argv);
    m->options = g_ptr_array_new_with_free_func(g_free);
    m->inputs = cJSON_CreateArray();
    m->outputs = g_ptr_array_new_with_free_func(g_free);
    return m;
}

/**
 * wn_run_manifest_free:
 * Frees a manifest. Accepts NULL.
 */
void
wn_run_manifest_free(WnRunManifest *manifest)
{
    if (manifest == NULL) {
        return;
    }
    g_free(manifest->command);
    g_strfreev(manifest->argv);
    g_ptr_array_unref(manifest->options);
    cJSON_Delete(manifest->inputs);
    g_ptr_array_unref(manifest->outputs);
    g_free(manifest);
}

/**
 * wn_run_manifest_add_option:
 * Records the value an option had in the run, defaults included, as text (e.g.
 * "min_cell", "10"). A key added twice keeps its last value, in its first place.
 */
void
wn_run_manifest_add_option(WnRunManifest *manifest, const char *key, const char *value)
{
    g_return_if_fail(key != NULL && value != NULL);
    for (guint i = 0; i < manifest->options->len; i += 2) {
        if (g_strcmp0(g_ptr_array_index(manifest->options, i), key) == 0) {
            g_free(g_ptr_array_index(manifest->options, i + 1));
            g_ptr_array_index(manifest->options, i + 1) = g_strdup(value);
            return;
        }
    }
    g_ptr_array_add(manifest->options, g_strdup(key));
    g_ptr_array_add(manifest->options, g_strdup(value));
}

/**
 * wn_run_manifest_set_seed:
 * Records the seed of the run's random choices; a run without one has no "seed" member.
 */
void
wn_run_manifest_set_seed(WnRunManifest *manifest, guint64 seed)
{
    manifest->has_seed = TRUE;
    manifest->seed = seed;
}

/**
 * wn_run_manifest_add_input:
 * Records an input file: its path as given, its size in bytes and the SHA-256 of its
 * contents (lower-case hex), read through a memory map. An empty file is fine.
 * Returns: FALSE with GLib's G_FILE_ERROR when the file cannot be read.
 * Cost: O(size of the file).
 */
gboolean
wn_run_manifest_add_input(WnRunManifest *manifest, const char *path, GError **error)
{
    g_autoptr(GMappedFile) file = wn_input__map(path, error);
    if (file == NULL) {
        return FALSE;
    }
    gsize bytes = g_mapped_file_get_length(file);
    const char *data = g_mapped_file_get_contents(file);
    g_autofree char *sha256 = g_compute_checksum_for_data(
        G_CHECKSUM_SHA256, (const guchar *) (data != NULL ? data : ""), bytes);
    cJSON *input = cJSON_CreateObject();
    cJSON_AddStringToObject(input, "path", path);
    cJSON_AddNumberToObject(input, "bytes", (double) bytes);
    cJSON_AddStringToObject(input, "sha256", sha256);
    cJSON_AddItemToArray(manifest->inputs, input);
    return TRUE;
}

/**
 * wn_run_manifest_add_dataset:
 * Records the files of a dataset folder (docs/FORMAT.md) as inputs: nodes.csv and ties.csv,
 * then dataset.json and areas.geojson when present, each as @dir/NAME.
 * Returns: FALSE with GLib's G_FILE_ERROR when a required file cannot be read.
 */
gboolean
wn_run_manifest_add_dataset(WnRunManifest *manifest, const char *dir, GError **error)
{
    static const char *const files[] = {"nodes.csv", "ties.csv", "dataset.json", "areas.geojson"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(dir, files[i], NULL);
        gboolean optional = i >= 2;
        if (optional && !g_file_test(path, G_FILE_TEST_EXISTS)) {
            continue;
        }
        if (!wn_run_manifest_add_input(manifest, path, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_run_manifest_add_output:
 * Records the name of a file the run writes next to run.json.
 */
void
wn_run_manifest_add_output(WnRunManifest *manifest, const char *name)
{
    g_ptr_array_add(manifest->outputs, g_strdup(name));
}

static cJSON *
strings_to_json(char *const *strings, gsize n)
{
    cJSON *array = cJSON_CreateArray();
    for (gsize i = 0; i < n; i++) {
        cJSON_AddItemToArray(array, cJSON_CreateString(strings[i]));
    }
    return array;
}

/* A seed beyond 2^53 is written as a string: JSON readers keep numbers as doubles. */
static cJSON *
seed_to_json(guint64 seed)
{
    if (seed <= (G_GUINT64_CONSTANT(1) << 53)) {
        return cJSON_CreateNumber((double) seed);
    }
    g_autofree char *text = g_strdup_printf("%" G_GUINT64_FORMAT, seed);
    return cJSON_CreateString(text);
}

/**
 * wn_run_manifest_to_json:
 * The manifest as run.json: an object with "wijknet" (the library version), "command",
 * "command_line" (the arguments as an array, so no quoting is lost), "options" (an
 * object of text values, in the order added), "seed" (only when set; a number, or a
 * string above 2^53), "inputs" (an array of {"path", "bytes", "sha256"}) and "outputs"
 * (file names). It holds no time stamp, so the same run gives the same file.
 * Returns: (transfer full): the JSON text, ending in a newline.
 */
char *
wn_run_manifest_to_json(const WnRunManifest *manifest)
{
    g_autoptr(cJSON) root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "wijknet", wn_version());
    cJSON_AddStringToObject(root, "command", manifest->command);
    gsize argc = manifest->argv != NULL ? g_strv_length(manifest->argv) : 0;
    cJSON_AddItemToObject(root, "command_line", strings_to_json(manifest->argv, argc));
    cJSON *options = cJSON_AddObjectToObject(root, "options");
    for (guint i = 0; i < manifest->options->len; i += 2) {
        cJSON_AddStringToObject(options, g_ptr_array_index(manifest->options, i),
                                g_ptr_array_index(manifest->options, i + 1));
    }
    if (manifest->has_seed) {
        cJSON_AddItemToObject(root, "seed", seed_to_json(manifest->seed));
    }
    cJSON_AddItemToObject(root, "inputs", cJSON_Duplicate(manifest->inputs, TRUE));
    cJSON_AddItemToObject(
        root, "outputs",
        strings_to_json((char *const *) manifest->outputs->pdata, manifest->outputs->len));
    char *text = cJSON_Print(root);
    g_autofree char *out = g_strconcat(text, "\n", NULL);
    cJSON_free(text);
    return g_steal_pointer(&out);
}
