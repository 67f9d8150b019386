/** Position after the last item of a page: the sort key (updatedAt as epoch ms, id). */
export interface ListPosition {
  ms: number;
  id: string;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.ms, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && Number.isFinite(value[0]) && typeof value[1] === 'string') {
      return { ms: value[0] as number, id: value[1] };
    }
  } catch {
    /* fall through */
  }
  throw new RangeError('Invalid cursor');
}

/** Page sizes are 1-100 (default 50); out-of-range values are clamped rather than rejected. */
export function pageSize(limit: number | undefined, fallback = 50, max = 100): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}
