import { ValidateBy, type ValidationOptions } from 'class-validator';

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * An amount as a JSON number (finite) or an exact decimal string. Its scale is checked later,
 * against the asset, where too many decimals is refused rather than rounded.
 */
export function IsAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAmount',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 100 && DECIMAL.test(value.trim())),
        defaultMessage: (args) => `${args?.property} must be a number or a decimal string`,
      },
    },
    options,
  );
}
