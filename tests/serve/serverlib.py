"""Start `wijknet serve` on a dataset for a test, read its URL, stop it again."""
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse


class Server:
    def __init__(self, wijknet, dataset, *args):
        self.stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([wijknet, "serve", dataset, "--port", "0", *args],
                                     stdout=subprocess.PIPE, stderr=self.stderr, text=True)
        line = self.proc.stdout.readline().strip()
        if not re.match(r"^http://127\.0\.0\.\d+:\d+/\?token=[0-9a-f]{64}$", line):
            self.stop()
            raise SystemExit("serve printed no URL: %r\n%s" % (line, self.log()))
        self.url = line
        parts = urllib.parse.urlsplit(line)
        self.host, self.port = parts.hostname, parts.port
        self.token = urllib.parse.parse_qs(parts.query)["token"][0]
        self.base = "http://%s:%d" % (self.host, self.port)

    def log(self):
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def generate_town(wijknet, residents, seed, folder):
    subprocess.run([wijknet, "generate", "--residents", str(residents), "--seed", str(seed),
                    "-o", folder], check=True, stdout=subprocess.DEVNULL)
    return folder


def fresh_dir(prefix):
    d = tempfile.mkdtemp(prefix=prefix)
    return d, lambda: shutil.rmtree(d, ignore_errors=True)
