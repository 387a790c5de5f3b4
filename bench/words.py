#!/usr/bin/env python3
"""Search words drawn from the generated letters, for bench/uncached.sh.

    python3 bench/words.py PAGES_DIR OUT_DIR [COUNT]

Reads saved public reply pages (HTML files in PAGES_DIR), takes the letter's text (the
<article class="letter"> element, else the whole body), and collects every CJK 2-gram
and 4-gram of it. The words are deduplicated, shuffled with a fixed seed and written as
one URL-encoded query path a line:

    OUT_DIR/warm-search.txt, warm-api.txt    words for the warm-up only
    OUT_DIR/search.txt                       /search?q=<word> (never in a warm-up file)
    OUT_DIR/api.txt                          /api/v1/replies?q=<word> (other words again)
    OUT_DIR/words.txt                        all the words, one a line

Every word is in exactly one file, so a word is asked once in a whole benchmark run.
COUNT (default 20000) caps the words used; half are 2-grams and half 4-grams where the
text has enough of each.
"""
import html
import os
import random
import re
import sys
import urllib.parse

CJK = re.compile(r"[\u4e00-\u9fff]+")
ARTICLE = re.compile(r'<article[^>]*class="[^"]*letter[^"]*"[^>]*>(.*?)</article>', re.S)
BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
TAG = re.compile(r"<[^>]+>")


def text_of(page):
    m = ARTICLE.search(page) or BODY.search(page)
    part = m.group(1) if m else page
    part = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", part, flags=re.S)
    return html.unescape(TAG.sub(" ", part))


def main():
    pages_dir, out_dir = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    twos, fours = set(), set()
    for name in sorted(os.listdir(pages_dir)):
        with open(os.path.join(pages_dir, name), encoding="utf-8", errors="replace") as f:
            text = text_of(f.read())
        for run in CJK.findall(text):
            for i in range(len(run) - 1):
                twos.add(run[i:i + 2])
            for i in range(len(run) - 3):
                fours.add(run[i:i + 4])
    rng = random.Random(42)
    twos, fours = sorted(twos), sorted(fours)
    rng.shuffle(twos)
    rng.shuffle(fours)
    half = count // 2
    take2 = min(len(twos), max(half, count - len(fours)))
    take4 = min(len(fours), count - take2)
    words = twos[:take2] + fours[:take4]
    rng.shuffle(words)
    # warm-up: 5% each (at least 100), then the rest split between /search and the API
    warm = max(100, len(words) // 20)
    warm_search, warm_api = words[:warm], words[warm:2 * warm]
    rest = words[2 * warm:]
    search, api = rest[0::2], rest[1::2]
    os.makedirs(out_dir, exist_ok=True)

    def write(name, prefix, items):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            for w in items:
                f.write(prefix + urllib.parse.quote(w) + "\n")

    write("warm-search.txt", "/search?q=", warm_search)
    write("warm-api.txt", "/api/v1/replies?q=", warm_api)
    write("search.txt", "/search?q=", search)
    write("api.txt", "/api/v1/replies?q=", api)
    with open(os.path.join(out_dir, "words.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    print(f"{len(words)} distinct words ({take2} of 2 characters, {take4} of 4; the pages held "
          f"{len(twos)} and {len(fours)}): {len(search)} for /search, {len(api)} for the API, "
          f"{len(warm_search)} + {len(warm_api)} for the warm-ups")


if __name__ == "__main__":
    main()
