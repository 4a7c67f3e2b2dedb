/** A few standard process metrics in Prometheus text format, served by Grafana at /metrics/plugins/<id>. */
export function processMetricsText(): string {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const metrics: Array<[name: string, type: 'gauge' | 'counter', help: string, value: number]> = [
    [
      'process_cpu_seconds_total',
      'counter',
      'Total user and system CPU time spent in seconds.',
      (cpu.user + cpu.system) / 1e6,
    ],
    ['process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', memory.rss],
    [
      'process_start_time_seconds',
      'gauge',
      'Start time of the process since unix epoch in seconds.',
      Math.round(Date.now() / 1000 - process.uptime()),
    ],
    ['nodejs_heap_used_bytes', 'gauge', 'V8 heap in use, in bytes.', memory.heapUsed],
  ];
  return metrics
    .map(([name, type, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}\n`)
    .join('');
}
