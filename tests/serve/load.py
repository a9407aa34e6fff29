"""Load on `wijknet serve` over the loopback address: 2,000 requests from 20 clients at once
(pages, every API path, drawings), all answered 200 within the time bound, and memory flat:
the server's resident size after the run is within a bound of its size after a first pass
over the same addresses, and no file descriptor left open by a closed connection. Prints
the figures.
Usage: load.py WIJKNET [REQUESTS CLIENTS]"""
import http.client
import json
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, generate_town, fresh_dir  # noqa: E402

TIME_BOUND = 180.0     # seconds for the whole run, generous for a sanitizer build
GROWTH_BOUND = 16 << 20  # bytes the server may grow by during the measured run


def rss(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def open_files(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def targets(srv):
    conn = http.client.HTTPConnection(srv.host, srv.port, timeout=60)
    conn.request("GET", "/api/lists?kind=risk&limit=500&token=" + srv.token)
    ids = [r["id"] for r in json.loads(conn.getresponse().read())["rows"]]
    conn.request("GET", "/api/lists?kind=persons&limit=50&token=" + srv.token)
    ids += [r["id"] for r in json.loads(conn.getresponse().read())["rows"]]
    conn.close()
    random.Random(1).shuffle(ids)
    out = ["/", "/buurt", "/lists", "/node", "/search", "/static/app.js", "/static/style.css",
           "/api/wijk", "/api/wijk.svg", "/api/map.svg", "/api/lists?kind=places",
           "/api/lists?kind=risk&sort=informal_degree", "/api/lists?kind=persons&lang=en"]
    for i in ids[:60]:
        out += ["/node?id=" + i, "/api/node?id=" + i, "/api/node.svg?id=" + i,
                "/api/search?q=" + i[:-2]]
    return out


def client(srv, paths, n, seed, results):
    rnd = random.Random(seed)
    conn = http.client.HTTPConnection(srv.host, srv.port, timeout=60)
    for _ in range(n):
        path = rnd.choice(paths)
        sep = "&" if "?" in path else "?"
        start = time.monotonic()
        try:
            conn.request("GET", path + sep + "token=" + srv.token)
            resp = conn.getresponse()
            resp.read()
            results.append((resp.status, time.monotonic() - start, path))
        except (OSError, http.client.HTTPException) as e:
            results.append((0, time.monotonic() - start, "%s: %s" % (path, e)))
            conn.close()
            conn = http.client.HTTPConnection(srv.host, srv.port, timeout=60)
    conn.close()


def run(srv, paths, requests, clients):
    results = []
    threads = [threading.Thread(target=client, args=(srv, paths, requests // clients, c, results))
               for c in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.monotonic() - start


def main():
    wijknet = sys.argv[1]
    if "ASAN_OPTIONS" in os.environ:
        # AddressSanitizer keeps freed memory in quarantine (256 MB) to catch late uses, so
        # the resident size of a sanitized server grows with every answer freed; measure
        # our memory, not its quarantine
        os.environ["ASAN_OPTIONS"] += ":quarantine_size_mb=0"
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    folder, cleanup = fresh_dir("wn-serve-load-")
    try:
        town = generate_town(wijknet, 3000, 9, os.path.join(folder, "town"))
        with Server(wijknet, town) as srv:
            paths = targets(srv)
            run(srv, paths, len(paths) * 2, clients)  # first pass: every answer once
            before, files_before = rss(srv.proc.pid), open_files(srv.proc.pid)
            results, elapsed = run(srv, paths, requests, clients)
            time.sleep(0.5)  # the last connections close
            after, files_after = rss(srv.proc.pid), open_files(srv.proc.pid)
            alive = srv.proc.poll() is None
    finally:
        cleanup()
    times = sorted(t for _, t, _ in results)
    bad = [(s, p) for s, _, p in results if s != 200]
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000  # noqa: E731
    print("%d requests from %d clients in %.2f s (%.0f/s); latency ms p50 %.1f p95 %.1f "
          "p99 %.1f max %.1f; not 200: %d; resident size %.1f MB -> %.1f MB; open files %d -> %d"
          % (len(results), clients, elapsed, len(results) / elapsed, p(.5), p(.95), p(.99),
             times[-1] * 1000, len(bad), before / 2**20, after / 2**20, files_before,
             files_after))
    ok = (alive and len(results) == requests and not bad and elapsed < TIME_BOUND
          and after - before < GROWTH_BOUND and files_after <= files_before + 2)
    if not ok:
        print("FAIL: %s" % (bad[:5] if bad else "time, memory or a crash"))
        sys.exit(1)


main()
