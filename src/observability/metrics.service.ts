import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Surface = 'socket' | 'backoffice' | 'legacy' | 'other';

interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Prometheus metrics of this instance, served at GET /metrics. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'requests_total', help: 'Requests answered, per surface, endpoint and outcome code', labelNames: ['surface', 'endpoint', 'code'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'request_duration_seconds',
    help: 'Time to answer a request, per surface and endpoint',
    labelNames: ['surface', 'endpoint'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly transactions = new Counter({ name: 'ledger_transactions_total', help: 'Committed ledger transactions, per kind', labelNames: ['kind'], registers: [this.registry] });
  private readonly refusals = new Counter({ name: 'refused_operations_total', help: 'Refused requests, per surface and code', labelNames: ['surface', 'code'], registers: [this.registry] });
  private readonly sockets = new Gauge({ name: 'sockets_open', help: 'Open socket.io connections on this instance', registers: [this.registry] });
  private pool: (() => PoolStats | null) | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const pool = () => this.pool?.();
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting clients)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const stats = pool();
        if (!stats) return;
        this.set({ state: 'total' }, stats.totalCount);
        this.set({ state: 'idle' }, stats.idleCount);
        this.set({ state: 'waiting' }, stats.waitingCount);
      },
    });
  }

  observe(surface: Surface, endpoint: string, code: number, seconds: number): void {
    this.requests.inc({ surface, endpoint, code: String(code) });
    this.latency.observe({ surface, endpoint }, seconds);
    if (code >= 400) this.refusals.inc({ surface, code: String(code) });
  }

  transactionCommitted(kind: string): void {
    this.transactions.inc({ kind });
  }

  socketOpened(): void {
    this.sockets.inc();
  }

  socketClosed(): void {
    this.sockets.dec();
  }

  watchPool(stats: () => PoolStats | null): void {
    this.pool = stats;
  }
}
