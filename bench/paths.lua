-- Requests paths read from a file (BENCH_PATHS, one path a line, already URL-encoded).
--   BENCH_ORDER=random (default): each request picks a random line.
--   BENCH_ORDER=once: thread t of n sends lines t, t+n, t+2n, ... each once, and stops when
--   its share is used up (so no path is asked twice: distinct search words). The rate is
--   then counted over the time until the threads stopped, not wrk's whole duration.
--   Requests already under way when a thread runs out are counted as repeats.
-- Prints "RESULT req/s p50 p99 non-2xx/3xx socket-errors bytes" and, for BENCH_ORDER=once,
-- "SENT distinct repeats seconds-until-the-paths-ran-out (0: they did not)".
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local function now()
  local tv = ffi.new("bench_timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) + tonumber(tv.tv_usec) / 1e6
end

local counter = 0
local threads = {}

setup = function(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

local paths = {}
local order, nthreads, next_index, started

init = function(args)
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  order = os.getenv("BENCH_ORDER") or "random"
  nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
  next_index = tid
  -- globals: done() reads them with thread:get
  sent, repeats, finished = 0, 0, 0
  started = now()
  if order ~= "once" then response = nil end
  math.randomseed(os.time() * 1000 + tid * 7919 + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000))
end

request = function()
  local path
  if order == "once" then
    if next_index <= #paths then
      path = paths[next_index]
      next_index = next_index + nthreads
      sent = sent + 1
    else
      path = paths[#paths - ((tid - 1) % #paths)]
      repeats = repeats + 1
    end
  else
    path = paths[math.random(#paths)]
  end
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if order == "once" and next_index > #paths then
    if finished == 0 then finished = now() - started end
    wrk.thread:stop()
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local once = os.getenv("BENCH_ORDER") == "once" -- done() runs in the main state, not a thread's
  local s, r, ran_out = 0, 0, 0
  if once then
    local all_stopped = true
    for _, t in ipairs(threads) do
      s = s + (t:get("sent") or 0)
      r = r + (t:get("repeats") or 0)
      local f = t:get("finished") or 0
      if f > 0 then ran_out = math.max(ran_out, f) else all_stopped = false end
    end
    if all_stopped and ran_out > 0 and ran_out < seconds then seconds = ran_out end
  end
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout, summary.bytes))
  if once then
    io.write(string.format("SENT %d %d %.1f\n", s, r, ran_out))
  end
end
