// The fast path's one way out: a token or a construct it has no mapping for, where the
// caller falls back to remark.

/** A token the fast path has no mapping for; the caller falls back to remark. */
export class FastPathUnsupported extends Error {}
