import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ZipFile } from 'yazl';
import { Actor, chinaDateOf, CommonErrors, csvStream, CsvValue, regionScopeSql, Role, ScopePolicy } from '@cqo/core';
import { CertificateEntity } from '../certificate.entity';
import { CERTIFICATE_TITLES } from '../certificate.types';
import { CertificateErrors } from '../certificates.errors';
import { CertificatesRepository } from '../certificates.repository';
import { scopeClause } from '../downloads/certificate-query-scope';
import { CertificateFilesService } from '../storage/certificate-files.service';

export type ExportFilter =
  { courseId: string; regionId?: undefined; year?: number } | { courseId?: undefined; regionId: string; year: number };

const BATCH = 100;
/** Entries queued in the ZIP but not yet being written; bounds memory whatever the export's size. */
const MAX_AHEAD = 2 * BATCH;

const STATUS_LABELS: Record<string, string> = { valid: '有效', revoked: '已撤销', superseded: '已换发' };

/**
 * Bulk ZIP export of the current certificates of a course, or of a region and year, streamed:
 * rows are read in keyset batches and each PDF is read only when the ZIP writer reaches it,
 * so memory stays bounded. A `清单.csv` manifest (UTF-8 with BOM) closes the archive.
 */
@Injectable()
export class CertificateExportService {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly files: CertificateFilesService,
  ) {}

  async exportZip(actor: Actor, filter: ExportFilter): Promise<{ filename: string; stream: Readable }> {
    if (!filter.courseId && !(filter.regionId && filter.year)) throw CertificateErrors.exportScopeRequired();
    if (filter.regionId && actor.role === Role.Regulator) {
      const path = await this.repository.regionPathOf(filter.regionId);
      if (!ScopePolicy.covers(actor, { regionPaths: [path] })) throw CommonErrors.outOfScope();
    }
    const zip = new ZipFile();
    const progress = new EventEmitter();
    const output = zip.outputStream as unknown as Readable;
    let queued = 0;
    let started = 0;
    let aborted = false;
    // A client that goes away must not leave the feed waiting forever.
    output.once('close', () => {
      aborted = true;
      progress.emit('started');
    });
    zip.on('error', (error: Error) => output.destroy(error));
    const feed = async () => {
      for await (const batch of this.batches(actor, filter)) {
        if (aborted) return;
        for (const row of batch) {
          queued += 1;
          zip.addReadStreamLazy(`${row.serial}.pdf`, { mtime: row.createdAt, compress: false }, (cb) => {
            started += 1;
            progress.emit('started');
            this.files.read(row).then(
              (pdf) => cb(null, Readable.from([pdf])),
              (error: unknown) => cb(error, undefined as unknown as NodeJS.ReadableStream),
            );
          });
        }
        while (!aborted && queued - started > MAX_AHEAD) await new Promise((resolve) => progress.once('started', resolve));
      }
      zip.addReadStreamLazy('清单.csv', { mtime: new Date(0), compress: true }, (cb) => cb(null, this.manifest(actor, filter)));
      zip.end();
    };
    feed().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
    const name = filter.courseId ? `课程${filter.courseId}` : `地区${filter.regionId}-${filter.year}年`;
    return { filename: `证书-${name}.zip`, stream: output };
  }

  private async *batches(actor: Actor, filter: ExportFilter): AsyncGenerator<CertificateEntity[]> {
    let after = '';
    for (;;) {
      const qb = this.repository.manager
        .getRepository(CertificateEntity)
        .createQueryBuilder('c')
        .innerJoin('regions', 'r', 'r.id = c.region_id');
      const scope = scopeClause(actor);
      qb.where(scope.sql, scope.params).andWhere("c.status <> 'superseded'").andWhere('c.serial > :after', { after });
      if (filter.courseId) qb.andWhere('c.course_id = :courseId', { courseId: filter.courseId });
      if (filter.year) qb.andWhere('c.year = :year', { year: filter.year });
      if (filter.regionId) {
        qb.andWhere(`EXISTS (SELECT 1 FROM regions f WHERE f.id = :regionId AND ${regionScopeSql('r.path', 'f.path')})`, {
          regionId: filter.regionId,
        });
      }
      const rows = await qb.orderBy('c.serial', 'ASC').take(BATCH).getMany();
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].serial;
      if (rows.length < BATCH) return;
    }
  }

  /** The manifest, written by the shared CSV writer (formula-safe, names trimmed) batch by batch. */
  private manifest(actor: Actor, filter: ExportFilter): Readable {
    return csvStream(['证书编号', '证书类型', '姓名', '身份证号', '年度', '状态', '发证日期', 'SHA-256'], this.manifestRows(actor, filter));
  }

  private async *manifestRows(actor: Actor, filter: ExportFilter): AsyncGenerator<CsvValue[]> {
    for await (const batch of this.batches(actor, filter)) {
      for (const c of batch) {
        yield [
          c.serial,
          CERTIFICATE_TITLES[c.kind],
          c.content.holder.name,
          c.content.holder.idNumberMasked,
          c.year,
          STATUS_LABELS[c.status],
          chinaDateOf(c.issuedAt),
          c.pdfSha256,
        ];
      }
    }
  }
}
