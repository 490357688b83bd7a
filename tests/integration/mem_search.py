#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""syscope mem search finds every planted copy of a value in
tests/progs/mem_target (.data, .bss, heap, stack, anonymous mappings, copies
straddling page and chunk boundaries) and nothing else, for strings, hex
bytes and u32 values, with several chunk sizes, restricted to regions, and
with --max."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test  # noqa: E402
from mem_common import Target, maps_of  # noqa: E402

t = Test(__doc__)
tg = Target(t.prog("mem_target"), [2])  # two extra threads: all are stopped and resumed
NEEDLE = "SyScOpE-NeEdLe-7f3a"


def search(*args):
    rc, out, err, secs = t.run([t.tracer, "mem", "-p", str(tg.pid), "search", *map(str, args)], timeout=120)
    hits = [int(l.split()[0], 16) for l in out.splitlines() if l.startswith("0x")]
    return rc, hits, out, err


try:
    planted = sorted(tg.lists["needle"])
    for extra in ([], ["--chunk", "4096"], ["--chunk", "64k"]):
        rc, hits, out, err = search("--string", NEEDLE, *extra)
        t.check(rc == 0 and hits == planted, "search --string %s finds the %d planted copies"
                % (" ".join(extra) or "(default chunk)", len(planted)),
                "want %s\ngot  %s\n%s" % ([hex(a) for a in planted], [hex(a) for a in hits], err))
    rc, hits, out, err = search("--hex", NEEDLE.encode().hex(" "))
    t.check(rc == 0 and hits == planted, "search --hex finds the same copies", err)
    t.check("8 matches" in err, "a summary line goes to stderr", err)
    line = [l for l in out.splitlines() if l.startswith("0x%016x" % planted[0])]
    t.check(bool(line) and "rw-p" in line[0], "each match shows its address, permissions and region", out)

    rc, hits, out, err = search("--u32", "0xa1b2c3d4")
    t.check(rc == 0 and hits == sorted(tg.lists["u32needle"]), "search --u32 finds both planted u32 values",
            "%s\n%s" % ([hex(a) for a in hits], [hex(a) for a in tg.lists["u32needle"]]))
    rc, hits, out, err = search("--u32", 2712847316)  # same value in decimal
    t.check(rc == 0 and hits == sorted(tg.lists["u32needle"]), "--u32 takes decimal too")

    heap = [m for m in maps_of(tg.pid) if m[3] == "[heap]"][0]
    rc, hits, out, err = search("--string", NEEDLE, "--region", "[heap]")
    t.check(rc == 0 and hits == [a for a in planted if heap[0] <= a < heap[1]], "--region [heap] searches the heap only", out + err)
    big = tg.addr["big"]
    rc, hits, out, err = search("--string", NEEDLE, "--region", hex(big + 0x1234))
    in_big = [a for a in planted if big <= a < big + (64 << 20)]
    t.check(rc == 0 and all(a in hits for a in in_big) and len(in_big) == 3,
            "--region ADDR searches the region holding ADDR (3 copies in the 64 MiB mapping)", out + err)
    rc, hits, out, err = search("--string", NEEDLE, "--region", "%x-%x" % (big, big + (16 << 20)))
    t.check(rc == 0 and hits == [a for a in planted if big <= a < big + (16 << 20) - len(NEEDLE) + 1],
            "--region START-END searches that range", out + err)
    rc, hits, out, err = search("--string", NEEDLE, "--max", 2)
    t.check(rc == 0 and hits == planted[:2], "--max 2 stops after two matches", out)
    rc, hits, out, err = search("--string", "no such string anywhere 12345")
    t.check(rc == 0 and hits == [] and "0 matches" in err, "no match: empty list, 0 matches", out + err)

    ok, detail = tg.untraced_and_running()
    t.check(ok, "after the searches the program (3 threads) runs on, untraced", detail)
    tasks = os.listdir("/proc/%d/task" % tg.pid)
    t.check(all(open("/proc/%d/task/%s/status" % (tg.pid, x)).read().count("TracerPid:\t0") == 1 for x in tasks),
            "no thread is left traced (%d threads)" % len(tasks))
finally:
    tg.close()
t.finish()
