/**
 * JSON Schemas (draft 07, the base of AsyncAPI's schema format) written as plain data, beside
 * the code that makes each payload, so that the published documents and the answers they
 * describe change together. The builders only keep the schemas short; they add no meaning.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

export const stringSchema = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
export const numberSchema = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'number', description, ...extra });
export const integerSchema = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', description, ...extra });
export const arraySchema = (items: JsonSchema, description: string): JsonSchema => ({ type: 'array', description, items });

/**
 * An object whose every listed property is required unless named in `optional`. Closed by
 * default (`additionalProperties: false`): a field the server starts sending must be described
 * before the tests that receive it pass.
 */
export function objectSchema(properties: Record<string, JsonSchema>, options: { optional?: readonly string[]; open?: boolean; description?: string } = {}): JsonSchema {
  const optional = new Set(options.optional ?? []);
  return {
    type: 'object',
    ...(options.description ? { description: options.description } : {}),
    properties,
    required: Object.keys(properties).filter((name) => !optional.has(name)),
    additionalProperties: options.open ?? false,
  };
}

/** A map from names (actions, for instance) to values of one schema. */
export const mapSchema = (values: JsonSchema, description: string): JsonSchema => ({ type: 'object', description, additionalProperties: values });

/** An exact decimal string, signed or not (how amounts travel where a float would lose them). */
export const decimalStringSchema = (description: string, signed = false): JsonSchema =>
  stringSchema(description, { pattern: signed ? '^-?\\d+(\\.\\d+)?$' : '^\\d+(\\.\\d+)?$', examples: [signed ? '-12.5' : '12.5'] });

export const dateTimeSchema = (description: string): JsonSchema => stringSchema(description, { format: 'date-time' });
