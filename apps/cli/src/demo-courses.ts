import type { Actor } from '@cqo/core';
import { Role } from '@cqo/core';
import type { ContentFilesService, CourseContentInput, CoursesService } from '@cqo/courses';
import { seedDemoContent } from './demo-content';

const actor = (userId: string, role: Role, organizationId: string | null = null): Actor => ({
  userId,
  role,
  organizationId,
  enterpriseId: null,
  regionId: null,
  regionPath: null,
});

// Lesson minutes follow the 学时 of 45 minutes: 3 × 45 = 3.0 hours; 45 + 45 + 180 = 6.0 hours.
// Every video lesson plays the one demo video (45 minutes), so its minutes are the video's real length.
const demoCourses = (videoId: string, handoutId: string): CourseContentInput[] => [
  {
    title: '首席质量官任职培训：质量强国战略与首席质量官制度',
    description: '第一类任职培训：国家质量发展政策、质量法律法规与企业首席质量官制度。线上视频与讲义。',
    category: 1,
    topicCodes: ['national-quality-policy', 'quality-laws', 'cqo-system'],
    kind: 'appointment',
    creditHours: '3.0',
    deliveryMode: 'online',
    capacity: 200,
    // 弹题: a confirmation every 10–20 studied minutes.
    attentionChecks: { minMinutes: 10, maxMinutes: 20, timeoutSeconds: 60 },
    lessons: [
      { title: '质量强国建设纲要解读', type: 'video', minutes: 45, required: true, contentFileId: videoId },
      { title: '产品质量法与标准化法要点', type: 'video', minutes: 45, required: true, contentFileId: videoId },
      { title: '企业首席质量官的职责与履职', type: 'video', minutes: 45, required: true, contentFileId: videoId },
      { title: '甘肃省推行首席质量官制度的通知（讲义）', type: 'document', minutes: 20, required: false, contentFileId: handoutId },
    ],
  },
  {
    title: '六西格玛与质量常用工具实训',
    description: '第二类方法培训：六西格玛 DMAIC 与质量常用工具，线上学习加一次面授实训。',
    category: 2,
    topicCodes: ['six-sigma', 'quality-tools'],
    kind: 'continuing',
    creditHours: '6.0',
    deliveryMode: 'blended',
    capacity: 60,
    lessons: [
      { title: 'DMAIC 方法概览', type: 'video', minutes: 45, required: true, contentFileId: videoId },
      { title: '质量常用工具（QC 七工具）', type: 'video', minutes: 45, required: true, contentFileId: videoId },
      {
        title: '现场实训：过程能力分析',
        type: 'live_session',
        minutes: 180,
        required: true,
        startsAt: '2026-06-20T09:00:00+08:00',
        endsAt: '2026-06-20T12:00:00+08:00',
        venue: '兰州市城关区质量大厦 3 楼实训室',
      },
    ],
  },
];

/** Two published courses of the demo organization (one per category) with real content, through the real lifecycle. */
export async function seedDemoCourses(
  courses: CoursesService,
  content: ContentFilesService,
  organizationId: string,
  orgAdminId: string,
  adminId: string,
): Promise<void> {
  const org = actor(orgAdminId, Role.OrgAdmin, organizationId);
  const admin = actor(adminId, Role.PlatformAdmin);
  const { videoId, handoutId } = await seedDemoContent(content, organizationId, orgAdminId);
  for (const [i, body] of demoCourses(videoId, handoutId).entries()) {
    const draft = await courses.create(org, body);
    await courses.submit(org, draft.id);
    await courses.approve(admin, draft.id, `甘质培审〔2026〕第${String(i + 1).padStart(3, '0')}号`);
    await courses.publish(org, draft.id);
  }
}
