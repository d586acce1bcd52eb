import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CertificateEntity, CertificateEventEntity, CertificateEventType } from './certificate.entity';
import { CertificateKind } from './certificate.types';

/** The trainee as a certificate prints them, and the region whose regulators oversee them. */
export interface HolderRow {
  fullName: string;
  idNumberMasked: string;
  regionId: string;
}

/** Queries over certificates and the few facts of other domains they print (by explicit SQL). */
@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The current (not superseded) version for a (trainee, kind, subject, period), if any. */
  findCurrent(
    key: { traineeId: string; kind: CertificateKind; subjectKey: string; period: string },
    manager: EntityManager = this.manager,
  ): Promise<CertificateEntity | null> {
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
    const rows: { full_name: string; id_number_masked: string; region_id: string }[] = await manager.query(
      `SELECT p.full_name, p.id_number_masked,
              COALESCE(e.region_id, (SELECT id FROM regions WHERE parent_id IS NULL ORDER BY sort_order, code LIMIT 1)) AS region_id
         FROM trainee_profiles p LEFT JOIN enterprises e ON e.id = p.enterprise_id
        WHERE p.user_id = $1`,
      [traineeId],
    );
    const row = rows[0];
    return row ? { fullName: row.full_name, idNumberMasked: row.id_number_masked, regionId: row.region_id } : null;
  }

  async regionPathOf(regionId: string): Promise<string | null> {
    const rows: { path: string }[] = await this.manager.query('SELECT path FROM regions WHERE id = $1', [regionId]);
    return rows[0]?.path ?? null;
  }

  async nextSerialNumber(manager: EntityManager): Promise<string> {
    const rows: { n: string }[] = await manager.query("SELECT nextval('certificate_serial_seq')::text AS n");
    return rows[0].n;
  }

  /** Serializes issuance of one (trainee, kind, subject, period) across processes until the transaction ends. */
  async lockSubject(manager: EntityManager, key: { traineeId: string; kind: string; subjectKey: string; period: string }): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `certificate:${key.traineeId}:${key.kind}:${key.subjectKey}:${key.period}`,
    ]);
  }

  async recordEvent(
    manager: EntityManager,
    event: { certificateId: string; type: CertificateEventType; actorId: string | null; reason: string | null; at: Date },
  ): Promise<void> {
    await manager.getRepository(CertificateEventEntity).insert(event);
  }

  history(certificateIds: string[]): Promise<CertificateEventEntity[]> {
    return this.manager
      .getRepository(CertificateEventEntity)
      .createQueryBuilder('e')
      .where('e.certificate_id IN (:...ids)', { ids: certificateIds })
      .orderBy('e.at', 'ASC')
      // A reissue's two entries share their instant: the old version's end before the new one's start.
      .addOrderBy("CASE e.type WHEN 'issued' THEN 0 WHEN 'superseded' THEN 1 WHEN 'reissued' THEN 2 ELSE 3 END", 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  /** Every version of the certificate chain that `id` belongs to, oldest first. */
  async chainOf(id: string): Promise<CertificateEntity[]> {
    const rows: { id: string }[] = await this.manager.query(
      `WITH RECURSIVE back AS (
         SELECT id, previous_id FROM certificates WHERE id = $1
         UNION ALL SELECT c.id, c.previous_id FROM certificates c JOIN back b ON c.id = b.previous_id),
       fwd AS (
         SELECT id FROM certificates WHERE id = $1
         UNION ALL SELECT c.id FROM certificates c JOIN fwd f ON c.previous_id = f.id)
       SELECT id FROM back UNION SELECT id FROM fwd`,
      [id],
    );
    return this.manager
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .where('c.id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .orderBy('c.version', 'ASC')
      .getMany();
  }
}
