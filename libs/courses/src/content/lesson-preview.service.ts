import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, CommonErrors, DomainError, Role, runQuery } from '@cqo/core';
import type { Cmi5Course } from '../cmi5/cmi5-structure';
import { ContentPackagesService } from '../cmi5/content-packages.service';
import { CourseErrors } from '../courses.errors';
import type { LessonType } from '../entities/lesson.entity';
import type { ScormPackage } from '../scorm/scorm-manifest';
import { previewLessonQuery } from '../sql/lesson-preview.sql';
import { ContentFilesService } from './content-files.service';

/** What a reviewer opens: a file (video, PDF) by signed URL, an external link, or a package's launch page (SCORM, cmi5). */
export interface LessonPreviewView {
  lessonId: string;
  type: LessonType;
  title: string;
  kind: 'file' | 'link' | 'package';
  url: string;
  /** Files: the content type (video/mp4, application/pdf…). */
  mimeType: string | null;
  /** Signed URLs: when they stop working. */
  expiresAt: Date | null;
  /** Packages: their SCOs (SCORM) or AUs (cmi5), to preview another one by `itemId`. */
  items: { id: string; title: string }[];
  /** Packages: the SCO or AU opened. */
  itemId: string | null;
}

export const PreviewErrors = {
  unavailable: (message: string) => DomainError.invalid('LESSON_PREVIEW_UNAVAILABLE', message, [{ field: 'lessonId', message }]),
  itemNotFound: () =>
    DomainError.invalid('LESSON_PREVIEW_ITEM_NOT_FOUND', '课件包中没有该 SCO/AU', [{ field: 'itemId', message: '课件包中没有该 SCO/AU' }]),
};

/**
 * Previewing a course version's lesson for its approval (issue 19, point 4): the org admin of the
 * version's organization and platform admins (the reviewers) open the lesson as a trainee would
 * see it — a video or PDF by signed URL, a SCORM SCO with its runtime (which sends nothing), a cmi5
 * AU without a launch session (so it has nowhere to record). Nothing is written: no enrolment, no
 * session, no progress, no credit.
 */
@Injectable()
export class LessonPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: ContentFilesService,
    private readonly packages: ContentPackagesService,
  ) {}

  async preview(actor: Actor, versionId: string, lessonId: string, itemId?: string): Promise<LessonPreviewView> {
    const [row] = await runQuery(this.dataSource, previewLessonQuery, [versionId, lessonId]);
    if (!row) throw CourseErrors.lessonNotFound();
    if (!(actor.role === Role.PlatformAdmin || (actor.role === Role.OrgAdmin && actor.organizationId === row.organization_id)))
      throw CommonErrors.outOfScope();
    const base = { lessonId, type: row.type, title: row.title, mimeType: null, expiresAt: null, items: [], itemId: null };
    if (row.type === 'scorm' || row.type === 'cmi5') {
      if (!row.content_package_id || !row.structure) throw PreviewErrors.unavailable('该课时尚未导入课件包，无法预览');
      const items =
        row.type === 'scorm'
          ? (row.structure as ScormPackage).scos.map((s) => ({ id: s.id, title: s.title, href: s.href }))
          : (row.structure as Cmi5Course).aus.map((a) => ({ id: a.id, title: a.title, href: a.url }));
      const item = itemId === undefined ? items[0] : items.find((i) => i.id === itemId);
      if (!item) throw PreviewErrors.itemNotFound();
      return {
        ...base,
        kind: 'package',
        url: `${this.packages.signedBase(row.content_package_id, actor.userId)}${item.href}`,
        items: items.map(({ id, title }) => ({ id, title })),
        itemId: item.id,
      };
    }
    if (itemId !== undefined) throw PreviewErrors.itemNotFound();
    if (row.content_file_id) {
      const signed = this.files.signedUrl(row.content_file_id, actor.userId);
      return { ...base, kind: 'file', url: signed.url, expiresAt: signed.expiresAt, mimeType: row.mime_type };
    }
    if (row.content_url) return { ...base, kind: 'link', url: row.content_url };
    throw PreviewErrors.unavailable(row.type === 'live_session' ? '直播/面授课时没有可预览的内容' : '该课时尚未上传内容，无法预览');
  }
}
