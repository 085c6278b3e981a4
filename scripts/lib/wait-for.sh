# Sourced by the scripts that start a server and wait for it to say it is up.
#   wait_for_line FILE PATTERN PID [TENTHS]
# returns 0 once FILE has a line matching PATTERN (grep), 1 when the process PID has exited or
# TENTHS tenths of a second have passed (default 3000: five minutes, for a sanitizer build on a
# busy machine).
wait_for_line() {
  local file="$1" pattern="$2" pid="$3" tenths="${4:-3000}"
  for _ in $(seq 1 "$tenths"); do
    grep -q -- "$pattern" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
