import { DomainError } from '@cqo/core';

/** Errors of the cmi5 launch and fetch exchange: stable codes, Chinese messages, the offending field. */
export const Cmi5Errors = {
  notCmi5: () =>
    DomainError.invalid('CMI5_LESSON_INVALID', '该课时不是已导入课件包的 cmi5 课时', [
      { field: 'lessonId', message: '不是 cmi5 课时或尚未导入课件包' },
    ]),
  auNotFound: () => DomainError.invalid('CMI5_AU_NOT_FOUND', '课件包中没有该 AU', [{ field: 'auId', message: '课件包中没有该 AU' }]),
  fetchUsed: () =>
    DomainError.invalid('CMI5_FETCH_TOKEN_USED', 'fetch 令牌已使用过或已失效，请重新启动课件', [
      { field: 'fetch', message: '只能使用一次' },
    ]),
};
