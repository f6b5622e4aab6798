-- wrk script: POST /api/v1/big-five as the mobile app would (JSON), a complete 120-answer test.
-- MODE=new: every request a new customer. MODE=returning: each thread cycles through its own 500
-- customers (bench/run.sh). MODE=shared: every connection of every thread submits for the same
-- CUSTOMERS (default 50) customers, so concurrent requests contend for the same customer rows and
-- report numbers (bench/side-by-side.sh). PREFIX (default bench-<RUN>) makes one run's emails unique.
local counter = 0
local threads = 0
local mode = os.getenv("MODE") or "new"
local prefix = os.getenv("PREFIX") or ("bench-" .. (os.getenv("RUN") or tostring(os.time())))
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
    email = prefix .. "-api-shared-" .. (counter % customers) .. "@example.com"
  elseif mode == "returning" then
    email = prefix .. "-api-returning-" .. tid .. "-" .. (counter % 500) .. "@example.com"
  else
    email = prefix .. "-api-new-" .. tid .. "-" .. counter .. "@example.com"
  end
  local body = '{"name":"Bench","age":30,"career":"Engineer","careerStage":"mid_career","primaryGoal":"focus",'
    .. '"email":"' .. email .. '","optIn":false,"answers":[' .. answer_part .. ']}'
  return wrk.format("POST", "/api/v1/big-five", { ["Content-Type"] = "application/json" }, body)
end

response = function(status)
  if status ~= 201 then io.stderr:write("unexpected status " .. status .. "\n") end
end
