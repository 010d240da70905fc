#!/usr/bin/env python3
"""A bounded load test of `trialsize serve` on loopback (issue 17).

1. Steady load: C connections (keep-alive, one thread each) ask the seed question of the JSON API
   (GET /api/v1/survival?control_median=8&median=13) for D seconds. Every answer must be HTTP 200
   with 26 events; latencies are reported as percentiles.
2. A burst of simulations: H clients at once each ask for a CRM simulation (heavy) while one
   client keeps asking the seed question. Each simulation must be answered (200) or refused
   cleanly (503 with Retry-After); the light answers must all be 200.

Only 127.0.0.1 is contacted; every loop is bounded in count and time. Usage:

    python3 scripts/load-test.py [--binary .build/debug/trialsize] [--connections 32] [--seconds 10]

Prints the percentiles (for docs/performance.md) and 'N passed, N failed'; exits 1 on any failure.
"""
import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = "/api/v1/survival?control_median=8&median=13&alpha=0.05&power=0.8"
HEAVY = ("/api/v1/crm/simulate?halfwidth=0.09&prior_mtd=3&truth=0.05,0.12,0.25,0.40&target=0.25"
         "&patients=24&start=1&trials=20000&seed={seed}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(binary):
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
            return process, port
        except Exception:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError("trialsize serve did not start")
            time.sleep(0.2)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def steady(port, connections, seconds):
    latencies, errors, lock = [], [], threading.Lock()
    stop = time.time() + seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(1_000_000):  # bounded; the clock stops it first
            if time.time() >= stop:
                break
            start = time.perf_counter()
            try:
                connection.request("GET", SEED)
                response = connection.getresponse()
                body = response.read()
                elapsed = time.perf_counter() - start
                ok = response.status == 200 and json.loads(body)["events"] == 26
                with lock:
                    (latencies if ok else errors).append(elapsed if ok else f"HTTP {response.status}")
            except Exception as error:  # a refused or reset connection is an error
                with lock:
                    errors.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(connections)]
    began = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.time() - began


def burst(port, heavy):
    heavy_statuses, light_statuses, light_latencies, lock = [], [], [], threading.Lock()
    done = threading.Event()

    def simulation(seed):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            connection.request("GET", HEAVY.format(seed=seed))
            response = connection.getresponse()
            response.read()
            retry = response.getheader("Retry-After")
            with lock:
                heavy_statuses.append((response.status, retry))
        except Exception as error:
            with lock:
                heavy_statuses.append((repr(error), None))
        finally:
            connection.close()

    def light():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(100_000):
            if done.is_set():
                break
            start = time.perf_counter()
            connection.request("GET", SEED)
            response = connection.getresponse()
            response.read()
            with lock:
                light_statuses.append(response.status)
                light_latencies.append(time.perf_counter() - start)
            time.sleep(0.05)
        connection.close()

    light_thread = threading.Thread(target=light)
    light_thread.start()
    threads = [threading.Thread(target=simulation, args=(seed,)) for seed in range(1, heavy + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    light_thread.join()
    return heavy_statuses, light_statuses, light_latencies


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "trialsize"))
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--heavy", type=int, default=8)
    args = parser.parse_args()
    passed, failed = 0, 0

    def check(condition, what):
        nonlocal passed, failed
        if condition:
            passed += 1
        else:
            failed += 1
            print("load-test: FAILED: " + what, file=sys.stderr)

    server, port = start_server(args.binary)
    try:
        latencies, errors, elapsed = steady(port, args.connections, args.seconds)
        check(not errors, f"steady load: {len(errors)} errors ({errors[:3]})")
        check(len(latencies) > 0, "steady load: some answers")
        if latencies:
            ms = [1000 * value for value in latencies]
            print(f"steady: {args.connections} connections, {elapsed:.1f} s, {len(latencies)} answers "
                  f"({len(latencies) / elapsed:.0f}/s), errors {len(errors)}; latency ms p50 {percentile(ms, 0.5):.1f} "
                  f"p90 {percentile(ms, 0.9):.1f} p99 {percentile(ms, 0.99):.1f} max {max(ms):.1f}")
        heavy, light, light_latencies = burst(port, args.heavy)
        answered = sum(1 for status, _ in heavy if status == 200)
        refused = sum(1 for status, retry in heavy if status == 503 and retry)
        check(answered + refused == len(heavy), f"burst: every simulation answered or refused with Retry-After ({heavy})")
        check(answered >= 1, "burst: at least one simulation answered")
        check(light and all(status == 200 for status in light), f"burst: every quick answer was 200 ({set(light)})")
        if light_latencies:
            ms = [1000 * value for value in light_latencies]
            print(f"burst: {len(heavy)} simulations at once: {answered} answered, {refused} refused (503, Retry-After); "
                  f"{len(light)} quick answers meanwhile, latency ms p50 {percentile(ms, 0.5):.1f} p90 {percentile(ms, 0.9):.1f} "
                  f"max {max(ms):.1f}")
        check(server.poll() is None, "the server is still running")
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
