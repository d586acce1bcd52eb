import { JobName, JobPayloads } from '../queue/queues';

/**
 * Domain events written to the outbox in the same transaction as the change they announce.
 * The relay turns each into the jobs listed in {@link OutboxRoutes}.
 */
export interface OutboxEventPayloads {
  'user.registered': { userId: string };
}
export type OutboxEventType = keyof OutboxEventPayloads;

type Route<E extends OutboxEventType> = {
  [J in JobName]: { job: J; payload: (eventId: string, event: OutboxEventPayloads[E]) => JobPayloads[J] };
}[JobName];

/** Event → the jobs it starts. An event with no route is still recorded and marked relayed. */
export const OutboxRoutes: { readonly [E in OutboxEventType]: readonly Route<E>[] } = {
  'user.registered': [{ job: 'notifications.welcome', payload: (eventId, e) => ({ eventId, userId: e.userId }) }],
};

export const OUTBOX_CHANNEL = 'outbox_events';
