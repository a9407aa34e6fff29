"""Security of `wijknet serve`: the token, paths outside the resources, request bodies,
labels never shown without --show-labels, suppressed counts never shown.
Usage: security.py WIJKNET"""
import csv
import http.client
import json
import os
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, generate_town, fresh_dir  # noqa: E402

MARK = "MARKERLABEL"
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def raw(srv, request_bytes):
    """Sends bytes as they are (no client normalises the path) and reads the answer."""
    with socket.create_connection((srv.host, srv.port), timeout=10) as s:
        s.sendall(request_bytes)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data


def get(srv, target, token=True):
    sep = "&" if "?" in target else "?"
    t = target + (sep + "token=" + srv.token if token else "")
    return raw(srv, ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" % t)
               .encode())


def make_dataset(wijknet, folder):
    """A town of 230 residents plus a buurt of 4 (its figures all suppressed), every label
    a marker string."""
    generate_town(wijknet, 230, 5, folder)
    path = os.path.join(folder, "nodes.csv")
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    label, area = header.index("label"), header.index("area")
    for i, row in enumerate(rows[1:]):
        row[label] = "%s%05d" % (MARK, i)
    for row in [r for r in rows[1:] if r[header.index("type")] == "resident"][:4]:
        row[area] = "BU77770001"
    with open(path, "w", newline="") as f:
        csv.writer(f).writerows(rows)
    os.remove(os.path.join(folder, "areas.geojson"))
    return folder


def all_answers(srv):
    """Every page and API answer a walk reaches: the wijk, each area, each list, every node
    listed, the drawings, a search."""
    out = {}
    for target in ["/", "/buurt", "/lists", "/node", "/search", "/static/app.js",
                   "/api/wijk", "/api/wijk.svg", "/api/wijk?lang=en", "/api/search?q=R0000"]:
        out[target] = get(srv, target)
    wijk = json.loads(out["/api/wijk"][1].split(b"\r\n\r\n", 1)[1])
    ids = set()
    for a in wijk["areas"]:
        for kind in ["risk", "persons", "places"]:
            q = "/api/lists?kind=%s&limit=500" % kind + ("&area=" + a["area"] if a["area"] else "")
            out[q] = get(srv, q)
            if out[q][0] == 200:
                ids |= {r["id"] for r in json.loads(out[q][1].split(b"\r\n\r\n", 1)[1])["rows"]}
        if a["area"]:
            out["/api/buurt?area=" + a["area"]] = get(srv, "/api/buurt?area=" + a["area"])
    for i in sorted(ids)[:60]:
        for q in ["/api/node?id=" + i, "/api/node.svg?id=" + i]:
            out[q] = get(srv, q)
    return out


def test_token(srv):
    check(get(srv, "/", token=False)[0] == 403, "no token: 403")
    check(get(srv, "/api/wijk", token=False)[0] == 403, "no token on the API: 403")
    check(get(srv, "/?token=" + "0" * 64, token=False)[0] == 403, "a wrong token: 403")
    check(get(srv, "/?token=" + srv.token[:-1], token=False)[0] == 403, "a token cut short: 403")
    status, data = raw(srv, ("GET / HTTP/1.1\r\nHost: x\r\nCookie: wijknet-%d=%s\r\n"
                             "Connection: close\r\n\r\n" % (srv.port, "f" * 64)).encode())
    check(status == 403, "a wrong cookie: 403")
    status, data = get(srv, "/")
    check(status == 200 and b"Set-Cookie: wijknet-" in data, "the token sets a cookie")
    check(b"Content-Security-Policy: default-src 'none'" in data, "pages carry a strict CSP")
    status, _ = raw(srv, ("GET /api/wijk HTTP/1.1\r\nHost: x\r\nCookie: wijknet-%d=%s\r\n"
                          "Connection: close\r\n\r\n" % (srv.port, srv.token)).encode())
    check(status == 200, "the cookie alone is enough")
    check("secret-query" not in srv.log() and "R0000001" not in srv.log() and "/nothing" in srv.log() and srv.token not in srv.log(),
          "refusals are logged without their parameters")


def test_paths(srv):
    for target in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/%2e%2e/app.js",
                   "/%2E%2E/%2E%2E/etc/passwd", "/etc/passwd", "//etc/passwd",
                   "/nl/wijknet/serve/app.js", "/static/", "/api/", "/api/../etc/passwd",
                   "/static/app.js/", "/STATIC/app.js", "/static/./app.js.map"]:
        status, data = get(srv, target)
        check(status == 404 and b"root:" not in data, "%s: 404" % target)
    # an encoded slash or NUL byte: libsoup refuses the request line itself (400), before
    # any handler runs; either way nothing is served
    for target in ["/static/..%2f..%2fetc%2fpasswd", "/static/app.js%00.html", "/api/node%00"]:
        status, data = get(srv, target)
        check(status in (400, 404) and b"root:" not in data and len(data.split(b"\r\n\r\n", 1)[1]) < 20,
              "%s: refused (%d)" % (target, status))
    status, data = get(srv, "http://127.0.0.1:%d/etc/passwd" % srv.port)
    check(status == 404 and b"root:" not in data, "an absolute URI: 404")
    status, data = raw(srv, b"GET /static/app.js\x00/../../etc/passwd?token=" +
                       srv.token.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    check(status in (400, 404) and b"root:" not in data, "a raw NUL byte: refused (%d)" % status)
    check(get(srv, "/api/node?id=..%2f..%2fetc%2fpasswd")[0] == 404, "an id with ..: 404")


def test_body(srv):
    head = ("POST /api/wijk?token=%s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n"
            "Content-Type: application/octet-stream\r\n\r\n" % (srv.token, 10 << 20)).encode()
    with socket.create_connection((srv.host, srv.port), timeout=10) as s:
        s.sendall(head)
        sent = 0
        try:
            chunk = b"x" * 65536
            while sent < (10 << 20):
                s.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        data = s.recv(65536)
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    check(status == 413, "a 10 MB body: refused with 413 (%d)" % status)
    status, _ = raw(srv, ("PUT /?token=%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                          % srv.token).encode())
    check(status == 405, "PUT: 405")
    check(get(srv, "/api/wijk")[0] == 200, "still answering after the refusals")


def test_privacy(wijknet, dataset):
    with Server(wijknet, dataset) as srv:
        answers = all_answers(srv)
        leaks = [t for t, (_, d) in answers.items() if MARK.encode() in d]
        check(len(answers) > 40 and not leaks, "no label in %d answers (%s)" % (len(answers), leaks[:3]))
        wijk = json.loads(answers["/api/wijk"][1].split(b"\r\n\r\n", 1)[1])
        small = [a for a in wijk["areas"] if a["suppressed"]]
        check(len(small) == 1 and "figures" not in small[0] and small[0]["area"] is None,
              "the buurt of 4 shows no figures and no code")
        # the wijk drawing names every buurt, without figures for a small one, as
        # `wijknet map` and the report draw it; no page or list names it
        leaks = [t for t, (_, d) in answers.items() if b"BU77770001" in d and t != "/api/wijk.svg"]
        check(not leaks, "the small buurt is never named but in the drawing (%s)" % leaks[:3])
        check(get(srv, "/api/lists?kind=risk&area=BU77770001")[0] == 404,
              "no list of the small buurt")
        check(get(srv, "/api/buurt?area=BU77770001")[0] == 404, "no page of the small buurt")
        shown = [a for a in wijk["areas"] if not a["suppressed"]]
        hidden = [(a["area"], k) for a in shown for k, v in a["figures"].items()
                  if isinstance(v, str)]
        check(len(hidden) > 0 and all(a["figures"][k] in ("<10", "x") for a in shown
                                      for k in a["figures"] if isinstance(a["figures"][k], str)),
              "hidden cells read <10 or x (%d)" % len(hidden))
    with Server(wijknet, dataset, "--show-labels") as srv:
        status, data = get(srv, "/api/search?q=" + MARK + "00007")
        check(status == 200 and MARK.encode() in data, "--show-labels: labels shown and searched")


def test_port_in_use(wijknet, dataset, srv):
    run = subprocess.run([wijknet, "serve", dataset, "--port", str(srv.port)],
                         capture_output=True, text=True, timeout=120)
    check(run.returncode == 75 and "the port is in use" in run.stderr and run.stdout == "",
          "a port in use: exit 75 and a message (%d: %s)" % (run.returncode, run.stderr.strip()))


def test_listen(wijknet, dataset):
    with Server(wijknet, dataset, "--listen", "127.0.0.2") as other:
        check(other.host == "127.0.0.2" and "personal data" in other.log(),
              "--listen: that address, with a warning")
        check(get(other, "/api/wijk")[0] == 200, "--listen: answers there")
    with Server(wijknet, dataset) as srv:
        with socket.socket() as s:
            check(s.connect_ex(("127.0.0.2", srv.port)) != 0, "without --listen: loopback only")


def test_area_code_replaced_as_a_word(wijknet, folder):
    """A small area's code ("A") is hidden in the words where it stands alone, and
    nowhere else: "Arabisch" keeps its A."""
    town = os.path.join(folder, "tiny")
    os.makedirs(town)
    with open(os.path.join(town, "nodes.csv"), "w") as f:
        f.write("id,type,area,language\nr1,resident,A,ar\nr2,resident,A,ar\n"
                "r3,resident,A,nl\nr4,resident,A,nl\n")
    with open(os.path.join(town, "ties.csv"), "w") as f:
        f.write("source,target,type\nr2,r3,friend\nr3,r4,friend\nr2,r4,friend\n")
    with Server(wijknet, town) as srv:
        status, data = get(srv, "/api/node?id=r1")
        node = json.loads(data.split(b"\r\n\r\n", 1)[1])
        reasons = [x["reason"] for x in node["suggestions"]]
        check(status == 200 and any("zelfde buurt (kleine buurt)" in r and "Arabisch" in r
                                    for r in reasons),
              "a small area's code is hidden as a word only (%s)" % reasons)


def test_introducer(wijknet, folder):
    """The suggestion table's introducer reaches a node's answer: the professional who
    supports the lonely resident t introduces her to the coffee group."""
    koffie = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                          "suggest-koffie")
    with Server(wijknet, koffie) as srv:
        status, data = get(srv, "/api/node?id=t")
        node = json.loads(data.split(b"\r\n\r\n", 1)[1])
        first = node["suggestions"][0]
        check(status == 200 and first["id"] == "K" and first["introducer"]["id"] == "P"
              and "P (professional) kan hen voorstellen" in first["reason"],
              "a suggestion names its introducer (%s)" % first)


def main():
    wijknet = sys.argv[1]
    folder, cleanup = fresh_dir("wn-serve-security-")
    try:
        dataset = make_dataset(wijknet, os.path.join(folder, "town"))
        with Server(wijknet, dataset) as srv:
            get(srv, "/nothing?token=secret-query&id=R0000001", token=False)
            test_token(srv)
            test_paths(srv)
            test_body(srv)
            test_port_in_use(wijknet, dataset, srv)
        test_listen(wijknet, dataset)
        test_area_code_replaced_as_a_word(wijknet, folder)
        test_introducer(wijknet, folder)
        test_privacy(wijknet, dataset)
    finally:
        cleanup()
    if failures:
        print("%d failed" % len(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
