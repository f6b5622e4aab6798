-- wrk script: POST /big-five as a browser would (CSRF cookie and field from the environment).
-- MODE=new: every request a new customer; MODE=returning: each thread cycles through 500 customers.
local counter = 0
local threads = 0
local mode = os.getenv("MODE") or "new"
local run = os.getenv("RUN") or tostring(os.time())
local answers = {}
for i = 0, 119 do answers[#answers + 1] = "&answers%5B" .. i .. "%5D=" .. ((i * 7) % 5 + 1) end
local answer_part = table.concat(answers)

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

request = function()
  counter = counter + 1
  local n = counter
  if mode == "returning" then n = counter % 500 end
  local email = "bench-" .. run .. "-" .. mode .. "-" .. tid .. "-" .. n .. "%40example.com"
  local body = "_csrf=" .. os.getenv("CSRF_FIELD") .. "&email=" .. email
    .. "&name=Bench&age=30&career=Engineer&careerStage=MID_CAREER&primaryGoal=FOCUS" .. answer_part
  return wrk.format("POST", "/big-five", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = os.getenv("CSRF_COOKIE")
  }, body)
end

response = function(status)
  if status ~= 303 then io.stderr:write("unexpected status " .. status .. "\n") end
end
