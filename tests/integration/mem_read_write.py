#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""syscope mem read/write/maps/dump against tests/progs/mem_target, which holds
known values: reads by hex address, SYMBOL+OFF and REGION+OFF; writes of every
kind that the program then observes; partial and unaligned writes through each
access path leave the neighbouring bytes intact; a read across an unmapped hole
fails at the first unmapped address; writes to a read-only data page and to the
program's code work; dumps match what read returns. After every command the
program runs on, untraced."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test  # noqa: E402
from mem_common import Target, hexdump_bytes, maps_of  # noqa: E402

t = Test(__doc__)
tg = Target(t.prog("mem_target"))
A = tg.addr


def mem(*args, **kw):
    return t.run([t.tracer, "mem", "-p", str(tg.pid), *map(str, args)], timeout=60, **kw)


def left_alone(what):
    ok, detail = tg.untraced_and_running()
    t.check(ok, "%s: the program runs on, untraced" % what, detail)


try:
    # ---- read ------------------------------------------------------------
    rc, out, err, _ = mem("read", hex(A["u32"]), 4)
    t.check(rc == 0 and hexdump_bytes(out) == struct.pack("<I", 0x11223344),
            "read u32 by hex address shows 44 33 22 11", out + err)
    t.check(out.startswith("%016x  44 33 22 11" % A["u32"]), "hexdump line starts with the address", out)
    rc, out, err, _ = mem("read", "g_u64", 8)
    t.check(rc == 0 and hexdump_bytes(out) == struct.pack("<Q", 0x0102030405060708), "read by SYMBOL (g_u64)", out + err)
    rc, out, err, _ = mem("read", "g_str+0x7", 5)
    t.check(rc == 0 and hexdump_bytes(out) == b"world", "read by SYMBOL+OFF (g_str+0x7)", out + err)
    exe = [m for m in maps_of(tg.pid) if m[3].endswith("/mem_target")]
    base = min(m[0] for m in exe)
    rc, out, err, _ = mem("read", "mem_target+%x" % (A["u32"] - base), 4)
    t.check(rc == 0 and hexdump_bytes(out) == struct.pack("<I", 0x11223344), "read by REGION+OFF (mem_target+OFF)", out + err)
    heap = [m for m in maps_of(tg.pid) if m[3] == "[heap]"][0]
    heap_needle = [a for a in tg.lists["needle"] if heap[0] <= a < heap[1]][0]
    rc, out, err, _ = mem("read", "[heap]+0x%x" % (heap_needle - heap[0]), 19)
    t.check(rc == 0 and hexdump_bytes(out) == b"SyScOpE-NeEdLe-7f3a", "read by [heap]+OFF", out + err)
    rc, out, err, _ = mem("read", "g_bytes", 32, "--raw")
    t.check(rc == 0 and out.encode("latin-1") == bytes(range(32)), "read --raw writes the raw bytes", repr(out))
    f = os.path.join(t.tmp, "bytes.bin")
    rc, out, err, _ = mem("read", "g_bytes", "0x20", "-o", f)
    t.check(rc == 0 and open(f, "rb").read() == bytes(range(32)), "read -o FILE writes the raw bytes", err)
    left_alone("reads")

    # ---- read across a hole (page 2 of 3 unmapped) ------------------------
    hole = A["hole"]
    for via in ("auto", "process_vm", "proc_mem", "ptrace"):
        rc, out, err, _ = mem("read", hex(hole + 0xffd), 8, "--via", via)
        first_bad = hole + 0x1000
        t.check(rc == 1 and hexdump_bytes(out) == b"AAA" and
                err.strip().startswith("syscope mem: cannot read 0x%x: " % first_bad) and err.strip().endswith("(unmapped)"),
                "read across the hole (--via %s) prints 3 bytes and fails at 0x%x" % (via, first_bad), out + err)
    rc, out, err, _ = mem("read", hex(hole + 0xff0), 0x20)
    t.check(err.strip() == "syscope mem: cannot read 0x%x: Input/output error (unmapped)" % (hole + 0x1000),
            "the error names the first unmapped address and errno", err)
    left_alone("failed reads")

    # ---- writes the program observes --------------------------------------
    for args, key, want in ((("g_u32", "--u32", "0xdeadbeef"), "u32", "0xdeadbeef"),
                            ((hex(A["u64"]), "--u64", "-2"), "u64", "0xfffffffffffffffe"),
                            (("g_f64", "--f64", "-1.5e300"), "f64", "-1.5000000000000001e+300"),
                            (("g_str", "--string", "HELLO"), "str", "HELLO,")):
        rc, out, err, _ = mem("write", *args)
        v = tg.values()
        t.check(rc == 0 and v.get(key) == want, "write %s: the program sees %s=%s" % (" ".join(args), key, want),
                out + err + repr(v))
    left_alone("writes")

    # ---- partial and unaligned writes leave neighbours intact --------------
    model = bytearray(range(32))
    cases = [(5, "aa bb cc"), (13, "a1a2a3a4a5"), (1, "ff"), (22, "0102030405060708090a"),
             (0, "1122334455667788"), (31, "77")]
    for i, via in enumerate(("ptrace", "proc_mem", "process_vm", "auto")):
        for off, hexb in cases:
            data = bytes.fromhex(hexb.replace(" ", ""))
            data = bytes((b + i) & 0xff for b in data)  # a different value on each path
            rc, out, err, _ = mem("write", "g_bytes+%x" % off, "--hex", data.hex(), "--via", via)
            model[off:off + len(data)] = data
            got = tg.values().get("bytes", "")
            t.check(rc == 0 and got == model.hex(),
                    "write %d bytes at g_bytes+%d via %s: exactly those bytes changed" % (len(data), off, via),
                    "rc=%s %s\nwant %s\ngot  %s" % (rc, err.strip(), model.hex(), got))
    left_alone("partial writes")

    # ---- read-only mappings ----------------------------------------------
    rc, out, err, _ = mem("write", hex(A["ro"]), "--u32", "0x1234", "--via", "process_vm")
    t.check(rc == 1 and "cannot write 0x%x: Bad address (read-only mapping: r--p)" % A["ro"] in err and
            tg.values().get("ro") == "0xc0ffee", "process_vm_writev cannot write a read-only page (clear error)", err)
    rc, out, err, _ = mem("write", hex(A["ro"]), "--u32", "0x1234")
    t.check(rc == 0 and "via proc_mem" in out and tg.values().get("ro") == "0x1234",
            "the default path writes a read-only data page (through /proc/PID/mem)", out + err)
    rc, out, err, _ = mem("write", hex(A["ro"]), "--u32", "0x5678", "--via", "ptrace")
    t.check(rc == 0 and tg.values().get("ro") == "0x5678", "POKEDATA writes a read-only data page", out + err)
    t.check(tg.ask("magic") == "magic=42", "get_magic() returns 42 before the code is changed")
    rc, out, err, _ = mem("write", "get_magic", "--hex", "b8 2b 00 00 00 c3")  # mov $43,%eax; ret
    t.check(rc == 0 and "(get_magic) via proc_mem" in out, "write into the read-only text page", out + err)
    t.check(tg.ask("magic") == "magic=43", "the program runs the rewritten code: magic=43")
    left_alone("text write")

    # ---- maps and dumps ------------------------------------------------------
    rc, out, err, _ = mem("maps")
    lines = out.splitlines()
    t.check(rc == 0 and any(l.endswith("[heap]") and " rw-p " in l for l in lines) and
            any("r-xp" in l and l.endswith("/mem_target") for l in lines) and
            any(l.split()[0] == "%016x-%016x" % (A["ro"], A["ro"] + 4096) and " r--p " in l for l in lines),
            "maps lists ranges, permissions and objects", out[:2000])
    d = os.path.join(t.tmp, "heapdump")
    rc, out, err, _ = mem("dump", "[heap]", "-o", d)
    man = open(os.path.join(d, "manifest.tsv")).read().splitlines() if rc == 0 else []
    rows = [l.split("\t") for l in man if l.startswith("0x")]
    ok = rc == 0 and len(rows) == 1 and int(rows[0][0], 16) == heap[0] and int(rows[0][1], 16) == heap[1]
    if ok:
        blob = open(os.path.join(d, rows[0][6]), "rb").read()
        ok = len(blob) == heap[1] - heap[0] and blob[heap_needle - heap[0]:][:19] == b"SyScOpE-NeEdLe-7f3a"
    t.check(ok, "dump [heap] writes the heap and a manifest", out + err + "\n".join(man))
    d2 = os.path.join(t.tmp, "all")
    rc, out, err, _ = mem("all", "-o", d2)
    rows = [l.split("\t") for l in open(os.path.join(d2, "manifest.tsv")).read().splitlines() if l.startswith("0x")] if rc == 0 else []
    files = {int(r[0], 16): r for r in rows if r[6] != "-"}
    ok = rc == 0 and A["ro"] in files and heap[0] in files
    if ok:
        ro = open(os.path.join(d2, files[A["ro"]][6]), "rb").read()
        ok = ro[:4] == struct.pack("<I", 0x5678) and len(ro) == 4096
    skipped = [r for r in rows if r[6] == "-"]
    t.check(ok and any(r[7] == "[vvar]" for r in skipped) and all(r[2].startswith("r") for r in files.values()),
            "all -o DIR dumps every readable region and lists the others", out + err + "\n".join("\t".join(r) for r in rows[:40]))
    left_alone("dumps")
finally:
    tg.close()
t.finish()
