#!/bin/sh
# The test payload's driver, run by dom0's init: one guest per language, each created paused,
# served by that language's device model (or by none), unpaused, and judged by its report on
# Xen's console and its exit reason. Languages come from /payload/languages, one per line:
#   none             no device model; the guest expects unclaimed ranges
#   NAME PROGRAM...  a device model; PROGRAM is started with the guest's domain id appended
# Under TCG every program started costs dom0 time, xl most of all: waits read files with the
# shell's own builtins, and xl runs four times per language.
GUEST_TIMEOUT=${GUEST_TIMEOUT:-30}
DM_READY=/tmp/dm-ready

lx() { echo "@lx $*"; }
step() { lx step "$@"; }
now() { read -r NOW _ </proc/uptime; }
since() { now; awk -v a="$1" -v b="$NOW" 'BEGIN { printf "%.1f s", b - a }'; }

# Waits (in tenths of a second, up to GUEST_TIMEOUT s) until the line of file $1 matching the
# shell pattern $2 appears; sets MATCH to it. Returns 1 on timeout.
wait_line() {
  local i=0 line
  while [ $i -lt $((GUEST_TIMEOUT * 10)) ]; do
    if [ -e "$1" ]; then
      while read -r line; do
        case "$line" in $2) MATCH=$line; return 0 ;; esac
      done <"$1"
    fi
    usleep 100000
    i=$((i + 1))
  done
  return 1
}

# The guest's own report lines for domain $1, from Xen's console ring (read and cleared), as
# steps of language $2.
guest_report() {
  xl dmesg -c | sed -n "s/^.*(d$1) @lxg //p" | while read -r check result rest; do
    case "$check" in
      mode) step "$2" guest:mode pass "$result" ;;
      verdict) ;;
      *) [ "$result" = ok ] && step "$2" "guest:$check" pass "$rest" || step "$2" "guest:$check" fail "$rest" ;;
    esac
  done
}

run_language() {
  local lang=$1; shift
  local name="lx-$lang" mode=none cfg="/tmp/$lang.cfg" log="/var/log/xen/xl-lx-$lang.log" dm_pid="" t0 domid
  [ $# -gt 0 ] && mode=device
  now; t0=$NOW
  lx begin "$lang" "$NOW"
  sed -e "s/@NAME@/$name/" -e "s/@MODE@/$mode/" /payload/guest.cfg >"$cfg"
  if ! xl create -p "$cfg" >/tmp/create.log 2>&1; then
    step "$lang" guest:create fail "$(tail -n 3 /tmp/create.log | tr '\n' ' ')"
    now; lx end "$lang" "$NOW"
    return
  fi
  # xl's monitoring daemon names the domain id in its log.
  wait_line "$log" "Waiting for domain $name (domid *) to die*" || { step "$lang" guest:create fail "no domain id in $log"; return; }
  domid=${MATCH##*domid }; domid=${domid%%)*}
  step "$lang" guest:create pass "domain $domid, $(since "$t0")"
  if [ $# -gt 0 ]; then
    rm -f "$DM_READY"
    "$@" "$domid" &
    dm_pid=$!
    local i=0
    while [ ! -e "$DM_READY" ] && kill -0 "$dm_pid" 2>/dev/null && [ $i -lt $((GUEST_TIMEOUT * 10)) ]; do
      usleep 100000
      i=$((i + 1))
    done
    [ -e "$DM_READY" ] || step "$lang" dm:ready fail "the device model did not get ready"
  fi
  now; lx phase "$lang" unpause "$NOW"
  xl unpause "$name"
  # Both exits are preserved (guest.cfg): the device model still has a domain to tear down.
  local how=timeout
  if wait_line "$log" "Domain $domid has shut down, reason code *"; then
    case "$MATCH" in *"reason code 0 "*) how=poweroff ;; *"reason code 3 "*) how=crash ;; *) how="shut down: ${MATCH##*reason code }" ;; esac
  fi
  now; lx phase "$lang" exited "$NOW"
  guest_report "$domid" "$lang"
  case "$how" in
    poweroff) step "$lang" guest:verdict pass "powered off" ;;
    crash) step "$lang" guest:verdict fail "crashed: a check failed" ;;
    timeout) step "$lang" guest:verdict fail "still running after ${GUEST_TIMEOUT} s" ;;
    *) step "$lang" guest:verdict fail "$how" ;;
  esac
  if [ -n "$dm_pid" ]; then
    wait "$dm_pid"
    local rc=$?
    [ $rc -eq 0 ] && step "$lang" dm:exit pass "exit 0" || step "$lang" dm:exit fail "exit $rc"
  fi
  xl destroy "$name" 2>/dev/null
  now; lx end "$lang" "$NOW"
}

while read -r line; do
  [ -n "$line" ] && run_language $line
done </payload/languages
