-- wrk prints one JSON line with the figures bench/public_site.py reads. With PATHS set in the
-- environment (separated by spaces), each request asks the next path in turn.
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "", "%S+") do table.insert(paths, p) end
local i = 0

request = function()
    if #paths == 0 then return wrk.request() end
    i = i % #paths + 1
    return wrk.format(nil, paths[i])
end

done = function(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        'RESULT {"requests": %d, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, "errors": %d}\n',
        summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
        latency:percentile(95) / 1000, e.connect + e.read + e.write + e.status + e.timeout))
end
