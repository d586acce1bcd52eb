import type { FieldIssue } from '@cqo/core';
import { DomainError } from '@cqo/core';

/** Errors of the courses lib: stable codes, Chinese messages, offending fields in `details`. */
export const CourseErrors = {
  invalidContent: (details: FieldIssue[]) =>
    DomainError.invalid('COURSE_INVALID', `课程内容有误：${[...new Set(details.map((d) => d.field))].join('、')}`, details),
  courseNotFound: () => DomainError.notFound('COURSE_NOT_FOUND', '课程不存在'),
  versionNotFound: () => DomainError.notFound('COURSE_VERSION_NOT_FOUND', '课程版本不存在'),
  lessonNotFound: () => DomainError.notFound('LESSON_NOT_FOUND', '课时不存在'),
  wrongStatus: (action: string, status: string) =>
    DomainError.conflict('COURSE_VERSION_WRONG_STATUS', `课程版本当前状态（${STATUS_LABELS[status] ?? status}）不允许${action}`),
  versionLocked: (fields: string[]) =>
    DomainError.conflict(
      'COURSE_VERSION_LOCKED',
      '已审核或已发布的课程版本不能修改内容，请创建新版本（已报名学员保留原版本）',
      fields.map((field) => ({ field, message: '已锁定，请创建新版本' })),
    ),
  workingVersionExists: () => DomainError.conflict('COURSE_WORKING_VERSION_EXISTS', '该课程已有一个正在编辑或审核中的版本'),
  capacityBelowSeats: (seatsTaken: number) =>
    DomainError.conflict('CAPACITY_BELOW_ENROLMENT', `名额不能少于已报名人数（${seatsTaken}）`, [
      { field: 'capacity', message: `不能少于已报名人数 ${seatsTaken}` },
    ]),
  approvalNumberTaken: () =>
    DomainError.conflict('APPROVAL_NUMBER_TAKEN', '该审批编号已被使用', [{ field: 'approvalNumber', message: '已被使用' }]),
  enrollmentNotFound: () => DomainError.notFound('ENROLLMENT_NOT_FOUND', '报名记录不存在'),
  notOpenForEnrollment: () => DomainError.conflict('ENROLLMENT_CLOSED', '该课程当前不在报名期内或未发布'),
  courseFull: () => DomainError.conflict('COURSE_FULL', '该课程名额已满'),
  alreadyEnrolled: () => DomainError.conflict('ALREADY_ENROLLED', '已报名该课程（或已完成该课程）'),
  cannotWithdraw: () => DomainError.conflict('CANNOT_WITHDRAW', '当前不能退选该课程（已完成、已退选或报名期已结束）'),
  notEnrolled: () => DomainError.conflict('NOT_ENROLLED', '未在学该课程'),
  lessonNotOnline: () =>
    DomainError.invalid('LESSON_NOT_ONLINE', '面授课时不能在线学习，由培训机构登记考勤', [{ field: 'lessonId', message: '不是线上课时' }]),
  lessonIsCmi5: () =>
    DomainError.invalid('LESSON_IS_CMI5', 'cmi5 课时由课件记录学习情况，请在课时页面启动课件', [
      { field: 'lessonId', message: 'cmi5 课时不用学习会话' },
    ]),
  lessonIsScorm: () =>
    DomainError.invalid('LESSON_IS_SCORM', 'SCORM 课时由课件记录学习情况，请在课时页面启动课件', [
      { field: 'lessonId', message: 'SCORM 课时不用学习会话' },
    ]),
  lessonNotLive: () => DomainError.invalid('LESSON_NOT_LIVE', '只有面授课时可以登记考勤', [{ field: 'lessonId', message: '不是面授课时' }]),
  sessionNotFound: () => DomainError.notFound('STUDY_SESSION_NOT_FOUND', '学习会话不存在或已结束'),
  traineeNotFound: (field: string) => DomainError.invalid('TRAINEE_NOT_FOUND', '学员不存在', [{ field, message: '学员不存在' }]),
  attendanceTimes: (field: string, message: string) =>
    DomainError.invalid('ATTENDANCE_TIMES_INVALID', `考勤时间有误：${message}`, [{ field, message }]),
  attendanceSheetTimes: (details: FieldIssue[]) =>
    DomainError.invalid(
      'ATTENDANCE_TIMES_INVALID',
      `签到表中有时间错误，未导入任何记录：${details.map((d) => d.message).join('；')}`,
      details,
    ),
  courseHoursTooLong: (declared: string, minutesPerHour: number, requiredMinutes: number, lessonMinutes: number) =>
    DomainError.invalid(
      'COURSE_HOURS_EXCEED_LESSONS',
      `课程学时与课时时长不符：${declared}学时 × 每学时${minutesPerHour}分钟 = ${requiredMinutes}分钟，必修课时合计仅${lessonMinutes}分钟，尚差${requiredMinutes - lessonMinutes}分钟`,
      [
        {
          field: 'creditHours',
          message: `必修课时合计${lessonMinutes}分钟，不足${requiredMinutes}分钟（差${requiredMinutes - lessonMinutes}分钟）`,
        },
      ],
    ),
  statementTooOld: (field: string, days: number) =>
    DomainError.invalid('XAPI_STATEMENT_TOO_OLD', `xAPI 语句无效：${field} 早于 ${days} 天前，须由培训机构管理员确认后提交`, [
      { field, message: `早于 ${days} 天前，须由培训机构管理员确认（POST /xapi/statements/confirmed）` },
    ]),
  csvInvalid: (message: string, field = 'csv') => DomainError.invalid('CSV_INVALID', `CSV 文件有误：${message}`, [{ field, message }]),
  apiKeyInvalid: () => DomainError.unauthenticated('XAPI_KEY_INVALID', 'API 密钥无效或已吊销'),
  apiKeyNotFound: () => DomainError.notFound('XAPI_KEY_NOT_FOUND', 'API 密钥不存在'),
  statementInvalid: (field: string, message: string) =>
    DomainError.invalid('XAPI_STATEMENT_INVALID', `xAPI 语句无效：${field} ${message}`, [{ field, message }]),
  xapiVersionInvalid: (sent: string | undefined) =>
    DomainError.invalid(
      'XAPI_VERSION_INVALID',
      sent
        ? `X-Experience-API-Version 不受支持（${sent.slice(0, 20)}），本平台支持 1.0.x`
        : '缺少请求头 X-Experience-API-Version（应为 1.0.3）',
      [{ field: 'X-Experience-API-Version', message: sent ? '只支持 1.0.x' : '必填' }],
    ),
  xapiParameterInvalid: (field: string, message: string) =>
    DomainError.invalid('XAPI_PARAMETER_INVALID', `xAPI 请求参数有误：${field} ${message}`, [{ field, message }]),
  statementNotFound: () => DomainError.notFound('XAPI_STATEMENT_NOT_FOUND', 'xAPI 语句不存在'),
  documentNotFound: () => DomainError.notFound('XAPI_DOCUMENT_NOT_FOUND', 'xAPI 文档不存在'),
  durationBeyondObserved: (field: string, observedSeconds: number) =>
    DomainError.invalid('XAPI_DURATION_BEYOND_OBSERVED', `xAPI 语句无效：${field} 超过服务器观察到的学习时间（${observedSeconds} 秒）`, [
      { field, message: `超过服务器观察到的学习时间 ${observedSeconds} 秒` },
    ]),
  statementConflict: (field: string) =>
    DomainError.conflict('XAPI_STATEMENT_CONFLICT', '同一语句 ID 已以不同内容提交', [{ field, message: '语句 ID 已存在且内容不同' }]),
};

export const STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  approved: '已审核',
  published: '已发布',
  archived: '已归档',
};

/** Errors of hosted content: uploads and signed media URLs. */
export const ContentErrors = {
  fileRejected: (message: string) =>
    DomainError.invalid('CONTENT_FILE_REJECTED', `文件不符合要求：${message}`, [{ field: 'file', message }]),
  tooLarge: (limitBytes: number, kind: 'video' | 'document') =>
    DomainError.invalid('CONTENT_FILE_TOO_LARGE', `${kind === 'video' ? '视频' : 'PDF'}文件不能超过 ${formatBytes(limitBytes)}`, [
      { field: 'Upload-Length', message: `不能超过 ${formatBytes(limitBytes)}` },
    ]),
  lengthRequired: () =>
    DomainError.invalid('CONTENT_LENGTH_REQUIRED', '上传须声明文件大小（Upload-Length）', [{ field: 'Upload-Length', message: '必填' }]),
  kindRequired: () =>
    DomainError.invalid('CONTENT_KIND_REQUIRED', '上传须指明课时（lessonId）或文件类别（kind：video 或 document）', [
      { field: 'Upload-Metadata.kind', message: '必填' },
    ]),
  lessonNotEditable: () => DomainError.conflict('LESSON_NOT_EDITABLE', '只有草稿或已退回的课程版本可以更换课时内容，请创建新版本'),
  lessonNotOnline: () =>
    DomainError.invalid('LESSON_NOT_ONLINE', '面授课时不能上传视频或讲义', [
      { field: 'Upload-Metadata.lessonId', message: '不是线上课时' },
    ]),
  lessonIsPackage: () =>
    DomainError.invalid('LESSON_IS_CMI5', 'cmi5 和 SCORM 课时使用课件包（POST /content-packages），不能上传视频或讲义', [
      { field: 'Upload-Metadata.lessonId', message: 'cmi5 和 SCORM 课时使用课件包' },
    ]),
  fileNotFound: () => DomainError.notFound('CONTENT_FILE_NOT_FOUND', '文件不存在'),
  urlInvalid: () => DomainError.forbidden('MEDIA_URL_INVALID', '链接无效'),
  urlExpired: () => DomainError.forbidden('MEDIA_URL_EXPIRED', '链接已过期，请刷新页面'),
  rangeNotSatisfiable: () =>
    DomainError.invalid('RANGE_NOT_SATISFIABLE', '请求的字节范围超出文件', [{ field: 'Range', message: '超出文件大小' }]),
};

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/** Errors of study sessions beyond the basic ones. */
export const StudyErrors = {
  superseded: () =>
    DomainError.conflict('STUDY_SESSION_SUPERSEDED', '已在其他窗口或设备上开始学习，此处已暂停计时（同一时间只能在一处学习）'),
  checkNotOpen: () => DomainError.conflict('ATTENTION_CHECK_NOT_OPEN', '该随堂确认已作答或不存在'),
};
