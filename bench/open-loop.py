#!/usr/bin/env python3
"""Open-loop load: JSON API submissions (a new customer each) at a fixed arrival rate, latency measured
from the moment each request was due, not from when it could be sent.

A closed-loop tool (wrk, 16 connections that each wait for their answer before the next request)
measures a saturated server, and its latencies hide the stalls: while a connection waits for a slow
answer it sends nothing, so the requests that would have queued up behind the stall are never
measured ("coordinated omission"). Here request i is due at start + i / rate whatever happened before;
a pool of keep-alive connections takes the due requests in order, and when all are busy a due request
waits for one, and that wait counts in its latency. So p99 says what a user arriving at that rate
would see. (wrk2 does the same but is not packaged in Debian; a wrk Lua script that paces each
connection with delay() still omits: a connection stuck on a slow answer sends late and the delay
before its next request is not measured.)

Usage: open-loop.py URL RATE SECONDS [--connections 32] [--prefix P]
Prints one JSON object: target and achieved rate, p50/p99/max in ms from the due time, errors, and
how many requests left later than 10 ms after they were due (the generator itself behind: the
figures then still count the delay, but the arrival rate was not held).
"""
import argparse
import asyncio
import json
import time
import urllib.parse

ANSWERS = ",".join(str((i * 7) % 5 + 1) for i in range(120))


def body(email):
    return ('{"name":"Bench","age":30,"career":"Engineer","careerStage":"mid_career","primaryGoal":"focus",'
            f'"email":"{email}","optIn":false,"answers":[{ANSWERS}]}}').encode()


class Connection:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def request(self, data):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(data)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip().lower()
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection") == "close":
            self.close()
        return status

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def run(url, rate, seconds, connections, prefix):
    target = urllib.parse.urlsplit(url)
    host, port, path = target.hostname, target.port or 80, target.path
    total = int(rate * seconds)
    queue = asyncio.Queue()
    latencies, errors, late = [], [0], [0]
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.1

    async def schedule():
        for i in range(total):
            due = start + i / rate
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            queue.put_nowait((i, due))
        for _ in range(connections):
            queue.put_nowait(None)

    async def worker():
        connection = Connection(host, port)
        while True:
            item = await queue.get()
            if item is None:
                connection.close()
                return
            i, due = item
            if loop.time() - due > 0.010:
                late[0] += 1
            payload = body(f"{prefix}-{i}@example.com")
            data = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(payload)}\r\n\r\n").encode() + payload
            try:
                status = await connection.request(data)
                if status != 201:
                    errors[0] += 1
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors[0] += 1
                connection.close()
            latencies.append(loop.time() - due)

    began = time.monotonic()
    await asyncio.gather(schedule(), *(worker() for _ in range(connections)))
    elapsed = time.monotonic() - began - 0.1
    latencies.sort()

    def pct(q):
        return round(1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2) if latencies else None

    return {"target_rate": rate, "achieved_rate": round(len(latencies) / elapsed, 1), "requests": len(latencies),
            "p50_ms": pct(0.50), "p99_ms": pct(0.99), "max_ms": pct(1.0), "errors": errors[0],
            "late_sends": late[0]}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("rate", type=float)
    parser.add_argument("seconds", type=float)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--prefix", default=f"open-loop-{int(time.time())}")
    a = parser.parse_args()
    print(json.dumps(asyncio.run(run(a.url, a.rate, a.seconds, a.connections, a.prefix))))
