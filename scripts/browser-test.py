#!/usr/bin/env python3
"""A real browser on `trialsize serve` (issue 17).

Starts the server on a free loopback port, drives Debian's headless Chromium through its DevTools
protocol (a small WebSocket client below, Python's standard library only), and:

  * opens the survival page, types the seed question into the form (control median 8, median 13,
    one-sided alpha 0.05, power 0.8), clicks Compute, and reads 26 events (the exact test) from the
    answer page, and that the address holds the inputs; then adds the published 10% dropout with
    every method and reads 26 events (29 patients) for the exact test and 30 patients for the
    log-hazard test, the published "30 patients";
  * opens every design's example page from the index and checks each shows an answer (no error);
  * checks that a refused input shows one line naming the field.

Screenshots go to out/browser/ (ignored by git). Usage:

    python3 scripts/browser-test.py [--binary .build/debug/trialsize]

Chromium is installed with apt-get when missing. Exits 0 when every check passes; prints
'N passed, N failed' at the end.
"""
import argparse
import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, "out", "browser")


class WebSocket:
    """A minimal client WebSocket (RFC 6455): text frames, masked, no extensions."""

    def __init__(self, url):
        match = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        host, port, path = match.group(1), int(match.group(2)), match.group(3)
        self.sock = socket.create_connection((host, port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("DevTools closed the connection during the handshake")
            response += chunk
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError("DevTools refused the WebSocket: " + response.split(b"\r\n")[0].decode())
        self.buffer = response.split(b"\r\n\r\n", 1)[1]

    def send(self, text):
        payload = text.encode()
        header = bytes([0x81])
        length = len(payload)
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", length)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", length)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            opcode, length = first & 0x0F, second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(length)
            if opcode == 0x8:
                raise RuntimeError("DevTools closed the WebSocket")
            if opcode in (0x9, 0xA):
                continue
            message += payload
            if first & 0x80:
                return message.decode()


class Browser:
    """Headless Chromium, one page, driven through the DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="trialsize-chromium-")
        port = free_port()
        self.process = subprocess.Popen(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             f"--remote-debugging-port={port}", f"--user-data-dir={self.profile}", "--window-size=1200,1600",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while True:
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                if time.time() > deadline:
                    raise RuntimeError("Chromium did not start its DevTools endpoint")
                time.sleep(0.2)
        self.ws = WebSocket(page["webSocketDebuggerUrl"])
        self.next_id = 0
        self.events = []
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=1200, height=1600, deviceScaleFactor=1, mobile=False)

    def call(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for_load(self, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for index, event in enumerate(self.events):
                if event.get("method") == "Page.loadEventFired":
                    del self.events[: index + 1]
                    return
            self.events.append(json.loads(self.ws.receive()))
        raise RuntimeError("the page did not load")

    def open(self, url):
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for_load()

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def type_into(self, element_id, text):
        """Focuses the field and types as a person would (key events through the browser)."""
        self.evaluate(f"document.getElementById({json.dumps(element_id)}).focus()")
        self.call("Input.insertText", text=text)

    def select(self, element_id, value):
        self.evaluate(f"(e => {{ e.focus(); e.value = {json.dumps(value)}; }})(document.getElementById({json.dumps(element_id)}))")

    def click_compute(self):
        """Clicks the form's Compute button with the mouse, as a person would."""
        self.events.clear()
        box = self.evaluate("(b => { b.scrollIntoView({block: 'center'}); const r = b.getBoundingClientRect(); "
                            "return [r.left + r.width / 2, r.top + r.height / 2]; })(document.querySelector('form.design button'))")
        x, y = box
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        self.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
        self.call("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)
        self.wait_for_load()

    def choose_file(self, selector, path):
        """Puts a file in a file field, as the file chooser would."""
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        self.call("DOM.setFileInputFiles", files=[path], nodeId=node)

    def screenshot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        height = self.evaluate("Math.min(document.documentElement.scrollHeight, 6000)") or 1600
        self.call("Emulation.setDeviceMetricsOverride", width=1200, height=int(height), deviceScaleFactor=1, mobile=False)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        self.call("Emulation.setDeviceMetricsOverride", width=1200, height=1600, deviceScaleFactor=1, mobile=False)
        path = os.path.join(SHOTS, name + ".png")
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))
        return path

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    print("browser-test: installing chromium with apt-get", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True)
    return shutil.which("chromium")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(binary):
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2).read()
            return process, base
        except Exception:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError("trialsize serve did not start: " + (process.stderr.read() if process.poll() is not None else "timeout"))
            time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "trialsize"))
    args = parser.parse_args()
    passed, failed = 0, 0

    def check(condition, what):
        nonlocal passed, failed
        if condition:
            passed += 1
        else:
            failed += 1
            print("browser-test: FAILED: " + what, file=sys.stderr)

    # An address the server cannot listen on (TEST-NET-1 is never this computer's) is refused in one line naming
    # the options, with exit status 64 and no usage text.
    refused = subprocess.run(
        [args.binary, "serve", "--host", "192.0.2.1", "--port", str(free_port())], capture_output=True, text=True, timeout=60)
    errors = [line for line in refused.stderr.splitlines() if line.startswith("trialsize: error:")]
    check(refused.returncode == 64 and len(errors) == 1 and "--host and --port" in errors[0] and "Usage" not in refused.stderr,
          "serve on an address it cannot listen on: exit 64 and one error line (got %d: %r)" % (refused.returncode, refused.stderr))

    server, base = start_server(args.binary)
    browser = Browser()
    try:
        # The seed question, typed into the form and submitted with Enter.
        browser.open(base + "/survival")
        check(browser.evaluate("document.title") == "trialsize survival", "the survival page opens")
        browser.screenshot("survival-form")
        browser.type_into("f-control_median", "8")
        browser.type_into("f-median", "13")
        browser.type_into("f-alpha", "0.05")
        browser.type_into("f-power", "0.8")
        browser.select("f-sides", "1")
        browser.click_compute()
        text = browser.evaluate("document.body.innerText") or ""
        url = browser.evaluate("location.href") or ""
        browser.screenshot("survival-seed-answer")
        check("control_median=8" in url and "median=13" in url, f"the answer's address holds the inputs ({url})")
        check(re.search(r"\bevents\s+26 \(unrounded", text) is not None, "the page reads 26 events (the exact test)")
        check("trialsize survival --control-median 8 --median 13 --alpha 0.05 --power 0.8 --sides 1" in text,
              "the page shows the command line")
        # The published calculation: 10% dropout, every method side by side (the form keeps the inputs).
        browser.type_into("f-dropout", "0.1")
        browser.select("f-method", "all")
        browser.click_compute()
        text = browser.evaluate("document.body.innerText") or ""
        browser.screenshot("survival-seed-published")
        check(re.search(r"\bexact\s+26\s+29\b", text) is not None, "with 10% dropout the exact test needs 26 events (29 patients)")
        check(re.search(r"\blog-hazard\s+27\s+30\b", text) is not None, "with 10% dropout the log-hazard test gives 30 patients")
        check(browser.evaluate("document.querySelectorAll('script').length") == 0, "the page has no script")

        # A refused input: one line naming the field by its label.
        browser.open(base + "/survival?control_median=8&median=13&alpha=1.5")
        alert = browser.evaluate("(document.querySelector('[role=alert]') || {}).innerText") or ""
        check(alert.startswith("Significance level must be in [1e-10, 0.5], got 1.5"), f"a refused alpha names the field ({alert})")
        browser.screenshot("survival-refused")

        # analyze survival: the seed trial's follow-up uploaded from a file, read in memory.
        browser.open(base + "/analyze/survival")
        browser.choose_file("#f-input", os.path.join(ROOT, "docs", "examples", "seed-pfs.csv"))
        browser.type_into("f-control_median", "8")
        browser.click_compute()
        text = browser.evaluate("document.body.innerText") or ""
        browser.screenshot("analyze-survival-upload")
        check("trialsize analyze survival --input seed-pfs.csv --control-median 8" in text, "the upload answers with its command line")
        check("seed-pfs.csv (time column" in text, "the report names the uploaded file")

        # Every design's example page, from the index's links.
        browser.open(base + "/")
        links = browser.evaluate("[...document.querySelectorAll('a')].filter(a => a.innerText == 'example').map(a => a.href)") or []
        check(len(links) >= 15, f"the index links an example for every design ({len(links)})")
        for link in links:
            browser.open(link)
            name = link.split("/", 3)[3].split("?")[0].replace("/", "-")
            error = browser.evaluate("(document.querySelector('[role=alert]') || {}).innerText")
            answered = browser.evaluate("document.querySelector('.report') !== null")
            browser.screenshot("design-" + name)
            check(answered and not error, f"{name}: the example answers ({error})")
    finally:
        browser.close()
        server.terminate()
        server.wait(timeout=10)
    print(f"browser-test: screenshots in {os.path.relpath(SHOTS, ROOT)}/")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
