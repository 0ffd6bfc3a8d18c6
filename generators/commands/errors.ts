// Exit codes shared by every command: 0 fine, 1 the input is invalid / a check failed, 2 usage or I/O error.
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** An error that ends a command with a message for the user and an exit code (no stack trace). */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
  }
}
