// The one message protocol between Almanac and its worker threads (thread.ts). A task module
// declares its messages as a map of named tasks, each with its request, its result and
// (optionally) the progress it reports on the way:
//
//   type NoteTasks = { parse: Task<Items, string>; render: Task<RenderWork, void, string> };
//
// A request crosses as `{id, type, body}` (id 0: a post, which gets no reply); the worker
// answers `{id, type: 'progress' | 'done' | 'failed'}`. A failure crosses as one plain shape
// (name, message, stack) and becomes an AlmanacError on the calling side.
import { AlmanacError } from '../errors.js';

export interface Task<Request, Result, Progress = never> {
  request: Request;
  result: Result;
  progress: Progress;
}

/** A worker's tasks by name. */
export type Tasks = Record<string, Task<unknown, unknown, unknown>>;

export interface RequestEnvelope<T extends Tasks, K extends keyof T = keyof T> {
  /** 0 for a post (no reply wanted). */
  id: number;
  type: K;
  body: T[K]['request'];
}

export type ReplyEnvelope =
  | { id: number; type: 'progress'; progress: unknown }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'failed'; error: ThreadError };

/** An error as it crosses threads. */
export interface ThreadError {
  name: string;
  message: string;
  stack: string | null;
}

export function toThreadError(error: unknown): ThreadError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack ?? null };
  return { name: 'Error', message: String(error), stack: null };
}

/** The calling side's error for a worker's failure; `label` says what was being done ("Parsing notes"). */
export function fromThreadError(label: string, error: ThreadError): AlmanacError {
  const thrown = new AlmanacError(`${label}: ${error.message}`);
  if (error.stack !== null) thrown.stack = `${thrown.name}: ${label}: ${error.stack}`;
  return thrown;
}

/** Validate a reply at the edge (a worker module of another version would send something else). */
export function isReply(value: unknown): value is ReplyEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type } = value as { id?: unknown; type?: unknown };
  return typeof id === 'number' && (type === 'progress' || type === 'done' || type === 'failed');
}

export function isRequest(value: unknown): value is RequestEnvelope<Tasks> {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type } = value as { id?: unknown; type?: unknown };
  return typeof id === 'number' && typeof type === 'string' && 'body' in value;
}
