#!/usr/bin/python3
"""The AT-SPI side of .ci/atspi-check.

  atspi_check.py dump OUT.json                     the tree of the application named qarar
  atspi_check.py check TREE.json EXPECT.json NAME  check it against `qarar outline --json`
"""
import json
import re
import sys

ARABIC = re.compile("[\u0621-\u064a]")


def dump(out):
    import pyatspi

    desk = pyatspi.Registry.getDesktop(0)
    nodes = []

    def walk(a, depth=0):
        if depth > 80 or len(nodes) > 50000:
            return
        d = {"role": a.getRoleName(), "name": a.name or "", "depth": depth}
        try:
            t = a.queryText()
            d["text"] = t.getText(0, min(t.characterCount, 20000))
        except Exception:
            pass
        nodes.append(d)
        for i in range(a.childCount):
            c = a.getChildAtIndex(i)
            if c is not None:
                walk(c, depth + 1)

    for i in range(desk.childCount):
        app = desk.getChildAtIndex(i)
        if app is not None and (app.name or "").lower().startswith("qarar"):
            walk(app)
            break
    # Ready once the window and the document's text are there.
    if not any(n["role"] == "frame" for n in nodes) or sum(len(n.get("text", "")) > 1 for n in nodes) < 20:
        return 1
    json.dump(nodes, open(out, "w", encoding="utf-8"), ensure_ascii=False)
    return 0


def label(pid):
    """The reader's name for a paragraph id (as src/ui/view/names.rs)."""
    scope, _, rest = pid.rpartition(".")
    m = re.fullmatch(r"para_(\w+?)((?:_\w+)*)", rest)
    if not m:
        return None
    s = f"Paragraph {m.group(1)}" + "".join(f" ({p})" for p in m.group(2).split("_") if p)
    if scope.startswith("annex_"):
        return f"Annex {scope[6:]}, {s}"
    return f"Part {scope}, {s}" if scope else s


def words(s):
    return re.sub(r"\s+", " ", s).strip()


def check(tree_path, expect_path, name):
    nodes = json.load(open(tree_path, encoding="utf-8"))
    doc = json.load(open(expect_path, encoding="utf-8"))
    failures = []
    symbol = doc.get("symbol")
    frames = [n["name"] for n in nodes if n["role"] == "frame"]
    want = f"{symbol} — Qarar" if symbol else None
    if not any(f == want if want else f.endswith("— Qarar") for f in frames):
        failures.append(f"window not named {want or '… — Qarar'!r} (frames: {frames})")
    arabic = doc.get("direction") == "rtl" or doc.get("language") == "ar"
    texts = [n["text"] for n in nodes if "text" in n]
    with_text = [t for t in texts if (ARABIC.search(t) if arabic else len(t.strip()) > 3)]
    if len(with_text) < 20:
        failures.append(f"only {len(with_text)} nodes give {'Arabic ' if arabic else ''}text")
    # The last operative paragraph: of the resolution, else of its last part.
    ops = doc.get("operative") or []
    for part in doc.get("parts") or []:
        ops = part.get("operative") or ops
    if ops:
        last = ops[-1]
        want_name = label(last["id"])
        if want_name and not any(n["name"] == want_name for n in nodes):
            failures.append(f"no node named {want_name!r}")
        start = " ".join(words(last.get("text", "")).split(" ")[:4])
        if start and not any(start in words(t) for t in texts):
            failures.append(f"the text of the last operative paragraph ({start!r}) is not in the tree")
    print(
        f"{'FAIL' if failures else 'ok  '} {name}: {len(nodes)} nodes, {len(with_text)} with "
        f"{'Arabic ' if arabic else ''}text through the Text interface, window {frames[:1]}"
    )
    for f in failures:
        print(f"     {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        sys.exit(dump(sys.argv[2]))
    sys.exit(check(sys.argv[2], sys.argv[3], sys.argv[4]))
