#!/usr/bin/env python3
"""Draws Sferum's app icons (a white globe on the theme's blue) as PNG files, with nothing but the standard library.

The PNGs are committed under Sferum.Web/wwwroot/icons; run this again only to change the drawing:
    python3 scripts/make-icons.py
"""
import os
import struct
import zlib

BLUE = (0x1F, 0x5F, 0xBF)   # the manifest's theme_color (site.css --accent)
WHITE = (0xFF, 0xFF, 0xFF)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sferum.Web", "wwwroot", "icons")
SAMPLES = 3                 # 3x3 samples per pixel: smooth edges without an image library


def globe_colour(x, y, radius, line):
    """The colour at (x, y), measured from the centre: the disc, its equator, two parallels and three meridians."""
    r2 = x * x + y * y
    if r2 > radius * radius:
        return None
    half = line / 2
    if abs(y) < half or abs(abs(y) - radius * 0.5) < half or abs(x) < half:
        return BLUE
    for a in (radius * 0.5,):
        # A meridian seen from the front is an ellipse with half-axes a (across) and radius (up).
        e = ((x / a) ** 2 + (y / radius) ** 2) ** 0.5
        if abs(e - 1) * a < half:
            return BLUE
    return WHITE


def draw(size, globe_share):
    """Rows of RGB pixels: the blue square, full bleed, with the globe taking globe_share of its width."""
    radius = size * globe_share / 2
    line = max(2.0, size * 0.028)
    centre = size / 2
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = px + (sx + 0.5) / SAMPLES - centre
                    y = py + (sy + 0.5) / SAMPLES - centre
                    c = globe_colour(x, y, radius, line) or BLUE
                    acc[0] += c[0]
                    acc[1] += c[1]
                    acc[2] += c[2]
            n = SAMPLES * SAMPLES
            row += bytes((acc[0] // n, acc[1] // n, acc[2] // n))
        rows.append(bytes(row))
    return rows


def png(rows, size):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + r for r in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    os.makedirs(OUT, exist_ok=True)
    # "any" icons: the globe fills most of the square. The maskable one keeps it inside the central safe circle
    # (radius 40 % of the size) that every launcher's mask leaves visible.
    for name, size, share in (("icon-192.png", 192, 0.76), ("icon-512.png", 512, 0.76),
                              ("icon-maskable-512.png", 512, 0.56), ("apple-touch-icon.png", 180, 0.66)):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(png(draw(size, share), size))
        print(name)


if __name__ == "__main__":
    main()
