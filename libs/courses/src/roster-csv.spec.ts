import type { DomainError } from '@cqo/core';
import { parseCsv, parseSheetTime, requireTraineeColumn, TRAINEE_COLUMNS } from './roster-csv';

describe('parseCsv', () => {
  it('maps Chinese headers, keeps line numbers and flags rows with the wrong field count', () => {
    const rows = parseCsv('\ufeff身份证号,姓名\r\n620102198001010011,张三\r\n\r\n,李四,多余\r\n', TRAINEE_COLUMNS, requireTraineeColumn);
    expect(rows).toEqual([
      { row: 2, values: { id_number: '620102198001010011', name: '张三' }, columnMismatch: null },
      { row: 4, values: { id_number: '', name: '李四' }, columnMismatch: { field: 'columns', message: expect.any(String) } },
    ]);
  });
  it('refuses unknown or repeated headers, a missing trainee column and an empty file', () => {
    const fieldOf = (text: string) => {
      try {
        parseCsv(text, TRAINEE_COLUMNS, requireTraineeColumn);
        return null;
      } catch (error) {
        return (error as DomainError).details[0].field;
      }
    };
    expect(fieldOf('username,phone\na,b')).toBe('csv.header[1]');
    expect(fieldOf('username,用户名\na,b')).toBe('csv.header[1]');
    expect(fieldOf('name\n张三')).toBe('csv.header');
    expect(fieldOf('')).toBe('csv');
    expect(fieldOf('username\n')).toBe('csv');
  });
});

describe('parseSheetTime', () => {
  it('reads a sheet time as China Standard Time, or an ISO 8601 instant with its offset', () => {
    expect(parseSheetTime('2026-01-10 08:58')).toEqual(new Date('2026-01-10T00:58:00Z'));
    expect(parseSheetTime('2026-01-10T08:58:30')).toEqual(new Date('2026-01-10T00:58:30Z'));
    expect(parseSheetTime('2026-01-10T00:58:00Z')).toEqual(new Date('2026-01-10T00:58:00Z'));
    expect(parseSheetTime('2026-01-10T08:58:00+08:00')).toEqual(new Date('2026-01-10T00:58:00Z'));
  });
  it('refuses anything else', () => {
    for (const bad of ['', '8:58', '2026-01-10', '2026-13-10 08:00', '昨天']) expect([bad, parseSheetTime(bad)]).toEqual([bad, null]);
  });
});
