import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** One registry per app instance so tests can build several apps in one process. */
export const createMetrics = () => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const httpDuration = new Histogram({
    name: 'unionhall_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  const auditWrites = new Counter({
    name: 'unionhall_audit_records_total',
    help: 'Audit records written',
    registers: [registry],
  })
  return { registry, httpDuration, auditWrites }
}
export type Metrics = ReturnType<typeof createMetrics>
