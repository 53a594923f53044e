import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';

const QUIET_PATHS = new Set(['/health', '/metrics']);
const REQUEST_LINES_LOGGED = new Set(['info', 'debug', 'trace']);

/**
 * Structured JSON logs, one line per event, each with the request id (`x-request-id`, echoed
 * back, or a new one) or, for socket events, the event and its id. What may hold a secret never
 * reaches a line: headers are not logged, and URLs are logged without their query string
 * (the legacy API's hash travels there).
 */
export function loggingModule(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Request lines are logged at info; when that level is off, pino-http need not watch for them.
      autoLogging: REQUEST_LINES_LOGGED.has(config.logLevel) ? { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) } : false,
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    },
  });
}
