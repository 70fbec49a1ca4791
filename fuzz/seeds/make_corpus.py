#!/usr/bin/env python3
"""Seeds each fuzz target's corpus from the project's real data: the recorded Treeherder
answers, the recorded OpenAPI schema, and app URLs of the kinds users share.

usage: make_corpus.py OUT_DIR   (writes OUT_DIR/<target>/<n>)"""
import gzip, json, os, sys, hashlib

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = sys.argv[1]
fixtures = os.path.join(root, "fixtures", "treeherder-sample")

def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)

recorded = []
for bundle in ("snapshot.jsonl.gz", "responses.jsonl.gz"):
    with gzip.open(os.path.join(fixtures, bundle), "rt") as f:
        recorded += [json.loads(line) for line in f if line.strip()]

MAX = 64 * 1024  # big answers slow every run; their shapes recur in smaller ones
for r in recorded:
    body = json.dumps(r["body"], separators=(",", ":"))
    if len(body) > MAX:
        continue
    put("api_models", body)
    if r["url"].startswith("/api/jobs/"):
        put("compact_jobs", body)
    put("url_params", r["url"].split("?", 1)[-1])
    if isinstance(r["body"], dict):
        for result in r["body"].get("results", [])[:5] if isinstance(r["body"].get("results"), list) else []:
            if isinstance(result, dict):
                for rev in result.get("revisions", []):
                    put("markdown", rev.get("comments", ""))

with open(os.path.join(fixtures, "openapi.json"), encoding="utf-8") as f:
    schema = f.read()
put("openapi", schema)
put("openapi", json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}))
def descriptions(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "description" and isinstance(v, str):
                yield v
            else:
                yield from descriptions(v)
    elif isinstance(node, list):
        for v in node:
            yield from descriptions(v)
for d in descriptions(json.loads(schema)):
    put("markdown", d)
put("markdown", "# Title\n\n*a* **b** ~~c~~ `d`\n\n> quote\n\n1. one\n2. [two](https://example.org/x)\n\n```\ncode\n```\n[bad](javascript:alert(1))")

# App URLs as people share them (Treeherder's own parameters, Perfherder's, the docs' fragments).
for url in [
    "repo=autoland&revision=37fe03380afc10184ae9cc37aeb38470b6e6c10b&selectedTaskRun=ABCdef12345678901234aa.0",
    "repo=autoland&resultStatus=testfailed,busted,exception&classifiedState=unclassified&tier=1,2&searchStr=mochitest",
    "repo=try&author=someone@example.com&fromchange=abc&tochange=def&group_state=expanded&duplicate_jobs=visible",
    "repo=mozilla-central&startdate=2026-11-01&enddate=2026-11-27&job_type_symbol=B&platform=linux64&selectedJob=3205",
    "repo=autoland&filter-searchStr=bc2&filter-tier=3&nojobs&server=https%3A%2F%2Ftreeherder.allizom.org",
    "series=autoland,1,1,1&series=autoland,7,0,13&timerange=1209600&highlightAlerts=1&highlightedRevisions=abc,def&zoom=1700000000000,1700100000000,10,20&selected=1,2",
    "series=%5Bautoland,100000,1,1%5D&timerange=31536000&replicates=1&highlightChangelogData=0",
    "server=http%3A%2F%2Flocalhost%3A8000%2Fsub%2F&embed=1#operation/project_push_retrieve",
    "#tag/project", "#operation/project_jobs_submit_hawk", "q=job_id#section/Using",
]:
    put("url_params", url)
