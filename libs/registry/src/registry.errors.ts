import type { FieldIssue } from '@cqo/core';
import { DomainError } from '@cqo/core';
import type { EligibilityResult } from './eligibility/eligibility.types';

export const RegistryErrors = {
  traineeNotFound: (field = 'trainee') =>
    DomainError.invalid('TRAINEE_NOT_FOUND', '未找到该学员', [{ field, message: '未找到该学员（请核对用户名或身份证号码）' }]),
  traineeIdentifierRequired: () =>
    DomainError.invalid('TRAINEE_IDENTIFIER_REQUIRED', '请提供学员用户名或身份证号码（二选一）', [
      { field: 'trainee', message: '请提供 username 或 idNumber 之一' },
    ]),
  traineeNotEmployed: () =>
    DomainError.conflict('TRAINEE_NOT_EMPLOYED', '该学员的工作单位不是本企业，请学员先在个人资料中将本企业填为工作单位', [
      { field: 'trainee', message: '学员工作单位不是本企业' },
    ]),
  notEligible: (result: EligibilityResult) =>
    DomainError.conflict(
      'CQO_NOT_ELIGIBLE',
      `该人员不符合首席质量官任职条件：${result.conditions
        .filter((c) => !c.met)
        .map((c) => c.message)
        .join('；')}。如确需聘任，请填写例外说明`,
      result.conditions.filter((c) => !c.met).map((c) => ({ field: `eligibility.${c.code}`, message: c.message ?? '' })),
    ),
  positionExceptionRequired: () =>
    DomainError.invalid('POSITION_EXCEPTION_REQUIRED', '副总经理以下职务聘任首席质量官须说明理由（小微企业酌情设立）', [
      { field: 'positionExceptionReason', message: '副总经理以下职务须说明理由' },
    ]),
  enterpriseHasServingCqo: () =>
    DomainError.conflict('ENTERPRISE_HAS_SERVING_CQO', '本企业已有在任首席质量官，请先登记其离任', [
      { field: 'trainee', message: '本企业已有在任首席质量官' },
    ]),
  traineeAlreadyServing: () =>
    DomainError.conflict('TRAINEE_ALREADY_SERVING', '该人员正在其他企业担任首席质量官，须待原企业登记其离任后才能聘任', [
      { field: 'trainee', message: '正在其他企业任首席质量官' },
    ]),
  certificateNoTaken: () =>
    DomainError.conflict('AUTHORIZATION_CERTIFICATE_NO_TAKEN', '本企业已登记该聘任授权证书编号', [
      { field: 'authorizationCertificateNo', message: '编号重复' },
    ]),
  appointmentNotFound: () => DomainError.notFound('APPOINTMENT_NOT_FOUND', '聘任记录不存在'),
  appointmentAlreadyEnded: () =>
    DomainError.conflict('APPOINTMENT_ALREADY_ENDED', '该聘任已结束', [{ field: 'id', message: '该聘任已结束' }]),
  endBeforeStart: () =>
    DomainError.invalid('END_DATE_BEFORE_APPOINTMENT', '离任日期不能早于聘任日期', [{ field: 'endedOn', message: '不能早于聘任日期' }]),
  noRuleSet: () => DomainError.conflict('ELIGIBILITY_RULES_MISSING', '没有生效的首席质量官任职条件规则'),
  cqoNotFound: () => DomainError.notFound('CQO_NOT_FOUND', '未找到该人员'),
  flagNotFound: () => DomainError.notFound('CQO_FLAG_NOT_FOUND', '标记不存在'),
  flagAlreadyCleared: () => DomainError.conflict('CQO_FLAG_ALREADY_CLEARED', '该标记已撤销', [{ field: 'id', message: '已撤销' }]),
  reportNotFound: () => DomainError.notFound('YEARLY_REPORT_NOT_FOUND', '年度报告不存在'),
  reportAcknowledged: () =>
    DomainError.conflict('YEARLY_REPORT_ACKNOWLEDGED', '该年度报告已被签收，不能再修改', [{ field: 'year', message: '已签收' }]),
  reportFileInvalid: (details: FieldIssue[]) => DomainError.invalid('REPORT_FILE_INVALID', '报告附件无效', details),
  reportNotReady: () => DomainError.conflict('CITY_REPORT_NOT_READY', '报告尚未生成完成'),
  notACity: () =>
    DomainError.invalid('REGION_NOT_CITY', '年度报告按市（州）生成，请选择市（州）', [{ field: 'regionId', message: '须为市（州）' }]),
  regionNotFound: () => DomainError.invalid('REGION_NOT_FOUND', '地区不存在', [{ field: 'regionId', message: '地区不存在' }]),
  enterpriseNotFound: () => DomainError.notFound('ENTERPRISE_NOT_FOUND', '企业不存在'),
  notRenewable: (why: string) => DomainError.conflict('APPOINTMENT_NOT_RENEWABLE', `不能续聘：${why}`, [{ field: 'id', message: why }]),
  notTheCityBureau: () => DomainError.forbidden('CITY_REPORT_CITY_ONLY', '市（州）年度报告由本市（州）市场监管部门签发报送'),
  notTheProvince: () => DomainError.forbidden('CITY_REPORT_PROVINCE_ONLY', '市（州）年度报告由省市场监管部门签收或退回'),
  reportAlreadySubmitted: (status: string) =>
    DomainError.conflict(
      'CITY_REPORT_ALREADY_SUBMITTED',
      status === 'acknowledged' ? '该年度报告已被省局签收' : '该年度报告已报送，等待省局签收或退回',
      [{ field: 'id', message: status === 'acknowledged' ? '已签收' : '已报送' }],
    ),
  versionNotAwaitingDecision: () =>
    DomainError.conflict('CITY_REPORT_VERSION_NOT_SUBMITTED', '该版本不在待签收状态', [{ field: 'version', message: '不在待签收状态' }]),
  asOfOutOfRange: () =>
    DomainError.invalid('AS_OF_OUT_OF_RANGE', '统计日期须在2000年至今天之间', [{ field: 'asOf', message: '统计日期超出范围' }]),
  unknownTarget: () => DomainError.invalid('TARGET_UNKNOWN', '没有该目标', [{ field: 'target', message: '没有该目标' }]),
  yearOutOfRange: (field = 'year') => DomainError.invalid('YEAR_OUT_OF_RANGE', '年度超出范围', [{ field, message: '年度超出范围' }]),
};
