// Commerce7's error envelope (platform.md §4): every failure the emulator answers has this shape.
import { ERROR_TYPES, type Commerce7Error } from '../catalog/api.js';

export type ErrorStatus = keyof typeof ERROR_TYPES;

/** An error answered to the client as `{ statusCode, type, message, errors }`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: ErrorStatus,
    message: string,
    readonly errors: Commerce7Error['errors'] = [],
    /** Extra response headers (e.g. Retry-After on 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toEnvelope(): Commerce7Error {
    return { statusCode: this.statusCode, type: ERROR_TYPES[this.statusCode], message: this.message, errors: this.errors };
  }
}

/** A 422 validationError about one field. */
export function validationError(field: string, message: string): ApiError {
  return new ApiError(422, `${field}: ${message}`, [{ field, message }]);
}
