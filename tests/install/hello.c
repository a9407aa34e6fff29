/* hello.c: a program built against an installed libwijknet through wijknet.pc */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <wijknet.h>

#include <stdio.h>

int
main(int argc, char **argv)
{
    wn_init();
    if (argc != 2) {
        return 64;
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(argv[1], WN_LOAD_DEFAULT, &error);
    if (net == NULL) {
        fprintf(stderr, "%s\n", error->message);
        return 65;
    }
    printf("%s: %zu nodes, %zu ties\n", wn_version(), wn_network_node_count(net),
           wn_network_tie_count(net));
    return 0;
}
