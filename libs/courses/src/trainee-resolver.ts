import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldIssue, isValidChineseIdNumber, normalizePii, runQuery } from '@cqo/core';
import { TraineesService } from '@cqo/trainees';
import { CsvRow } from './roster-csv';
import { traineesByUsername } from './sql/batch-enrolment.sql';

export interface ResolvedRow {
  row: number;
  traineeId: string | null;
  errors: FieldIssue[];
}

/**
 * Finds the trainee each CSV row names, by citizen ID number (matched through its keyed hash,
 * never stored or echoed) or by username, and flags rows naming someone an earlier row named.
 */
@Injectable()
export class TraineeResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainees: TraineesService,
  ) {}

  async resolve(rows: CsvRow[]): Promise<ResolvedRow[]> {
    const usernames = [...new Set(rows.map((r) => r.values.username?.trim().toLowerCase()).filter(Boolean))];
    const byUsername = new Map<string, string>();
    if (usernames.length) {
      const found = await runQuery(this.dataSource, traineesByUsername, [usernames as string[]]);
      for (const u of found) byUsername.set(u.username, u.id);
    }
    const firstRowOf = new Map<string, number>();
    const resolved: ResolvedRow[] = [];
    for (const r of rows) {
      const errors: FieldIssue[] = r.columnMismatch ? [r.columnMismatch] : [];
      const idNumber = r.values.id_number?.trim() ?? '';
      const username = r.values.username?.trim().toLowerCase() ?? '';
      let traineeId: string | null = null;
      if (!errors.length) {
        if (idNumber && username) errors.push({ field: 'id_number', message: '身份证号和用户名只填一项' });
        else if (!idNumber && !username) errors.push({ field: 'id_number', message: '须填写身份证号或用户名' });
        else if (idNumber) {
          if (!isValidChineseIdNumber(idNumber)) errors.push({ field: 'id_number', message: '身份证号码无效' });
          else {
            traineeId = await this.trainees.findUserIdByIdNumber(normalizePii(idNumber));
            if (!traineeId) errors.push({ field: 'id_number', message: '没有该身份证号的学员' });
          }
        } else {
          traineeId = byUsername.get(username) ?? null;
          if (!traineeId) errors.push({ field: 'username', message: '没有该用户名的学员' });
        }
      }
      if (traineeId) {
        const first = firstRowOf.get(traineeId);
        if (first !== undefined) {
          errors.push({ field: idNumber ? 'id_number' : 'username', message: `与第 ${first} 行是同一学员` });
          traineeId = null;
        } else firstRowOf.set(traineeId, r.row);
      }
      resolved.push({ row: r.row, traineeId: errors.length ? null : traineeId, errors });
    }
    return resolved;
  }
}
