-- wrk script for bench/side-by-side.sh: POST /api/v1/big-five (JSON), a complete 120-answer test.
-- MODE=new: every request a new customer. MODE=shared: every connection of every thread submits for
-- the same CUSTOMERS (default 50) customers, so concurrent requests contend for the same customer rows
-- (and report numbers). PREFIX makes the emails of one run unique.
local counter = 0
local threads = 0
local mode = os.getenv("MODE") or "new"
local prefix = os.getenv("PREFIX") or ("sbs-" .. os.time())
local customers = tonumber(os.getenv("CUSTOMERS") or "50")
local answers = {}
for i = 0, 119 do answers[#answers + 1] = tostring((i * 7) % 5 + 1) end
local answer_part = table.concat(answers, ",")

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

request = function()
  counter = counter + 1
  local email
  if mode == "shared" then
    email = prefix .. "-shared-" .. (counter % customers) .. "@example.com"
  else
    email = prefix .. "-new-" .. tid .. "-" .. counter .. "@example.com"
  end
  local body = '{"name":"Bench","age":30,"career":"Engineer","careerStage":"mid_career","primaryGoal":"focus",'
    .. '"email":"' .. email .. '","optIn":false,"answers":[' .. answer_part .. ']}'
  return wrk.format("POST", "/api/v1/big-five", { ["Content-Type"] = "application/json" }, body)
end

response = function(status)
  if status ~= 201 then io.stderr:write("unexpected status " .. status .. "\n") end
end
