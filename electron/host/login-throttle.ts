// Per-address limit on login attempts, on top of the per-account lockout in the core:
// one machine on the LAN cannot try passwords against many accounts quickly.
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts = 20,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; answers the seconds to wait when over the limit, or 0. */
  hit(address: string): number {
    const now = this.now();
    const recent = (this.attempts.get(address) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.maxAttempts) {
      this.attempts.set(address, recent);
      return Math.ceil((recent[0]! + this.windowMs - now) / 1000);
    }
    recent.push(now);
    this.attempts.set(address, recent);
    if (this.attempts.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((t) => now - t >= this.windowMs)) this.attempts.delete(key);
    }
  }
}
