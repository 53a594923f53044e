/** Largest REST or form body accepted, in bytes (100 kB); Fastify answers a larger one 413. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Deepest a REST body may nest (json-body-policy.ts): deeper than any request of the REST API (a product's plans nest 3). */
export const MAX_BODY_DEPTH = 32;
