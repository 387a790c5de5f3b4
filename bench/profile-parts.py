#!/usr/bin/env python3
"""The parts of a request in perf samples of the app's JVM, for bench/profile.sh.

    python3 bench/profile-parts.py STACKS RATE P99 CPU_TICKS_BEFORE CPU_TICKS_AFTER TICKS_PER_S SECONDS PATHS CONNECTIONS CORES

STACKS is `perf script` output (a sample: a header line naming the thread, then its frames,
innermost first). Each sample goes to the first part below whose test it passes; a part's
share of all samples times the app's CPU per request is its milliseconds per request.
"""
import re
import sys


def frames_matching(pattern):
    r = re.compile(pattern)
    return lambda thread, frames: any(r.search(f) for f in frames)


def thread_named(pattern):
    r = re.compile(pattern)
    return lambda thread, frames: bool(r.match(thread))


def both(*tests):
    return lambda thread, frames: all(t(thread, frames) for t in tests)


# Compiled code inlines small methods, so a part is told by frames that stay (Lucene's and
# Hibernate Search's larger methods), not by the app's own method that called them.
HIGHLIGHT = frames_matching(r"uhighlight|vectorhighlight|HighlightProjection|SearchHighlighter")
AGGREGATION = frames_matching(r"TermsCollector|TermResults|TermInSet|[Aa]ggregation")
RANKING = frames_matching(r"collectMatchingDocs|BulkScorer|org\.apache\.lucene\.search\.")
STORED = frames_matching(r"StoredFields|[Pp]rojection|LuceneExtractableSearchResult|LuceneSearchQueryBuilder")

# in order: the first that matches takes the sample
PARTS = [
    ("search: highlighting (term vectors, passages)", HIGHLIGHT),
    ("search: the facets' terms aggregations", AGGREGATION),
    ("search: matching and ranking (the page's query, the facets' first matches)", RANKING),
    ("search: stored fields, projections, building queries", STORED),
    ("SQL (JDBC, PostgreSQL driver, pool)", frames_matching(r"org\.postgresql\.|com\.zaxxer\.hikari")),
    ("template (Thymeleaf)", frames_matching(r"org\.thymeleaf\.")),
    ("JSON (Jackson)", frames_matching(r"jackson")),
    ("the rest of the request in the app (controllers, filters, security)", frames_matching(r"org\.dafu\.")),
    ("Tomcat and Spring outside the app's code",
     both(thread_named(r"http-"), frames_matching(r"org\.apache\.|org\.springframework\."))),
    ("garbage collector", thread_named(r"(GC|G1) ")),
    ("JIT compilers", thread_named(r"C1 |C2 ")),
]


def samples(path):
    thread, frames = None, []
    with open(path, errors="replace") as f:
        for line in f:
            if not line.strip():
                if thread is not None:
                    yield thread, frames
                thread, frames = None, []
            elif not line.startswith((" ", "\t")):
                thread, frames = line.lstrip(), []
            else:
                parts = line.strip().split(None, 1)
                frames.append(parts[1] if len(parts) > 1 else parts[0])
    if thread is not None:
        yield thread, frames


def main():
    path, rate, p99 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    t0, t1, ticks, seconds = (float(x) for x in sys.argv[4:8])
    paths, connections, cores = sys.argv[8], sys.argv[9], sys.argv[10]
    cpu_ms = (t1 - t0) * 1000 / ticks / max(1.0, rate * seconds)
    counts = {name: 0 for name, _ in PARTS}
    other = total = 0
    for thread, frames in samples(path):
        total += 1
        for name, test in PARTS:
            if test(thread, frames):
                counts[name] += 1
                break
        else:
            other += 1
    if total == 0:
        print("perf recorded no samples")
        return
    print(f"{paths}, {connections} connections, {cores} cores: {rate:,.1f} requests/s, p99 {p99:,.0f} ms, "
          f"app CPU {cpu_ms:.2f} ms a request; {total:,} samples")
    print()
    print("| part | share of samples | ms of CPU a request |")
    print("|---|---|---|")
    for name, _ in PARTS:
        if counts[name]:
            share = counts[name] / total
            print(f"| {name} | {share:.1%} | {share * cpu_ms:.2f} |")
    print(f"| other (JVM, kernel, code not in the symbol map) | {other / total:.1%} | {other / total * cpu_ms:.2f} |")


if __name__ == "__main__":
    main()
