#!/usr/bin/env python3
"""Make Qarar's icon files from assets/icons/qarar.svg (run after changing the SVG; the results
are committed, so neither the build nor `cargo xtask dist` needs this script or its tools).

Needs `rsvg-convert` (Debian: librsvg2-bin). Writes into assets/icons/:
  qarar-N.png   N = 16 24 32 48 64 128 256 512 (hicolor sizes for Linux, the bundle, NSIS)
  qarar.ico     Windows (the exe's resource, the installer): PNG entries, 16 to 256
  qarar.icns    macOS bundle: PNG entries icp4 icp5 icp6 ic07 ic08 ic09
  qarar-64.rgba the window's icon (eframe takes raw RGBA; eframe's PNG decoding needs the
                `image` crate, which the program does not otherwise use)
"""
import os, struct, subprocess, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ICONS = os.path.join(HERE, "..", "..", "assets", "icons")
SIZES = [16, 24, 32, 48, 64, 128, 256, 512]


def png(n):
    return os.path.join(ICONS, f"qarar-{n}.png")


def rasterise():
    svg = os.path.join(ICONS, "qarar.svg")
    for n in SIZES:
        subprocess.run(["rsvg-convert", "-w", str(n), "-h", str(n), svg, "-o", png(n)], check=True)


def read(n):
    with open(png(n), "rb") as f:
        return f.read()


def ico():
    entries = [16, 24, 32, 48, 64, 256]
    data = [read(n) for n in entries]
    head = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    dirs = b""
    for n, d in zip(entries, data):
        dirs += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(d), offset)
        offset += len(d)
    with open(os.path.join(ICONS, "qarar.ico"), "wb") as f:
        f.write(head + dirs + b"".join(data))


def icns():
    body = b""
    for kind, n in [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512)]:
        d = read(n)
        body += kind + struct.pack(">I", 8 + len(d)) + d
    with open(os.path.join(ICONS, "qarar.icns"), "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def rgba(n):
    """Decode an 8-bit RGBA, non-interlaced PNG (what rsvg-convert writes) to raw RGBA."""
    d = read(n)
    pos, idat, w, h = 8, b"", 0, 0
    while pos < len(d):
        length, kind = struct.unpack(">I4s", d[pos:pos + 8])
        chunk = d[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert (depth, colour, interlace) == (8, 6, 0), "expected 8-bit RGBA"
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, out, prev = zlib.decompress(idat), w * 4, bytearray(), bytearray(w * 4)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - 4] if i >= 4 else 0
            b = prev[i]
            c = prev[i - 4] if i >= 4 else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    with open(os.path.join(ICONS, f"qarar-{n}.rgba"), "wb") as f:
        f.write(out)


if __name__ == "__main__":
    rasterise()
    ico()
    icns()
    rgba(64)
    print("icons written to", os.path.normpath(ICONS), file=sys.stderr)
