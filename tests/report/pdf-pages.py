"""pdf-pages.py PAGE.pgm…: each printed page (pdftoppm -gray) has content, is A4 portrait,
its right margin (the outer 12 mm of the 16 mm the report's @page keeps free) is white from
top to bottom, and every long horizontal rule (headings' underlines, table rows, at least
100 mm) ends at the right edge of the text column: Chromium shrinks a page whose content
is too wide instead of cutting it, and then the rules of the rest end short. Prints one
line per page; exits 1 when any page fails."""
import sys

# The title's first line (1.7 em of 10.5 pt, with descenders) prints about 6 mm high; shrunk to fit a too wide table, about 4.
TITLE_MM = 5.0


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, at = [], 0
    while len(fields) < 4:
        while data[at:at + 1].isspace():
            at += 1
        if data[at:at + 1] == b"#":
            at = data.index(b"\n", at)
            continue
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    assert fields[0] == b"P5", path
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[at + 1:at + 1 + width * height]


def check(path):
    width, height, pixels = read_pgm(path)
    if not 1.35 < height / width < 1.46:
        return "not A4 portrait (%dx%d)" % (width, height)
    dark = sum(1 for p in pixels if p < 200)
    if dark < width * height // 2000:
        return "blank (%d dark pixels)" % dark
    margin = int(width * 12 / 210)
    for y in range(height):
        row = pixels[y * width + width - margin:(y + 1) * width]
        if min(row) < 200:
            return "cut: content in the right margin at %d%% of the height" % (100 * y // height)
    return short_rule(width, height, pixels)


def short_rule(width, height, pixels):
    """The first long rule that ends before the text column's right edge, in words."""
    mm = width / 210.0
    edge = width - 16 * mm
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        run = 0
        for x in range(width + 1):
            if x < width and row[x] < 235:
                run += 1
                continue
            if run >= 100 * mm and abs(x - edge) > 3 * mm:
                return "shrunk or cut: a rule at %d%% of the height ends %.0f mm from the edge" % (
                    100 * y // height, (x - edge) / mm)
            run = 0
    return None


def title_height(path):
    """The height in mm of the first line of dark text on the page (the report's title)."""
    width, height, pixels = read_pgm(path)
    rows = [min(pixels[y * width:(y + 1) * width]) < 128 for y in range(height)]
    first = rows.index(True) if True in rows else height
    last = first
    while last < height and rows[last]:
        last += 1
    return (last - first) * 297.0 / height


failed = 0
print("title: %.1f mm" % title_height(sys.argv[1]) if sys.argv[1:] else "no pages")
if sys.argv[1:] and title_height(sys.argv[1]) < TITLE_MM:
    print("the title is %.1f mm high, not %.1f: Chromium shrank the page to fit something "
          "too wide" % (title_height(sys.argv[1]), TITLE_MM))
    failed += 1
for path in sys.argv[1:]:
    problem = check(path)
    print("%s: %s" % (path.rsplit("/", 1)[-1], problem or "ok"))
    failed += problem is not None
sys.exit(1 if failed or not sys.argv[1:] else 0)
