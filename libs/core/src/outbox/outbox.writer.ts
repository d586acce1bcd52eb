import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OUTBOX_CHANNEL, OutboxEventPayloads, OutboxEventType } from './outbox-events';

/**
 * Records a domain event inside the caller's transaction. If the transaction rolls back the
 * event is gone too; if it commits, the relay will deliver it even if Redis is down right now.
 */
@Injectable()
export class OutboxWriter {
  async record<E extends OutboxEventType>(manager: EntityManager, type: E, payload: OutboxEventPayloads[E]): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox event ${type} must be recorded inside a transaction`);
    }
    const rows: { id: string }[] = await manager.query(
      'INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id',
      [type, JSON.stringify(payload)],
    );
    // Delivered at commit; wakes the relay at once instead of at its next poll.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, rows[0].id]);
    return rows[0].id;
  }
}
