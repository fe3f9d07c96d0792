// Per-token limit on API calls (a token bucket per bearer token): a stolen or runaway token cannot
// flood the host or page through every record at machine speed. Keys are SHA-256 of the token,
// so the map never holds a usable secret.
import { createHash } from 'node:crypto';

export interface TokenRateLimitOptions {
  /** Calls allowed in one burst. */
  capacity: number;
  /** Calls regained per second, up to the capacity. */
  refillPerSecond: number;
}

/** A person working fast uses a few calls a second; a screen opening fires a dozen at once. */
export const DEFAULT_TOKEN_RATE_LIMIT: TokenRateLimitOptions = { capacity: 120, refillPerSecond: 5 };

const MAX_TRACKED = 10_000;

export class TokenRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: TokenRateLimitOptions = DEFAULT_TOKEN_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one call from the token's bucket; answers the seconds to wait when empty, or 0. */
  take(token: string): number {
    const key = createHash('sha256').update(token).digest('hex');
    const now = this.now();
    const { capacity, refillPerSecond } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_TRACKED) this.prune(now);
    return 0;
  }

  /** Forgets buckets that have refilled completely: they behave exactly like a new one. */
  private prune(now: number): void {
    const { capacity, refillPerSecond } = this.options;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond >= capacity) this.buckets.delete(key);
    }
  }
}
