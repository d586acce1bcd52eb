import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AppConfig, Clock, CommonErrors, ObjectStorage, Role, runCommand, runQuery } from '@cqo/core';
import { CourseAccess } from '../course-access';
import { wholeMinutes } from '../course-rules';
import { LessonContentView } from '../course-views';
import { ContentErrors, CourseErrors } from '../courses.errors';
import { ContentKind } from '../entities/content-file.entity';
import * as sql from '../sql/content-files.sql';
import { FileFacts } from '../sql/content-files.sql';
import { ContentRejected, inspectContent } from './content-inspector';
import { MediaGrant, MediaUrlSigner } from './media-url-signer';

/** Who an upload belongs to and where it goes, decided when it starts (kept in the upload's metadata). */
export interface UploadTarget {
  organizationId: string;
  /** The uploader; null for files the demo seed imports. */
  userId: string | null;
  kind: ContentKind;
  lessonId: string | null;
}

/** A signed media URL and when it stops working. */
export interface MediaUrlView {
  url: string;
  expiresAt: Date;
}

/** What the media route needs to send a file. */
export interface MediaFile {
  storageKey: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  /** Seconds the URL stays valid, for Cache-Control. */
  secondsLeft: number;
}

const EDITABLE_STATUSES = ['draft', 'returned'];

/**
 * Hosted lesson content: who may upload what, checking finished uploads by their bytes, storing
 * them, and short-lived signed URLs to watch or read them.
 */
@Injectable()
export class ContentFilesService {
  private readonly signer: MediaUrlSigner;
  /** Stored files never change (a new upload is a new row), so the media route remembers their facts. */
  private readonly fileFacts = new Map<string, Promise<FileFacts>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
    private readonly access: CourseAccess,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.signer = new MediaUrlSigner(config.content.urlSigningKey);
  }

  /** The largest file of a kind (config). */
  limitFor(kind: ContentKind): number {
    return kind === 'video' ? this.config.content.maxVideoBytes : this.config.content.maxDocumentBytes;
  }

  /**
   * Decides whether an org admin may start an upload: for a lesson of an editable version of their
   * own organization (video or document lesson), or for the organization's library (`kind`), with
   * a declared size within the limit. Nothing is stored before this passes.
   */
  async authorizeUpload(
    actor: Actor,
    request: { lessonId?: string | null; kind?: string | null; length: number | null },
  ): Promise<UploadTarget> {
    if (actor.role !== Role.OrgAdmin || !actor.organizationId) throw CommonErrors.outOfScope();
    let kind: ContentKind;
    let lessonId: string | null = null;
    if (request.lessonId) {
      const rows = await runQuery(this.dataSource, sql.uploadLesson, [request.lessonId]);
      const lesson = rows[0];
      if (!lesson) throw CourseErrors.lessonNotFound();
      this.access.assertManages(actor, lesson.organization_id);
      if (lesson.type === 'live_session') throw ContentErrors.lessonNotOnline();
      if (lesson.type === 'cmi5' || lesson.type === 'scorm') throw ContentErrors.lessonIsPackage();
      if (!EDITABLE_STATUSES.includes(lesson.status)) throw ContentErrors.lessonNotEditable();
      kind = lesson.type as ContentKind;
      lessonId = request.lessonId;
    } else if (request.kind === 'video' || request.kind === 'document') {
      kind = request.kind;
    } else {
      throw ContentErrors.kindRequired();
    }
    if (request.length === null || !Number.isSafeInteger(request.length) || request.length < 0) throw ContentErrors.lengthRequired();
    if (request.length > this.limitFor(kind)) throw ContentErrors.tooLarge(this.limitFor(kind), kind);
    return { organizationId: actor.organizationId, userId: actor.userId, kind, lessonId };
  }

  /**
   * A finished upload: checks the bytes (type, completeness, a video's duration), moves the file
   * into storage and records it; with a lesson, attaches it (a video lesson's minutes become the
   * video's whole minutes). A refused file is deleted and nothing is recorded.
   */
  async completeUpload(target: UploadTarget, path: string, originalName: string): Promise<LessonContentView> {
    let inspected;
    try {
      inspected = await inspectContent(path, target.kind);
    } catch (error) {
      if (error instanceof ContentRejected) throw ContentErrors.fileRejected(error.message);
      throw error;
    }
    if (inspected.sizeBytes > this.limitFor(target.kind)) throw ContentErrors.tooLarge(this.limitFor(target.kind), target.kind);
    const sha256 = await sha256OfFile(path);
    const id = randomUUID();
    const storageKey = `content/${target.organizationId}/${id}.${extensionOf(inspected.mimeType)}`;
    await this.storage.putFile(storageKey, path);
    try {
      await this.dataSource.transaction(async (manager) => {
        await runCommand(manager, sql.insertContentFile, [
          id,
          target.organizationId,
          inspected.kind,
          inspected.mimeType,
          storageKey,
          inspected.sizeBytes,
          inspected.durationSeconds,
          sha256,
          originalName.slice(0, 255),
          target.userId,
          this.clock.now(),
        ]);
        if (target.lessonId) {
          // Checked again under lock: the version may have been submitted while the file was uploading.
          const rows = await runQuery(manager, sql.lockLessonVersion, [target.lessonId, target.organizationId]);
          if (!rows[0]) throw CourseErrors.lessonNotFound();
          if (!EDITABLE_STATUSES.includes(rows[0].status)) throw ContentErrors.lessonNotEditable();
          await runCommand(manager, sql.attachLessonFile, [
            target.lessonId,
            id,
            inspected.durationSeconds === null ? null : wholeMinutes(inspected.durationSeconds),
          ]);
        }
      });
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
    return {
      id,
      kind: inspected.kind,
      mimeType: inspected.mimeType,
      sizeBytes: inspected.sizeBytes,
      durationSeconds: inspected.durationSeconds,
      originalName,
    };
  }

  /** A signed URL for a file, to a trainee enrolled in a course version using it or staff of its organization. */
  async mediaUrl(actor: Actor, fileId: string): Promise<MediaUrlView> {
    const rows = await runQuery(this.dataSource, sql.fileOrganization, [fileId]);
    if (!rows[0]) throw ContentErrors.fileNotFound();
    if (actor.role === Role.Trainee) {
      const enrolled = await runQuery(this.dataSource, sql.traineeUsesFile, [actor.userId, fileId]);
      if (!enrolled.length) throw CommonErrors.outOfScope();
    } else if (!(actor.role === Role.PlatformAdmin || (actor.role === Role.OrgAdmin && actor.organizationId === rows[0].organization_id))) {
      throw CommonErrors.outOfScope();
    }
    return this.signedUrl(fileId, actor.userId);
  }

  /** Signs a URL for someone already checked (the study session checks enrolment). */
  signedUrl(fileId: string, userId: string): MediaUrlView {
    const expires = Math.floor(this.clock.now().getTime() / 1000) + this.config.content.urlTtlSeconds;
    return { url: this.signer.path({ fileId, userId, expires }), expiresAt: new Date(expires * 1000) };
  }

  /** Checks a signed media request and returns the file to send. */
  async openSigned(grant: MediaGrant, signature: string): Promise<MediaFile> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const verdict = this.signer.check(grant, signature, now);
    if (verdict === 'bad-signature') throw ContentErrors.urlInvalid();
    if (verdict === 'expired') throw ContentErrors.urlExpired();
    // One query per file however many requests ask at once (a class starting the same video): the
    // promise is remembered, and forgotten again if it fails.
    let facts = this.fileFacts.get(grant.fileId);
    if (!facts) {
      facts = runQuery(this.dataSource, sql.fileFacts, [grant.fileId]).then((rows) => {
        if (!rows[0]) throw ContentErrors.fileNotFound();
        return rows[0];
      });
      if (this.fileFacts.size >= 10_000) this.fileFacts.clear();
      const asked = facts;
      this.fileFacts.set(grant.fileId, asked);
      asked.catch(() => {
        if (this.fileFacts.get(grant.fileId) === asked) this.fileFacts.delete(grant.fileId);
      });
    }
    const row = await facts;
    return {
      storageKey: row.storage_key,
      mimeType: row.mime_type,
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256,
      secondsLeft: grant.expires - now,
    };
  }

  /** Stores a local file as content of an organization, checked like an upload (demo data). The source is copied, not moved. */
  async importCopy(
    organizationId: string,
    userId: string | null,
    kind: ContentKind,
    sourcePath: string,
    originalName: string,
  ): Promise<LessonContentView> {
    const { copyFile, mkdtemp, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'cqo-import-'));
    try {
      const copy = join(dir, 'file');
      await copyFile(sourcePath, copy);
      return await this.completeUpload({ organizationId, userId, kind, lessonId: null }, copy, originalName);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

function extensionOf(mime: string): string {
  return mime === 'application/pdf' ? 'pdf' : mime === 'video/webm' ? 'webm' : 'mp4';
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
