import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Global, Inject, Injectable, Module, type DynamicModule, type LoggerService } from '@nestjs/common';
import { pino, type Logger as Pino } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { AppConfig } from '../config/app-config.js';
import { redactedUrl } from './redacted-url.js';

const QUIET_PATHS = new Set(['/health', '/metrics']);
const REQUEST_LINES_LOGGED = new Set(['info', 'debug', 'trace']);

/** The pino-http instance of the application (http/request-logging.ts gives it every request). */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/**
 * A request's or socket event's logger, made on first use: most requests log nothing (request
 * lines are off below info), and a pino child serializes its bindings when it is made.
 */
class LazyLogger {
  private made: Pino | undefined;
  constructor(private readonly make: () => Pino) {}
  get logger(): Pino {
    return (this.made ??= this.make());
  }
}

/** The logger of the request or socket event being handled, else none (the root logger is used). */
const context = new AsyncLocalStorage<LazyLogger>();

/**
 * Structured JSON logs, one line per event, each with the request id (`x-request-id`, echoed
 * back, or a new one) or, for socket events, the event and its id. A request's line has its
 * client address (§10: through TRUST_PROXY only) and its URL. What may hold a secret never
 * reaches a line: headers are not logged, and a URL's credentials (a socket token, a session id,
 * the legacy API's hash) are redacted (redacted-url.ts).
 *
 * A small replacement for nestjs-pino (whose releases for NestJS 12 need Node 22): pino-http
 * in the app's first hook, an AsyncLocalStorage that carries each request's child
 * logger, Nest's logger on top of it, and `PinoLogger.runInContext` for socket events.
 */
/** The request's id: the client's `x-request-id` when it is a plain token, else a new one; echoed back. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/** The id the request was given (see requestId above), for records that must point at its log lines. */
export function requestIdOf(req: IncomingMessage): string {
  const id = (req as IncomingMessage & { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : 'unknown';
}

export function createHttpLogger(config: AppConfig): HttpLogger {
  return pinoHttp({
    logger: pino({ level: config.logLevel }),
    genReqId: requestId,
    serializers: {
      req: (req: { id: string; method: string; url: string; raw: IncomingMessage }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        url: redactedUrl(req.url),
        address: config.trustProxy.clientOfRequest(req.raw),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Request lines are logged at info; when that level is off, pino-http need not watch for them.
    autoLogging: REQUEST_LINES_LOGGED.has(config.logLevel) ? { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) } : false,
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
}

const LOGGER_OF = Symbol('request logger');
type Raw = IncomingMessage & { [LOGGER_OF]?: LazyLogger; id?: string; log?: Pino };

/**
 * Gives a request its id and its logger: from the first hook (so a body the parsers refuse is
 * answered and logged with its request id like any other), and for the few requests refused
 * before any hook runs (a URL the router cannot decode). The hooks: http/request-logging.ts.
 */
export function requestIdentifier(httpLogger: HttpLogger): (req: IncomingMessage, res: ServerResponse) => void {
  const { logger } = httpLogger;
  const quiet = !REQUEST_LINES_LOGGED.has(logger.level);
  return (raw: IncomingMessage, res: ServerResponse): void => {
    const req = raw as Raw;
    if (quiet) {
      // No request lines to write, so pino-http has nothing to watch for: the request gets its id
      // now and its logger (the same child pino-http would make, `req` serialized by its
      // serializers from the unchanging url) only if something logs during it.
      req.id = requestId(req, res);
      req[LOGGER_OF] = new LazyLogger(() => logger.child({ req }));
    } else {
      httpLogger(req, res);
      const log = req.log ?? logger;
      req[LOGGER_OF] = new LazyLogger(() => log);
    }
  };
}

/** Runs `done` inside the request's logging context, so every line logged during it carries the request's id. */
export function inRequestContext(raw: IncomingMessage, done: () => void): void {
  const store = (raw as Raw)[LOGGER_OF];
  if (store) context.run(store, done);
  else done();
}

const current = (root: Pino): Pino => context.getStore()?.logger ?? root;

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** A pino logger for one component, bound to the request or event being handled. */
export class PinoLogger {
  constructor(
    private readonly root: Pino,
    private readonly component: string,
  ) {}

  trace(obj: object | string, message?: string): void { this.call('trace', obj, message); }
  debug(obj: object | string, message?: string): void { this.call('debug', obj, message); }
  info(obj: object | string, message?: string): void { this.call('info', obj, message); }
  warn(obj: object | string, message?: string): void { this.call('warn', obj, message); }
  error(obj: object | string, message?: string): void { this.call('error', obj, message); }
  fatal(obj: object | string, message?: string): void { this.call('fatal', obj, message); }

  /** Runs `fn` with a context whose log lines carry `bindings` (across every await inside it). */
  runInContext<T>(fn: () => T, options: { bindings?: Record<string, unknown> } = {}): T {
    const { bindings } = options;
    return context.run(new LazyLogger(() => (bindings ? this.root.child(bindings) : this.root)), fn);
  }

  private call(level: Level, obj: object | string, message?: string): void {
    const logger = current(this.root);
    if (typeof obj === 'string') logger[level]({ context: this.component }, obj);
    else logger[level]({ context: this.component, ...(obj instanceof Error ? { err: obj } : obj) }, message);
  }
}

const pinoLoggerToken = (component: string) => `PinoLogger:${component}`;
const components = new Set<string>();

/** Injects a PinoLogger for `component` (as nestjs-pino's decorator of the same name). */
export function InjectPinoLogger(component: string): ParameterDecorator {
  components.add(component);
  return Inject(pinoLoggerToken(component));
}

/** Nest's LoggerService over pino: `app.useLogger(app.get(Logger))`. */
@Injectable()
export class Logger implements LoggerService {
  constructor(@Inject(HTTP_LOGGER) private readonly http: HttpLogger) {}

  verbose(message: unknown, ...rest: unknown[]): void { this.call('trace', message, rest); }
  debug(message: unknown, ...rest: unknown[]): void { this.call('debug', message, rest); }
  log(message: unknown, ...rest: unknown[]): void { this.call('info', message, rest); }
  warn(message: unknown, ...rest: unknown[]): void { this.call('warn', message, rest); }
  error(message: unknown, ...rest: unknown[]): void { this.call('error', message, rest); }
  fatal(message: unknown, ...rest: unknown[]): void { this.call('fatal', message, rest); }

  /** Nest passes the context (a class name) last; an error's stack comes before it. */
  private call(level: Level, message: unknown, rest: unknown[]): void {
    const fields: Record<string, unknown> = {};
    const params = [...rest];
    if (params.length > 0) fields.context = params.pop();
    if (message instanceof Error) fields.err = message;
    else if (typeof message === 'object' && message !== null) Object.assign(fields, message);
    if (level === 'error' && typeof message === 'string' && typeof params[0] === 'string' && /\n\s*at /.test(params[0])) {
      const err = new Error(message);
      err.stack = params[0];
      fields.err = err;
    }
    current(this.http.logger)[level](fields, typeof message === 'string' ? message : undefined);
  }
}

@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const httpLogger = createHttpLogger(config);
    const perComponent = [...components].map((component) => ({
      provide: pinoLoggerToken(component),
      useFactory: () => new PinoLogger(httpLogger.logger, component),
    }));
    return {
      module: LoggingModule,
      providers: [{ provide: HTTP_LOGGER, useValue: httpLogger }, Logger, ...perComponent],
      exports: [HTTP_LOGGER, Logger, ...perComponent.map((p) => p.provide)],
    };
  }
}

export const loggingModule = (config: AppConfig) => LoggingModule.forRoot(config);
