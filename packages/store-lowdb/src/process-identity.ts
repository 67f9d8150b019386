import { readFileSync } from 'node:fs';

/**
 * A process as the kernel names it: the boot, its pid as /proc shows it (which is not `process.pid`
 * inside a new PID namespace without its own /proc) and its start time in clock ticks since boot
 * (field 22 of /proc/<pid>/stat). A reused pid has another start time.
 */
export interface ProcessIdentity {
  bootId: string;
  procPid: number;
  startTime: string;
}

function readStat(which: string): { pid: number; startTime: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${which}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2 is the command in parentheses and may itself hold spaces and parentheses.
  const close = text.lastIndexOf(')');
  const pid = Number.parseInt(text, 10);
  const rest = text.slice(close + 2).split(' ');
  const startTime = rest[22 - 3];
  return Number.isInteger(pid) && startTime && /^\d+$/.test(startTime) ? { pid, startTime } : undefined;
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

let own: ProcessIdentity | null | undefined;

/** This process's identity, or undefined without /proc (then only the pid is recorded). */
export function ownIdentity(): ProcessIdentity | undefined {
  if (own === undefined) {
    const stat = readStat('self');
    const boot = bootId();
    own = stat && boot ? { bootId: boot, procPid: stat.pid, startTime: stat.startTime } : null;
  }
  return own ?? undefined;
}

/** The identity of the process that has `procPid` now, in the same /proc; undefined when none has. */
export function identityOf(procPid: number): { startTime: string } | undefined {
  if (!Number.isInteger(procPid) || procPid <= 0) return undefined;
  const stat = readStat(String(procPid));
  return stat ? { startTime: stat.startTime } : undefined;
}
