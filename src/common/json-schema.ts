/**
 * JSON Schemas (draft 07, the base of AsyncAPI's schema format) written as plain data, beside
 * the code that makes each payload, so that the published documents and the answers they
 * describe change together. The builders only keep the schemas short; they add no meaning.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

declare const describes: unique symbol;
/**
 * A schema that also carries, for TypeScript only, the type of the values it describes (nothing
 * of it exists at run time): code that makes a payload can be typed by the very schema the
 * documents publish (`Described`), so the two cannot drift apart unnoticed.
 */
export type Schema<T> = JsonSchema & { readonly [describes]?: T };
/** The type of the values a schema describes; `unknown` for a schema written as plain data. */
export type Described<S> = S extends { readonly [describes]?: infer T } ? T : unknown;

export const stringSchema = (description: string, extra: JsonSchema = {}): Schema<string> => ({ type: 'string', description, ...extra });
export const numberSchema = (description: string, extra: JsonSchema = {}): Schema<number> => ({ type: 'number', description, ...extra });
export const integerSchema = (description: string, extra: JsonSchema = {}): Schema<number> => ({ type: 'integer', description, ...extra });
export const arraySchema = <S extends JsonSchema>(items: S, description: string): Schema<ReadonlyArray<Described<S>>> => ({ type: 'array', description, items });
/** Exactly this value. */
export const constSchema = <const T extends string | number | boolean>(value: T): Schema<T> => ({ const: value });
/** What `schema` describes, or null (a JSON type list, as draft 07 writes it). */
export const orNullSchema = <S extends JsonSchema>(schema: S): Schema<Described<S> | null> => ({ ...schema, type: [schema.type, 'null'] });

type Flat<T> = { [K in keyof T]: T[K] };
/** The values of an object schema: `optional` properties may be missing; an `open` one may have others. */
type ObjectOf<P, Optional extends PropertyKey, Open extends boolean> = Flat<
  { [K in Exclude<keyof P, Optional>]: Described<P[K]> } & { [K in Extract<keyof P, Optional>]?: Described<P[K]> }
> &
  (Open extends true ? { readonly [name: string]: unknown } : unknown);

/**
 * An object whose every listed property is required unless named in `optional`. Closed by
 * default (`additionalProperties: false`): a field the server starts sending must be described
 * before the tests that receive it pass.
 */
export function objectSchema<P extends Record<string, JsonSchema>, Optional extends string = never, Open extends boolean = false>(
  properties: P,
  options: { optional?: readonly Optional[]; open?: Open; description?: string } = {},
): Schema<ObjectOf<P, Optional, Open>> {
  const optional = new Set<string>(options.optional ?? []);
  return {
    type: 'object',
    ...(options.description ? { description: options.description } : {}),
    properties,
    required: Object.keys(properties).filter((name) => !optional.has(name)),
    additionalProperties: options.open ?? false,
  };
}

/** A map from names (actions, for instance) to values of one schema. */
export const mapSchema = <S extends JsonSchema>(values: S, description: string): Schema<Record<string, Described<S>>> => ({ type: 'object', description, additionalProperties: values });

/** An exact decimal string, signed or not (how amounts travel where a float would lose them). */
export const decimalStringSchema = (description: string, signed = false): Schema<string> =>
  stringSchema(description, { pattern: signed ? '^-?\\d+(\\.\\d+)?$' : '^\\d+(\\.\\d+)?$', examples: [signed ? '-12.5' : '12.5'] });

export const dateTimeSchema = (description: string): Schema<string> => stringSchema(description, { format: 'date-time' });
