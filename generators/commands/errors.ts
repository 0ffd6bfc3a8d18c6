// Exit codes shared by every command: 0 fine, 1 the input is invalid / a check failed, 2 usage or I/O error.
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

// Marks a UserError of any copy of this module: the bundle's files each hold one (scripts/build-bundle.mjs), and an
// error may cross from one to another.
const USER_ERROR = Symbol.for('generator-c7-app.UserError');

/** An error that ends a command with a message for the user and an exit code (no stack trace). */
export class UserError extends Error {
  readonly [USER_ERROR] = true;
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
  }
}

/** A UserError, whichever copy of this module made it. */
export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError || (typeof err === 'object' && err !== null && (err as { [USER_ERROR]?: unknown })[USER_ERROR] === true);
}
