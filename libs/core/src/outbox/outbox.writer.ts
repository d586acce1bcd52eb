import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { runCommand, runQuery } from '../database/sql-query';
import { outboxSql } from '../sql/outbox.sql';
import { OUTBOX_CHANNEL, OutboxEventPayloads, OutboxEventType } from './outbox-events';

/** Set on a transaction's query runner when it recorded an event: the relay is woken after its commit. */
const PENDING = 'outboxEventPending';

/**
 * Records a domain event inside the caller's transaction. If the transaction rolls back the
 * event is gone too; if it commits, the relay will deliver it even if Redis is down right now.
 *
 * The relay is woken by a NOTIFY sent after the commit, not inside the transaction: a NOTIFY
 * makes PostgreSQL serialize the commits that carry one (a cluster-wide lock held through the WAL
 * flush), which halved the throughput of small writing transactions. The wake-up is only a
 * shortcut (the relay also polls), so one NOTIFY in flight per process stands for every commit
 * that happened meanwhile.
 */
@Injectable()
export class OutboxWriter {
  async record<E extends OutboxEventType>(manager: EntityManager, type: E, payload: OutboxEventPayloads[E]): Promise<string> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error(`outbox event ${type} must be recorded inside a transaction`);
    }
    const rows = await runQuery(manager, outboxSql.insert, [type, JSON.stringify(payload)]);
    ((runner.data ??= {}) as Record<string, unknown>)[PENDING] = true;
    wakeAfterCommit(manager.connection);
    return rows[0].id;
  }

  /**
   * The bound values of an event written by the caller's own statement (`INSERT INTO
   * outbox_events (type, payload) VALUES ($n, $m::jsonb)` as part of a single atomic statement,
   * to save the transaction's round trips). Call {@link committed} once that statement succeeded.
   */
  eventValues<E extends OutboxEventType>(type: E, payload: OutboxEventPayloads[E]): [E, string] {
    return [type, JSON.stringify(payload)];
  }

  /** Wakes the relay after a statement that wrote events outside {@link record} has committed. */
  committed(dataSource: DataSource): void {
    notifier(dataSource).wake();
  }
}

/** One subscriber per data source: it turns "a transaction with events committed" into a wake-up. */
const subscribed = new WeakSet<DataSource>();

function wakeAfterCommit(dataSource: DataSource): void {
  if (subscribed.has(dataSource)) return;
  subscribed.add(dataSource);
  dataSource.subscribers.push(new OutboxCommitSubscriber());
}

class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is not the commit: wait for the outermost transaction.
    if (event.queryRunner.isTransactionActive || !takePending(event.queryRunner)) return;
    notifier(event.dataSource).wake();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) takePending(event.queryRunner);
  }
}

function takePending(runner: QueryRunner): boolean {
  const data = runner.data as Record<string, unknown> | undefined;
  if (!data?.[PENDING]) return false;
  delete data[PENDING];
  return true;
}

/** At most one NOTIFY in flight per data source; commits during it are covered by one more after it. */
class RelayNotifier {
  private inFlight = false;
  private again = false;

  constructor(private readonly dataSource: DataSource) {}

  wake(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (!this.dataSource.isInitialized) return;
    this.inFlight = true;
    // Outside any transaction: no transaction id, no WAL flush while PostgreSQL's notify lock is held.
    runCommand(this.dataSource, outboxSql.notify, [OUTBOX_CHANNEL, ''])
      // The relay polls as well: a lost wake-up only delays delivery to its next pass.
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }
}

const notifiers = new WeakMap<DataSource, RelayNotifier>();

function notifier(dataSource: DataSource): RelayNotifier {
  let n = notifiers.get(dataSource);
  if (!n) {
    n = new RelayNotifier(dataSource);
    notifiers.set(dataSource, n);
  }
  return n;
}
