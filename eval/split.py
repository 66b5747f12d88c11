"""Split a blind question file once: per kind, ordered by sha256(id), alternate dev/sealed."""
import hashlib, json, sys, pathlib
src = pathlib.Path(sys.argv[1]); out = pathlib.Path(sys.argv[2])
rows = [json.loads(l) for l in src.read_text(encoding="utf-8").splitlines() if l.strip()]
by_kind = {}
for r in rows: by_kind.setdefault(r["kind"], []).append(r)
dev, sealed = [], []
for kind, rs in sorted(by_kind.items()):
    rs.sort(key=lambda r: hashlib.sha256(r["id"].encode()).hexdigest())
    for i, r in enumerate(rs): (dev if i % 2 == 0 else sealed).append(r)
for name, part in (("dev", dev), ("sealed", sealed)):
    path = out / name / src.name
    assert not path.exists(), f"{path} exists: the split is done once"
    part.sort(key=lambda r: r["id"])
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
print(src.name, "dev", len(dev), "sealed", len(sealed))
