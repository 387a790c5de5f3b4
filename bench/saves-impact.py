#!/usr/bin/env python3
"""What an official's draft saves cost the machine, in CPU, on a shared machine.

    python3 bench/saves-impact.py APP_PID BASE_URL COORDINATOR PASSWORD SECONDS [INTERVAL] [LABEL]

Runs bench/draft-saver.py (one save every INTERVAL seconds, default 1) for SECONDS and
prints the CPU the saves cost, per save: the app's threads grouped by kind (JIT compiler,
GC, request threads, Hibernate Search/Lucene, other), the embedded PostgreSQL (every
process under the postmaster that is the app's child) and the saver itself, read from
/proc before and after. Also prints the load average. CPU per save, not requests per
second, because other work on the machine moves requests per second much more than it
moves the CPU a save costs. The saver first signs in and finds a draft; that part is not
counted (the window starts at its first save).
"""
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def stat(path):
    try:
        with open(path) as f:
            s = f.read()
    except OSError:
        return None
    name = s[s.index("(") + 1:s.rindex(")")]
    rest = s[s.rindex(")") + 2:].split()
    return name, int(rest[11]) + int(rest[12]), int(rest[1])  # utime+stime, ppid


def kind(name):
    if name.startswith("C2 Compiler") or name.startswith("C1 Compiler") or name.startswith("C1 C") or name.startswith("C2 C"):
        return "jit"
    if name.startswith("GC") or name.startswith("G1") or "GC" in name or name.startswith("VM Thread"):
        return "gc+vm"
    if name.startswith("http-nio"):
        return "request"  # /proc truncates names: exec, poller and acceptor threads alike
    if "Hibernate" in name or "hibernate" in name or "Search" in name or "Lucene" in name or "Lucene" in name:
        return "search"
    return "other:" + re.sub(r"[-#]?\d+$", "", name)


def threads(pid):
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        s = stat(f"/proc/{pid}/task/{tid}/stat")
        if s:
            out[tid] = (s[0], s[1])
    return out


def owned(pid, app):
    """Whether a postmaster serves the app's data directory (the embedded PostgreSQL is
    started under the app's --dafu.embedded-db.dir and detaches from the app)."""
    try:
        mine = [a for a in open(f"/proc/{app}/cmdline").read().split("\0") if a.startswith("--dafu.embedded-db.dir=")]
        cmd = open(f"/proc/{pid}/cmdline").read().split("\0")
    except OSError:
        return False
    if not mine or "-D" not in cmd:
        return False
    data = mine[0].split("=", 1)[1].rstrip("/")
    return cmd[cmd.index("-D") + 1].rstrip("/").startswith(data + "/")


def postgres(app):
    """PIDs of the processes under the app's own postmaster (and the postmaster)."""
    procs = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            s = stat(f"/proc/{p}/stat")
            if s:
                procs[int(p)] = s
    roots = [p for p, s in procs.items() if s[0].startswith("postgres") and s[2] in (app, 1) and owned(p, app)]
    found = set(roots)
    changed = True
    while changed:
        changed = False
        for p, s in procs.items():
            if p not in found and s[2] in found:
                found.add(p)
                changed = True
    return found


def pg_cpu(pids):
    t = 0
    for p in pids:
        s = stat(f"/proc/{p}/stat")
        if s:
            t += s[1]
    return t


def main():
    app, base, user, password, seconds = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
    interval = sys.argv[6] if len(sys.argv) > 6 else "1"
    label = sys.argv[7] if len(sys.argv) > 7 else ""
    status = f"/tmp/saves-impact-{os.getpid()}.txt"
    here = os.path.dirname(os.path.abspath(__file__))
    saver = subprocess.Popen([sys.executable, os.path.join(here, "draft-saver.py"), base, user, password, status, interval])
    while True:
        if saver.poll() is not None:
            sys.exit("the saver stopped: " + open(status).read() if os.path.exists(status) else "the saver stopped")
        if os.path.exists(status) and open(status).read().startswith("ready"):
            break
        time.sleep(0.2)
    pg = postgres(app)
    t0 = threads(app)
    p0 = pg_cpu(pg)
    s0 = stat(f"/proc/{saver.pid}/stat")[1]
    n0 = sum(1 for l in open(status) if l.startswith("saved"))
    w0 = time.time()
    time.sleep(seconds)
    t1 = threads(app)
    p1 = pg_cpu(pg | postgres(app))
    s1 = stat(f"/proc/{saver.pid}/stat")[1]
    n1 = sum(1 for l in open(status) if l.startswith("saved"))
    w1 = time.time()
    saver.terminate()
    saver.wait()
    summary = [l for l in open(status) if l.startswith("saves")]
    os.remove(status)
    n = max(1, n1 - n0)
    groups = {}
    for tid, (name, cpu) in t1.items():
        before = t0.get(tid, (name, 0))[1]
        k = kind(name)
        groups[k] = groups.get(k, 0) + cpu - before
    ms = lambda ticks: ticks * 1000.0 / TICK / n
    app_total = sum(groups.values())
    top = sorted(((v, k) for k, v in groups.items() if v), reverse=True)
    parts = "  ".join(f"{k} {ms(v):.1f}" for v, k in top)
    load = open("/proc/loadavg").read().split()[:3]
    print(f"{label} saves {n} in {w1 - w0:.0f}s  ms CPU/save: app {ms(app_total):.1f} [{parts}]  "
          f"postgres {ms(p1 - p0):.1f}  saver {ms(s1 - s0):.1f}  total {ms(app_total + p1 - p0 + s1 - s0):.1f}  "
          f"load {' '.join(load)}  {summary[0].strip() if summary else ''}")


if __name__ == "__main__":
    main()
