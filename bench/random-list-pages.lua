-- Random list pages: each request asks for /replies?page=N with N drawn from 1 to the
-- number of pages in BENCH_PAGES (the list's last page).
local pages = 1

init = function(args)
  pages = tonumber(os.getenv("BENCH_PAGES") or "1")
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

request = function()
  return wrk.format("GET", "/replies?page=" .. math.random(pages))
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout, summary.bytes))
end
