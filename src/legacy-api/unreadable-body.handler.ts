import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { HashFailureThrottle } from './hash-failure-throttle.js';
import { answerLegacyFailure } from './legacy-exception.filter.js';
import { checkGates, refuseHash } from './legacy-gates.js';
import { resolveLegacyMethod } from './legacy-methods.js';
import type { LegacyRequest } from './legacy-params.js';

export const LEGACY_PREFIXES = ['/billing/api', '/api'] as const;

/** `/<method>` under a prefix, as Express gives the path to middleware mounted there. */
const METHOD_PATH = /^\/([^/]+)\/?$/;

/**
 * A body the app's global parsers refuse (malformed JSON, over the size limit, an unknown
 * charset) fails before any route runs, so neither the hash guard nor the legacy exception
 * filter sees it, and the app would answer JSON. Legacy clients must get XML: this Express
 * error handler, mounted on the legacy prefixes, answers such a request as the API answers any
 * request whose hashed parameters cannot be read: the gate checks in their order, then
 * `Incorrect hash` (counted like any wrong hash).
 *
 * Registered at module init, which Nest runs after the routes and before its own catch-all
 * error handler, so this one is asked first for legacy paths and nowhere else.
 */
@Injectable()
export class UnreadableBodyHandler implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: HashFailureThrottle,
  ) {}

  onModuleInit(): void {
    const express = this.adapterHost.httpAdapter.getInstance<{ use(path: readonly string[], handler: ErrorHandler): void }>();
    express.use(LEGACY_PREFIXES, (error, request, response, next) => {
      const segment = METHOD_PATH.exec(request.path)?.[1];
      if (segment === undefined) return next(error);
      try {
        if (!isClientError(error)) throw error;
        checkGates(request, resolveLegacyMethod(decodeSegment(segment)), this.config.legacy, this.throttle);
        refuseHash(request, this.throttle);
      } catch (failure) {
        answerLegacyFailure(request, response, failure);
      }
    });
  }
}

type ErrorHandler = (error: unknown, request: LegacyRequest & { path: string }, response: ServerResponse, next: (error?: unknown) => void) => void;

/** body-parser's refusals carry a 4xx status; anything else is unexpected. */
function isClientError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The method name as the router would have decoded it; undecodable text names no method. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
