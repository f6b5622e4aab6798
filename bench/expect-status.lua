-- wrk script for bench/side-by-side.sh: GET the URL (with wrk's -H headers, e.g. If-None-Match) and count
-- every answer whose status is not EXPECT (default 200) as an error.
local expect = tonumber(os.getenv("EXPECT") or "200")

response = function(status)
  if status ~= expect then io.stderr:write("unexpected status " .. status .. "\n") end
end
