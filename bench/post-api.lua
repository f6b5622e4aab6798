-- wrk script: POST /api/v1/big-five as the mobile app would (JSON).
-- MODE=new: every request a new customer; MODE=returning: each thread cycles through 500 customers.
local counter = 0
local threads = 0
local mode = os.getenv("MODE") or "new"
local run = os.getenv("RUN") or tostring(os.time())
local answers = {}
for i = 0, 119 do answers[#answers + 1] = tostring((i * 7) % 5 + 1) end
local answer_part = table.concat(answers, ",")

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

request = function()
  counter = counter + 1
  local n = counter
  if mode == "returning" then n = counter % 500 end
  local email = "bench-" .. run .. "-api-" .. mode .. "-" .. tid .. "-" .. n .. "@example.com"
  local body = '{"name":"Bench","age":30,"career":"Engineer","careerStage":"mid_career","primaryGoal":"focus",'
    .. '"email":"' .. email .. '","optIn":false,"answers":[' .. answer_part .. ']}'
  return wrk.format("POST", "/api/v1/big-five", { ["Content-Type"] = "application/json" }, body)
end

response = function(status)
  if status ~= 201 then io.stderr:write("unexpected status " .. status .. "\n") end
end
