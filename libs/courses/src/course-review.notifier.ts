import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { runQuery } from '@cqo/core';
import { NotificationsService } from '@cqo/notifications';
import { activeOrgAdminIds, reviewedVersion } from './sql/course-versions.sql';

export type ReviewOutcome = 'approved' | 'returned';

/**
 * Tells the organization's admins how the platform's review of their course version ended, in the
 * review's own transaction: an approval with its number, a return with the reason.
 */
@Injectable()
export class CourseReviewNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  async reviewed(manager: EntityManager, versionId: string, outcome: ReviewOutcome, detail: string, at: Date): Promise<void> {
    const [version] = await runQuery(manager, reviewedVersion, [versionId]);
    const admins = await runQuery(manager, activeOrgAdminIds, [version.organization_id]);
    const name = `《${version.title}》第${version.version}版`;
    const message =
      outcome === 'approved'
        ? { title: `课程审核通过：${version.title}`, body: `${name}已审核通过，审批编号 ${detail}。发布后学员即可报名。` }
        : { title: `课程被退回：${version.title}`, body: `${name}未通过审核，退回原因：${detail}。请修改后重新提交。` };
    for (const admin of admins) {
      await this.notifications.notify(
        // One notice per review: a version returned, resubmitted and returned again is told twice.
        {
          userId: admin.id,
          kind: `course_${outcome}`,
          ...message,
          dedupeKey: `course-review:${versionId}:${outcome}:${at.getTime()}:${admin.id}`,
        },
        manager,
      );
    }
  }
}
