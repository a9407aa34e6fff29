"""The explorer's latency: `wijknet serve` on a generated town (default 100,000 residents),
every API call made once with an empty cache (so each is computed, not looked up),
then again (cached). Prints the start-up time and, per API path, the median, the 95th
percentile and the maximum, and overall; the goal is p95 < 100 ms (issue 15).
Usage: tests/bench/serve-latency.py WIJKNET [RESIDENTS] [CALLS_PER_PATH]
Build an optimised wijknet first (cmake --workflow --preset release)."""
import http.client
import json
import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "serve"))
from serverlib import Server, generate_town, fresh_dir  # noqa: E402


def timed(conn, srv, path):
    sep = "&" if "?" in path else "?"
    start = time.monotonic()
    conn.request("GET", path + sep + "token=" + srv.token)
    resp = conn.getresponse()
    body = resp.read()
    elapsed = time.monotonic() - start
    if resp.status != 200:
        raise SystemExit("%s: %d %s" % (path, resp.status, body[:200]))
    return elapsed, body


def calls(conn, srv, n):
    """n distinct calls of each API path, none of them asked before."""
    rnd = random.Random(3)
    _, body = timed(conn, srv, "/api/wijk")
    areas = [a["area"] for a in json.loads(body)["areas"] if a["area"]]
    _, body = timed(conn, srv, "/api/lists?kind=risk&limit=500&offset=500")
    at_risk = [r["id"] for r in json.loads(body)["rows"]]
    _, body = timed(conn, srv, "/api/lists?kind=persons&limit=500&offset=500")
    persons = [r["id"] for r in json.loads(body)["rows"]]
    residents = ["R%07d" % rnd.randint(1, 90000) for _ in range(n)]
    out = {"/api/wijk": ["/api/wijk?lang=en"], "/api/wijk.svg": ["/api/wijk.svg"],
           "/api/map.svg": ["/api/map.svg"]}
    out["/api/buurt"] = ["/api/buurt?area=%s&lang=%s" % (a, l) for a in areas for l in "nl en".split()][:n]
    out["/api/lists"] = ["/api/lists?kind=%s&area=%s&sort=%s&offset=%d" % (
        k, rnd.choice(areas), s, rnd.randint(0, 3) * 50) for k, s in
        [("risk", "rank"), ("risk", "informal_degree"), ("persons", "only_link"),
         ("places", "members")] * n][:n]
    out["/api/node (at risk)"] = ["/api/node?id=" + i for i in at_risk[:n]]
    out["/api/node (connected)"] = ["/api/node?id=" + i for i in residents]
    out["/api/node (key figure)"] = ["/api/node?id=" + i for i in persons[:n]]
    out["/api/node.svg"] = ["/api/node.svg?id=" + i for i in at_risk[n:2 * n]]
    out["/api/search"] = ["/api/search?q=R%05d" % rnd.randint(100, 999) for _ in range(n)]
    return out


def pct(times, q):
    times = sorted(times)
    return times[min(len(times) - 1, int(q * len(times)))] * 1000


def main():
    wijknet = sys.argv[1]
    residents = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    folder, cleanup = fresh_dir("wn-serve-bench-")
    try:
        start = time.monotonic()
        town = generate_town(wijknet, residents, 1, os.path.join(folder, "town"))
        print("generate %d residents: %.1f s" % (residents, time.monotonic() - start))
        start = time.monotonic()
        with Server(wijknet, town) as srv:
            print("start-up (load and every table, until the URL): %.1f s"
                  % (time.monotonic() - start))
            conn = http.client.HTTPConnection(srv.host, srv.port, timeout=600)
            plan = calls(conn, srv, n)
            every, cached = [], []
            print("%-24s %6s %8s %8s %8s %8s" % ("path (first call)", "calls", "p50 ms", "p95 ms",
                                                 "max ms", "cached p95"))
            for name, paths in plan.items():
                first = [timed(conn, srv, p)[0] for p in paths]
                again = [timed(conn, srv, p)[0] for p in paths]
                every += first
                cached += again
                print("%-24s %6d %8.1f %8.1f %8.1f %8.1f" % (name, len(first), pct(first, .5),
                      pct(first, .95), max(first) * 1000, pct(again, .95)))
            print("%-24s %6d %8.1f %8.1f %8.1f %8.1f" % ("all", len(every), pct(every, .5),
                  pct(every, .95), max(every) * 1000, pct(cached, .95)))
            rss = [l for l in open("/proc/%d/status" % srv.proc.pid) if l.startswith("VmRSS")]
            print("server resident size: %s" % rss[0].split(":")[1].strip())
    finally:
        cleanup()


main()
