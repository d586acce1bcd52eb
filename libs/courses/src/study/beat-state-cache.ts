/** How long a session's state is reused: longer than the heartbeat interval (30 s by default). */
const KEPT_MS = 120_000;
/** Open sessions remembered per process; the oldest written is dropped first. */
const KEPT_SESSIONS = 50_000;

/**
 * The heartbeat state of open study sessions as this process last wrote it, so the next
 * heartbeat of a session is one statement instead of a read and a write. It is a hint only:
 * the write checks that the rows are still the versions remembered here, and a miss costs one
 * read. Entries are per trainee too, so a state is only ever used for the trainee it was read for.
 */
export class BeatStateCache<T> {
  private readonly states = new Map<string, { state: T; userId: string; atMs: number }>();

  get(sessionId: string, userId: string, nowMs: number): T | undefined {
    const entry = this.states.get(sessionId);
    if (!entry || entry.userId !== userId || nowMs - entry.atMs > KEPT_MS) return undefined;
    return entry.state;
  }

  remember(sessionId: string, userId: string, state: T | undefined, nowMs: number): void {
    // Re-inserted, so the Map's insertion order stays oldest-written first.
    this.states.delete(sessionId);
    if (state === undefined) return;
    if (this.states.size >= KEPT_SESSIONS) this.states.delete(this.states.keys().next().value!);
    this.states.set(sessionId, { state, userId, atMs: nowMs });
  }

  forget(sessionId: string): void {
    this.states.delete(sessionId);
  }
}
