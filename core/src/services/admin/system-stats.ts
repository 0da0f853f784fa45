// The machine as maintenance sees it: uptime, memory, disk of the data folder, load.
import { statfsSync } from 'node:fs';
import os from 'node:os';
import type { SystemView } from '@easydo/core/contract/schemas/admin-dashboard';

export function systemStats(dataDir: string): SystemView {
  let disk: SystemView['disk'] = null;
  try {
    const s = statfsSync(dataDir);
    disk = { totalBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
  } catch {
    disk = null;
  }
  return {
    hostUptimeSeconds: Math.round(os.uptime()),
    appUptimeSeconds: Math.round(process.uptime()),
    memory: { totalBytes: os.totalmem(), freeBytes: os.freemem(), rssBytes: process.memoryUsage().rss },
    disk,
    loadAverage: os.loadavg(),
  };
}
