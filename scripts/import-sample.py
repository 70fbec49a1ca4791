#!/usr/bin/env python3
"""Copy the recorded Treeherder API (../shared/treeherder-sample) into fixtures/, compressed.

Run by a developer when the recording changes; the build, the app and the tests only ever read
fixtures/. Each recorded response becomes one JSON line {"url", "status", "content_type", "body"}
(body parsed, so the bundle stays valid JSON even where a response was not), gzip-compressed.
"""
import gzip
import json
import pathlib
import shutil
import sys

root = pathlib.Path(__file__).resolve().parent.parent
src = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "treeherder-sample"
out = root / "fixtures" / "treeherder-sample"
out.mkdir(parents=True, exist_ok=True)

for part in ("snapshot", "responses"):
    index = json.loads((src / part / "index.json").read_text())
    lines = []
    for entry in index["responses"]:
        path = src / part / entry["file"]
        if not path.exists() and entry["url"].startswith("/api/schema/"):
            path = src / "openapi.json"  # the index names a file that was saved under this name
        raw = path.read_bytes()
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", "replace")
        line = {
            "url": entry["url"],
            "status": entry["status"],
            "content_type": entry.get("content_type", "application/json"),
            "body": body,
        }
        if entry.get("note"):
            line["note"] = entry["note"]
        lines.append(json.dumps(line, separators=(",", ":"), ensure_ascii=False))
    data = ("\n".join(lines) + "\n").encode()
    # mtime=0 keeps the archive byte-identical between runs, so git sees no change.
    with open(out / f"{part}.jsonl.gz", "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0) as gz:
            gz.write(data)
    print(f"{part}: {len(lines)} responses, {len(data)} bytes -> {(out / f'{part}.jsonl.gz').stat().st_size} bytes")

shutil.copyfile(src / "openapi.json", out / "openapi.json")
print("openapi.json copied")
