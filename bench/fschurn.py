#!/usr/bin/env python3
"""Times what a clean build asks of the file system, without a build: deletes the previous output, then makes
1,600 folders and 1,600 files of a 1,000-article site's shape again, round after round, and prints each round's
wall, user and system time. Run it in a quiet folder and in the bench's folder to see how much file creation
costs after recent deletions there (docs/performance.md, "The file system").

    bench/fschurn.py FOLDER [ROUNDS] [PAUSE_SECONDS]
"""
import os
import resource
import shutil
import sys
import time

root = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 8
pause = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
os.makedirs(root, exist_ok=True)
for r in range(rounds):
    out = os.path.join(root, "public")
    shutil.rmtree(out, ignore_errors=True)
    os.sync()
    start, before = time.time(), resource.getrusage(resource.RUSAGE_SELF)
    staging = os.path.join(root, ".staging")
    for i in range(1000):
        folder = os.path.join(staging, "articles", "2024", f"{i % 12:02d}", f"slug-{i}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "index.html"), "w") as f:
            f.write("x" * 9000)
    for i in range(600):
        folder = os.path.join(staging, "tags", f"t{i}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "index.html"), "w") as f:
            f.write("y" * 5000)
    os.rename(staging, out)
    after = resource.getrusage(resource.RUSAGE_SELF)
    print(f"round {r}: wall {time.time() - start:.2f} s, user {after.ru_utime - before.ru_utime:.2f} s, "
          f"system {after.ru_stime - before.ru_stime:.2f} s", flush=True)
    time.sleep(pause)
