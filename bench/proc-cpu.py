#!/usr/bin/env python3
"""CPU seconds (user + system) used so far by one process and by one PostgreSQL cluster, from /proc.

Usage: proc-cpu.py APP_PID PGDATA  ->  prints "<app seconds> <postgres seconds> <app JIT seconds>"

The third figure is the part of the app's CPU its JIT compiler threads used (threads named "C1/C2
CompilerThread"): a JVM still compiling is not in its steady state, and the figure says how far off it is.

The cluster's figure is the postmaster's own CPU, plus that of its children that have exited and been
reaped (its cutime/cstime: pgbench's backends end with its run), plus that of every live child
(backends, autovacuum, checkpointer, WAL writer, ...). The difference of two readings is the CPU the
cluster used in between, whichever backends came and went.
"""
import os
import sys

TICK = os.sysconf("SC_CLK_TCK")


def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    # The command name (field 2) is in parentheses and may contain spaces: split after it.
    fields = text[text.rindex(")") + 2:].split()
    # fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17, ppid 4.
    return int(fields[1]), int(fields[11]), int(fields[12]), int(fields[13]), int(fields[14])


def cluster_ticks(pgdata):
    with open(os.path.join(pgdata, "postmaster.pid")) as f:
        postmaster = int(f.readline())
    _, utime, stime, cutime, cstime = stat(postmaster)
    total = utime + stime + cutime + cstime
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            ppid, utime, stime, _, _ = stat(entry)
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue  # gone between listing and reading: its CPU is in the postmaster's cutime now
        if ppid == postmaster:
            total += utime + stime
    return total


def app_ticks(pid):
    _, utime, stime, _, _ = stat(pid)
    return utime + stime


def jit_ticks(pid):
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                if "CompilerThre" not in f.read():
                    continue
            _, utime, stime, _, _ = stat(f"{pid}/task/{task}")
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue  # a compiler thread that ended: its CPU stays in the process's total
        total += utime + stime
    return total


if __name__ == "__main__":
    print(f"{app_ticks(sys.argv[1]) / TICK:.3f} {cluster_ticks(sys.argv[2]) / TICK:.3f} "
          f"{jit_ticks(sys.argv[1]) / TICK:.3f}")
