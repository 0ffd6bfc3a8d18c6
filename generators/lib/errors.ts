// An input problem the user can fix (missing answers, a bad flag, an invalid manifest): shown without a stack trace.
export class InputError extends Error {
  override name = 'InputError';
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
