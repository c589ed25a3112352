// One error base with `cause`; the CLI maps each kind to an exit code in one place.
export class AlmanacError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad configuration or command-line usage: exit code 2. */
export class ConfigError extends AlmanacError {}
export class UsageError extends AlmanacError {}
