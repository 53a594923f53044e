import { applyDecorators, Controller } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiParam,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { ref, USER_ID } from './api-schemas.js';

/** Base path of every backoffice route. */
export const BACKOFFICE = 'back-api/backoffice';

/** An error answer's schema and example, for a route's documented refusals. */
export const errorExample = (statusCode: number, message: string | string[]) => ({ schema: ref('Error'), example: { statusCode, message } });
const error = errorExample;

/**
 * Every backoffice controller: the admin role (so no route can forget it), its OpenAPI tag,
 * bearer auth, and the 401/403 every route shares.
 */
export const BackofficeController = (tag: string) =>
  applyDecorators(
    Controller(BACKOFFICE),
    Roles('admin'),
    ApiTags(tag),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, expired or invalid token', ...error(401, 'Unauthorized') }),
    ApiForbiddenResponse({ description: 'The token lacks the admin role', ...error(403, 'Requires role: admin') }),
  );

/**
 * The 400 of a route, with an example message: `validation` messages come from the DTO checks
 * and are answered as an array (every failed constraint); `refused` ones from the handler, as
 * one string.
 */
export const ApiInvalid = (message = 'amount must be a number or a decimal string', kind: 'validation' | 'refused' = 'validation') =>
  ApiBadRequestResponse({
    description: 'Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field',
    ...error(400, kind === 'validation' ? [message] : message),
  });

/** A path parameter with an example, for the OpenAPI document. */
export const ApiPathParam = (name: string, example: string, description?: string, schema: { pattern?: string; maxLength?: number } = {}) =>
  ApiParam({ name, example, description, schema: { type: 'string', minLength: 1, ...schema } });

/** Every `/user/{userId}/…` route: the parameter and the spec's 404. */
export const ApiUnknownUser = () =>
  applyDecorators(
    ApiPathParam('userId', '68e057fe-0aec-03db-20f8-5f811abf7da6', 'The user id (JWT `sub`)', { pattern: USER_ID, maxLength: 128 }),
    ApiNotFoundResponse({ description: 'No such user', ...error(404, 'User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found.') }),
  );

/** Every `/transactions/{transactionId}…` route: the parameter and its 404. */
export const ApiUnknownTransaction = (description: string) =>
  applyDecorators(
    ApiPathParam('transactionId', '17', description, { pattern: '^[0-9]+$', maxLength: 18 }),
    ApiNotFoundResponse({ description: 'No such transaction (a non-numeric id included)', ...error(404, 'Transaction 17 not found') }),
  );

/** A route that moves a user's own money, refused while that user is frozen. */
export const ApiFrozen = () =>
  ApiResponse({ status: 423, description: "The user is frozen and this moves the user's own money", ...error(423, 'User 68e057fe-0aec-03db-20f8-5f811abf7da6 is frozen') });

/** POSTs that move money take an Idempotency-Key (some require it); documents the header and its 409. */
export const ApiIdempotent = (options: { required?: boolean } = {}) =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: options.required ?? false,
      description:
        'Up to 255 characters, scoped to this exact path. The same key and body replay the stored answer (status and body); the same key with another body is 409.',
      example: '5f0c6a52-0b2c-4d8e-a0f4-1b7f5f3b2c11',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
    ApiConflictResponse({ description: 'Idempotency-Key reused with another body', ...error(409, 'Idempotency key reused with a different request') }),
  );
