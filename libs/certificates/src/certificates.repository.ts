import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery, runPrepared, runQuery, runTemplate } from '@cqo/core';
import { regionPathOf } from '@cqo/organizations';
import { NewNotification, notificationInsert } from '@cqo/notifications';
import { CertificateEntity, CertificateEventEntity, CertificateEventType } from './certificate.entity';
import { CertificateKind } from './certificate.types';
import { SerialBlocks } from './serials/serial-blocks';
import * as sql from './sql/certificates.sql';

/** The trainee as a certificate prints them, and the region whose regulators oversee them. */
export interface HolderRow {
  fullName: string;
  idNumberMasked: string;
  regionId: string;
}

/** The printed names of a completed course: its version's title and its organization's name. */
export interface CourseNames {
  courseTitle: string;
  organizationName: string;
}

/** (trainee, kind, subject, period): what one certificate is for. */
export interface CertificateKey {
  traineeId: string;
  kind: CertificateKind;
  subjectKey: string;
  period: string;
}

function toHolder(row: sql.HolderSqlRow): HolderRow {
  return { fullName: row.full_name, idNumberMasked: row.id_number_masked, regionId: row.region_id };
}

/** Queries over certificates and the few facts of other domains they print (by explicit SQL). */
@Injectable()
export class CertificatesRepository {
  /** The serial sequence, drawn 16 numbers per round trip; one per process (this provider is a singleton). */
  private readonly serials = new SerialBlocks(async (count) =>
    (await runPrepared(this.dataSource, sql.nextSerialNumbers, [count])).map((r) => r.n),
  );

  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Runs `work` in one transaction, for a service whose writes are all certificates' own. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The current (not superseded) version for a (trainee, kind, subject, period), if any. */
  findCurrent(key: CertificateKey, manager: EntityManager = this.manager): Promise<CertificateEntity | null> {
    return manager
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .where('c.trainee_id = :traineeId AND c.kind = :kind AND c.subject_key = :subjectKey AND c.period = :period', key)
      .andWhere("c.status <> 'superseded'")
      .getOne();
  }

  findById(id: string, manager: EntityManager = this.manager): Promise<CertificateEntity | null> {
    return manager.getRepository(CertificateEntity).findOneBy({ id });
  }

  findByToken(token: string): Promise<CertificateEntity | null> {
    return this.manager.getRepository(CertificateEntity).findOneBy({ verifyToken: token });
  }

  findBySerial(serial: string): Promise<CertificateEntity | null> {
    return this.manager.getRepository(CertificateEntity).findOneBy({ serial });
  }

  findBySha256(sha256: string): Promise<CertificateEntity | null> {
    return this.manager.getRepository(CertificateEntity).findOneBy({ pdfSha256: sha256 });
  }

  /** Name and masked ID number from the trainee profile; region of the enterprise, else the root region (the province). */
  async holder(traineeId: string, manager: EntityManager = this.manager): Promise<HolderRow | null> {
    const rows = await runQuery(manager, sql.holder, [traineeId]);
    return rows[0] ? toHolder(rows[0]) : null;
  }

  /**
   * What a new issuance starts from, in one round trip: the id of the current version of
   * (trainee, kind, subject, period) if there is one, the holder (null without a profile), and,
   * when `course` is given, the printed names of the course version and its organization (null
   * when either is missing).
   */
  async issuanceStart(
    key: CertificateKey,
    course?: { courseVersionId: string; organizationId: string },
  ): Promise<{ existingId: string | null; holder: HolderRow | null; courseNames: CourseNames | null }> {
    const keyParams = [key.traineeId, key.kind, key.subjectKey, key.period] as const;
    // Prepared statements on the pool: run once per certificate job, planned once per connection.
    const [row] = course
      ? await runPrepared(this.dataSource, sql.issuanceStartWithCourse, [...keyParams, course.courseVersionId, course.organizationId])
      : (await runPrepared(this.dataSource, sql.issuanceStart, [...keyParams])).map((r) => ({
          ...r,
          course_title: null,
          organization_name: null,
        }));
    return {
      existingId: row.existing_id,
      holder: row.full_name === null ? null : toHolder(row as sql.HolderSqlRow),
      courseNames:
        row.course_title != null && row.organization_name != null
          ? { courseTitle: row.course_title, organizationName: row.organization_name }
          : null,
    };
  }

  async regionPathOf(regionId: string): Promise<string | null> {
    return (await regionPathOf(this.manager, regionId)) ?? null;
  }

  /**
   * The next serial sequence number: from this process's block, drawn from the database sequence
   * 16 at a time (outside any transaction: `nextval` is never rolled back anyway).
   */
  nextSerialNumber(): Promise<string> {
    return this.serials.next();
  }

  /** Serializes issuance of one (trainee, kind, subject, period) across processes until the transaction ends. */
  async lockSubject(manager: EntityManager, key: { traineeId: string; kind: string; subjectKey: string; period: string }): Promise<void> {
    await runQuery(manager, sql.lockSubject, [`certificate:${key.traineeId}:${key.kind}:${key.subjectKey}:${key.period}`]);
  }

  async recordEvent(
    manager: EntityManager,
    event: { certificateId: string; type: CertificateEventType; actorId: string | null; reason: string | null; at: Date },
  ): Promise<void> {
    await manager.getRepository(CertificateEventEntity).insert(event);
  }

  /**
   * Inserts a certificate version, its history entry (`issued` or `reissued`) and the holder's
   * notification in one statement, atomic on its own or inside the caller's transaction, and
   * returns the saved version.
   */
  async insertVersion(
    manager: EntityManager,
    row: Omit<CertificateEntity, 'id'>,
    event: { actorId: string | null; reason: string | null },
    notificationOf: (certificateId: string) => NewNotification,
  ): Promise<CertificateEntity> {
    const id = randomUUID();
    const notification = notificationInsert(notificationOf(id), row.createdAt, 26);
    const params = [
      row.serial,
      row.verifyToken,
      row.traineeId,
      row.kind,
      row.subjectKey,
      row.period,
      row.year,
      row.version,
      row.previousId,
      row.status,
      row.regionId,
      row.organizationId,
      row.courseId,
      JSON.stringify(row.content),
      row.pdfSha256,
      row.pdfSize,
      row.signature,
      row.signingKeyId,
      row.storageKey,
      row.issuedAt,
      row.createdAt,
      row.previousId ? 'reissued' : 'issued',
      event.actorId,
      event.reason,
      id,
      ...notification.params,
    ];
    const fragments = { notice: notification.sql };
    // Outside a transaction (every first issue) a prepared statement on the pool: the one text
    // (the notice fragment is fixed) planned once per connection. A reissue runs in the caller's transaction.
    if (manager.queryRunner) await runTemplate(manager, sql.insertVersion, fragments, params);
    else await preparedQuery(manager.connection, sql.insertVersion.name, sql.insertVersion.build(fragments), params);
    return Object.assign(new CertificateEntity(), { id, ...row });
  }

  /** What happened to every version of the certificate chain that `id` belongs to, oldest first. */
  chainHistory(id: string): Promise<sql.CertificateHistoryEntry[]> {
    return runQuery(this.manager, sql.chainHistory, [id]);
  }
}
