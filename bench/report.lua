-- Prints one machine-readable line per wrk run: requests/s, p50 and p99 in ms, responses
-- that were not 2xx/3xx, socket errors, bytes read.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout, summary.bytes))
end
