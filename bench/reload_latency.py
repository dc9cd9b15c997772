#!/usr/bin/env python3
"""Edit-to-reload time of `gazette serve`: listens on the server's event stream as a browser does, appends a
paragraph to an article, and times until the 'reload' event arrives; then fetches the page and checks that the
new text is served. Prints one line per round: milliseconds.

    reload_latency.py URL ARTICLE_FILE PAGE_PATH ROUNDS
"""
import http.client
import sys
import time
import urllib.parse
import urllib.request


def main():
    url, article, page, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    conn.request("GET", "/__gazette/events")
    stream = conn.getresponse()
    assert stream.status == 200, stream.status
    stream.readline()  # "retry: 500"
    stream.readline()
    for r in range(1, rounds + 1):
        marker = f"Paragraph added by the benchmark, round {r}, {time.time_ns()}."
        time.sleep(0.3)  # no build of the previous round still settling
        start = time.perf_counter()
        with open(article, "a", encoding="utf-8") as f:
            f.write(f"\n{marker}\n")
        while True:
            if time.perf_counter() - start > 60:
                sys.exit(f"round {r}: no reload event within 60 s")
            line = stream.readline().decode("utf-8")
            if not line:
                sys.exit("the event stream closed")
            if line.strip() == "event: reload":
                break
            if line.strip() == "event: failure":
                sys.exit("the rebuild failed")
        took = (time.perf_counter() - start) * 1000
        body = urllib.request.urlopen(urllib.parse.urljoin(url, page)).read().decode("utf-8")
        if marker not in body:
            sys.exit(f"round {r}: the reload came but {page} does not have the new text")
        print(f"{took:.0f}", flush=True)


if __name__ == "__main__":
    main()
