// Errors across the build thread's boundary: posted as their class name, message and (for a
// BuildError) warnings, and rebuilt on the other side as what they were.
import { AlmanacError, ConfigError, UsageError } from '../../errors.js';
import { BuildError } from './build-warnings.js';
import type { BuildWarning } from '../model/warnings.js';

export interface PostedError {
  type: 'error';
  name: string;
  message: string;
  almanac: boolean;
  warnings: BuildWarning[] | null;
}

export function postedError(error: unknown): PostedError {
  const almanac = error instanceof AlmanacError;
  // An unexpected error keeps its stack: the CLI prints it as a bug report.
  const message = error instanceof Error ? (almanac ? error.message : (error.stack ?? error.message)) : String(error);
  return {
    type: 'error',
    name: error instanceof Error ? error.name : 'Error',
    message,
    almanac,
    warnings: error instanceof BuildError ? error.warnings : null,
  };
}

export function rebuiltError(posted: PostedError): Error {
  if (posted.name === 'BuildError') return new BuildError(posted.message, posted.warnings ?? []);
  if (posted.name === 'ConfigError') return new ConfigError(posted.message);
  if (posted.name === 'UsageError') return new UsageError(posted.message);
  if (posted.almanac) return new AlmanacError(posted.message);
  const error = new Error(posted.message);
  error.name = posted.name;
  error.stack = posted.message;
  return error;
}
