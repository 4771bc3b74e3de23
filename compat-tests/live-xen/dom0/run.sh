#!/bin/sh
# The test payload's driver, run by dom0's init: one guest per language, each created paused,
# served by that language's device model (or by none), unpaused, and judged by its report on
# Xen's console and its exit reason. Languages come from /payload/languages, one per line:
#   none             no device model; the guest expects unclaimed ranges
#   NAME PROGRAM...  a device model; PROGRAM is started with the guest's domain id appended
GUEST_TIMEOUT=${GUEST_TIMEOUT:-30}

lx() { echo "@lx $*"; }
step() { lx step "$@"; }
uptime_s() { cut -d' ' -f1 /proc/uptime; }

# Waits until domain $1 is gone (powered off) or crashed; prints "poweroff", "crash" or "timeout".
wait_exit() {
  local name=$1 i=0 state
  while [ $i -lt $((GUEST_TIMEOUT * 10)) ]; do
    state=$(xl list "$name" 2>/dev/null | awk 'NR == 2 { print $5 }')
    [ -z "$state" ] && { echo poweroff; return; }
    case "$state" in *c*) echo crash; return ;; esac
    usleep 100000
    i=$((i + 1))
  done
  echo timeout
}

# The guest's own report lines for domain $1, from Xen's console ring, as steps of language $2.
guest_report() {
  xl dmesg | sed -n "s/^.*(d$1) @lxg //p" | while read -r check result rest; do
    case "$check" in
      mode) step "$2" guest:mode pass "$result" ;;
      verdict) ;;
      *) [ "$result" = ok ] && step "$2" "guest:$check" pass "$rest" || step "$2" "guest:$check" fail "$rest" ;;
    esac
  done
}

run_language() {
  local lang=$1; shift
  local name="lx-$lang" mode=none cfg="/tmp/$lang.cfg" dm_pid="" t0
  [ $# -gt 0 ] && mode=device
  lx begin "$lang" "$(uptime_s)"
  sed -e "s/@NAME@/$name/" -e "s/@MODE@/$mode/" /payload/guest.cfg >"$cfg"
  t0=$(uptime_s)
  if ! xl create -p "$cfg" >/tmp/create.log 2>&1; then
    step "$lang" guest:create fail "$(tail -n 3 /tmp/create.log | tr '\n' ' ')"
    lx end "$lang" "$(uptime_s)"
    return
  fi
  local domid
  domid=$(xl domid "$name")
  step "$lang" guest:create pass "domain $domid, $(uptime_s | awk -v t="$t0" '{ printf "%.1f s", $1 - t }')"
  if [ $# -gt 0 ]; then
    rm -f /tmp/dm-ready
    "$@" "$domid" &
    dm_pid=$!
    local i=0
    while [ ! -e /tmp/dm-ready ] && kill -0 "$dm_pid" 2>/dev/null && [ $i -lt $((GUEST_TIMEOUT * 10)) ]; do
      usleep 100000
      i=$((i + 1))
    done
    [ -e /tmp/dm-ready ] || step "$lang" dm:ready fail "the device model did not get ready"
  fi
  xl unpause "$name"
  local how
  how=$(wait_exit "$name")
  guest_report "$domid" "$lang"
  case "$how" in
    poweroff) step "$lang" guest:verdict pass "powered off" ;;
    crash) step "$lang" guest:verdict fail "crashed: a check failed" ;;
    *) step "$lang" guest:verdict fail "still running after ${GUEST_TIMEOUT} s" ;;
  esac
  [ "$how" = poweroff ] || xl destroy "$name" 2>/dev/null
  if [ -n "$dm_pid" ]; then
    wait "$dm_pid"
    local rc=$?
    [ $rc -eq 0 ] && step "$lang" dm:exit pass "exit 0" || step "$lang" dm:exit fail "exit $rc"
  fi
  xl dmesg -c >/dev/null
  lx end "$lang" "$(uptime_s)"
}

while read -r line; do
  [ -n "$line" ] && run_language $line
done </payload/languages
