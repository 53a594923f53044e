import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { CheckTally } from './check-tally.js';

/**
 * Checks socket.io messages against the AsyncAPI document the server itself serves at
 * /docs/asyncapi.json, as openapi-contract.ts checks REST answers against /docs-json: every
 * acknowledgement must fit one of its request's reply messages, every push one of the messages
 * of its channel, every webhook delivery its event type's payload and headers. The socket
 * helpers (socket-client.ts, platform-client.ts) check whatever their sockets receive; a
 * mismatch is recorded and fails the test that received it (test/setup/asyncapi-check.ts).
 */

// ajv-formats is CommonJS with a default export; under Node's ESM interop it arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/* eslint-disable @typescript-eslint/no-explicit-any -- the document is walked as plain JSON */
type Doc = any;

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (key: string) => key.replace(/~1/g, '/').replace(/~0/g, '~');

export class AsyncApiContract {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  /** Request event → pointers of its reply messages' payloads. */
  readonly acks = new Map<string, string[]>();
  /** Pushed event → pointers of its messages' payloads. */
  readonly pushes = new Map<string, string[]>();
  /** Webhook event type → pointer of its message. */
  readonly webhooks = new Map<string, string>();

  constructor(readonly document: Doc) {
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateFormats: true }));
    this.ajv.addSchema(document, 'asyncapi');
    for (const operation of Object.values(document.operations as Record<string, Doc>)) {
      const address = this.at(operation.channel.$ref).address as string | null;
      const payloads = (refs: Array<{ $ref: string }>) => refs.map((m) => `${this.follow(m.$ref)}/payload`);
      if (operation.action === 'receive' && operation.reply && address) this.acks.set(address, payloads(operation.reply.messages));
      else if (operation.action === 'send' && address) this.pushes.set(address, payloads(operation.messages));
      else if (operation.action === 'send') {
        for (const m of operation.messages as Array<{ $ref: string }>) {
          const pointer = this.follow(m.$ref);
          this.webhooks.set(this.at(`#${pointer}`).name as string, pointer);
        }
      }
    }
  }

  /** The node at a local `$ref` (`#/a/b`). */
  private at(ref: string): Doc {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node: Doc, key) => node?.[unescape(key)], this.document);
  }

  /** The JSON pointer a `$ref` ends at, following `$ref`s on the way. */
  private follow(ref: string): string {
    let pointer = ref.replace(/^#/, '');
    for (let node = this.at(`#${pointer}`); node?.$ref; node = this.at(`#${pointer}`)) pointer = node.$ref.replace(/^#/, '');
    return pointer;
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `asyncapi#${pointer.split('/').map((k) => escape(unescape(k))).join('/')}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  /** Null when `value` fits one of the schemas, else what is wrong with it against each. */
  private fits(pointers: readonly string[], value: unknown): string | null {
    const problems: string[] = [];
    for (const pointer of pointers) {
      const validate = this.validator(pointer);
      if (validate(value)) return null;
      problems.push(`  against ${pointer}:\n${(validate.errors ?? []).map((e) => `    ${e.instancePath || '(payload)'} ${e.message} ${JSON.stringify(e.params)}`).join('\n')}`);
    }
    return problems.join('\n');
  }

  /** Checks the acknowledgement of a request event; null when it fits the document. */
  checkAck(event: string, answer: unknown): string | null {
    const pointers = this.acks.get(event) ?? ['/components/schemas/UnknownEventAnswer'];
    const problem = this.fits(pointers, answer);
    return problem && `the acknowledgement of ${event}${this.acks.has(event) ? '' : ' (an event the document does not describe)'} does not fit the document:\n${problem}\n${JSON.stringify(answer).slice(0, 1000)}`;
  }

  /** Checks an event the server pushed; null when it fits the document. */
  checkPush(event: string, payload: unknown): string | null {
    const pointers = this.pushes.get(event);
    if (!pointers) return `the server sent ${event}, which the document does not describe:\n${JSON.stringify(payload).slice(0, 1000)}`;
    const problem = this.fits(pointers, payload);
    return problem && `the push ${event} does not fit the document:\n${problem}\n${JSON.stringify(payload).slice(0, 1000)}`;
  }

  /** Checks a webhook delivery (its JSON body and its headers, lower-cased names); null when it fits. */
  checkWebhook(body: Record<string, unknown>, headers: Record<string, string>): string | null {
    const pointer = typeof body.type === 'string' ? this.webhooks.get(body.type) : undefined;
    if (!pointer) return `a webhook of type ${String(body.type)}, which the document does not describe`;
    const problem = this.fits([`${pointer}/payload`], body) ?? this.fits([`${pointer}/headers`], headers);
    return problem && `the webhook ${String(body.type)} does not fit the document:\n${problem}\n${JSON.stringify(body).slice(0, 1000)}`;
  }
}

const contracts = new Map<string, Promise<AsyncApiContract>>();
/** Contracts by the text of their document, compiled once for all the servers that serve it (as openapi-contract.ts). */
const byDocument = new Map<string, AsyncApiContract>();
const rawFetch = globalThis.fetch;

/** The contract of the server at `baseUrl`, from its own /docs/asyncapi.json (fetched once per server). */
export function asyncContractOf(baseUrl: string): Promise<AsyncApiContract> {
  const origin = new URL(baseUrl).origin;
  let contract = contracts.get(origin);
  if (!contract) {
    contract = rawFetch(`${origin}/docs/asyncapi.json`).then(async (res) => {
      if (!res.ok) throw new Error(`${origin}/docs/asyncapi.json answered ${res.status}`);
      const text = await res.text();
      let known = byDocument.get(text);
      if (!known) byDocument.set(text, (known = new AsyncApiContract(JSON.parse(text))));
      return known;
    });
    contracts.set(origin, contract);
    contract.catch(() => contracts.delete(origin));
  }
  return contract;
}

// ---- what the sockets of a test received that does not fit, and how many messages fit ----

const mismatches: string[] = [];
const tally = new CheckTally('ASYNCAPI_TALLY_DIR');

/** Records the outcome of one check (see AsyncApiContract). */
export function record(kind: string, problem: string | null): void {
  if (problem) {
    mismatches.push(problem);
    return;
  }
  tally.count(kind);
}

/** The mismatches seen since the last call, forgotten once taken. */
export const takeMismatches = (): string[] => mismatches.splice(0);

/** A socket of socket.io-client 2.x or 4.x, as far as checking what it receives needs. */
interface CheckableSocket {
  emit(event: string, ...args: unknown[]): unknown;
}

/**
 * Checks what `socket` receives from the server at `url` from now on: every acknowledgement of
 * what it emits, and every event the server sends it (through `onIncoming`, which the client
 * version provides: `onAny` for 4.x, the packet handler for 2.x). The document is fetched
 * first; messages that arrive before it are checked when it comes, in order.
 */
export function checkSocket(url: string, socket: CheckableSocket, onIncoming: (listener: (event: string, payload: unknown) => void) => void): Promise<void> {
  const contract = asyncContractOf(url);
  let ready: AsyncApiContract | null = null;
  const check = (run: (c: AsyncApiContract) => void) => (ready ? run(ready) : void contract.then(run, () => undefined));
  const emit = socket.emit.bind(socket);
  socket.emit = (event: string, ...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack === 'function') {
      const checkedAck = (...answer: unknown[]) => {
        // Error-first callbacks (emitWithAck, `timeout()`) get `(null, answer)`, or an Error on timeout.
        const payload = answer.length > 1 && answer[0] === null ? answer[1] : answer[0];
        if (!(answer[0] instanceof Error)) check((c) => record(`ack ${event}`, c.checkAck(event, payload)));
        return (ack as (...a: unknown[]) => unknown)(...answer);
      };
      // socket.io-client 4 marks emitWithAck's callback error-first with this flag: the wrapper keeps it.
      args[args.length - 1] = Object.assign(checkedAck, { withError: (ack as { withError?: boolean }).withError });
    }
    return emit(event, ...args);
  };
  onIncoming((event, payload) => check((c) => record(`push ${event}`, c.checkPush(event, payload))));
  return contract.then(
    (c) => void (ready = c),
    () => undefined,
  );
}

// ---- the tally, reported at the end of `npm test` (as openapi-contract.ts does) ----

export const saveAsyncTally = (): void => tally.save();
export const startAsyncApiTally = (): void => tally.start();

export function reportAsyncApiTally(): void {
  const total = tally.total();
  if (!total) return;
  console.log(`AsyncAPI: ${total.validated} socket messages and webhooks validated against /docs/asyncapi.json (${total.kinds.size} kinds: ${[...total.kinds].sort().join(', ')})`);
}
