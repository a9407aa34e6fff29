/* fuzz-common.h: what every libFuzzer harness shares: a scratch folder and file writing */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_FUZZ_COMMON_H
#define WN_FUZZ_COMMON_H

#include <wijknet.h>

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The per-process scratch folder (in /dev/shm when there is one); removed at exit. */
const char *fuzz_dir(void);

/* Writes @len bytes to fuzz_dir()/@name (aborting on failure); returns the path. */
char *fuzz_write(const char *name, const uint8_t *data, size_t len);

/* Removes fuzz_dir()/@name, so that the next input starts from a clean folder. */
void fuzz_remove(const char *name);

/* Empties fuzz_dir()/@sub and removes it. */
void fuzz_remove_tree(const char *sub);

#endif /* WN_FUZZ_COMMON_H */
