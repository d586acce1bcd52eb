/**
 * What each request field is called on screen, in Chinese and English: the API's validation
 * errors and the web app's forms both read this map, so a message names the field by the label
 * the person sees ("课程名称"), never by its code (`title`). Pure data with no imports: the web
 * app bundles this file too.
 *
 * Keys are a DTO property name, `parent.property` where the same name means something else
 * inside a nested object (`drawRules.count`), or `DtoClass.property` where one form calls it
 * something more precise (`CourseContentDto.title` → 课程名称).
 */
export interface FieldLabel {
  zh: string;
  en: string;
}

export type LabelLocale = 'zh' | 'en';

export const FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  // names a form gives a field of its own
  'CourseContentDto.title': { zh: '课程名称', en: 'course title' },
  'CourseContentDto.description': { zh: '课程简介', en: 'course description' },
  'PaperDto.title': { zh: '试卷名称', en: 'paper title' },
  'QuestionDto.category': { zh: '类别', en: 'category' },
  'AdjustmentDto.category': { zh: '类别', en: 'category' },
  // hours earned elsewhere (external claims)
  'ExternalClaimCreateDto.title': { zh: '培训名称', en: 'training title' },
  'ExternalClaimCreateDto.hours': { zh: '申报学时', en: 'hours claimed' },
  'ExternalClaimCreateDto.topicCodes': { zh: '培训专题', en: 'topics' },
  organiser: { zh: '主办单位', en: 'organiser' },
  startedOn: { zh: '开始日期', en: 'first day' },
  evidence: { zh: '证明材料', en: 'evidence' },
  approvedHours: { zh: '认定学时', en: 'hours approved' },
  reductionReason: { zh: '核减原因', en: 'reason for the reduction' },
  // accounts and log-in
  username: { zh: '用户名', en: 'username' },
  password: { zh: '密码', en: 'password' },
  currentPassword: { zh: '当前密码', en: 'current password' },
  newPassword: { zh: '新密码', en: 'new password' },
  email: { zh: '邮箱', en: 'e-mail' },
  userIds: { zh: '人员', en: 'people' },
  refreshToken: { zh: '登录凭据', en: 'session token' },
  displayName: { zh: '显示名称', en: 'display name' },
  role: { zh: '角色', en: 'role' },
  status: { zh: '状态', en: 'status' },
  organizationId: { zh: '培训机构', en: 'training organization' },
  enterpriseId: { zh: '企业', en: 'enterprise' },
  enterpriseName: { zh: '企业名称', en: 'enterprise name' },
  regionId: { zh: '地区', en: 'region' },
  // trainee profile
  fullName: { zh: '姓名', en: 'full name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'mobile number' },
  educationLevel: { zh: '学历', en: 'education' },
  qualityWorkYears: { zh: '质量管理工作年限', en: 'years in quality management' },
  qualityQualification: { zh: '质量专业技术资格', en: 'quality qualification' },
  relatedSeniorTitle: { zh: '相关高级职称', en: 'related senior title' },
  titleName: { zh: '职称名称', en: 'title name' },
  yearlyRequirementsOptIn: { zh: '参加年度学时要求', en: 'yearly requirements' },
  trainee: { zh: '人员', en: 'person' },
  traineeId: { zh: '学员', en: 'trainee' },
  // organizations and enterprises
  name: { zh: '名称', en: 'name' },
  creditCode: { zh: '统一社会信用代码', en: 'unified social credit code' },
  contactName: { zh: '联系人', en: 'contact person' },
  stateOwned: { zh: '国有企业', en: 'state-owned' },
  aboveDesignatedSize: { zh: '规模以上', en: 'above designated size' },
  production: { zh: '生产型企业', en: 'production enterprise' },
  chinaQualityAward: { zh: '中国质量奖', en: 'China Quality Award' },
  provincialQualityAward: { zh: '甘肃省政府质量奖', en: 'provincial quality award' },
  cityQualityAward: { zh: '市级质量奖', en: 'city quality award' },
  // courses and lessons
  title: { zh: '标题', en: 'title' },
  description: { zh: '简介', en: 'description' },
  category: { zh: '课程类别', en: 'category' },
  topic: { zh: '知识点', en: 'topic' },
  topicCodes: { zh: '知识点', en: 'topics' },
  topics: { zh: '知识点', en: 'topics' },
  kind: { zh: '类型', en: 'kind' },
  creditHours: { zh: '学时', en: 'credit hours' },
  deliveryMode: { zh: '授课方式', en: 'delivery mode' },
  capacity: { zh: '名额', en: 'capacity' },
  enrollmentOpensAt: { zh: '报名开始时间', en: 'enrolment opens' },
  enrollmentClosesAt: { zh: '报名截止时间', en: 'enrolment closes' },
  completionShare: { zh: '完成比例', en: 'completion share' },
  finalExamPaperId: { zh: '结业考试试卷', en: 'final exam paper' },
  lessons: { zh: '课节', en: 'lessons' },
  'lessons.title': { zh: '课节标题', en: 'lesson title' },
  'lessons.type': { zh: '课节类型', en: 'lesson type' },
  minutes: { zh: '时长（分钟）', en: 'minutes' },
  required: { zh: '必修', en: 'required' },
  contentUrl: { zh: '内容地址', en: 'content URL' },
  startsAt: { zh: '开始时间', en: 'starts at' },
  endsAt: { zh: '结束时间', en: 'ends at' },
  venue: { zh: '地点', en: 'venue' },
  approvalNumber: { zh: '批准文号', en: 'approval number' },
  reason: { zh: '原因', en: 'reason' },
  courseId: { zh: '课程', en: 'course' },
  courseVersionId: { zh: '课程版本', en: 'course version' },
  enrollmentId: { zh: '报名记录', en: 'enrolment' },
  lessonId: { zh: '课节', en: 'lesson' },
  openOnly: { zh: '只看可报名', en: 'open only' },
  q: { zh: '关键词', en: 'search words' },
  csv: { zh: 'CSV 文件', en: 'CSV file' },
  mode: { zh: '导入方式', en: 'import mode' },
  signedInAt: { zh: '签到时间', en: 'signed in at' },
  signedOutAt: { zh: '签退时间', en: 'signed out at' },
  // questions and papers
  type: { zh: '题型', en: 'question type' },
  stem: { zh: '题干', en: 'question text' },
  options: { zh: '选项', en: 'options' },
  'options.text': { zh: '选项内容', en: 'option text' },
  'options.correct': { zh: '正确答案', en: 'correct answer' },
  difficulty: { zh: '难度', en: 'difficulty' },
  difficultyBand: { zh: '难度范围', en: 'difficulty range' },
  explanation: { zh: '解析', en: 'explanation' },
  includeArchived: { zh: '包含已停用', en: 'include archived' },
  format: { zh: '文件格式', en: 'file format' },
  dryRun: { zh: '仅检查', en: 'check only' },
  passMarkPercent: { zh: '及格分（%）', en: 'pass mark (%)' },
  timeLimitMinutes: { zh: '考试时长（分钟）', en: 'time limit (minutes)' },
  maxAttempts: { zh: '可考次数', en: 'attempts allowed' },
  cooldownMinutes: { zh: '重考间隔（分钟）', en: 'wait between attempts (minutes)' },
  graceSeconds: { zh: '交卷宽限（秒）', en: 'grace period (seconds)' },
  shuffleQuestions: { zh: '题目乱序', en: 'shuffle questions' },
  shuffleOptions: { zh: '选项乱序', en: 'shuffle options' },
  revealAnswers: { zh: '交卷后显示答案', en: 'reveal answers' },
  fixedQuestions: { zh: '固定试题', en: 'fixed questions' },
  drawRules: { zh: '抽题规则', en: 'draw rule' },
  'drawRules.count': { zh: '题数', en: 'number of questions' },
  count: { zh: '数量', en: 'count' },
  points: { zh: '分值', en: 'points' },
  questionId: { zh: '试题', en: 'question' },
  paperId: { zh: '试卷', en: 'paper' },
  passed: { zh: '是否通过', en: 'passed' },
  answers: { zh: '答案', en: 'answers' },
  position: { zh: '题号', en: 'question number' },
  optionIds: { zh: '所选选项', en: 'chosen options' },
  // credit hours and rule sets
  year: { zh: '年度', en: 'year' },
  hours: { zh: '学时', en: 'hours' },
  occurredOn: { zh: '发生日期', en: 'date' },
  evidenceRef: { zh: '依据', en: 'evidence' },
  requirement: { zh: '学时要求', en: 'requirement' },
  state: { zh: '完成情况', en: 'progress' },
  code: { zh: '代码', en: 'code' },
  minHours: { zh: '最低学时', en: 'minimum hours' },
  period: { zh: '周期', en: 'period' },
  countAppointmentHours: { zh: '计入任职培训学时', en: 'count appointment hours' },
  atRiskThreshold: { zh: '滞后提醒比例', en: 'at-risk threshold' },
  appliesTo: { zh: '适用人员', en: 'applies to' },
  effectiveFrom: { zh: '生效日期', en: 'effective from' },
  reminderDates: { zh: '提醒日期', en: 'reminder dates' },
  rules: { zh: '规则', en: 'rule' },
  // appointments, declarations and reports
  positionTitle: { zh: '职务', en: 'position' },
  positionLevel: { zh: '职务层级', en: 'position level' },
  positionExceptionReason: { zh: '职务例外说明', en: 'reason for the position exception' },
  authorizationCertificateNo: { zh: '授权书编号', en: 'authorization number' },
  appointedOn: { zh: '聘任日期', en: 'appointment date' },
  termYears: { zh: '任期（年）', en: 'term (years)' },
  eligibilityExceptionReason: { zh: '任职条件例外说明', en: 'reason for the eligibility exception' },
  endedOn: { zh: '结束日期', en: 'end date' },
  note: { zh: '备注', en: 'note' },
  exceptionsOnly: { zh: '只看例外', en: 'exceptions only' },
  declaredOn: { zh: '声明日期', en: 'declaration date' },
  fileName: { zh: '文件名', en: 'file name' },
  contentType: { zh: '文件类型', en: 'file type' },
  cqoInPlace: { zh: '首席质量官在岗', en: 'CQO in place' },
  appraisalSystemEstablished: { zh: '已建立考核制度', en: 'appraisal system established' },
  appraisalResult: { zh: '考核结果', en: 'appraisal result' },
  majorQualityIncidents: { zh: '重大质量事故', en: 'major quality incidents' },
  summary: { zh: '工作总结', en: 'summary' },
  file: { zh: '附件', en: 'attachment' },
  // regulators and certificates
  serial: { zh: '证书编号', en: 'certificate serial' },
  idLast4: { zh: '身份证号后四位', en: 'last four characters of the ID number' },
  pdfBase64: { zh: 'PDF 文件', en: 'PDF file' },
  contentBase64: { zh: '文件内容', en: 'file content' },
  flaggedOn: { zh: '标记日期', en: 'flag date' },
  actorId: { zh: '操作人', en: 'actor' },
  subjectId: { zh: '查询对象', en: 'subject' },
  target: { zh: '目标企业类别', en: 'target group' },
  appointed: { zh: '是否已聘任', en: 'appointed' },
  page: { zh: '页码', en: 'page' },
  pageSize: { zh: '每页条数', en: 'page size' },
  // e-mail links and notification settings (issue 16; email and newPassword are named with the account fields)
  token: { zh: '链接', en: 'link' },
  emailReminders: { zh: '提醒邮件', en: 'reminder e-mails' },
  emailUpdates: { zh: '通知邮件', en: 'notice e-mails' },
};

/**
 * The on-screen name of a request path: `drawRules[0].count` → 抽题规则第 1 条的题数
 * ("draw rule 1: number of questions"). `scope` is the DTO class of a top-level field, when
 * known. An unknown name is returned as written.
 */
export function fieldLabel(path: string, locale: LabelLocale = 'zh', scope?: string): string {
  const parts: { name: string; index?: number }[] = [];
  for (const piece of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(piece);
    if (!m) return path;
    const indexes = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
    if (m[1]) parts.push({ name: m[1] });
    for (const index of indexes) parts.push({ name: '', index });
  }
  const names = parts.filter((p) => p.name).map((p) => p.name);
  const leaf = names[names.length - 1] ?? path;
  const parent = names[names.length - 2];
  const own = (parent && FIELD_LABELS[`${parent}.${leaf}`]) || (!parent && scope && FIELD_LABELS[`${scope}.${leaf}`]) || FIELD_LABELS[leaf];
  const leafText = own ? own[locale] : leaf;
  if (!parent) {
    const index = parts.find((p) => p.index !== undefined)?.index;
    return index === undefined ? leafText : locale === 'zh' ? `第 ${index + 1} 项${leafText}` : `${leafText} ${index + 1}`;
  }
  // Name the enclosing item by its position (`drawRules[0]` → 抽题规则第 1 条).
  const parentIndex = parts.findIndex((p) => p.name === parent);
  const position = parts[parentIndex + 1]?.index;
  const parentText = FIELD_LABELS[parent]?.[locale] ?? parent;
  if (position === undefined) return locale === 'zh' ? `${parentText}的${leafText}` : `${parentText}: ${leafText}`;
  return locale === 'zh' ? `${parentText}第 ${position + 1} 条的${leafText}` : `${parentText} ${position + 1}: ${leafText}`;
}
