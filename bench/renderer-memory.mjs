// The resident memory of the Chromium renderer processes started by this script (bench/run.mjs and
// bench/worker-path.mjs), read from /proc: Linux only.
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The peak and current resident memory (VmHWM, VmRSS, in bytes) of the Chromium renderer processes this
 * script started: the processes below this one whose command line says `--type=renderer`.
 */
export function rendererMemory() {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const isOurs = (pid) => {
    for (let current = pid; current > 1; current = parents.get(current) ?? 0) {
      if (current === process.pid) return true;
    }
    return false;
  };
  const renderers = [];
  for (const pid of parents.keys()) {
    try {
      if (!isOurs(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kilobytes = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0) * 1024;
      renderers.push({ pid, peak: kilobytes('VmHWM'), current: kilobytes('VmRSS') });
    } catch {
      // The process ended while we looked.
    }
  }
  return renderers;
}
