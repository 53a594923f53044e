import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/**
 * The global pipe: whitelisted DTOs, transformed. A field that is missing altogether is first
 * reported as `<field> is required` (class-validator would otherwise lead with whichever of its
 * constraints was declared last, such as a length limit); the other messages follow.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  protected override flattenValidationErrors(errors: ValidationError[]): string[] {
    const required = missingFields(errors, '').map((path) => `${path} is required`);
    return [...required, ...super.flattenValidationErrors(errors)];
  }
}

function missingFields(errors: ValidationError[], prefix: string): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = error.value === undefined && error.constraints && Object.keys(error.constraints).length > 0 ? [path] : [];
    return [...own, ...missingFields(error.children ?? [], `${path}.`)];
  });
}
